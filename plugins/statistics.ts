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
import { sentenceAt } from '../src/text/sentences.ts'
import { extractStatistics, type StatisticKind } from '../src/text/statistics.ts'
import { parseAuthorYear } from '../src/text/citations.ts'

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
    for (const block of proseBlocks(tree)) {
      const flat = draft.flatten(block.node)
      const exclude: Array<[number, number]> = flat.links
        .filter((link) => parseAuthorYear(flat.text.slice(link.start, link.end)) !== null)
        .map((link) => [link.start, link.end])
      if (block.kind === 'heading') {
        const heading = draft.headings.find(
          (h) => h.position.start.offset === block.node.position?.start.offset,
        )
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
        draft.statistics.push({
          id: draft.ids.make('st', sectionId ?? '', raw.kind, text),
          kind: raw.kind,
          value: raw.value,
          unit: raw.unit,
          qualifier: raw.qualifier,
          text,
          sentence: sentenceAt(flat.text, raw.start, raw.end),
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
        })
      }
    }
  }
}

export default ficheStatistics
