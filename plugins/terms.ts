/**
 * fiche plugin: termbase terms. Finds every occurrence of every termbase
 * term in the prose (headings, paragraphs, list items, table cells) whatever
 * its French form, fills `terms[]`, and stores under `extensions.terms` the
 * first sentence of each concept, the uses of forbidden terms and the
 * candidate terms the termbase lacks. The index is built once, when the
 * processor is created.
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { findCandidates, type TextSegment } from '../src/glossary/candidates.ts'
import { TERMS_EXTENSION, type TermsExtension } from '../src/glossary/extension.ts'
import { buildTermIndex, matchTokens } from '../src/glossary/matcher.ts'
import { emptyTermbase, type Termbase } from '../src/glossary/termbase.ts'
import { draftOf, proseBlocks } from '../src/draft/index.ts'
import { sourceSpan } from '../src/text/flatten.ts'
import { analyse } from '../src/draft/analysis.ts'
import type { TermMatch } from '../src/model/schema.ts'

/** Options of the terms plugin. */
export interface TermsOptions {
  /** The loaded termbase. Default: none (only candidates are found). */
  termbase?: Termbase
  /** Look for candidate terms. Default: true. */
  candidates?: boolean
}

/** Matches termbase terms and finds candidate terms. */
const ficheTerms: Plugin<[TermsOptions?], Root> = function (options = {}) {
  const termbase = options.termbase ?? emptyTermbase()
  const index = buildTermIndex(termbase, 'fr')
  const withCandidates = options.candidates ?? true
  return (tree, file) => {
    const draft = draftOf(file)
    const data: TermsExtension = { first: {}, forbidden: [], candidates: [] }
    const segments: TextSegment[] = []
    for (const block of proseBlocks(tree)) {
      const analysis = analyse(draft, block)
      const flat = analysis.flat
      const locate = (start: number, end: number) => draft.position(...sourceSpan(flat, start, end))
      segments.push({ text: flat.text, locate, analysis })
      // The termbase index is French, like the block's shared tokens.
      for (const occurrence of matchTokens(index, analysis.tokens)) {
        const form = flat.text
          .slice(occurrence.start, occurrence.end)
          .replace(/[\s\u00a0\u202f]+/gu, ' ')
        const conceptId = occurrence.term.conceptId
        const id = draft.ids.make('t', conceptId, form)
        const quote = analysis.sentenceAt(occurrence.start, occurrence.end)
        const term: TermMatch = {
          id,
          conceptId,
          form,
          position: locate(occurrence.start, occurrence.end),
        }
        draft.quotes.set(term, quote)
        draft.terms.push(term)
        data.first[conceptId] ??= { termId: id, sentence: quote.text }
        if (occurrence.term.forbidden) {
          const concept = index.concepts.get(conceptId)
          data.forbidden.push({
            termId: id,
            conceptId,
            form,
            preferred: concept && concept.status !== 'forbidden' ? concept.fr.term : null,
          })
        }
      }
    }
    if (withCandidates) data.candidates = findCandidates(segments, index)
    draft.extensions[TERMS_EXTENSION] = data
  }
}

export default ficheTerms
