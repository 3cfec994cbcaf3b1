/**
 * The CSL-JSON emitter: every source a note cites, once, as CSL-JSON items
 * that Zotero (File › Import) and citeproc read. A citation resolved in the
 * sources registry gives the registry's item; an unresolved one gives an
 * item built from what the note says (authors, year, URL, link text).
 */
import type { Citation, DocumentModel } from '../model/schema.ts'
import { authorYearKey } from '../sources/match.ts'
import type { CslItem, SourceRegistry } from '../sources/registry.ts'
import { slugify } from '../text/normalize.ts'

/** The CSL item of an unresolved citation, and the key that makes it unique. */
function itemOf(citation: Citation): { key: string; item: CslItem } {
  const url = citation.status === 'ok' && citation.href ? { URL: citation.href } : {}
  const note = { note: `Cited as “${citation.label}”; not found in the sources registry.` }
  if (citation.kind === 'author-year') {
    const authors = citation.authors.filter((name) => !/^et al\.?$/u.test(name))
    const suffix = citation.yearSuffix ?? ''
    return {
      key: `author-year:${authorYearKey(citation)}`,
      item: {
        id: slugify(`${authors.join(' ')} ${citation.year ?? 'nd'}${suffix}`),
        type: 'document',
        ...(authors.length > 0 ? { author: authors.map((literal) => ({ literal })) } : {}),
        ...(citation.year !== null ? { issued: { 'date-parts': [[citation.year]] } } : {}),
        ...url,
        ...note,
      },
    }
  }
  if (citation.kind === 'link') {
    return {
      key: citation.status === 'ok' ? `url:${citation.href}` : `link:${slugify(citation.label)}`,
      item: {
        id: `link-${slugify(citation.label)}`,
        type: 'webpage',
        title: citation.label,
        ...url,
        ...note,
      },
    }
  }
  return {
    key: `attribution:${slugify(citation.label)}`,
    item: {
      id: slugify(citation.label),
      type: 'document',
      author: [{ literal: citation.label }],
      note: `Attributed in the text (“${citation.label}”).`,
    },
  }
}

/** The cited sources of a model as CSL-JSON items, each once, in order of first citation. */
export function citedSources(model: DocumentModel, registry: SourceRegistry): CslItem[] {
  const entries = new Map(registry.entries.map((entry) => [entry.key, entry]))
  const items = new Map<string, CslItem>()
  const ids = new Set<string>()
  for (const citation of model.citations) {
    if (citation.role !== 'citation') continue
    const entry = citation.resolved ? entries.get(citation.resolved.key) : undefined
    const { key, item } = entry
      ? { key: `registry:${entry.key}`, item: entry.csl }
      : itemOf(citation)
    if (items.has(key)) continue
    let id = item.id
    for (let n = 2; ids.has(id); n++) id = `${item.id}-${n}`
    ids.add(id)
    items.set(key, { ...item, id })
  }
  return [...items.values()]
}

/** Serializes the cited sources as pretty-printed CSL-JSON with a final newline. */
export function emitCsl(model: DocumentModel, registry: SourceRegistry): string {
  return `${JSON.stringify(citedSources(model, registry), null, 2)}\n`
}
