/** citation-source-resolved: with a sources registry, every author-year citation is in it. */
import * as z from 'zod'
import { matchCitation } from '../../sources/match.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'citation-source-resolved',
  defaultSeverity: 'error',
  description:
    'When a sources registry is configured, an author-year citation that matches no entry of it.',
  options: z.strictObject({}),
  messages: {
    unresolved: (label: string, files: string[]) =>
      `Unexpected citation “${label}” missing from the sources registry (${files.join(', ')}), expected an entry with these authors and year`,
  },
  check({ model, config, messages, report }) {
    const registry = config.sources
    if (registry.files.length === 0) return
    for (const citation of model.citations) {
      if (citation.kind !== 'author-year' || citation.year === null) continue
      if (citation.resolved || matchCitation(registry, citation).length > 0) continue
      report(messages.unresolved(citation.label, registry.files), citation.position)
    }
  },
})
