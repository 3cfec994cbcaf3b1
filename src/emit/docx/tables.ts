/**
 * Tables of the brief, all in the named table style `FicheTableau`: the
 * note's own tables, the "Chiffres clés" table of the statistics and the
 * glossary annex.
 */
import {
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { isFigure, type DocumentModel, type Inline, type Statistic } from '../../model/schema.ts'
import { cleanText, languageOf, type BriefContext } from './context.ts'
import { renderInlines } from './inlines.ts'
import { Style, TEXT_WIDTH } from './styles.ts'
import { shorten, shortenAround } from './text.ts'

/** A row of the glossary annex, as the glossary builder gives it. */
export interface GlossaryRow {
  french: string
  english: string
  acronyms: string[]
  /** The French definition (the brief is in French); empty when the termbase has none. */
  definition: string
}

/** A table in the brief's table style; the first row is the header, repeated on every page. */
function styledTable(header: string[], rows: ParagraphChild[][][], shares: number[]): Table {
  const total = shares.reduce((sum, share) => sum + share, 0)
  const widths = shares.map((share) => Math.floor((TEXT_WIDTH * share) / total))
  const cell = (children: ParagraphChild[], index: number, style: string) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ style, children })],
    })
  return new Table({
    style: Style.table,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    tableLook: { firstRow: true, noVBand: true },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((text, index) =>
          cell([new TextRun({ text })], index, Style.tableHeader),
        ),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((children, index) => cell(children, index, Style.tableText)),
          }),
      ),
    ],
  })
}

/** A table of the note: its first row is taken as the header. */
export function renderTable(context: BriefContext, rows: readonly Inline[][][]): Table {
  const width = Math.max(1, ...rows.map((row) => row.length))
  const [first = [], ...rest] = rows
  const header = Array.from({ length: width }, (_, i) =>
    cleanText(context, (first[i] ?? []).map(inlineText).join(''), null),
  )
  const body = rest.map((row) =>
    Array.from({ length: width }, (_, i) => renderInlines(context, row[i] ?? [], null)),
  )
  return styledTable(
    header,
    body,
    Array.from({ length: width }, () => 1),
  )
}

function inlineText(node: Inline): string {
  if (node.type === 'text' || node.type === 'code') return node.value
  if (node.type === 'break') return ' '
  if (node.type === 'footnoteReference') return ''
  if (node.type === 'image') return node.alt
  return node.children.map(inlineText).join('')
}

/** Headings of sections whose figures the note marks as key ("Chiffres clés", "En chiffres"). */
const KEY_SECTION =
  /(?<!\p{L})(?:chiffres?[\s-]+cl[ée]s?|en chiffres|key figures|key facts)(?!\p{L})/iu

/** The figures the front matter marks as key: `chiffres-cles` or `keyFigures`, texts that a figure's text holds. */
function markedTexts(model: DocumentModel): Set<string> {
  const front = model.meta.frontmatter
  const list = front['chiffres-cles'] ?? front['chiffres-clés'] ?? front['keyFigures']
  const texts = Array.isArray(list) ? list : typeof list === 'string' ? [list] : []
  return new Set(texts.filter((t) => typeof t === 'string').map((t) => normalizeFigure(t)))
}

const normalizeFigure = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()

/**
 * The figures of the "Chiffres clés" table: figures (not dates or years)
 * that a citation sources or that the note marks as key (a "Chiffres clés"
 * section, a `chiffres-cles` front-matter list), once per value, at most
 * `limit`, in document order.
 */
export function keyFigures(model: DocumentModel, limit: number): Statistic[] {
  const sources = new Set(model.citations.filter((c) => c.role === 'citation').map((c) => c.id))
  const keySections = new Set(
    model.headings.filter((h) => KEY_SECTION.test(h.title)).map((h) => h.sectionId),
  )
  const marked = markedTexts(model)
  const seen = new Set<string>()
  const out: Statistic[] = []
  for (const statistic of model.statistics) {
    if (out.length >= limit) break
    if (!isFigure(statistic)) continue
    const sourced = statistic.citationIds.some((id) => sources.has(id))
    const key =
      (statistic.sectionId !== null && keySections.has(statistic.sectionId)) ||
      [...marked].some((text) => normalizeFigure(statistic.text).includes(text))
    if (!sourced && !key) continue
    const identity = `${statistic.kind}|${statistic.value}|${statistic.unit ?? ''}|${statistic.qualifier}`
    if (seen.has(identity)) continue
    seen.add(identity)
    out.push(statistic)
  }
  return out
}

/** The sources of a statistic: its citations' labels and Sources numbers. */
function sourceRuns(context: BriefContext, statistic: Statistic): ParagraphChild[] {
  const seen = new Set<number>()
  const runs: ParagraphChild[] = []
  for (const id of statistic.citationIds) {
    const citation = context.citations.get(id)
    const source = context.sourceOf.get(id)
    if (!citation || !source || seen.has(source.number)) continue
    seen.add(source.number)
    if (runs.length > 0) runs.push(new TextRun({ text: context.locale.separator }))
    const label = cleanText(context, citation.label, citation.position)
    runs.push(
      new TextRun({
        text: `${shorten(label, 30)} [${source.number}]`,
        ...(source.url ? {} : { style: Style.missingSource, highlight: 'yellow' as const }),
        ...(languageOf(label) ? { language: languageOf(label)! } : {}),
      }),
    )
  }
  return runs.length > 0 ? runs : [new TextRun({ text: context.locale.unsourced })]
}

/**
 * The "Chiffres clés" table: each key figure (its words kept together), its
 * short context and its source.
 */
export function keyFiguresTable(context: BriefContext, figures: readonly Statistic[]): Table {
  const rows = figures.map((statistic) => {
    const text = cleanText(context, statistic.text, statistic.position)
    const sentence = cleanText(context, statistic.sentence, statistic.position)
    // The handout writes the figure in its English style; the brief keeps the note's words.
    const shown = context.locale.figure(statistic) ?? text
    // A sentence left in French (handout): its marker highlighted, the French marked fr-FR.
    const marker = context.locale.markers.find((m) => sentence.startsWith(`${m} `))
    const words = marker ? sentence.slice(marker.length + 1) : sentence
    const around = shortenAround(words, words.includes(shown) ? shown : text, 160)
    return [
      [new TextRun({ text: shown.replace(/ /gu, '\u00a0'), bold: true })],
      marker
        ? [
            new TextRun({ text: marker, highlight: 'yellow' }),
            new TextRun({ text: ` ${around}`, language: { value: 'fr-FR' } }),
          ]
        : [new TextRun({ text: around })],
      sourceRuns(context, statistic),
    ]
  })
  return styledTable(context.locale.figureHeaders, rows, [22, 53, 25])
}

/** The glossary annex: French term, English term (en-GB), acronyms, definition. */
export function glossaryTable(context: BriefContext, glossary: readonly GlossaryRow[]): Table {
  const clean = (text: string) => cleanText(context, text, null)
  const englishFirst = context.locale.language.startsWith('en')
  const rows = glossary.map((row) => {
    const french = [
      new TextRun({
        text: clean(row.french),
        bold: !englishFirst,
        ...(englishFirst ? { language: { value: 'fr-FR' } } : {}),
      }),
    ]
    const english = [
      new TextRun({
        text: clean(row.english),
        ...(englishFirst ? { bold: true } : {}),
        language: { value: 'en-GB' },
      }),
    ]
    return [
      englishFirst ? english : french,
      englishFirst ? french : english,
      [new TextRun({ text: clean(row.acronyms.join(', ')) })],
      [new TextRun({ text: clean(row.definition) })],
    ]
  })
  return styledTable(context.locale.glossaryHeaders, rows, [20, 20, 12, 48])
}
