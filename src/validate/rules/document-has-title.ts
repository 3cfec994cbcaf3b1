/** document-has-title: a note has a title (front matter, or a first heading of level 1). */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'document-has-title',
  defaultSeverity: 'warning',
  description:
    'A note without a title: no `title` in the front matter and no level-1 first heading.',
  options: z.strictObject({}),
  messages: {
    missing: () =>
      'Unexpected note without a title, expected a first heading of level 1 (`# Title`) or `title:` in the front matter',
  },
  check({ model, messages, report }) {
    if (model.meta.title === null || model.meta.title.trim() === '')
      report(messages.missing(), null)
  },
})
