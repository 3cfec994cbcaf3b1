/**
 * The CSL-JSON emitter: the sources a note cites, once each, as CSL-JSON
 * items that Zotero (File › Import) and citeproc read. Only bibliographic
 * citations become items: author-year references, citations resolved in the
 * sources registry (the registry's item) and attributions to a publication
 * ("selon Le Figaro"), links to legal texts, to a news site's article and to
 * a PDF document; never contact or navigation links, nor other plain links
 * (web pages) the registry does not know. Authors are split into family and given names,
 * "et al." is kept, the type is inferred, and no internal note is written
 * into the fields Zotero shows.
 */
import type { Citation, DocumentModel } from '../model/schema.ts'
import { authorYearKey } from '../sources/match.ts'
import { linkTitle, newsSite, urlDate } from '../sources/links.ts'
import { parseName } from '../sources/names.ts'
import type { CslItem, CslName, SourceRegistry } from '../sources/registry.ts'
import { isUnsafeHref } from '../text/citations.ts'
import { slugify } from '../text/normalize.ts'

/** Newspapers and news sites, by name or host: their items are `article-newspaper`. */
const NEWSPAPER =
  /(?<!\p{L})(?:the new york times|new york times|nytimes|washington post|the guardian|guardian|financial times|ft\.com|the economist|time|le monde|lemonde|le figaro|lefigaro|les échos|lesechos|libération|liberation|le parisien|l['’]opinion|la croix|mediapart|ouest-france|the conversation|theconversation|reuters|afp|agence france-presse|associated press|bloomberg|politico|bbc|cnn|wired|the verge|theverge|le point|l['’]express|france info|franceinfo)(?!\p{L})/iu
/** Legal texts, by label or host: their items are `legislation`. */
const LEGISLATION =
  /(?<!\p{L})(?:règlement|regulation|directive|loi n|loi du|décret|ordonnance|arrêté|code (?:civil|pénal|du travail)|journal officiel|eur-lex|legifrance)(?!\p{L})/iu
/** Bodies that publish reports: their items are `report`. */
const REPORTER =
  /(?<!\p{L})(?:report|rapport|institute|institut|aisi|ocde|oecd|insee|dares|drees|cour des comptes|sénat|assemblée|commission|agency|agence|office|observatoire|conseil|council|research|centre|center|university|université|ministère|ministry|metr|bank|banque|fonds|fund|onu|un|unesco|who|oms)(?!\p{L})/iu

/** Only http(s) targets are URLs a reference manager can open. */
const webUrl = (citation: Citation): string | null =>
  citation.status === 'ok' && citation.href && /^https?:\/\//iu.test(citation.href)
    ? citation.href
    : null

/** The CSL type of an unresolved citation, from its authors, label and URL. */
function typeOf(citation: Citation, url: string | null): string {
  const text = `${citation.authors.join(' ')} ${citation.label} ${url ?? ''}`
  if (LEGISLATION.test(text)) return 'legislation'
  if (NEWSPAPER.test(text)) return 'article-newspaper'
  if (url && /\.pdf(?:[?#]|$)/iu.test(url)) return 'report'
  if (REPORTER.test(text)) return 'report'
  // An author-year reference names a publication; a plain link is a web page.
  return citation.kind === 'link' ? 'webpage' : 'report'
}

/**
 * The authors of an author-year citation as CSL names; "et al." stays as the
 * last name `{ literal: 'others' }`, which citeproc prints "et al." (as
 * BibTeX's "and others").
 */
function authorsOf(citation: Citation): CslName[] {
  const names = citation.authors.filter((name) => !/^et al\.?$/u.test(name)).map(parseName)
  const etAl = citation.authors.some((name) => /^et al\.?$/u.test(name))
  return etAl ? [...names, { literal: 'others' }] : names
}

/** An attribution names a publication when its label has letters, not only digits. */
const isPublication = (label: string) => /\p{L}{2}/u.test(label)

/** The CSL item of an unresolved citation and the key that makes it unique, or null. */
function itemOf(citation: Citation): { key: string; item: CslItem } | null {
  const url = webUrl(citation)
  if (citation.kind === 'author-year') {
    const authors = authorsOf(citation)
    const type = typeOf(citation, url)
    const suffix = citation.yearSuffix ?? ''
    const names = citation.authors.filter((name) => !/^et al\.?$/u.test(name))
    return {
      key: `author-year:${authorYearKey(citation)}`,
      item: {
        id: slugify(`${names.join(' ')} ${citation.year ?? 'nd'}${suffix}`),
        type,
        ...(authors.length > 0 ? { author: authors } : {}),
        ...(citation.year !== null ? { issued: { 'date-parts': [[citation.year]] } } : {}),
        ...(citation.yearSuffix ? { 'year-suffix': citation.yearSuffix } : {}),
        ...(url ? { URL: url } : {}),
      },
    }
  }
  if (citation.kind === 'attribution') {
    if (!isPublication(citation.label)) return null
    const type = typeOf(citation, null)
    return {
      key: `attribution:${slugify(citation.label)}`,
      item: {
        id: slugify(citation.label),
        type,
        author: [{ literal: citation.label }],
      },
    }
  }
  // A plain link is a source only when it is a legal text ("Règlement (UE) 2024/1689").
  if (url && typeOf(citation, url) === 'legislation') {
    const dated = /^(.*?),?\s*\(?(\d{4})\)?$/u.exec(citation.label)
    const title = dated?.[1] ? dated[1] : citation.label
    return {
      key: `url:${url}`,
      item: {
        id: slugify(citation.label) || 'legislation',
        type: 'legislation',
        title,
        ...(dated?.[1] ? { issued: { 'date-parts': [[Number(dated[2])]] } } : {}),
        URL: url,
      },
    }
  }
  // A plain link to a news site's article or to a PDF document names a publication.
  const site = url ? newsSite(url) : null
  if (url && (site || /\.pdf(?:[?#]|$)/iu.test(url))) {
    const title = linkTitle(citation.label, citation.href)
    const date = urlDate(url)
    return {
      key: `url:${url}`,
      item: {
        id: slugify(title ?? site ?? citation.label) || 'document',
        type: site ? 'article-newspaper' : 'report',
        ...(title ? { title } : {}),
        ...(site ? { 'container-title': site } : {}),
        // the title is the note's own (French) words: citeproc must not title-case it
        language: 'fr',
        ...(date ? { issued: { 'date-parts': [date] } } : {}),
        URL: url,
      },
    }
  }
  return null
}

/** A registry item without a `javascript:`, `data:`, `vbscript:` or `file:` URL. */
function safeItem(item: CslItem): CslItem {
  if (typeof item.URL !== 'string' || !isUnsafeHref(item.URL)) return item
  const rest = { ...item }
  delete rest.URL
  return rest
}

/** The cited sources of a model as CSL-JSON items, each once, in order of first citation. */
export function citedSources(model: DocumentModel, registry: SourceRegistry): CslItem[] {
  const entries = new Map(registry.entries.map((entry) => [entry.key, entry]))
  const items = new Map<string, CslItem>()
  const ids = new Set<string>()
  for (const citation of model.citations) {
    if (citation.role !== 'citation') continue
    const entry = citation.resolved ? entries.get(citation.resolved.key) : undefined
    const found = entry
      ? { key: `registry:${entry.key}`, item: safeItem(entry.csl) }
      : itemOf(citation)
    if (!found || items.has(found.key)) continue
    const { key, item } = found
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
