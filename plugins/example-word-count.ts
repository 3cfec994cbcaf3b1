/**
 * Example user plugin: counts the words of each section and stores them in
 * `model.extensions['word-count']`. It shows the shape of a fiche plugin: a
 * unified plugin that reads the mdast and the draft, and adds to the model.
 *
 * Use it in pipeline.config.ts: `plugins: [ficheWordCount]`.
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { draftOf, proseBlocks, sectionAt } from '../src/draft/index.ts'

/** Options of the example plugin. */
export interface WordCountOptions {
  /** Count only words of at least this many letters. Default: 1. */
  minLength?: number
}

/** Words per section id (`null` key: before the first heading as `"(preamble)"`). */
export type WordCounts = Record<string, number>

const ficheWordCount: Plugin<[WordCountOptions?], Root> = function (options = {}) {
  const minLength = options.minLength ?? 1
  return (tree, file) => {
    const draft = draftOf(file)
    const counts: WordCounts = {}
    for (const block of proseBlocks(tree)) {
      const key = sectionAt(draft, block.node.position?.start.offset ?? 0) ?? '(preamble)'
      const words =
        draft.flatten(block.node).text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []
      counts[key] = (counts[key] ?? 0) + words.filter((w) => w.length >= minLength).length
    }
    draft.extensions['word-count'] = counts
  }
}

export default ficheWordCount
