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

/** Start and end offsets of the sentences of `text`, covering it without gaps. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  const boundary = /[.!?…]+["»”)\]]*(?=[\s\u00a0\u202f]+["«“]?[\p{Lu}\d«"“])/gu
  let start = 0
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length
    if (match[0].startsWith('.') && match[0].length === 1) {
      const word = /([\p{L}.°-]+)$/u.exec(text.slice(start, match.index))?.[1] ?? ''
      const lower = word.toLowerCase()
      if (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(word)) continue
    }
    spans.push([start, end])
    start = end
    while (start < text.length && /[\s\u00a0\u202f]/u.test(text[start] ?? '')) start++
  }
  if (start < text.length) spans.push([start, text.length])
  return spans
}

/** The sentence of `text` that holds `offset`, with its white space collapsed. */
export function sentenceAt(text: string, offset: number, end = offset): string {
  const spans = sentenceSpans(text)
  const first = spans.find(([s, e]) => offset >= s && offset < e) ?? spans.at(-1)
  const last = spans.find(([s, e]) => end > s && end <= e) ?? first
  if (!first || !last) return text.trim()
  return text
    .slice(first[0], Math.max(first[1], last[1]))
    .replace(/[\s\u00a0\u202f]+/gu, (m) => (/[\u00a0\u202f]/u.test(m) && m.length === 1 ? m : ' '))
    .trim()
}
