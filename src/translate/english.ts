/**
 * The English version of a note's model, for the English handout: each unit
 * takes its translation (`unitTranslations`); a unit that is not translated
 * keeps its French, marked "[not translated]" (or "[French changed]" when its
 * French changed since the translation) and counted. What the handout writes
 * around the text follows: the citations' labels (the Sources, "To complete"
 * and the comments) are the English words of their links, the lead (the core
 * properties) is the English lead, and the acronyms (the keywords) are those
 * the English text uses. Pure.
 */
import { IdFactory } from '../ids.ts'
import type {
  Acronym,
  Block,
  Citation,
  DocumentModel,
  Inline,
  Position,
  Statistic,
} from '../model/schema.ts'
import { findAcronymDefinitions } from '../text/acronyms.ts'
import { piecesText } from './content.ts'
import type { UnitTranslation } from './targets.ts'

/** Markers of the units that keep their French. */
export const NOT_TRANSLATED = '[not translated]'
export const FRENCH_CHANGED = '[French changed]'

/** An English model and how many of its units are not translated. */
export interface EnglishNote {
  model: DocumentModel
  untranslated: number
}

const key = (position: Position) => `${position.start.line}:${position.start.column}`

/** A copy of the model with the translated units in English and the others marked. */
export function englishNote(
  model: DocumentModel,
  translations: readonly UnitTranslation[],
): EnglishNote {
  const byPosition = new Map<string, UnitTranslation>()
  const byField = new Map<string, UnitTranslation>()
  for (const t of translations) {
    if (t.unit.kind === 'alt') continue
    if (t.unit.field) byField.set(t.unit.field, t)
    else if (t.unit.position) byPosition.set(key(t.unit.position), t)
  }
  let untranslated = 0
  const done = (t: UnitTranslation) => t.status === 'translated' && t.inlines !== null
  const marker = (t: UnitTranslation) => (t.status === 'stale' ? FRENCH_CHANGED : NOT_TRANSLATED)
  // The English words of each link citation, from the first link that carries it.
  const labels = new Map<string, string>()
  const label = (list: readonly Inline[], prefix: string) => {
    for (const node of list) {
      if (node.type === 'link' && node.citationId && !labels.has(node.citationId)) {
        const words = collapse(inlinesText(node.children))
        if (words !== '') labels.set(node.citationId, `${prefix}${words}`)
      }
      if ('children' in node) label(node.children, prefix)
    }
  }
  // The plain English text of each translated unit, for its acronyms.
  const translatedTexts: Array<{ text: string; position: Position }> = []
  const inlines = (position: Position, french: Inline[]): Inline[] => {
    const t = byPosition.get(key(position))
    if (!t) return french
    if (done(t)) {
      label(t.inlines!, '')
      // Link words left out: "(METR, 2026)" is a citation, not a definition.
      translatedTexts.push({ text: inlinesText(t.inlines!, ' '), position })
      return t.inlines!
    }
    label(french, `${marker(t)} `)
    untranslated++
    const [first, ...rest] = french
    return first?.type === 'text'
      ? [{ type: 'text', value: `${marker(t)} ${first.value}` }, ...rest]
      : [{ type: 'text', value: `${marker(t)} ` }, ...french]
  }
  const plain = (t: UnitTranslation | undefined, french: string): string => {
    if (!t) return french
    if (done(t)) return inlinesText(t.inlines!)
    untranslated++
    return `${marker(t)} ${french}`
  }
  const blocks = (list: readonly Block[]): Block[] =>
    list.map((block): Block => {
      switch (block.type) {
        case 'paragraph':
          return { ...block, children: inlines(block.position, block.children) }
        case 'list':
          return {
            ...block,
            items: block.items.map((item) => ({ ...item, children: blocks(item.children) })),
          }
        case 'blockquote':
          return { ...block, children: blocks(block.children) }
        case 'table':
          return {
            ...block,
            rows: block.rows.map((row, r) =>
              row.map((cell, c) => {
                const position = block.cellPositions[r]?.[c]
                return position ? inlines(position, cell) : cell
              }),
            ),
          }
        default:
          return block
      }
    })
  const frontmatter = { ...model.meta.frontmatter }
  for (const [field, t] of byField) {
    const value = frontmatter[field]
    if (typeof value === 'string') frontmatter[field] = plain(t, value)
  }
  const englishTitle = byField.get('title')
  const englishBlocks = blocks(model.blocks)
  const footnotes = model.footnotes.map((f) => ({ ...f, children: blocks(f.children) }))
  const headings = model.headings.map((h) => {
    const title = plain(byPosition.get(key(h.position)), h.title)
    const prefix = h.text.endsWith(h.title) ? h.text.slice(0, h.text.length - h.title.length) : ''
    return { ...h, title, text: `${prefix}${title}` }
  })
  const english: DocumentModel = {
    ...model,
    meta: {
      ...model.meta,
      title:
        englishTitle && done(englishTitle)
          ? inlinesText(englishTitle.inlines!)
          : (headings.find((h, i) => h.depth === 1 && model.headings[i]!.title === model.meta.title)
              ?.title ?? model.meta.title),
      lead: englishLead(model, englishBlocks, frontmatter),
      frontmatter,
    },
    headings,
    blocks: englishBlocks,
    footnotes,
    citations: model.citations.map((citation): Citation => ({
      ...citation,
      label: labels.get(citation.id) ?? citation.label,
    })),
    acronyms: englishAcronyms(model.acronyms, translatedTexts, [
      ...headings.map((h) => h.title),
      ...[...englishBlocks, ...footnotes.flatMap((f) => f.children)].map(blockText),
    ]),
    statistics: englishSentences(model.statistics, translations),
  }
  return { model: english, untranslated }
}

const collapse = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()

/**
 * The lead in English: the text of the English lead paragraph (marked when
 * left in French), else the English `description` it came from; a lead from
 * the `lead` or `chapo` front matter, which is not a unit, stays French, marked.
 */
function englishLead(
  model: DocumentModel,
  blocks: readonly Block[],
  frontmatter: Record<string, unknown>,
): string | null {
  if (model.meta.lead === null) return null
  const block = blocks.find((b) => b.type === 'paragraph' && b.role === 'lead')
  if (block?.type === 'paragraph') return collapse(inlinesText(block.children))
  const front = model.meta.frontmatter
  const given = (field: string) => {
    const value = front[field]
    return typeof value === 'string' && value.trim() !== ''
  }
  if (!given('lead') && !given('chapo') && typeof frontmatter['description'] === 'string')
    return collapse(frontmatter['description'])
  return `${NOT_TRANSLATED} ${model.meta.lead}`
}

/**
 * The acronyms of the English model: the note's acronyms that the English
 * text still uses ("CeSIA", not "TNP"), then those the translated units
 * define ("NPT"), once each. Linear in the text: one set of its words.
 */
function englishAcronyms(
  french: readonly Acronym[],
  translated: ReadonlyArray<{ text: string; position: Position }>,
  texts: readonly string[],
): Acronym[] {
  const words = new Set(texts.flatMap((text) => text.match(/[\p{L}\p{N}&.-]+/gu) ?? []))
  const used = (short: string) => short.split(/[\s\u00a0\u202f]+/u).every((w) => words.has(w))
  const out = french.filter((a) => used(a.short))
  const seen = new Set(out.map((a) => a.short))
  const ids = new IdFactory()
  for (const { text, position } of translated) {
    for (const definition of findAcronymDefinitions(text)) {
      if (seen.has(definition.short)) continue
      seen.add(definition.short)
      out.push({
        id: ids.make('a', 'en', definition.short, definition.long),
        short: definition.short,
        long: definition.long,
        position,
      })
    }
  }
  return out
}

/** The plain text of a block (headings are read from the model's headings). */
function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesText(block.children)
    case 'list':
      return block.items.flatMap((item) => item.children.map(blockText)).join(' ')
    case 'blockquote':
      return block.children.map(blockText).join(' ')
    case 'table':
      return block.rows.flatMap((row) => row.map((cell) => inlinesText(cell))).join(' ')
    default:
      return ''
  }
}

/**
 * The statistics with their `sentence` in English where the unit that holds
 * them is translated: the target segment of the French sentence when the
 * target has as many segments as the source, else the whole target. Their
 * `text` stays the note's (the handout writes the figure in its English
 * style from the value); the sentence of a unit left in French is marked
 * like the unit. Linear: units and statistics are both walked in document order.
 */
function englishSentences(
  statistics: readonly Statistic[],
  translations: readonly UnitTranslation[],
): Statistic[] {
  const units = translations
    .filter((t) => t.unit.position && t.unit.kind !== 'alt')
    .sort((a, b) => a.unit.position!.start.offset - b.unit.position!.start.offset)
  const order = statistics
    .map((statistic, index) => ({ statistic, index }))
    .sort((a, b) => a.statistic.position.start.offset - b.statistic.position.start.offset)
  const out = [...statistics]
  let u = 0
  for (const { statistic, index } of order) {
    const at = statistic.position.start.offset
    while (u < units.length && units[u]!.unit.position!.end.offset <= at) u++
    const t = units[u]
    if (!t || t.unit.position!.start.offset > at) continue
    if (t.status !== 'translated' || !t.segments) {
      // Left in French: marked like its unit.
      const marker = t.status === 'stale' ? FRENCH_CHANGED : NOT_TRANSLATED
      out[index] = { ...statistic, sentence: `${marker} ${statistic.sentence}` }
      continue
    }
    const french = t.unit.content.segments.map((segment) => collapse(piecesText(segment)))
    const wanted = collapse(statistic.sentence)
    const i = french.findIndex((sentence) => sentence === wanted || sentence.includes(wanted))
    const sentence =
      i >= 0 && t.segments.length === french.length ? t.segments[i]! : t.segments.join(' ')
    out[index] = { ...statistic, sentence: collapse(sentence) }
  }
  return out
}

/** The plain text of inlines; `link`, when given, stands for the words of each link. */
function inlinesText(list: readonly Inline[], link: string | null = null): string {
  return list
    .map((i): string =>
      i.type === 'text' || i.type === 'code'
        ? i.value
        : i.type === 'link' && link !== null
          ? link
          : 'children' in i
            ? inlinesText(i.children, link)
            : i.type === 'break'
              ? ' '
              : '',
    )
    .join('')
}
