/**
 * translation-typography: French typography left in the English target:
 * guillemets, a space before ; : ! ?, a decimal comma, a space before "%",
 * French ordinal abbreviations. Each check is one regular expression without
 * nested quantifiers over the target: linear in its length.
 */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

const GUILLEMETS = /[«»‹›]/gu
/** A no-break, narrow or thin space before any of ; : ! ?, or an ordinary space before ; ! ? after a word. */
const SPACE_BEFORE =
  /(?<![\u00a0\u202f\u2009])[\u00a0\u202f\u2009]+([;:!?])|(?<=[\p{L}\p{N})\]"'’”])[ ]+([;!?])(?=\s|$|["'’”)\]])/gu
/** A number with commas: English groups them by three, so any other group is a decimal comma. */
const COMMA_NUMBER = /(?<![\p{N}.,])\d+(?:,\d+)+/gu
const PERCENT = /(?<![\p{N}.,])\d+(?:[.,]\d+)*([ \u00a0\u202f\u2009]+)%/gu
/** 1er, 1re, 1ère, 2e, 2ème, 2es, 1ᵉʳ, 2ᵉ: not "2nd", not "2e-5". */
const ORDINAL =
  /(?<![\p{L}\p{N}.,])(\d+)(?:ères?|ers?|res?|èmes?|es?|ᵉʳ|ʳᵉ|ᵉ)(?![\p{L}\p{N}])(?![-+]?\d)/gu

/** Whether a comma-separated number is English thousands grouping ("15,000", "1,234,567"). */
const grouped = (number: string) => /^\d{1,3}(?:,\d{3})+$/.test(number)

/** A number with its decimal comma made a point (the last comma; the others are dropped): "2,5" → "2.5". */
function decimalPoint(number: string): string {
  if (!number.includes(',') || grouped(number)) return number
  const last = number.lastIndexOf(',')
  return `${number.slice(0, last).replace(/,/g, '')}.${number.slice(last + 1)}`
}

/** The English ordinal of a number: 1st, 2nd, 3rd, 4th, 11th, 21st. */
function englishOrdinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as const)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

const unique = (items: readonly string[]) => [...new Set(items)]
const quoted = (items: readonly string[]) => items.map((i) => `“${i}”`).join(', ')

export default defineRule({
  id: 'translation-typography',
  scope: 'translation',
  defaultSeverity: 'warning',
  description:
    'French typography in an English target: guillemets, a space before ; : ! ?, a decimal comma, a space before “%”, a French ordinal (1er, 2e).',
  options: z.strictObject({
    /**
     * `any` (default): "2.5 %" and "2.5%" (the EU Interinstitutional Style
     * Guide, fiche's default English style, writes a hard space before "%");
     * `closed`: "2.5%" only (press, most house styles).
     */
    percent: z.enum(['closed', 'any']).default('any'),
  }),
  messages: {
    guillemets: (id: string, count: number) =>
      `Unexpected French guillemets (${count}) in the English of unit “${id}”, expected English quotation marks “…”`,
    space: (id: string, marks: readonly string[]) =>
      `Unexpected space before ${quoted(marks)} in the English of unit “${id}”, expected the punctuation close up to the word`,
    decimal: (id: string, number: string, english: string) =>
      `Unexpected decimal comma in “${number}” in the English of unit “${id}”, expected a decimal point (${english})`,
    percent: (id: string, found: string, english: string) =>
      `Unexpected space before “%” in “${found}” in the English of unit “${id}”, expected “${english}”`,
    ordinal: (id: string, found: string, english: string) =>
      `Unexpected French ordinal “${found}” in the English of unit “${id}”, expected “${english}”`,
  },
  check({ translation, options, messages, report }) {
    for (const unit of translation?.units ?? []) {
      if (unit.status === 'missing' || unit.target.trim() === '') continue
      const text = unit.target
      const at = unit.position
      const guillemets = text.match(GUILLEMETS)?.length ?? 0
      if (guillemets > 0) report(messages.guillemets(unit.id, guillemets), at)
      const marks = unique([...text.matchAll(SPACE_BEFORE)].map((m) => (m[1] ?? m[2])!))
      if (marks.length > 0) report(messages.space(unit.id, marks), at)
      for (const number of unique([...text.matchAll(COMMA_NUMBER)].map((m) => m[0])))
        if (!grouped(number)) report(messages.decimal(unit.id, number, decimalPoint(number)), at)
      if (options.percent === 'closed')
        for (const found of unique([...text.matchAll(PERCENT)].map((m) => m[0])))
          report(
            messages.percent(unit.id, found, `${decimalPoint(found.replace(/\s+%$/u, ''))}%`),
            at,
          )
      for (const match of unique([...text.matchAll(ORDINAL)].map((m) => m[0]))) {
        const n = Number(/^\d+/.exec(match)![0])
        report(messages.ordinal(unit.id, match, englishOrdinal(n)), at)
      }
    }
  },
})
