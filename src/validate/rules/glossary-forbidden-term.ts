/** glossary-forbidden-term: a term the termbase marks as forbidden is used in the note. */
import * as z from 'zod'
import { termsExtensionOf } from '../../glossary/extension.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'glossary-forbidden-term',
  defaultSeverity: 'warning',
  description:
    'A forbidden term: a form listed under `forbidden` in the termbase, or any term of a concept whose status is `forbidden`.',
  options: z.strictObject({}),
  messages: {
    replace: (form: string, preferred: string) =>
      `Unexpected forbidden term “${form}”, expected “${preferred}”`,
    avoid: (form: string, conceptId: string) =>
      `Unexpected forbidden term “${form}” (concept ${conceptId}), expected another wording`,
  },
  check({ model, messages, report }) {
    const positions = new Map(model.terms.map((t) => [t.id, t.position]))
    for (const use of termsExtensionOf(model).forbidden) {
      const message =
        use.preferred !== null
          ? messages.replace(use.form, use.preferred)
          : messages.avoid(use.form, use.conceptId)
      report(message, positions.get(use.termId) ?? null)
    }
  },
})
