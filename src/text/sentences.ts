/**
 * French sentence boundaries, enough to quote the sentence around a figure or
 * a citation: a sentence ends at `.`, `!`, `?` or `…` followed by white space
 * and an upper-case letter, an opening quote or a digit, unless the period
 * belongs to a common abbreviation ("M.", "p.", "et al.", "etc.").
 */

/** Lower-case words whose final period does not end a French sentence ("M.", "p.", "etc."). */
export const ABBREVIATIONS = new Set([
  'm',
  'mm',
  'mme',
  'mmes',
  'mlle',
  'dr',
  'pr',
  'st',
  'ste',
  'p',
  'pp',
  'cf',
  'al',
  'etc',
  'vol',
  'no',
  'n°',
  'art',
  'av',
  'j.-c',
  'env',
  'ex',
  'fig',
  'chap',
  'éd',
  'ed',
])

/**
 * Longest sentence kept whole, in characters: a longer run without a
 * boundary (a pasted table, a 5 MB line) is cut at white space, so that the
 * sentence quoted around each figure or citation stays short.
 */
export const MAX_SENTENCE_LENGTH = 2000

/** Start and end offsets of the sentences of `text`, covering it without gaps. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const push = (from: number, to: number): void => {
    let cursor = from
    while (to - cursor > MAX_SENTENCE_LENGTH) {
      const space = text.lastIndexOf(' ', cursor + MAX_SENTENCE_LENGTH)
      const cut = space > cursor ? space + 1 : cursor + MAX_SENTENCE_LENGTH
      spans.push([cursor, cut])
      cursor = cut
    }
    spans.push([cursor, to])
  }
  const boundary = /[.!?…]+["»”)\]]*(?=[\s\u00a0\u202f]+["«“]?[\p{Lu}\d«"“])/gu
  let start = 0
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length
    if (match[0].startsWith('.') && match[0].length === 1) {
      // The word before the period; 40 characters are more than any abbreviation.
      const before = text.slice(Math.max(start, match.index - 40), match.index)
      const word = /([\p{L}.°-]+)$/u.exec(before)?.[1] ?? ''
      const lower = word.toLowerCase()
      if (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word)) continue
    }
    push(start, end)
    start = end
    while (start < text.length && /[\s\u00a0\u202f]/u.test(text[start] ?? '')) start++
  }
  if (start < text.length) push(start, text.length)
  return spans
}

/** Index of the last span starting at or before `offset`, or -1 (binary search: O(log n)). */
function spanBefore(spans: ReadonlyArray<readonly [number, number]>, offset: number): number {
  let low = 0
  let high = spans.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (spans[middle]![0] <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** A sentence of a text: the index of its first span and its text, white space collapsed. */
export interface SentenceRef {
  /** Index in the spans of the sentence holding the start offset (-1 when the text has none). */
  index: number
  text: string
}

/**
 * The sentence of `text` that holds `offset` (up to `end`), given the
 * precomputed `spans` of `text`: O(log n) to find it, plus its length to
 * collapse its white space.
 */
export function sentenceIn(
  text: string,
  spans: ReadonlyArray<readonly [number, number]>,
  offset: number,
  end = offset,
): SentenceRef {
  const at = spanBefore(spans, offset)
  const firstIndex = at >= 0 && offset < spans[at]![1] ? at : spans.length - 1
  const first = spans[firstIndex]
  const to = spanBefore(spans, end - 1)
  const last = to >= 0 && end > spans[to]![0] && end <= spans[to]![1] ? spans[to] : first
  if (!first || !last) return { index: -1, text: text.trim() }
  const sentence = text
    .slice(first[0], Math.max(first[1], last[1]))
    .replace(/[\s\u00a0\u202f]+/gu, (m) => (/[\u00a0\u202f]/u.test(m) && m.length === 1 ? m : ' '))
    .trim()
  return { index: firstIndex, text: sentence }
}

/**
 * The sentence of `text` that holds `offset`, with its white space collapsed.
 * Splits `text` on every call: code that asks for many offsets of one text
 * goes through the draft's block analysis (`src/draft/analysis.ts`) instead.
 */
export function sentenceAt(text: string, offset: number, end = offset): string {
  return sentenceIn(text, sentenceSpans(text), offset, end).text
}
