/**
 * Resolving author-year citations against the sources registry: by authors
 * and year, insensitive to case, accents, punctuation and "et al.".
 */
import type { Citation } from '../model/schema.ts'
import type { SourceEntry, SourceRegistry } from './registry.ts'

/** "Kučinskas et al." → "kucinskas"; "The New York Times" → "the new york times". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\bet al\b\.?/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:the|le|la|les|l) /u, '')
}

/** The normalized authors of a citation, without "et al.". */
const citedAuthors = (citation: Pick<Citation, 'authors'>): string[] =>
  citation.authors.map(normalizeName).filter((name) => name !== '')

/** The key that identifies an author-year reference in the note: "karnofsky|2025|a". */
export function authorYearKey(citation: Pick<Citation, 'authors' | 'year' | 'yearSuffix'>): string {
  return `${citedAuthors(citation).join(' & ')}|${citation.year ?? '?'}|${citation.yearSuffix ?? ''}`
}

/** True when the entry's authors start with the cited ones (family or organisation names). */
function authorsMatch(cited: string[], entry: SourceEntry): boolean {
  const names = entry.authors.map(normalizeName)
  if (cited.length === 0 || names.length < cited.length) return false
  return cited.every((name, index) => {
    const entry = names[index]
    return entry === name || (entry !== undefined && entry.endsWith(` ${name}`))
  })
}

/**
 * The registry entry a plain link refers to: the same URL, or a title equal
 * to the link text (case, accents and punctuation aside).
 */
export function matchLink(
  registry: SourceRegistry,
  citation: Pick<Citation, 'label' | 'href' | 'status'>,
): SourceEntry | null {
  const label = normalizeName(citation.label)
  return (
    registry.entries.find(
      (entry) =>
        (citation.status === 'ok' && entry.url !== null && entry.url === citation.href) ||
        (entry.title !== null && label !== '' && normalizeName(entry.title) === label),
    ) ?? null
  )
}

/**
 * The registry entries an author-year citation may refer to: same authors
 * and year; when several match, the year suffix ("2025a") chooses. More
 * than one entry means the citation is ambiguous.
 */
export function matchCitation(
  registry: SourceRegistry,
  citation: Pick<Citation, 'kind' | 'authors' | 'year' | 'yearSuffix'>,
): SourceEntry[] {
  if (citation.kind !== 'author-year' || citation.year === null) return []
  const cited = citedAuthors(citation)
  const candidates = registry.entries.filter(
    (entry) => entry.year === citation.year && authorsMatch(cited, entry),
  )
  if (candidates.length <= 1) {
    const only = candidates[0]
    return only &&
      (!citation.yearSuffix || !only.yearSuffix || only.yearSuffix === citation.yearSuffix)
      ? candidates
      : []
  }
  const suffixed = citation.yearSuffix
    ? candidates.filter(
        (entry) =>
          entry.yearSuffix === citation.yearSuffix ||
          entry.key.toLowerCase().endsWith(`${citation.year}${citation.yearSuffix}`),
      )
    : []
  return suffixed.length > 0 ? suffixed : candidates
}
