/**
 * The English version of a note's model, for the English handout: each unit
 * takes its translation (`unitTranslations`); a unit that is not translated
 * keeps its French, marked "[not translated]" (or "[French changed]" when its
 * French changed since the translation) and counted. Pure.
 */
import type { Block, DocumentModel, Inline, Position, Statistic } from '../model/schema.ts'
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
  const inlines = (position: Position, french: Inline[]): Inline[] => {
    const t = byPosition.get(key(position))
    if (!t) return french
    if (done(t)) return t.inlines!
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
      frontmatter,
    },
    headings,
    blocks: blocks(model.blocks),
    footnotes: model.footnotes.map((f) => ({ ...f, children: blocks(f.children) })),
    statistics: englishSentences(model.statistics, translations),
  }
  return { model: english, untranslated }
}

const collapse = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()

/**
 * The statistics with their `sentence` in English where the unit that holds
 * them is translated: the target segment of the French sentence when the
 * target has as many segments as the source, else the whole target. Their
 * `text` stays the note's (the handout writes the figure in its English
 * style from the value). Linear: units and statistics are both walked in
 * document order.
 */
function englishSentences(
  statistics: readonly Statistic[],
  translations: readonly UnitTranslation[],
): Statistic[] {
  const units = translations
    .filter((t) => t.unit.position && t.unit.kind !== 'alt' && t.status === 'translated')
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
    if (!t?.segments || t.unit.position!.start.offset > at) continue
    const french = t.unit.content.segments.map((segment) => collapse(piecesText(segment)))
    const wanted = collapse(statistic.sentence)
    const i = french.findIndex((sentence) => sentence === wanted || sentence.includes(wanted))
    const sentence =
      i >= 0 && t.segments.length === french.length ? t.segments[i]! : t.segments.join(' ')
    out[index] = { ...statistic, sentence: collapse(sentence) }
  }
  return out
}

/** The plain text of inlines. */
function inlinesText(list: readonly Inline[]): string {
  return list
    .map((i) =>
      i.type === 'text' || i.type === 'code'
        ? i.value
        : 'children' in i
          ? inlinesText(i.children)
          : i.type === 'break'
            ? ' '
            : '',
    )
    .join('')
}
