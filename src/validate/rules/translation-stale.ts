/** translation-stale: no unit translates an older version of the note. */
import * as z from 'zod'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'translation-stale',
  scope: 'translation',
  defaultSeverity: 'warning',
  description: 'A translation unit whose French source changed since it was translated.',
  options: z.strictObject({}),
  messages: {
    stale: (id: string) =>
      `Unexpected stale unit “${id}”, expected its target to translate the note's current text`,
  },
  check({ translation, messages, report }) {
    for (const unit of translation?.units ?? [])
      if (unit.status === 'stale')
        report(messages.stale(unit.id), unit.position, {
          cause: unit.notePosition
            ? { message: 'the note’s text', position: unit.notePosition }
            : undefined,
        })
  },
})
