/**
 * fiche plugin: citations. Every link of the note is kept (`author-year`
 * when its label reads like "Karnofsky, 2025", `link` otherwise), whatever
 * its form: inline, URL as text, autolink, `mailto:`, reference-style.
 * Textual sources such as "Selon Le Figaro" are `attribution`s. Each gets a
 * role (citation, navigation, contact); only citations count as sources.
 */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import type { Citation } from '../src/model/schema.ts'
import { bulletAt, draftOf, proseBlocks, sectionAt } from '../src/draft/index.ts'
import { analyse } from '../src/draft/analysis.ts'
import { classifyHref, classifyRole, findAttributions } from '../src/text/citations.ts'
import { sourceSpan, type FlatLink } from '../src/text/flatten.ts'
import { collapseSpace } from '../src/text/normalize.ts'

/** Options of the citations extractor. */
export interface CitationOptions {
  /** Find textual attributions ("Selon Le Figaro"). Default: true. */
  attributions?: boolean
}

/**
 * Whether a link of `links` (sorted by start; links do not nest, so their
 * ends are sorted too) overlaps `[start, end)`: a binary search for the first
 * link ending after `start`, O(log n) instead of a scan per attribution.
 */
function overlapsLink(links: ReadonlyArray<FlatLink>, start: number, end: number): boolean {
  let low = 0
  let high = links.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (links[middle]!.end > start) high = middle
    else low = middle + 1
  }
  const link = links[low]
  return link !== undefined && link.start < end
}

/** Extracts links and attributions as citations. */
const ficheCitations: Plugin<[CitationOptions?], Root> = function (options = {}) {
  const attributions = options.attributions ?? true
  return (tree, file) => {
    const draft = draftOf(file)
    for (const block of proseBlocks(tree)) {
      const analysis = analyse(draft, block)
      const flat = analysis.flat
      const found: Array<
        Omit<Citation, 'id' | 'sectionId' | 'bulletId' | 'sentence'> & { at: [number, number] }
      > = []
      for (const { link, authorYear: parsed } of analysis.links) {
        const label = collapseSpace(flat.text.slice(link.start, link.end))
        const start = link.node.position?.start.offset ?? 0
        const end = link.node.position?.end.offset ?? start
        const kind = parsed ? 'author-year' : 'link'
        found.push({
          kind,
          role: classifyRole(kind, link.node.url),
          label,
          authors: parsed ? [...parsed.authors, ...(parsed.etAl ? ['et al.'] : [])] : [],
          year: parsed?.year ?? null,
          yearSuffix: parsed?.yearSuffix ?? null,
          href: link.node.url,
          status: classifyHref(link.node.url),
          resolved: null,
          position: draft.position(start, end),
          at: [link.start, link.end],
        })
      }
      if (attributions) {
        const links = [...flat.links].sort((a, b) => a.start - b.start)
        for (const attribution of findAttributions(flat.text)) {
          if (overlapsLink(links, attribution.start, attribution.end)) continue
          const [start, end] = sourceSpan(flat, attribution.start, attribution.end)
          found.push({
            kind: 'attribution',
            role: 'citation',
            label: attribution.label,
            authors: [attribution.label],
            year: null,
            yearSuffix: null,
            href: null,
            status: 'ok',
            resolved: null,
            position: draft.position(start, end),
            at: [attribution.start, attribution.end],
          })
        }
      }
      found.sort((a, b) => a.at[0] - b.at[0])
      for (const { at, ...citation } of found) {
        const offset = citation.position.start.offset
        const sectionId = sectionAt(draft, offset)
        const bulletId = bulletAt(draft, offset)?.id ?? null
        const quote = analysis.sentenceAt(at[0], at[1])
        const item: Citation = {
          ...citation,
          id: draft.ids.make(
            'c',
            sectionId ?? '',
            citation.kind,
            citation.label,
            citation.href ?? '',
          ),
          sentence: quote.text,
          sectionId,
          bulletId,
        }
        draft.quotes.set(item, quote)
        draft.citations.push(item)
      }
    }
    draft.citations.sort((a, b) => a.position.start.offset - b.position.start.offset)
  }
}

export default ficheCitations
