/**
 * fiche plugin: the note's metadata. Title from the front matter or the
 * first heading when it is of depth 1 (never invented); date and place from
 * the front matter, the reader's metadata line or a dateline such as
 * "Paris, le 5 février 2026."; the lead (standfirst) is the first paragraph
 * before the first section.
 */
import type { Paragraph, Root } from 'mdast'
import type { Plugin } from 'unified'
import { draftOf } from '../src/draft/index.ts'
import { collapseSpace } from '../src/text/normalize.ts'
import { analyse } from '../src/draft/analysis.ts'
import { extractStatistics } from '../src/text/statistics.ts'

/**
 * The longest text read as a full date: "mercredi 31 décembre 2025" has 25
 * characters. A longer one (a paragraph that opens with "Le …" is tried as a
 * dateline) is refused before the statistics scan, which would find no
 * single date in it.
 */
const FULL_DATE_MAX = 40

/** The ISO day of a text that is exactly one full French date ("5 février 2026", "lundi 1er mars 2025"). */
export function parseFullDate(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed.length > FULL_DATE_MAX) return null
  const [date, ...rest] = extractStatistics(trimmed)
  if (!date || rest.length > 0 || date.kind !== 'date') return null
  if (date.start !== 0 || date.end !== trimmed.length) return null
  return typeof date.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date.value)
    ? date.value
    : null
}

/** Reads "Paris, le 5 février 2026." or "Le 5 février 2026" into place and ISO date. */
export function parseDateline(text: string): { place: string | null; date: string } | null {
  const match =
    /^(?:(?<place>\p{Lu}[\p{L}'’ -]{0,40}?),[\s\u00a0]+)?(?:le|Le)[\s\u00a0]+(?<date>.+?)\.?$/u.exec(
      collapseSpace(text),
    )
  if (!match?.groups) return null
  const date = parseFullDate(match.groups.date!)
  return date ? { place: match.groups.place?.trim() ?? null, date } : null
}

/** Normalizes a front-matter date (string or Date) to ISO 8601. */
function isoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10)
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10)
    return parseFullDate(value)
  }
  return null
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

/** Extracts title, date, place and lead. */
const ficheMeta: Plugin<[], Root> = function () {
  return (tree, file) => {
    const draft = draftOf(file)
    const front = file.data.frontmatter ?? {}
    const children = tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'html')
    const first = children[0]
    let title = text(front.title) ?? text(front.titre)
    let index = 0
    if (first?.type === 'heading' && first.depth === 1) {
      title ??= collapseSpace(draft.flatten(first).text)
      index = 1
    }
    let date = isoDate(front.date)
    let place = text(front.place) ?? text(front.lieu)
    const paragraphs: Paragraph[] = []
    for (; index < children.length; index++) {
      const node = children[index]!
      if (node.type === 'heading') break
      if (node.type === 'paragraph') paragraphs.push(node)
    }
    let lead = text(front.lead) ?? text(front.chapo) ?? text(front.description)
    for (const paragraph of paragraphs) {
      const offset = paragraph.position?.start.offset ?? 0
      const dateline = draft.roles.size === 0 ? parseDateline(draft.flatten(paragraph).text) : null
      if (dateline && !draft.roles.has(offset)) {
        draft.roles.set(offset, 'dateline')
        date ??= dateline.date
        place ??= dateline.place
        continue
      }
      if (lead === null) {
        const analysis = analyse(draft, paragraph)
        const text = analysis.flat.text
        // "Bruxelles, le 10 avril 2024. Les députés…": a dateline opening the lead.
        const [first] = analysis.sentences
        const opening = first && first[1] < text.length ? parseDateline(text.slice(...first)) : null
        if (opening) {
          date ??= opening.date
          place ??= opening.place
        }
        lead = collapseSpace(text)
        draft.roles.set(offset, 'lead')
        break
      }
    }
    draft.meta = { title, date, place, lead, frontmatter: front }
  }
}

export default ficheMeta
