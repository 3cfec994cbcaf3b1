/**
 * Text helpers of the Word brief: characters that XML 1.0 forbids, a simple
 * English detector for proofing languages, shortening and French dates.
 */
import { ENGLISH_WORDS, languageCounts } from '../../text/language.ts'
import { MONTH_NAMES } from '../../text/stats/lexicon.ts'

/** Characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates). */
/* eslint-disable no-control-regex -- matching control characters is the point */
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
/* eslint-enable no-control-regex */

/** Text without the characters XML 1.0 forbids, and the code points that were removed. */
export function stripForbidden(text: string): { text: string; removed: string[] } {
  const removed: string[] = []
  const clean = text.replace(FORBIDDEN, (char) => {
    removed.push(`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    return ''
  })
  return { text: clean, removed }
}

/**
 * The English function words, and words of the titles a brief cites
 * (reports, calls, safety research) that are not French.
 */
const ENGLISH = new Set([
  ...ENGLISH_WORDS,
  ...'on as report call safety security research review policy global state'.split(' '),
])

/**
 * Whether a span reads as English: English function words outnumber French
 * ones and make up a fair share of its words. A single word is never judged.
 */
export function isEnglish(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? []
  if (words.length < 2) return false
  let english = 0
  for (const word of words) if (ENGLISH.has(word)) english++
  const { french } = languageCounts(words)
  if (english === 0 || english <= french * 2) return false
  return words.length <= 6 ? true : english / words.length >= 0.12
}

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = /\s/u.test(text[max - 1] ?? '') ? cut.length : cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/u, '')}…`
}

/**
 * `sentence` shortened to at most `max` characters around `focus` (the figure),
 * with ellipses on the sides that were cut.
 */
export function shortenAround(sentence: string, focus: string, max: number): string {
  if (sentence.length <= max) return sentence
  const at = Math.max(0, sentence.indexOf(focus))
  let start = Math.max(0, at - Math.floor((max - focus.length) / 2))
  const end = Math.min(sentence.length, start + max)
  start = Math.max(0, end - max)
  if (start > 0) {
    const space = sentence.indexOf(' ', start)
    start = space >= 0 && space < at ? space + 1 : start
  }
  let stop = end
  if (end < sentence.length) {
    const space = sentence.lastIndexOf(' ', end)
    stop = space > at + focus.length ? space : end
  }
  const body = sentence.slice(start, stop).trim()
  return `${start > 0 ? '…' : ''}${body}${stop < sentence.length ? '…' : ''}`
}

/** A date written the French way ("5 février 2026", "1er mars 2026"), in UTC. */
export function frenchDate(date: Date): string {
  const day = date.getUTCDate()
  return `${day === 1 ? '1er' : day} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}
