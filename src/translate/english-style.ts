/**
 * Figures, amounts and dates written in English, for the parts of the
 * English handout that fiche writes itself (key figures, date lines, running
 * header). Two profiles:
 *
 * - `eu` (default), the EU Interinstitutional Style Guide (sections 6.5,
 *   7.3.2, 10.5): decimal point, a no-break space between thousands and
 *   before "%", ISO currency code before the amount, "billion" for 10⁹:
 *   2.5 %, EUR 200 billion, 15 000, 5 February 2026;
 * - `press`, the British press: comma between thousands, "%" and currency
 *   symbols close up: 2.5%, €200 billion, 15,000, 5 February 2026.
 *
 * Pure: works from the model's normalised values, never from the French text.
 */
import type { Statistic } from '../model/schema.ts'

/** The English style profiles. */
export const ENGLISH_STYLES = ['eu', 'press'] as const
export type EnglishStyle = (typeof ENGLISH_STYLES)[number]

/** No-break space (U+00A0), the EU style's "hard space". */
export const NBSP = '\u00a0'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Currency symbols the press profile writes before the amount; other currencies keep their code. */
const SYMBOLS: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', JPY: '¥' }

/** A number in English: decimal point, thousands grouped (hard space for `eu`, comma for `press`). */
export function englishNumber(value: number, style: EnglishStyle): string {
  const negative = value < 0
  const [whole = '0', decimals] = String(Math.abs(value)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, style === 'eu' ? NBSP : ',')
  return `${negative ? '−' : ''}${grouped}${decimals ? `.${decimals}` : ''}`
}

/**
 * An ISO date of the model in English: "5 February 2026", "November 2024",
 * "2025", "5 February" (a day without year, `--02-05`), "Q1 2025",
 * "H2 2025". Anything else is returned as given.
 */
export function englishDate(iso: string): string {
  const dayMonth = /^--(\d{2})-(\d{2})$/.exec(iso)
  if (dayMonth) {
    const month = MONTHS[Number(dayMonth[1]) - 1]
    return month ? `${Number(dayMonth[2])} ${month}` : iso
  }
  const part = /^(\d{4})-([QH][1-4])$/.exec(iso)
  if (part) return `${part[2]} ${part[1]}`
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  if (!month) return year!
  const monthName = MONTHS[Number(month) - 1]
  if (!monthName) return iso
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`
}

/** A `Date` (UTC) written the English way: "5 February 2026". */
export function englishDateOf(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`
}

/** An amount of money: EUR 200 billion (eu), €200 billion (press). */
export function englishMoney(value: number, currency: string | null, style: EnglishStyle): string {
  const scales: Array<[number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ]
  const scale = scales.find(([size]) => Math.abs(value) >= size)
  const amount = scale
    ? `${englishNumber(Number((value / scale[0]).toFixed(3)), style)} ${scale[1]}`
    : englishNumber(value, style)
  if (!currency) return amount
  const symbol = style === 'press' ? SYMBOLS[currency] : undefined
  return symbol ? `${symbol}${amount}` : `${currency}${NBSP}${amount}`
}

const MINUTES_IN = { year: 525_960, day: 1_440, hour: 60 } as const

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

/** A duration given in minutes: "2 years", "3 days", "1 hour 30 minutes", "15 minutes". */
export function englishDuration(minutes: number, style: EnglishStyle): string {
  for (const unit of ['year', 'day'] as const) {
    const count = minutes / MINUTES_IN[unit]
    if (count >= 1 && Math.abs(count - Math.round(count)) < 0.01) {
      return plural(Math.round(count), unit)
    }
  }
  const hours = Math.floor(minutes / 60)
  const rest = Math.round((minutes % 60) * 100) / 100
  const parts = [
    ...(hours > 0 ? [plural(hours, 'hour')] : []),
    ...(rest > 0 || hours === 0
      ? [`${englishNumber(rest, style)} minute${rest === 1 ? '' : 's'}`]
      : []),
  ]
  return parts.join(' ')
}

/** A ratio as "1 in 2", "3 in 10" (the smallest denominator up to 100 that gives it), else a number. */
export function englishRatio(value: number, style: EnglishStyle): string {
  for (let denominator = 2; denominator <= 100; denominator++) {
    const numerator = value * denominator
    if (Math.abs(numerator - Math.round(numerator)) < 1e-9 && Math.round(numerator) > 0) {
      return `${Math.round(numerator)} in ${denominator}`
    }
  }
  return englishNumber(value, style)
}

const QUALIFIER: Record<Statistic['qualifier'], string> = {
  exact: '',
  approximate: 'about ',
  'at-least': 'more than ',
  'at-most': 'less than ',
}

/** Where in a period a date stands (the `unit` of date statistics), before the date. */
const PERIOD: Record<string, string> = {
  start: 'early ',
  mid: 'mid-',
  end: 'end of ',
  spring: 'spring ',
  summer: 'summer ',
  autumn: 'autumn ',
  winter: 'winter ',
}

/**
 * A statistic of the model written in English, from its normalised value:
 * `percent` 2.5 % / 2.5%, `money` EUR 200 billion / €200 billion, `count`
 * 15 000 / 15,000 (followed by `noun` when given: the English counted noun),
 * `duration` 1 hour 30 minutes, `multiplier` 5 times, `ratio` 1 in 2, `date`
 * 5 February 2026, end of 2025, `year` 2024 (a decade: 1970s). The qualifier comes first
 * ("about", "more than", "less than"). A value that is not what its kind
 * expects is written as given.
 */
export function englishFigure(
  statistic: Pick<Statistic, 'kind' | 'value' | 'unit' | 'qualifier'>,
  style: EnglishStyle,
  noun: string | null = null,
): string {
  const { kind, value, unit } = statistic
  const qualifier = QUALIFIER[statistic.qualifier]
  if (kind === 'date' || kind === 'year') {
    if (typeof value === 'number') return `${qualifier}${value}${unit === 'decade' ? 's' : ''}`
    const period = unit ? PERIOD[unit] : undefined
    return `${qualifier}${period ?? ''}${englishDate(value)}`
  }
  if (typeof value !== 'number') return `${qualifier}${value}`
  switch (kind) {
    case 'percent':
      return `${qualifier}${englishNumber(value, style)}${style === 'eu' ? NBSP : ''}%`
    case 'money':
      return `${qualifier}${englishMoney(value, unit, style)}`
    case 'count':
      return `${qualifier}${englishNumber(value, style)}${noun ? ` ${noun}` : ''}`
    case 'duration':
      return `${qualifier}${englishDuration(value, style)}`
    case 'multiplier':
      return `${qualifier}${englishNumber(value, style)} times`
    case 'ratio':
      return `${qualifier}${englishRatio(value, style)}`
  }
}
