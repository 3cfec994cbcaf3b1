/** glossary-missing-term: terminology of the note that the termbase lacks (candidate terms). */
import * as z from 'zod'
import { termsExtensionOf } from '../../glossary/extension.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'glossary-missing-term',
  defaultSeverity: 'info',
  description:
    'A term of the note missing from the termbase: an acronym definition, the name of a body, report or treaty, or a recurring noun phrase.',
  options: z.strictObject({
    kinds: z.array(z.enum(['acronym', 'name', 'phrase'])).default(['acronym', 'name', 'phrase']),
  }),
  messages: {
    missing: (text: string, kind: string, frequency: number) =>
      `Unexpected ${kind} “${text}” (${frequency} occurrence${frequency === 1 ? '' : 's'}) missing from the termbase, expected a termbase entry with its English equivalent`,
  },
  check({ model, options, messages, report }) {
    for (const candidate of termsExtensionOf(model).candidates) {
      if (!options.kinds.includes(candidate.kind)) continue
      const kind = candidate.kind === 'phrase' ? 'term' : candidate.kind
      report(messages.missing(candidate.text, kind, candidate.frequency), candidate.first.position)
    }
  },
})
