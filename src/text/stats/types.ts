import type { Qualifier, StatisticKind } from '../../model/schema.ts'

/** The kinds and qualifiers are the model's own. */
export type { Qualifier, StatisticKind }

export interface StatisticChange {
  /** Value of the starting figure (same kind and unit as the statistic). */
  from: number | string
  /** Value of the final figure: always equal to the statistic's own `value`. */
  to: number | string
  /** Span of the starting figure (as returned for it, qualifier included). */
  fromStart: number
  fromEnd: number
}

export interface RawStatistic {
  /** UTF-16 offset of the first character of the figure (qualifier included), inclusive. */
  start: number
  /** UTF-16 offset just after the figure (unit / counted noun included), exclusive. */
  end: number
  kind: StatisticKind
  /** Number for every kind except 'date' (ISO-like string); see statistics.ts for units. */
  value: number | string
  /** '%' | '‰' | 'pp'; ISO 4217 code; 'min'; '×'; counted noun as written; date period. */
  unit: string | null
  qualifier: Qualifier
  /** The qualifier exactly as written inside the span ("près de", "~", "plus de"), or null. */
  qualifierText: string | null
  /** Set on the final figure of "de X [date] à Y" evolutions, null otherwise. */
  change: StatisticChange | null
}

export interface StatisticOptions {
  /** ISO date (YYYY-MM-DD, a longer ISO timestamp is accepted) of the document. */
  referenceDate?: string | null
  /** Ranges [start, end) of the input to ignore (citation labels, link targets...). */
  exclude?: Array<[number, number]>
}

/** Internal candidate: a statistic plus what overlap resolution and change detection need. */
export interface Candidate extends RawStatistic {
  /** Tie-breaker between candidates with the same span length (higher wins). */
  priority: number
  /** Factor applied to the written number by the unit (1e9 for "milliards d'euros", 60 for "heures"). */
  factor: number
  /** Offsets of the number itself inside the span. */
  numberStart: number
  numberEnd: number
}

export interface ReferenceDate {
  year: number
  month: number
  day: number
}
