/**
 * Dates and years.
 *
 * Value conventions (kind 'date', value is always a string):
 * - day precision: 'YYYY-MM-DD' ("5 février 2026", "22/09/2025", "2025-09-23",
 *   "lundi 22 septembre" resolved with the reference date). Without a reference date a day
 *   without year is returned as '--MM-DD' (ISO 8601 truncated form).
 * - month precision: 'YYYY-MM' ("juillet 2025"); with "fin"/"début"/"mi-" the unit is
 *   'end' | 'start' | 'mid' ("fin juillet 2025" -> '2025-07', unit 'end').
 * - part of a year: 'YYYY' with unit 'end' | 'start' | 'mid' ("fin 2025" -> '2025', unit 'end'),
 *   or a season unit 'spring' | 'summer' | 'autumn' | 'winter' ("printemps 2026").
 * - quarters / semesters: 'YYYY-Q1'..'YYYY-Q4', 'YYYY-H1' | 'YYYY-H2' (unit null).
 * Kind 'year' (value is a number): a bare year in a year context ("en 2022" -> 2022, unit null),
 * or a decade ("les années 1970" -> 1970, unit 'decade').
 */
import * as chrono from 'chrono-node/fr'
import {
  HSPACE,
  MONTHS,
  MONTH_ABBREVIATIONS,
  STRONG_YEAR_CONTEXT,
  WEAK_YEAR_CONTEXT,
  WEEKDAYS,
  norm,
} from './lexicon.ts'
import type { NumToken } from './numbers.ts'
import { qualifierBefore, wordAt, wordBefore } from './context.ts'
import type { Candidate, ReferenceDate } from './types.ts'

const DATE_PRIORITY = 90
const YEAR_PRIORITY = 30

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function validDay(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year ?? 2024, month)
}

export function parseReferenceDate(iso: string | null | undefined): ReferenceDate | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!validDay(year, month, day)) return null
  return { year, month, day }
}

/**
 * Year of a day/month written without year. With a weekday, the year (within ±12 years) whose
 * date falls on that weekday and is closest to the reference; otherwise the closest of the
 * reference year and its two neighbours.
 */
export function resolveYear(
  day: number,
  month: number,
  weekday: number | null,
  ref: ReferenceDate | null,
  direction: 'past' | 'future' | null = null,
): string {
  if (!ref) return `--${pad(month)}-${pad(day)}`
  const refTime = Date.UTC(ref.year, ref.month - 1, ref.day)
  let best: { year: number; distance: number } | null = null
  const span = weekday === null ? 1 : 12
  for (let year = ref.year - span; year <= ref.year + span; year++) {
    if (!validDay(year, month, day)) continue
    const time = Date.UTC(year, month - 1, day)
    if (weekday !== null && new Date(time).getUTCDay() !== weekday) continue
    if (direction === 'past' && time > refTime) continue
    if (direction === 'future' && time < refTime) continue
    const distance = Math.abs(time - refTime)
    if (!best || distance < best.distance) best = { year, distance }
  }
  const year = best?.year ?? ref.year
  return `${year}-${pad(month)}-${pad(day)}`
}

function dateCandidate(
  start: number,
  end: number,
  value: string,
  unit: string | null,
  priority = DATE_PRIORITY,
): Candidate {
  return {
    start,
    end,
    kind: 'date',
    value,
    unit,
    qualifier: 'exact',
    qualifierText: null,
    change: null,
    priority,
    factor: 1,
    numberStart: start,
    numberEnd: end,
  }
}

const MONTH_ALT = [...MONTHS.keys(), ...MONTH_ABBREVIATIONS.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|')
const WEEKDAY_ALT = [...WEEKDAYS.keys()].join('|')
const S = `${HSPACE}+`
const PERIOD: Record<string, string> = {
  fin: 'end',
  début: 'start',
  debut: 'start',
  mi: 'mid',
  milieu: 'mid',
}
const SEASONS: Record<string, string> = {
  printemps: 'spring',
  été: 'summer',
  ete: 'summer',
  automne: 'autumn',
  hiver: 'winter',
}

function monthNumber(written: string, hasDot: boolean, hasYear: boolean): number | null {
  const lower = norm(written)
  const full = MONTHS.get(lower)
  if (full !== undefined) return full
  const abbr = MONTH_ABBREVIATIONS.get(lower)
  if (abbr !== undefined && (hasDot || hasYear)) return abbr
  return null
}

const PAST_OR_NEXT = new RegExp(`^${HSPACE}+(dernier|prochain)(?![\\p{L}])`, 'iu')

/** "le 12 mars dernier" -> past, "le 3 mars prochain" -> future. */
function relativeDirection(text: string, end: number): 'past' | 'future' | null {
  const m = PAST_OR_NEXT.exec(text.slice(end, end + 12))
  if (!m || !m[1]) return null
  return m[1].toLowerCase() === 'dernier' ? 'past' : 'future'
}

const DAY_MONTH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${WEEKDAY_ALT})${S})?(1er|1re|\\d{1,2})(?:${HSPACE}*(?:-|–|au|et)${HSPACE}*(\\d{1,2}))?${S}(${MONTH_ALT})(\\.)?(?:${S}(\\d{4})(?![\\p{N}]))?(?![\\p{L}])`,
  'giu',
)

function dayMonthDates(text: string, ref: ReferenceDate | null): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(DAY_MONTH_RE)) {
    const [whole, weekdayWord, day1Text, day2Text, monthWord, dot, yearText] = m
    if (day1Text === undefined || monthWord === undefined) continue
    const month = monthNumber(monthWord, dot !== undefined, yearText !== undefined)
    if (month === null) continue
    const start = m.index ?? 0
    let end = start + whole.length
    if (dot !== undefined && yearText === undefined && MONTHS.has(norm(monthWord))) end -= 1
    const year = yearText === undefined ? null : Number(yearText)
    const day1 = /^1(er|re)$/i.test(day1Text) ? 1 : Number(day1Text)
    const weekday = weekdayWord === undefined ? null : (WEEKDAYS.get(norm(weekdayWord)) ?? null)
    const direction = relativeDirection(text, end)
    const iso = (day: number, wd: number | null): string | null => {
      if (!validDay(year, month, day)) return null
      if (year !== null) return `${year}-${pad(month)}-${pad(day)}`
      return resolveYear(day, month, wd, ref, direction)
    }
    if (day2Text !== undefined) {
      // "du 5 au 7 février 2026": two dates, the first one spans only its day number
      const first = iso(day1, weekday)
      const second = iso(Number(day2Text), null)
      if (!first || !second || Number(day2Text) <= day1) continue
      const d1Start = start + whole.indexOf(day1Text)
      out.push(dateCandidate(start, d1Start + day1Text.length, first, null))
      const d2Start = start + whole.indexOf(day2Text, whole.indexOf(day1Text) + day1Text.length)
      out.push(dateCandidate(d2Start, end, second, null))
      continue
    }
    const value = iso(day1, weekday)
    if (value) out.push(dateCandidate(start, end, value, null))
  }
  return out
}

const MONTH_YEAR_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(fin|début|debut|mi)(?:-|${S})(?:d[e'’]${HSPACE}*)?)?(${MONTH_ALT})(\\.)?${S}(?:de${S}l['’]année${S})?(\\d{4})(?![\\p{N}])`,
  'giu',
)

function monthYearDates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(MONTH_YEAR_RE)) {
    const [whole, period, monthWord, dot, yearText] = m
    if (monthWord === undefined || yearText === undefined) continue
    const month = monthNumber(monthWord, dot !== undefined, true)
    const year = Number(yearText)
    if (month === null || year < 1000 || year > 2199) continue
    const start = m.index ?? 0
    const unit = period === undefined ? null : (PERIOD[norm(period)] ?? null)
    out.push(dateCandidate(start, start + whole.length, `${year}-${pad(month)}`, unit))
  }
  return out
}

const PERIOD_YEAR_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(fin|début|debut|mi|milieu|printemps|été|ete|automne|hiver)(?:-|${S}(?:de${S}l['’](?:année|an|exercice)${S}|d['’]année${S}|de${S})?)(\\d{4})(?![\\p{N}])`,
  'giu',
)

function periodYearDates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(PERIOD_YEAR_RE)) {
    const [whole, period, yearText] = m
    if (period === undefined || yearText === undefined) continue
    const year = Number(yearText)
    if (year < 1000 || year > 2199) continue
    const lower = norm(period)
    const unit = PERIOD[lower] ?? SEASONS[lower] ?? null
    const start = m.index ?? 0
    out.push(dateCandidate(start, start + whole.length, yearText, unit))
  }
  return out
}

const ORDINALS: Record<string, number> = {
  premier: 1,
  '1er': 1,
  deuxième: 2,
  second: 2,
  '2e': 2,
  '2nd': 2,
  troisième: 3,
  '3e': 3,
  quatrième: 4,
  '4e': 4,
}

const QUARTER_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(premier|1er|deuxième|second|2e|2nd|troisième|3e|quatrième|4e|dernier)${S}(trimestre|semestre)${S}(?:de${S}l['’]année${S}|de${S}|d['’]année${S})?(\\d{4})(?![\\p{N}])`,
  'giu',
)
const SHORT_QUARTER_RE =
  /(?<![\p{L}\p{N}])([TQS])([1-4])(?:[ \u00A0-]|\s+de\s+)(\d{4})(?![\p{N}])/gu

function quarterDates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(QUARTER_RE)) {
    const [whole, ordinal, period, yearText] = m
    if (!ordinal || !period || !yearText) continue
    const semester = norm(period) === 'semestre'
    const n = norm(ordinal) === 'dernier' ? (semester ? 2 : 4) : (ORDINALS[norm(ordinal)] ?? 0)
    if (n < 1 || (semester && n > 2)) continue
    const start = m.index ?? 0
    out.push(
      dateCandidate(start, start + whole.length, `${yearText}-${semester ? 'H' : 'Q'}${n}`, null),
    )
  }
  for (const m of text.matchAll(SHORT_QUARTER_RE)) {
    const [whole, letter, nText, yearText] = m
    const n = Number(nText)
    const semester = letter === 'S'
    if (semester && n > 2) continue
    const start = m.index ?? 0
    out.push(
      dateCandidate(start, start + whole.length, `${yearText}-${semester ? 'H' : 'Q'}${n}`, null),
    )
  }
  return out
}

const NUMERIC_DMY_RE =
  /(?<![\p{N}\p{L}/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}\p{L}]|[/.-]\d)/gu
const ISO_RE = /(?<![\p{N}\p{L}/.-])(\d{4})-(\d{2})-(\d{2})(?![\p{N}\p{L}]|[/.-]\d)/gu

function numericDates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(NUMERIC_DMY_RE)) {
    const day = Number(m[1])
    const month = Number(m[3])
    const yearText = m[4] ?? ''
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText)
    if (!validDay(year, month, day) || year < 1000 || year > 2199) continue
    const start = m.index ?? 0
    out.push(dateCandidate(start, start + m[0].length, `${year}-${pad(month)}-${pad(day)}`, null))
  }
  for (const m of text.matchAll(ISO_RE)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (!validDay(year, month, day)) continue
    const start = m.index ?? 0
    out.push(dateCandidate(start, start + m[0].length, m[0], null))
  }
  return out
}

const CHRONO_DATE_SHAPE = new RegExp(`\\p{L}{3,}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}`, 'u')

/**
 * What a date found by chrono must hold to be kept: a month word (or its
 * abbreviation) standing as a word, or digits around a date separator. The
 * text is tested first: most blocks hold neither, and running chrono on them
 * was about 5 % of a long note's build.
 */
const CHRONO_WORTH = new RegExp(`(?<!\\p{L})(?:${MONTH_ALT})(?!\\p{L})|\\d[/.-]\\d`, 'iu')

/**
 * chrono-node's French parser, used as a fallback for day-precision dates the rules above miss.
 * Only results with a certain day and month and no time of day are kept, and the matched text
 * must contain a month word or a full numeric date (chrono also matches bare numbers as hours).
 */
function chronoDates(text: string, ref: ReferenceDate | null): Candidate[] {
  if (!CHRONO_WORTH.test(text)) return []
  const refDate = ref
    ? new Date(Date.UTC(ref.year, ref.month - 1, ref.day, 12))
    : new Date(Date.UTC(2000, 0, 1, 12))
  const out: Candidate[] = []
  let results: chrono.ParsedResult[] = []
  try {
    results = chrono.parse(text, refDate)
  } catch {
    return out
  }
  for (const r of results) {
    const s = r.start
    if (!s.isCertain('day') || !s.isCertain('month') || s.isCertain('hour') || r.end) continue
    if (!CHRONO_DATE_SHAPE.test(r.text)) continue
    if (!CHRONO_WORTH.test(r.text)) continue
    const day = s.get('day') ?? 0
    const month = s.get('month') ?? 0
    const weekday = s.isCertain('weekday') ? (s.get('weekday') ?? null) : null
    const value = s.isCertain('year')
      ? `${s.get('year')}-${pad(month)}-${pad(day)}`
      : resolveYear(day, month, weekday, ref, relativeDirection(text, r.index + r.text.length))
    out.push(dateCandidate(r.index, r.index + r.text.length, value, null, DATE_PRIORITY - 1))
  }
  return out
}

/** All date candidates (kind 'date'). */
export function recognizeDates(text: string, ref: ReferenceDate | null): Candidate[] {
  const own = [
    ...dayMonthDates(text, ref),
    ...monthYearDates(text),
    ...periodYearDates(text),
    ...quarterDates(text),
    ...numericDates(text),
  ]
  // chrono candidates compete in the overlap resolution: they only win when strictly longer
  return [...own, ...chronoDates(text, ref)]
}

const DECADE_RE = new RegExp(`(?<![\\p{L}\\p{N}])années${S}(\\d{3}0)(?![\\p{N}])`, 'giu')

function yearCandidate(start: number, end: number, value: number, unit: string | null): Candidate {
  return {
    start,
    end,
    kind: 'year',
    value,
    unit,
    qualifier: 'exact',
    qualifierText: null,
    change: null,
    priority: YEAR_PRIORITY,
    factor: 1,
    numberStart: start,
    numberEnd: end,
  }
}

export function isYearLike(token: NumToken): boolean {
  return (
    token.plainInt && token.end - token.start === 4 && token.value >= 1000 && token.value <= 2199
  )
}

/** How the words around a 4-digit number make it a year: 'strong', 'weak' or 'none'. */
export function yearContext(text: string, token: NumToken): 'strong' | 'weak' | 'none' {
  const before = text.slice(Math.max(0, token.start - 20), token.start)
  if (/(?:^|[^\p{L}])mi-$/iu.test(before)) return 'strong'
  if (/\d[ \u00A0]?[-–][ \u00A0]?$/u.test(before)) return 'strong' // 2024-2025
  const prev = wordBefore(text, token.start)
  if (!prev) return 'none'
  if (STRONG_YEAR_CONTEXT.has(prev.lower)) return 'strong'
  if (/^(?:d'ici|jusqu'en|jusqu'à|l'an|l'année|qu'en)$/.test(prev.lower)) return 'strong'
  if (WEAK_YEAR_CONTEXT.has(prev.lower)) return 'weak'
  return 'none'
}

/** Does a lower-case noun follow (then the 4-digit number is a count, not a year)? */
function followedByLowercaseWord(text: string, token: NumToken): boolean {
  const next = wordAt(text, token.end)
  return (
    next !== null && next.start > token.end && /^\p{Ll}/u.test(next.word) && next.lower.length > 1
  )
}

/** Bare years ("en 2022", "depuis 1997", "2024-2025") and decades ("années 1970"). */
export function recognizeYears(text: string, tokens: ReadonlyArray<NumToken>): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (!isYearLike(token) || token.label || token.suffix) continue
    const context = yearContext(text, token)
    if (context !== 'strong' && (token.afterName || qualifierBefore(text, token.start))) continue
    if (context === 'none' && (token.value < 1900 || token.value > 2100)) continue
    if (context !== 'strong' && followedByLowercaseWord(text, token)) {
      const next = wordAt(text, token.end)
      if (
        next &&
        !/^(?:et|ou|à|au|aux|puis|contre|jusqu'|en|dans|après|avant|pour|par|sur|est|a|ont|sont|sera|était|de|d'|des|du|le|la|les|l'|qui|que|où)$/.test(
          next.lower,
        )
      )
        continue
    }
    out.push(yearCandidate(token.start, token.end, token.value, null))
  }
  for (const m of text.matchAll(DECADE_RE)) {
    const start = m.index ?? 0
    out.push(yearCandidate(start, start + m[0].length, Number(m[1]), 'decade'))
  }
  return out
}
