/**
 * fiche plugin: statistics (percentages, money, counts, durations,
 * multipliers, ratios, dates, years) found in prose by the French
 * recognizer of `src/text/statistics.ts`. Years inside author-year citation
 * labels and heading numbers are not statistics.
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { bulletAt, draftOf, proseBlocks, sectionAt } from '../src/draft/index.ts'
import { sourceSpan } from '../src/text/flatten.ts'
import { analyse } from '../src/draft/analysis.ts'
import type { Statistic } from '../src/model/schema.ts'
import { extractStatistics, type StatisticKind } from '../src/text/statistics.ts'

/** Options of the statistics extractor. */
export interface StatisticsOptions {
  /** Kinds to extract. Default: all. */
  kinds?: StatisticKind[]
}

/** Extracts statistics from paragraphs, headings and table cells. */
const ficheStatistics: Plugin<[StatisticsOptions?], Root> = function (options = {}) {
  const kinds = options.kinds ? new Set(options.kinds) : null
  return (tree, file) => {
    const draft = draftOf(file)
    // Headings by start offset, so that the block loop stays linear.
    const headings = new Map(draft.headings.map((h) => [h.position.start.offset, h]))
    for (const block of proseBlocks(tree)) {
      const analysis = analyse(draft, block)
      const flat = analysis.flat
      const exclude: Array<[number, number]> = [...analysis.authorYearSpans, ...flat.codes]
      if (block.kind === 'heading') {
        const heading = headings.get(block.node.position?.start.offset ?? -1)
        if (heading?.number) {
          const at = flat.text.indexOf(heading.number)
          if (at >= 0) exclude.push([0, at + heading.number.length + 1])
        }
      }
      const referenceDate = draft.meta.date ?? null
      for (const raw of extractStatistics(flat.text, { referenceDate, exclude })) {
        if (kinds && !kinds.has(raw.kind)) continue
        const [start, end] = sourceSpan(flat, raw.start, raw.end)
        const text = flat.text.slice(raw.start, raw.end)
        const sectionId = sectionAt(draft, start)
        const quote = analysis.sentenceAt(raw.start, raw.end)
        const statistic: Statistic = {
          id: draft.ids.make('st', sectionId ?? '', raw.kind, text),
          kind: raw.kind,
          value: raw.value,
          unit: raw.unit,
          qualifier: raw.qualifier,
          text,
          sentence: quote.text,
          change: raw.change
            ? {
                from: raw.change.from,
                to: raw.change.to,
                fromText: flat.text.slice(raw.change.fromStart, raw.change.fromEnd),
              }
            : null,
          sectionId,
          bulletId: bulletAt(draft, start)?.id ?? null,
          citationIds: [],
          position: draft.position(start, end),
        }
        draft.quotes.set(statistic, quote)
        draft.statistics.push(statistic)
      }
    }
  }
}

export default ficheStatistics
