/** claim-has-source: in a factual section, every bullet cites a source. */
import * as z from 'zod'
import { defineRule } from '../rule.ts'
import { exemptSections, headingPatterns } from '../sections.ts'

/** Headings of sections that state positions rather than facts (whole words, any case). */
export const NON_FACTUAL_SECTIONS = [
  String.raw`(?<!\p{L})(?:recommandations?|recommendations?|préconisations?|propositions?)(?!\p{L})`,
  String.raw`(?<!\p{L})(?:conclusions?|synthèse|résumé|sommaire|annexes?)(?!\p{L})`,
]

export default defineRule({
  id: 'claim-has-source',
  defaultSeverity: 'warning',
  description:
    'A bullet in a factual section with no citation at all; sections whose heading matches `exemptSections` (recommendations…) are skipped.',
  options: z.strictObject({
    /** Sections (heading patterns, case-insensitive regular expressions) that are not factual. */
    exemptSections: headingPatterns(NON_FACTUAL_SECTIONS),
    /** Bullets shorter than this many words are labels, not claims. */
    minWords: z.number().int().min(1).default(6),
  }),
  messages: {
    unsourced: (excerpt: string) =>
      `Unexpected unsourced claim “${excerpt}”, expected a citation in the bullet`,
  },
  check({ model, options, messages, report }) {
    const exempt = exemptSections(model, options.exemptSections)
    const sourced = new Set<string>()
    for (const bullet of [...model.bullets].reverse()) {
      if (bullet.citationIds.length > 0 || sourced.has(bullet.id)) {
        if (bullet.parentId) sourced.add(bullet.parentId)
      }
    }
    for (const bullet of model.bullets) {
      if (bullet.citationIds.length > 0 || sourced.has(bullet.id)) continue
      if (bullet.sectionId !== null && exempt.has(bullet.sectionId)) continue
      const text = bullet.text.trim()
      if (text.endsWith(':') || text.split(/\s+/u).length < options.minWords) continue
      const excerpt = text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text
      report(messages.unsourced(excerpt), bullet.position)
    }
  },
})
