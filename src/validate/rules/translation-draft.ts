/** translation-draft: no unit keeps a memory or machine draft, or a review mark, that no person has settled. */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'translation-draft',
  scope: 'translation',
  defaultSeverity: 'warning',
  description:
    'A translation unit whose target is a draft from the translation memory or a machine, or is marked for review, and was not reviewed.',
  options: z.strictObject({}),
  messages: {
    draft: (id: string) =>
      `Unexpected unreviewed draft in unit “${id}” (filled in from the translation memory or a machine), expected a target reviewed by a translator`,
    review: (id: string) =>
      `Unexpected unit “${id}” marked for review, expected a reviewed target (state “translated” or “final”)`,
  },
  check({ translation, messages, report }) {
    for (const unit of translation?.units ?? []) {
      if (unit.status === 'draft') report(messages.draft(unit.id), unit.position)
      else if (unit.status === 'review') report(messages.review(unit.id), unit.position)
    }
  },
})
