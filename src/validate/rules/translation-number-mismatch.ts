/** translation-number-mismatch: the English target has the same numbers as the French source. */
import * as z from 'zod'
import { scanEnglishNumbers } from '../../text/english-figures.ts'
import { scanNumbers } from '../../text/stats/numbers.ts'
import { romanValue } from '../numbering.ts'
import { defineRule } from '../rule.ts'

/** A number as a comparison key: rounded to absorb floating-point noise. */
const key = (value: number) => String(Math.round(value * 1e6) / 1e6)

/** How many times each value occurs. */
function counts(values: readonly number[]): Map<string, number> {
  const found = new Map<string, number>()
  for (const v of values) found.set(key(v), (found.get(key(v)) ?? 0) + 1)
  return found
}

/** Values of `a` occurring more often than in `b`, in order of `a`. */
function excess(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...a].filter(([v, n]) => n > (b.get(v) ?? 0)).map(([v]) => v)
}

/**
 * French ordinals, which the French number scanner leaves out but English
 * writes with digits: "80e" (80th), "1er" (1st, or the "1" of "1 March"),
 * and centuries, "XXIe siècle" (21st century); other Roman ordinals stay
 * Roman or become words in English ("Ve République", "Fifth Republic"), and
 * "Le", "Ce" are words. Digits inside names ("GPT-4o") are not ordinals.
 */
const ORDINAL =
  /(?<![\p{L}\p{N}.,])(?<!\p{L}-)(?:(\d+)(?:ers?|res?|ères?|èmes?|emes?|es?)|([IVXLC]+)(?:e|ème)s?(?=[\s\u00a0\u202f]+siècles?\b))(?![\p{L}\p{N}])/gu

function frenchOrdinals(text: string): number[] {
  return [...text.matchAll(ORDINAL)].map((m) => (m[1] ? Number(m[1]) : romanValue(m[2]!)!))
}

export default defineRule({
  id: 'translation-number-mismatch',
  scope: 'translation',
  defaultSeverity: 'error',
  description:
    'A translated unit whose English target lacks a number of the French source, or adds one.',
  options: z.strictObject({}),
  messages: {
    lost: (id: string, values: string[]) =>
      `Unexpected missing ${values.length > 1 ? 'numbers' : 'number'} ${values.map((v) => `“${v}”`).join(', ')} in the English of unit “${id}”, expected the source's numbers`,
    added: (id: string, values: string[]) =>
      `Unexpected ${values.length > 1 ? 'numbers' : 'number'} ${values.map((v) => `“${v}”`).join(', ')} in the English of unit “${id}”, not in the French source`,
  },
  check({ translation, messages, report }) {
    for (const unit of translation?.units ?? []) {
      if (unit.status === 'missing' || unit.target === '') continue
      // Digits (and ordinals) only on both sides: number words ("trois", "three") are not compared.
      const french = counts([
        ...scanNumbers(unit.source)
          .filter((n) => n.form === 'digits')
          .map((n) => n.value),
        ...frenchOrdinals(unit.source),
      ])
      const english = counts(scanEnglishNumbers(unit.target).map((n) => n.value))
      const lost = excess(french, english)
      const added = excess(english, french)
      if (lost.length > 0) report(messages.lost(unit.id, lost), unit.position)
      if (added.length > 0) report(messages.added(unit.id, added), unit.position)
    }
  },
})
