/**
 * The small parts of the document model (src/model/schema.ts) that the
 * configuration and the rules need when they load: positions and the kinds
 * of statistics. They are apart so that resolving a configuration does not
 * construct the whole model's schema (a run the cache answers never needs
 * it); schema.ts exports them with the rest.
 */
import * as z from 'zod'

/** A place in the source file: 1-based line and column, 0-based offset (UTF-16 code units). */
export const Point = z
  .object({
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    offset: z.number().int().min(0),
  })
  .meta({ id: 'Point' })
export type Point = z.infer<typeof Point>

/** A span of the source file. */
export const Position = z.object({ start: Point, end: Point }).meta({ id: 'Position' })
export type Position = z.infer<typeof Position>

export const StatisticKind = z.enum([
  'percent',
  'money',
  'count',
  'duration',
  'multiplier',
  'ratio',
  'date',
  'year',
])
export type StatisticKind = z.infer<typeof StatisticKind>

/**
 * The kinds that are figures: what a reader calls a statistic, what needs a source and what a
 * key-figures table lists. 'date' and 'year' are time references kept in the model for the
 * features that read dates (datelines, timelines), never figures.
 */
export const FigureKind = StatisticKind.exclude(['date', 'year'])
export type FigureKind = z.infer<typeof FigureKind>

const FIGURE_KINDS: ReadonlySet<StatisticKind> = new Set(FigureKind.options)

/** Is this statistic a figure (not a date or a year)? */
export function isFigure(statistic: { kind: StatisticKind }): boolean {
  return FIGURE_KINDS.has(statistic.kind)
}
