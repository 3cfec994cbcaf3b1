/**
 * Context helpers: zones of the text that never contain statistics (URLs, citations, list
 * numbering, phone numbers...), qualifier detection around a figure, and word reading.
 */
import { APOS, HSPACE, MONTHS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, norm } from './lexicon.ts'
import { COMMON_CAPITALISED } from './numbers.ts'
import type { Qualifier } from './types.ts'

export type Range = [number, number]

const NAME = `\\p{Lu}[\\p{L}\\p{M}'’-]*`
// Authors: names joined by "et al.", "and", "et", "&", or a particle ("van", "de"…).
// NAME is written three times, not six: each copy of its Unicode classes is
// compiled again, and compiling them was a good part of a first note's cost.
const AUTHORS = `${NAME}(?:\\s+(?:et\\s+al\\.?|(?:(?:and|et|van|von|de|der|du|le|la)\\s+)?${NAME}|&\\s*${NAME}))*`

function isCommonWord(word: string): boolean {
  const lower = norm(word)
  return COMMON_CAPITALISED.has(lower) || MONTHS.has(lower)
}

/** The author-date citation patterns of `citationZones` (`matchAll` runs on a copy of each). */
const CITATION_PATTERNS = [
  new RegExp(`(${AUTHORS}),\\s*(\\d{4}[a-z]?)(?![\\p{N}])`, 'gu'),
  new RegExp(
    `(?:\\(|;\\s*)(?:voir\\s+|cf\\.\\s*)?(${AUTHORS})\\s+(\\d{4}[a-z]?)(?=\\s*[),;:])`,
    'gu',
  ),
  new RegExp(`(${AUTHORS})\\s+\\((\\d{4}[a-z]?)\\)`, 'gu'),
]

/** Year ranges of author-date citations: "(Karnofsky, 2025)", "Kučinskas et al., 2025", "Bengio (2024)". */
function citationZones(text: string): Range[] {
  const zones: Range[] = []
  for (const re of CITATION_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const authors = m[1] ?? ''
      const year = m[2] ?? ''
      const firstWord = authors.split(/\s+/)[0] ?? ''
      if (isCommonWord(firstWord)) continue
      const yearStart = (m.index ?? 0) + m[0].lastIndexOf(year)
      zones.push([yearStart, yearStart + year.length])
    }
  }
  return zones
}

const SIMPLE_ZONES: RegExp[] = [
  // URLs and markdown link targets
  /\b(?:https?:\/\/|www\.)[^\s<>()[\]]+/giu,
  /\]\([^)\s]*\)/g,
  // e-mail addresses
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // inline code
  /`[^`\n]+`/g,
  // footnote references [12], [^3]
  /\[\^?[\w-]{1,12}\]/g,
  // phone numbers: 01 23 45 67 89, +33 1 23 45 67 89
  /(?<![\p{N}\p{L}])(?:\+\d{1,3}[ .\u00A0]?(?:\(0\)[ .\u00A0]?)?\d|0\d)(?:[ .\u00A0-]\d{2}){4}(?!\p{N})/gu,
  // list / heading numbering at the start of a line: "1.", "2)", "1.2", "IV." (not "60.000")
  /^[ \t]*(?:(?:#{1,6}|[-*+•>])[ \t]+)*(?:(?!\d{1,3}\.\d{3}[ \t])\d+(?:\.\d+)+\.?|\d{1,3}[.)]|[IVXLC]+[.)])(?=[ \t])/gmu,
  // a list number glued to its sentence ("7.Le texte", "2)La") or after a colon or bullet sign
  /(?<![\p{L}\p{N}.,])\d{1,3}[.)](?=\p{Lu})/gu,
  /(?<=[:;•◗▪►][ \t]*)\d{1,2}[.)](?=[ \t])/gu,
  // postal codes before the city: "75007 Paris"
  /(?<![\p{N}\p{L}])\d{5}(?=[ \t\u00A0]+\p{Lu}[\p{Ll}\p{Lu}-])/gu,
  // enumeration markers "(1)", "(a)" inside a sentence
  /(?<![\p{L}\p{N}])\(\d{1,2}\)/gu,
  // idioms meaning "always": 24 h/24, 24 heures sur 24, 7j/7, 7 jours sur 7
  /\b24\s?h(?:eures)?\s?(?:\/|sur)\s?24\b/giu,
  /\b7\s?j(?:ours)?\s?(?:\/|sur)\s?7\b/giu,
]

/** All zones of `text` where no statistic may start or end. */
export function exclusionZones(text: string, extra: ReadonlyArray<Range> = []): Range[] {
  const zones: Range[] = [...extra.map(([a, b]): Range => [Math.min(a, b), Math.max(a, b)])]
  for (const re of SIMPLE_ZONES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      zones.push([start, start + m[0].length])
    }
  }
  zones.push(...citationZones(text))
  return zones
}

/** Sorted, merged ranges answering "does [start, end) overlap a zone?" in O(log n). */
export class ZoneIndex {
  private readonly starts: number[] = []
  private readonly ends: number[] = []

  constructor(zones: ReadonlyArray<Range>) {
    const sorted = zones.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0])
    for (const [a, b] of sorted) {
      const last = this.ends.length - 1
      if (last >= 0 && a <= (this.ends[last] ?? 0)) {
        this.ends[last] = Math.max(this.ends[last] ?? 0, b)
      } else {
        this.starts.push(a)
        this.ends.push(b)
      }
    }
  }

  overlaps(start: number, end: number): boolean {
    // first zone whose end is after `start`
    let lo = 0
    let hi = this.ends.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.ends[mid] ?? 0) <= start) lo = mid + 1
      else hi = mid
    }
    return lo < this.starts.length && (this.starts[lo] ?? Infinity) < Math.max(end, start + 1)
  }
}

export interface QualifierMatch {
  start: number
  end: number
  qualifier: Exclude<Qualifier, 'exact'>
  text: string
}

const BEFORE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${QUALIFIERS_BEFORE.map(([src]) => `(${src})`).join('|')})${HSPACE}*$`,
  'iu',
)

/** Qualifier written right before offset `pos` ("près de ", "plus de ", "~"). */
export function qualifierBefore(text: string, pos: number): QualifierMatch | null {
  const windowStart = Math.max(0, pos - 40)
  const before = text.slice(windowStart, pos)
  const m = BEFORE_RE.exec(before)
  if (!m) return null
  const groupIndex = m.slice(1).findIndex((g) => g !== undefined)
  const entry = QUALIFIERS_BEFORE[groupIndex]
  const written = m[groupIndex + 1]
  if (!entry || written === undefined) return null
  const start = windowStart + m.index
  // "> 25" at the start of a line is a markdown blockquote, not "more than"
  if (/^[<>]/.test(written)) {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1
    if (/^[\s>]*$/.test(text.slice(lineStart, start))) return null
  }
  const trimmed = written.replace(/[\s\u00A0\u202F]+$/, '')
  return { start, end: start + trimmed.length, qualifier: entry[1], text: trimmed }
}

const AFTER_RE = new RegExp(
  `${HSPACE}+(?:${QUALIFIERS_AFTER.map(([src]) => `(${src})`).join('|')})(?![\\p{L}])`,
  'iuy',
)

/** Qualifier written right after offset `pos` ("100 personnes environ"). */
export function qualifierAfter(text: string, pos: number): QualifierMatch | null {
  AFTER_RE.lastIndex = pos
  const m = AFTER_RE.exec(text)
  if (!m) return null
  const groupIndex = m.slice(1).findIndex((g) => g !== undefined)
  const entry = QUALIFIERS_AFTER[groupIndex]
  const written = m[groupIndex + 1]
  if (!entry || written === undefined) return null
  const end = pos + m[0].length
  return { start: end - written.length, end, qualifier: entry[1], text: written }
}

export interface Word {
  word: string
  lower: string
  start: number
  end: number
}

const WORD_AT = new RegExp(
  `${HSPACE}*((?:(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|presqu)${APOS}(?=\\p{L}))|\\p{L}[\\p{L}\\p{M}]*(?:${APOS}\\p{L}+)?(?:[-‐]\\p{L}[\\p{L}\\p{M}]*)*|%)`,
  'iuy',
)

/** The word starting at `pos` after optional horizontal spaces (no punctuation crossed). */
export function wordAt(text: string, pos: number): Word | null {
  WORD_AT.lastIndex = pos
  const m = WORD_AT.exec(text)
  if (!m || m[1] === undefined) return null
  const end = pos + m[0].length
  return { word: m[1], lower: norm(m[1]), start: end - m[1].length, end }
}

/** The word ending just before `pos` (horizontal spaces skipped). */
export function wordBefore(text: string, pos: number): Word | null {
  let end = pos
  while (end > 0 && /[ \t\u00A0\u202F\u2009\u2007]/.test(text[end - 1] ?? '')) end--
  let start = end
  while (start > 0 && start > end - 40 && /[\p{L}\p{M}'’-]/u.test(text[start - 1] ?? '')) start--
  while (start < end && !/\p{L}/u.test(text[start] ?? '')) start++
  if (start >= end) return null
  const word = text.slice(start, end)
  return { word, lower: norm(word), start, end }
}
