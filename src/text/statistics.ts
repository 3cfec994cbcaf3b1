/**
 * Pure recognizer of statistics in French text (percentages, money, counts, durations,
 * multipliers, ratios, dates and years). Rules live in ./stats/: numbers.ts (number scanner:
 * digits with space / U+00A0 / U+202F / dot grouping, decimal commas, French number words),
 * quantities.ts (percent, money, duration, count), comparisons.ts (multiplier, ratio), dates.ts
 * (dates with chrono-node as fallback, years), context.ts (exclusions, qualifiers), figures.ts
 * (precision rules: what a reader would not call a statistic).
 *
 * Kinds 'date' and 'year' are time references, not figures (see `isFigure` in the model): they
 * are returned because other features read dates, and are left out of source checks and key
 * figures.
 *
 * Span convention: `text.slice(start, end)` is the figure as a reader would quote it: the
 * qualifier when there is one, the number, and its unit or counted noun, e.g. "près de 100
 * organisations", "plus de 60 %", "~25 personnes", "200 milliards d'euros", "multiplié par 5",
 * "deux fois moindres", "un Européen sur deux", "lundi 22 septembre", "fin 2025". A qualifier
 * written after the figure ("100 personnes environ") is included too; `qualifierText` is the
 * qualifier as written. Words that only introduce the figure ("en 2022", "le 5 février",
 * "en juillet 2025") are not part of it, so a year span is just "2022". Spans never start or end
 * with whitespace; results are sorted by `start` and never overlap (when candidates overlap, the
 * longest wins, then the more specific kind: date > money > percent > multiplier > ratio >
 * duration > year > count).
 *
 * Value conventions:
 * - percent: the number as written (2,5 % -> 2.5); unit '%', '‰' (pour mille) or 'pp'
 *   ("5 points de pourcentage", "5 pp", and "points" after a sign, a decimal or a change: "+3
 *   points", "0,6 point par an", "une hausse de 2 points", "deux points d'écart").
 * - money: full amount in currency units (200 milliards d'euros -> 200000000000, 3 M€ ->
 *   3000000, 1,2 Md€ -> 1200000000, "bn" = 10^9, French "billion" = 10^12); unit ISO 4217.
 * - count: the number; unit = counted noun as written ("15 lauréats" -> 'lauréats', "Vingt
 *   autres organismes" -> 'organismes', "40 millions de personnes" -> 'personnes'), '°C' / '°'
 *   for temperatures and angles, or null for a bare number written in digits ("ils étaient 40 000").
 * - duration: minutes (1 h = 60, 1 day = 1440, 1 week = 10080, 1 month = 43830,
 *   1 year = 525960 i.e. 365.25 days); unit 'min'. "1 heure et 30 minutes", "2 h 30",
 *   "2 ans, 3 mois et 10 jours", "un an et demi" are single durations.
 * - multiplier: the factor as written, the direction is left to the text ("3 fois moins" -> 3,
 *   "divisé par 2" -> 2, "doublé" -> 2); unit '×'.
 * - ratio: numerator / denominator rounded to 4 decimals; unit null.
 * - date: string, see stats/dates.ts: '2026-02-05'; '2025-07'; '2025' with unit 'end' | 'start' |
 *   'mid' for "fin 2025" / "début 2026" / "mi-2025" (also 'spring'... for seasons); '2025-07' with
 *   unit 'end' for "fin juillet 2025"; '2025-Q1' / '2025-H2' for quarters / semesters. A day
 *   without year is resolved against `referenceDate` (weekday must match; "dernier" / "prochain"
 *   force past / future; otherwise the closest occurrence) or returned as '--09-22'.
 * - year: number (2022); unit null, or 'decade' for "les années 1970".
 * - ranges: in "entre 10 et 15 %", "de 2 à 3 millions d'euros", "18-25 ans" the bare first bound
 *   is reported with the kind, unit and (when smaller) scale of the second.
 * - change: on Y in "de X [date phrase] à Y" when X and Y have the same kind and unit ("passé de
 *   15 minutes fin 2024 à 1 heure et 30 minutes fin 2025"); when X is a bare bound ("de 5 à
 *   60 %") only after a verb or noun of evolution (passer, augmenter, baisse...). X is still
 *   returned on its own, without change.
 *
 * Deliberately not reported (see stats/figures.ts for the rules): bare numbers without evidence
 * of a quantity (page numbers, table-of-contents entries, list numbers, small integers whose
 * unit stands elsewhere, including numbers alone in a table cell), ordinals "1°", "2°", counts
 * of structural nouns under 100 ("trois parties", "deux axes", "5 recommandations", "3
 * obligations"), small counts announcing an enumeration ("deux ingrédients : les données et…"),
 * counts referring back to a known set ("ces trois entreprises", "les quinze membres"),
 * durations used as a point in time ("il y a dix ans", "depuis cinq ans", "à deux jours du
 * vote"), list numbers glued to their sentence ("7.Le"), postal codes; vague quantities ("des centaines", "plusieurs dizaines", "des
 * dizaines de milliers", "des milliards d'euros", "plusieurs heures"), the article "un/une" alone
 * ("un exploit", "une heure", "un an"), bare number words ("les deux"), ordinals ("80e", "1er"
 * outside dates, "XXIe siècle"), digits inside names and codes (GPT-4o, Claude Opus 4, G20,
 * COVID-19, H5N1, Web 2.0, Windows 11, versions), reference labels ("article 5", "page 3",
 * "n° 2024-120"), list and heading numbering, author-date citations ("(Karnofsky, 2025)",
 * "Kučinskas et al., 2025", "Hinton (2023)"), phone numbers, URLs, e-mails, inline code, footnote
 * markers, times of day ("à 14 h 30", "de 9 h à 17 h"), "24h/24" and "7j/7".
 */
import { isFigure } from '../model/base.ts'
import { ZoneIndex, exclusionZones, wordBefore } from './stats/context.ts'
import {
  parseReferenceDate,
  recognizeDates,
  recognizeYears,
  yearContext,
  isYearLike,
} from './stats/dates.ts'
import { CHANGE_STEMS, HSPACE } from './stats/lexicon.ts'
import { isNotAFigure } from './stats/figures.ts'
import { clean, scanNumbers, type NumToken } from './stats/numbers.ts'
import { recognizeMultipliers, recognizeRatios } from './stats/comparisons.ts'
import {
  recognizeCounts,
  recognizeDurations,
  recognizeMoney,
  recognizePercents,
} from './stats/quantities.ts'
import type { Candidate, RawStatistic, StatisticKind, StatisticOptions } from './stats/types.ts'

export type {
  Qualifier,
  RawStatistic,
  StatisticChange,
  StatisticKind,
  StatisticOptions,
} from './stats/types.ts'

/** Index of a statistic of the sorted, non-overlapping `stats` overlapping [start, end), or -1. */
function findOverlapping(stats: ReadonlyArray<Candidate>, start: number, end: number): number {
  let lo = 0
  let hi = stats.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((stats[mid]?.end ?? 0) <= start) lo = mid + 1
    else hi = mid
  }
  const s = stats[lo]
  return s && s.start < end ? lo : -1
}

/** Pick non-overlapping candidates: longest span first, then priority, then leftmost. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  )
  const chosen: Candidate[] = []
  const taken = new Set<number>()
  for (const c of ordered) {
    if (c.end <= c.start) continue
    let free = true
    for (let i = c.start; i < c.end && free; i++) free = !taken.has(i)
    if (!free) continue
    for (let i = c.start; i < c.end; i++) taken.add(i)
    chosen.push(c)
  }
  return chosen.sort((a, b) => a.start - b.start)
}

const RANGE_KINDS: ReadonlySet<StatisticKind> = new Set([
  'percent',
  'money',
  'duration',
  'count',
  'multiplier',
])

type Linked = Candidate & { propagated?: boolean }

/** The connector ending the text before a range's second bound: "200 à| 300", "2020-|2025". */
const RANGE_CONNECTOR = new RegExp(`${HSPACE}*(?:à|-|–|—|et|ou)${HSPACE}*$`, 'u')

/**
 * "entre 10 et 15 %", "de 2 à 3 millions d'euros", "18-25 ans": the first, bare number takes the
 * kind and unit of the second (and its scale when it is smaller than the second number).
 */
function propagateRanges(text: string, stats: Linked[], tokens: ReadonlyArray<NumToken>): Linked[] {
  const result = [...stats]
  const tokenByEnd = new Map<number, NumToken>()
  for (const t of tokens) tokenByEnd.set(t.end, t)
  for (const y of stats) {
    // A unitless second bound counts only with a scale word ("200 à 300 millions").
    if (!RANGE_KINDS.has(y.kind) || y.qualifier !== 'exact') continue
    if (y.unit === null && !(y.kind === 'count' && y.factor > 1)) continue
    if (y.numberStart !== y.start) continue
    const before = text.slice(Math.max(0, y.start - 40), y.start)
    const connector = RANGE_CONNECTOR.exec(before)
    if (!connector) continue
    const xEnd = y.start - connector[0].length
    const x = tokenByEnd.get(xEnd)
    if (!x || x.label || x.afterName || x.suffix || x.article || x.dotDecimal) continue
    const isDash = /[-–—]/.test(connector[0])
    if (
      /\bet\b/.test(connector[0]) &&
      !/(?:^|[^\p{L}])entre\s+$/iu.test(text.slice(Math.max(0, x.start - 10), x.start))
    )
      continue
    if (isDash && /\s/.test(connector[0]) && y.kind !== 'duration') continue
    const existingIndex = findOverlapping(result, x.start, x.end)
    const existing = existingIndex >= 0 ? result[existingIndex] : undefined
    if (existing) {
      const replaceable =
        (existing.kind === 'count' &&
          existing.unit === null &&
          existing.start === x.start &&
          existing.end === x.end) ||
        (existing.kind === 'year' &&
          existing.start === x.start &&
          isYearLike(x) &&
          yearContext(text, x) !== 'strong')
      if (!replaceable) continue
    }
    const yBase = y.value !== 0 && typeof y.value === 'number' ? y.value / y.factor : 0
    const scaleIt = y.kind === 'duration' || (x.scale === 1 && x.value <= yBase)
    const value = clean(scaleIt ? x.value * y.factor : x.value)
    const linked: Linked = {
      start: x.start,
      end: x.end,
      kind: y.kind,
      value,
      unit: y.unit,
      qualifier: 'exact',
      qualifierText: null,
      change: null,
      priority: y.priority,
      factor: scaleIt ? y.factor : 1,
      numberStart: x.start,
      numberEnd: x.end,
      propagated: true,
    }
    if (existing) result[existingIndex] = linked
    else result.push(linked)
  }
  return result.sort((a, b) => a.start - b.start)
}

const GAP_FILLER = new RegExp(
  `^(?:[\\s,()'’-]|\\b(?:en|fin|début|mi|au|aux|dans|le|la|les|l|de|d|du|courant|cours|année|an|mois|ce|cette|à|entre)\\b)*$`,
  'iu',
)

function hasChangeVerb(text: string, pos: number): boolean {
  const before = text.slice(Math.max(0, pos - 60), pos)
  const clause = before.split(/[.!?;:,\n]/).pop() ?? ''
  const words = clause
    .toLowerCase()
    .split(/[\s\u00A0\u202F'’]+/)
    .filter(Boolean)
  return words.slice(-4).some((w) => CHANGE_STEMS.test(w))
}

/** "à" ending the text before a figure ("de 2 à| 3 %"), and "de" / "d'" before the first one. */
const TO_BEFORE = new RegExp(`(?<![\\p{L}])à${HSPACE}*$`, 'u')
const FROM_BEFORE = new RegExp(`(?<![\\p{L}])d(?:e|['’])${HSPACE}*$`, 'iu')

/** "passé de 15 minutes fin 2024 à 1 heure et 30 minutes fin 2025", "de 5 % à plus de 60 %". */
function detectChanges(text: string, stats: Linked[]): void {
  for (let i = 0; i < stats.length; i++) {
    const y = stats[i]
    // A change ("de 2 à 3 %") is between two figures, never dates or years.
    if (!y || !isFigure(y)) continue
    const beforeY = text.slice(Math.max(0, y.start - 10), y.start)
    const a = TO_BEFORE.exec(beforeY)
    if (!a) continue
    const aPos = y.start - beforeY.length + a.index
    for (let j = i - 1; j >= 0; j--) {
      const x = stats[j]
      if (!x || x.end > aPos) continue
      if (x.kind === 'date' || x.kind === 'year') continue
      if (x.kind !== y.kind || x.unit !== y.unit) break
      let gap = text.slice(x.end, aPos)
      if (gap.length > 80) break
      for (let k = j + 1; k < i; k++) {
        const d = stats[k]
        if (d && (d.kind === 'date' || d.kind === 'year') && d.start >= x.end && d.end <= aPos) {
          gap =
            gap.slice(0, d.start - x.end) + ' '.repeat(d.end - d.start) + gap.slice(d.end - x.end)
        }
      }
      if (!GAP_FILLER.test(gap)) break
      if (!FROM_BEFORE.test(text.slice(Math.max(0, x.start - 6), x.start))) break
      const deStart = wordBefore(text, x.start)?.start ?? x.start
      if ((x.propagated || y.propagated) && !hasChangeVerb(text, deStart)) break
      y.change = { from: x.value, to: y.value, fromStart: x.start, fromEnd: x.end }
      break
    }
  }
}

function strip(c: Candidate): RawStatistic {
  return {
    start: c.start,
    end: c.end,
    kind: c.kind,
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    qualifierText: c.qualifierText,
    change: c.change,
  }
}

/**
 * Find the statistics of a French text. Pure and deterministic: the only external input is
 * `options.referenceDate`, used to give a year to dates written without one.
 * Returns statistics sorted by `start`, non-overlapping, outside `options.exclude`.
 */
export function extractStatistics(text: string, options: StatisticOptions = {}): RawStatistic[] {
  if (!text) return []
  const ref = parseReferenceDate(options.referenceDate)
  const zones = exclusionZones(text, options.exclude ?? [])
  const tokens = scanNumbers(text)
  const byStart = new Map<number, NumToken>()
  for (const t of tokens) byStart.set(t.start, t)
  const timesOfDay: Array<[number, number]> = []
  const candidates: Candidate[] = [
    ...recognizeDates(text, ref),
    ...recognizeYears(text, tokens),
    ...recognizePercents(text, tokens),
    ...recognizeMoney(text, tokens),
    ...recognizeDurations(text, tokens, byStart, timesOfDay),
    ...recognizeMultipliers(text, tokens, byStart),
    ...recognizeRatios(text, tokens, byStart),
    ...recognizeCounts(text, tokens),
  ]
  const index = new ZoneIndex([...zones, ...timesOfDay])
  const kept = candidates.filter(
    (c) => !index.overlaps(c.start, c.end) && !isNotAFigure(text, c, byStart.get(c.numberStart)),
  )
  const zonesFree = tokens.filter((t) => !index.overlaps(t.start, t.end))
  const chosen = propagateRanges(text, resolveOverlaps(kept), zonesFree)
  detectChanges(text, chosen)
  return chosen.map(strip)
}
