/**
 * The state shared by the modules of the Word brief while it is built: the
 * citations and their sources, the footnotes and comments collected on the
 * way, and the diagnostics. Everything is numbered in document order, so two
 * builds of one model give the same ids.
 */
import type { Paragraph } from 'docx'
import type { Citation, Diagnostic, DocumentModel, Position } from '../../model/schema.ts'
import { newsSite, urlDate } from '../../sources/links.ts'
import type { CslItem, CslName } from '../../sources/registry.ts'
import { fr, type Locale } from './locale.ts'
import { isEnglish, stripForbidden } from './text.ts'

/** One numbered entry of the "Sources" section, shared by the citations that refer to it. */
export interface SourceEntry {
  number: number
  /** Bookmark name of the entry, the target of the internal links. */
  bookmark: string
  label: string
  title: string | null
  /** Authors as the bibliography shows them: registry names when resolved, else as cited. */
  authors: CslName[]
  /** Publisher or container (journal, newspaper, site) from the registry. */
  publisher: string | null
  year: number | null
  kind: Citation['kind']
  /** The known target: the registry's URL, or the note's link when it is usable. */
  url: string | null
  status: Citation['status']
  /** The link as written in the note. */
  href: string | null
}

/** A Word comment to attach to the document. */
export interface BriefComment {
  id: number
  children: Paragraph[]
}

/** The mutable state of one build. */
export interface BriefContext {
  model: DocumentModel
  /** The words and language of the document. */
  locale: Locale
  citations: Map<string, Citation>
  sources: SourceEntry[]
  sourceOf: Map<string, SourceEntry>
  footnotes: Map<number, Paragraph[]>
  comments: BriefComment[]
  diagnostics: Diagnostic[]
  /** Author and date stamped on comments. */
  commentDate: Date | null
  /** Next numbering instance: every list starts its own. */
  nextListInstance: number
  /** True while a footnote of the note is rendered: Word has no footnotes inside footnotes. */
  inFootnote: boolean
  /** How a citation shows in the text: a footnote, or a link on the cited words. */
  citationStyle: 'footnote' | 'link'
}

/** The target a reader can follow for a citation, or null when there is none. */
export function citationTarget(citation: Citation): string | null {
  // Only web and mail targets are followed, the registry's as the note's: never javascript:, data:…
  const followable = (url: string | null | undefined): url is string =>
    !!url && /^(https?:|mailto:)/i.test(url)
  if (followable(citation.resolved?.url)) return citation.resolved.url
  if (citation.status === 'ok' && followable(citation.href)) return citation.href
  return null
}

/** The authors of a citation as names: "et al." kept as a last literal. */
function citedNames(citation: Citation): CslName[] {
  return citation.authors.map((name) => ({ literal: name }))
}

/** The publisher or container of a registry item. */
function publisherOf(item: CslItem | undefined): string | null {
  for (const field of ['publisher', 'container-title', 'authority']) {
    const value = item?.[field]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return null
}

/** Whether a source can be listed as it is: it has a URL, or it is an attribution in the text. */
export function isComplete(source: SourceEntry): boolean {
  return source.url !== null || source.kind === 'attribution'
}

/**
 * Creates the context of a build: numbers the sources in the order of their
 * first citation, the complete ones first. `registry` gives the full items of resolved citations.
 */
export function createContext(
  model: DocumentModel,
  commentDate: Date | null,
  registry: ReadonlyMap<string, CslItem> = new Map(),
  citationStyle: 'footnote' | 'link' = 'footnote',
  locale: Locale = fr,
): BriefContext {
  const sources: SourceEntry[] = []
  const byKey = new Map<string, SourceEntry>()
  const sourceOf = new Map<string, SourceEntry>()
  for (const citation of model.citations) {
    if (citation.role !== 'citation') continue
    const url = citationTarget(citation)
    const key =
      citation.resolved?.key ?? (url ? `url:${url}` : `${citation.kind}:${citation.label}`)
    let entry = byKey.get(key)
    if (!entry) {
      const number = sources.length + 1
      const item = citation.resolved ? registry.get(citation.resolved.key) : undefined
      entry = {
        number,
        bookmark: `source_${number}`,
        label: citation.label,
        title: citation.resolved?.title ?? null,
        authors: item?.author && item.author.length > 0 ? item.author : citedNames(citation),
        // A plain link the registry does not know: its news site and the date its URL carries.
        publisher: publisherOf(item) ?? (url && !item ? newsSite(url) : null),
        year: citation.year ?? yearOf(item) ?? (url && !item ? (urlDate(url)?.[0] ?? null) : null),
        kind: citation.kind,
        url,
        status: citation.status,
        href: citation.href,
      }
      byKey.set(key, entry)
      sources.push(entry)
    }
    sourceOf.set(citation.id, entry)
  }
  // "Sources" lists the complete sources and "À compléter" the others: each list
  // is numbered without gaps, the complete sources first, in order of first citation.
  const ordered = [...sources.filter(isComplete), ...sources.filter((s) => !isComplete(s))]
  ordered.forEach((entry, index) => {
    entry.number = index + 1
    entry.bookmark = `source_${index + 1}`
  })
  sources.splice(0, sources.length, ...ordered)
  return {
    model,
    locale,
    citations: new Map(model.citations.map((c) => [c.id, c])),
    sources,
    sourceOf,
    footnotes: new Map(),
    inFootnote: false,
    citationStyle,
    comments: [],
    diagnostics: [],
    commentDate,
    nextListInstance: 1,
  }
}

/** The year of a registry item, or null. */
function yearOf(item: CslItem | undefined): number | null {
  const year = Number(item?.issued?.['date-parts']?.[0]?.[0])
  return Number.isInteger(year) && year > 0 ? year : null
}

/**
 * `text` ready for the XML: characters that XML 1.0 forbids are removed and
 * reported once per call, at `position` when known.
 */
export function cleanText(context: BriefContext, text: string, where: Position | null): string {
  const { text: clean, removed } = stripForbidden(text)
  if (removed.length > 0) {
    const place = where
      ? `${where.start.line}:${where.start.column}-${where.end.line}:${where.end.column}`
      : null
    context.diagnostics.push({
      ruleId: 'docx-forbidden-character',
      source: 'fiche-docx',
      severity: 'warning',
      message: `${context.model.source.path}${place ? `:${place}` : ''}: Unexpected control character${removed.length > 1 ? 's' : ''} ${[...new Set(removed)].join(', ')} (${removed.length}), removed from the brief: XML 1.0 forbids ${removed.length > 1 ? 'them' : 'it'}`,
      position: where,
      url: null,
      fatal: false,
    })
  }
  return clean
}

/** The proofing language of a span: en-GB when it reads as English, otherwise the document's. */
export function languageOf(text: string): { value: string } | undefined {
  return isEnglish(text) ? { value: 'en-GB' } : undefined
}
