/** citation-key-ambiguous: one author-year key, one source. */
import * as z from 'zod'
import type { Citation } from '../../model/schema.ts'
import { authorYearKey, matchCitation } from '../../sources/match.ts'
import { defineRule } from '../rule.ts'

/** The URL a citation points to: its registry entry's, else its own when it is a real target. */
const targetOf = (citation: Citation): string | null =>
  citation.resolved?.url ?? (citation.status === 'ok' ? citation.href : null)

export default defineRule({
  id: 'citation-key-ambiguous',
  defaultSeverity: 'error',
  description:
    'The same author-year key pointing to different sources (different URLs, or several registry entries), which needs 2025a/2025b.',
  options: z.strictObject({}),
  messages: {
    urls: (label: string, url: string, other: string) =>
      `Unexpected second source for “${label}”: “${url}” differs from “${other}”, expected a year suffix (2025a, 2025b) to tell them apart`,
    entries: (label: string, keys: string[]) =>
      `Unexpected ambiguous citation “${label}”: it matches ${keys.length} registry entries (${keys.join(', ')}), expected a year suffix (2025a, 2025b) or a single entry`,
  },
  check({ model, config, messages, report }) {
    const first = new Map<string, Citation>()
    for (const citation of model.citations) {
      if (citation.kind !== 'author-year' || citation.year === null) continue
      const matches =
        config.sources.entries.length > 0 ? matchCitation(config.sources, citation) : []
      if (matches.length > 1) {
        report(
          messages.entries(
            citation.label,
            matches.map((entry) => entry.key),
          ),
          citation.position,
        )
        continue
      }
      const url = targetOf(citation)
      if (url === null) continue
      const key = authorYearKey(citation)
      const earlier = first.get(key)
      if (!earlier) first.set(key, citation)
      else if (targetOf(earlier) !== url) {
        report(messages.urls(citation.label, url, targetOf(earlier)!), citation.position, {
          cause: { message: 'first cited', position: earlier.position },
        })
      }
    }
  },
})
