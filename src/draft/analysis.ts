/**
 * The analysis of a prose block, computed once per block and shared by every
 * plugin: its flattened text, sentence spans, tokens, acronym definitions and
 * author-year links. Each part is computed lazily, on first use, and memoized
 * per draft in a Map keyed by the block's node, so that no plugin re-splits or
 * re-scans a text another has analysed. Every part is linear in the block's
 * length; a sentence lookup is O(log n) in its number of sentences.
 */
import type { Parents } from 'mdast'
import { tokenize, type Token } from '../glossary/tokens.ts'
import { findAcronymDefinitions, type AcronymDefinition } from '../text/acronyms.ts'
import { parseAuthorYear, type AuthorYear } from '../text/citations.ts'
import type { FlatLink, FlatText } from '../text/flatten.ts'
import { sentenceIn, sentenceSpans } from '../text/sentences.ts'
import type { Draft, ProseBlock, SentenceLocation } from './index.ts'

/** A link of the block with its label parsed as an author-year reference (null when it is not one). */
export interface AnalysedLink {
  link: FlatLink
  authorYear: AuthorYear | null
}

/** What is known of one prose block; each getter computes once. */
export interface BlockAnalysis {
  readonly flat: FlatText
  /** Start and end offsets (in `flat.text`) of the sentences, covering the text. */
  readonly sentences: ReadonlyArray<readonly [number, number]>
  /** French tokens of `flat.text`. */
  readonly tokens: Token[]
  /** Acronym definitions ("long form (ACR)") of `flat.text`. */
  readonly acronymDefinitions: AcronymDefinition[]
  /** The links of the block, with their author-year reading. */
  readonly links: AnalysedLink[]
  /** Offsets in `flat.text` of the links whose label is an author-year reference. */
  readonly authorYearSpans: Array<[number, number]>
  /** The sentence holding `start` (to `end`), with its location. */
  sentenceAt(start: number, end?: number): SentenceLocation
}

const analyses = new WeakMap<Draft, Map<Parents, BlockAnalysis>>()

/** Computes `make` on first call, then returns the stored value. */
function memo<T>(make: () => T): () => T {
  let done = false
  let value: T
  return () => {
    if (!done) {
      value = make()
      done = true
    }
    return value
  }
}

/** The shared analysis of a prose block (or of any block node) of a draft. */
export function analyse(draft: Draft, block: ProseBlock | Parents): BlockAnalysis {
  const node = 'kind' in block && 'node' in block ? block.node : block
  let byBlock = analyses.get(draft)
  if (!byBlock) {
    byBlock = new Map()
    analyses.set(draft, byBlock)
  }
  let analysis = byBlock.get(node)
  if (analysis) return analysis
  const flat = draft.flatten(node)
  const blockStart = node.position?.start.offset ?? -1
  const sentences = memo(() => sentenceSpans(flat.text))
  const tokens = memo(() => tokenize(flat.text))
  const acronymDefinitions = memo(() => findAcronymDefinitions(flat.text))
  const links = memo(() =>
    flat.links.map((link) => ({
      link,
      authorYear: parseAuthorYear(flat.text.slice(link.start, link.end)),
    })),
  )
  const authorYearSpans = memo(() =>
    links()
      .filter((l) => l.authorYear !== null)
      .map((l): [number, number] => [l.link.start, l.link.end]),
  )
  analysis = {
    flat,
    get sentences() {
      return sentences()
    },
    get tokens() {
      return tokens()
    },
    get acronymDefinitions() {
      return acronymDefinitions()
    },
    get links() {
      return links()
    },
    get authorYearSpans() {
      return authorYearSpans()
    },
    sentenceAt(start, end = start) {
      const found = sentenceIn(flat.text, sentences(), start, end)
      return { block: blockStart, index: found.index, text: found.text }
    },
  }
  byBlock.set(node, analysis)
  return analysis
}
