/** translation-missing: every unit of the translation file has an English target. */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'translation-missing',
  scope: 'translation',
  defaultSeverity: 'warning',
  description: 'A translation unit without an English target.',
  options: z.strictObject({}),
  messages: {
    missing: (id: string) => `Unexpected untranslated unit “${id}”, expected an English target`,
  },
  check({ translation, messages, report }) {
    for (const unit of translation?.units ?? [])
      if (unit.status === 'missing') report(messages.missing(unit.id), unit.position)
  },
})
