/**
 * French sentence segmentation for translation units: `Intl.Segmenter('fr')`
 * (ICU's sentence rules) followed by a post-pass that undoes the breaks ICU
 * makes where a French reader would not:
 *
 * - after an abbreviation ("M.", "p.", "art.", "etc.", "chap.", "et al.") or
 *   initials ("J.-P.", "A.");
 * - before a word that starts in lower case or a digit (the break was not a
 *   sentence end: "Smith et al. 2020");
 * - before a closing quote or bracket: « Il faut agir. » keeps its « » and the
 *   next sentence starts after it.
 *
 * Numbers such as "2,5" or "3.5" are never broken (ICU already keeps them).
 */
import { ABBREVIATIONS } from '../text/sentences.ts'

const segmenter = new Intl.Segmenter('fr', { granularity: 'sentence' })

/** Closing quotes and brackets, and U+FFFC (a placeholder such as a footnote call), that belong to the sentence before. */
const CLOSING = /^[»”’)\]\uFFFC]+[\s\u00a0\u202f]*/u
const SPACE = /[\s\u00a0\u202f]/u

/** Whether `text` ends with an abbreviation or initials followed by its period. */
function endsWithAbbreviation(text: string): boolean {
  const word = /([\p{L}.°-]+)\.\s*$/u.exec(text)?.[1]
  if (!word) return false
  if (ABBREVIATIONS.has(word.toLowerCase())) return true
  if (/^(?:\p{Lu}\.-?)*\p{Lu}$/u.test(word)) return true
  return /(^|[\s(])al$/u.test(text.replace(/\.\s*$/u, '').slice(-4))
}

/**
 * The sentences of `text` as `[start, end)` offsets: each span starts at a
 * non-space character and ends after its final punctuation (and closing
 * quotes); the white space between two sentences belongs to neither.
 */
export function sentenceBounds(text: string): Array<[number, number]> {
  const raw = [...segmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length])
  const merged: Array<[number, number]> = []
  for (const [start, end] of raw as Array<[number, number]>) {
    const previous = merged.at(-1)
    if (!previous) {
      merged.push([start, end])
      continue
    }
    const before = text.slice(previous[0], start)
    const next = text.slice(start, end)
    const closing = CLOSING.exec(next)
    if (closing) {
      previous[1] = start + closing[0].length
      if (closing[0].length < next.length) merged.push([start + closing[0].length, end])
      continue
    }
    if (endsWithAbbreviation(before) || /^[\p{Ll}\d]/u.test(next)) {
      previous[1] = end
      continue
    }
    merged.push([start, end])
  }
  const spans: Array<[number, number]> = []
  for (let [start, end] of merged) {
    while (start < end && SPACE.test(text[start] ?? '')) start++
    while (end > start && SPACE.test(text[end - 1] ?? '')) end--
    if (end > start) spans.push([start, end])
  }
  return spans
}

/** The sentences of `text`, trimmed. */
export function splitSentences(text: string): string[] {
  return sentenceBounds(text).map(([start, end]) => text.slice(start, end))
}
