/** document-has-date: a note states its date (front matter, metadata line or dateline). */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'document-has-date',
  defaultSeverity: 'warning',
  description:
    'A note without a date: no `date` in the front matter or metadata line, and no dateline ("Paris, le 5 février 2026.").',
  options: z.strictObject({}),
  messages: {
    missing: () =>
      'Unexpected note without a date, expected a dateline (“Paris, le 5 février 2026.”) or `date:` in the front matter',
  },
  check({ model, messages, report }) {
    if (model.meta.date === null) report(messages.missing(), null)
  },
})
