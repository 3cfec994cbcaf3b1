/**
 * fiche plugin: sources. Resolves citations against the sources registry
 * (author-year citations by authors and year, plain links by URL or title)
 * and records the entry in `citation.resolved`. A link whose target is a
 * placeholder or an anchor is completed in the tree with the registry URL,
 * so every output links to the source without the note being edited;
 * `citation.href` keeps the target as written.
 */
import type { Link, Root } from 'mdast'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import { draftOf } from '../src/draft/index.ts'
import { matchCitation, matchLink } from '../src/sources/match.ts'
import type { SourceEntry, SourceRegistry } from '../src/sources/registry.ts'

/** Options of the sources plugin. */
export interface SourcesOptions {
  /** The loaded registry; nothing is resolved when it is empty. */
  registry: SourceRegistry
}

/** Resolves citations and completes placeholder links. */
const ficheSources: Plugin<[SourcesOptions], Root> = function (options) {
  const { registry } = options
  return (tree, file) => {
    if (registry.entries.length === 0) return
    const draft = draftOf(file)
    const links = new Map<number, Link>()
    visit(tree, 'link', (node) => {
      if (node.position?.start.offset !== undefined) links.set(node.position.start.offset, node)
    })
    for (const citation of draft.citations) {
      if (citation.role !== 'citation') continue
      let entry: SourceEntry | null = null
      if (citation.kind === 'author-year') {
        const found = matchCitation(registry, citation)
        entry = found.length === 1 ? found[0]! : null
      } else if (citation.kind === 'link') {
        entry = matchLink(registry, citation)
      }
      if (!entry) continue
      citation.resolved = { key: entry.key, url: entry.url, title: entry.title }
      const node = links.get(citation.position.start.offset)
      if (node && entry.url && citation.status !== 'ok') node.url = entry.url
    }
  }
}

export default ficheSources
