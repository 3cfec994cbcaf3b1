/** citation-label-format: author-year labels read "Author, 2025" with a plausible year. */
import * as z from 'zod'
import { parseAuthorYear } from '../../text/citations.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'citation-label-format',
  defaultSeverity: 'warning',
  description:
    'An author-year label that is malformed ("Karnofsky 2025", "(2025)", "Karnofsky, 25") or whose year is implausible.',
  options: z.strictObject({
    /** Earliest plausible year. */
    minYear: z.number().int().default(1900),
    /** How many years after the document's year a citation may be dated. */
    yearsAhead: z.number().int().min(0).default(1),
  }),
  messages: {
    malformed: (label: string, expected: string | null) =>
      `Unexpected author-year label “${label}”, expected ${expected ? `“${expected}”` : '“Author, 2025”'}`,
    year: (label: string, year: number, min: number, max: number | null) =>
      `Unexpected year ${year} in “${label}”, expected a year from ${min}${max === null ? '' : ` to ${max}`}`,
  },
  check({ model, options, messages, report }) {
    const documentYear = model.meta.date ? Number(model.meta.date.slice(0, 4)) : null
    const maxYear = documentYear === null ? null : documentYear + options.yearsAhead
    for (const citation of model.citations) {
      if (citation.kind !== 'author-year' || citation.role !== 'citation') continue
      const parsed = parseAuthorYear(citation.label)
      if (!parsed) continue
      if (!parsed.wellFormed) {
        const names = parsed.authors.join(' & ') + (parsed.etAl ? ' et al.' : '')
        const expected =
          names !== '' && parsed.year !== null
            ? `${names}, ${parsed.year}${parsed.yearSuffix ?? ''}`
            : null
        report(messages.malformed(citation.label, expected), citation.position)
      } else if (
        parsed.year !== null &&
        (parsed.year < options.minYear || (maxYear !== null && parsed.year > maxYear))
      ) {
        report(
          messages.year(citation.label, parsed.year, options.minYear, maxYear),
          citation.position,
        )
      }
    }
  },
})
