/**
 * translation-untranslated: a unit marked as translated whose target is
 * empty, or is its French source copied unchanged. A copy is only reported
 * when the source has enough French words (lower-case words, so not names,
 * acronyms or numbers) and does not read as English: a heading that is a
 * name, a figure or a quotation in English may stay as it is. One pass over
 * each text.
 */
import * as z from 'zod'
import { ENGLISH_WORDS, FRENCH_WORDS } from '../../text/language.ts'
import { defineRule } from '../rule.ts'
import type { TranslationUnitInput } from '../translation-input.ts'

/** White space, apostrophes and quotes made uniform; object replacement characters (codes) removed. */
function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\ufffc\ufffd]/gu, '')
    .replace(/[’ʼ‘]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(/[\s\u00a0\u202f\u2009]+/gu, ' ')
    .trim()
}

/** A URL or an e-mail address, whose letters are not words (tested on one space-free chunk). */
const ADDRESS = /:\/\/|^www\.|@/iu
const WORD = /\p{L}+/gu

/** How many lower-case words of two letters or more (and “à”) the text has, and whether it reads as English. */
function frenchWords(text: string): { words: number; english: boolean } {
  let words = 0
  let french = 0
  let english = 0
  const prose = text
    .split(' ')
    .filter((chunk) => !ADDRESS.test(chunk))
    .join(' ')
  for (const [word] of prose.matchAll(WORD)) {
    const lower = word.toLowerCase()
    if (FRENCH_WORDS.has(lower)) french++
    if (ENGLISH_WORDS.has(lower)) english++
    if (/^\p{Ll}/u.test(word) && (word.length >= 2 || word === 'à')) words++
  }
  return { words, english: english > french }
}

/** Statuses that claim a translation. */
const CLAIMED = new Set<TranslationUnitInput['status']>(['translated', 'review'])

export default defineRule({
  id: 'translation-untranslated',
  scope: 'translation',
  defaultSeverity: 'warning',
  description:
    'A translation unit whose target is its French source copied unchanged, or a unit marked translated with an empty target.',
  options: z.strictObject({
    /** Fewest French words a copied source must have to be reported. */
    minWords: z.number().int().min(1).default(3),
  }),
  messages: {
    copied: (id: string, words: number) =>
      `Unexpected target identical to the French source (${words} French words) in unit “${id}”, expected an English translation`,
    empty: (id: string, status: string) =>
      `Unexpected empty target in unit “${id}” marked ${status}, expected the English text`,
  },
  check({ translation, options, messages, report }) {
    for (const unit of translation?.units ?? []) {
      if (unit.status === 'missing') continue
      const source = normalizeText(unit.source)
      const target = normalizeText(unit.target)
      if (target === '') {
        if (CLAIMED.has(unit.status) && /[\p{L}\p{N}]/u.test(source))
          report(messages.empty(unit.id, unit.status), unit.position)
        continue
      }
      if (target !== source) continue
      const { words, english } = frenchWords(source)
      if (words >= options.minWords && !english)
        report(messages.copied(unit.id, words), unit.position)
    }
  },
})
