import { describe, expect, it } from 'vitest'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-stale'

describe(only, () => {
  it('reports a stale unit at its place in the XLIFF file', async () => {
    const messages = await checkTranslation(
      [unit({ id: 'p1', target: 'Done.' }), unit({ id: 'p2', status: 'stale' })],
      only,
    )
    expect(messages.map((m) => [m.ruleId, m.message.includes('p2')])).toEqual([[only, true]])
    expect(messages[0]!.position?.start.line).toBe(1)
  })

  it('accepts translated units', async () => {
    expect(await checkTranslation([unit({ id: 'p1', target: 'Done.' })], only)).toEqual([])
  })
})
