import { describe, expect, it } from 'vitest'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-draft'

describe(only, () => {
  it('reports memory and machine drafts and units marked for review, at their place', async () => {
    const messages = await checkTranslation(
      [
        unit({ id: 'p1', target: 'Done.' }),
        unit({ id: 'p2', status: 'draft', target: 'From memory.' }),
        unit({ id: 'p3', status: 'review', target: 'To review.' }),
      ],
      only,
    )
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/unreviewed draft in unit “p2”/),
      expect.stringMatching(/unit “p3” marked for review/),
    ])
    expect(messages.every((m) => m.severity === 'warning')).toBe(true)
  })

  it('accepts translated, missing and stale units (other rules report those)', async () => {
    expect(
      await checkTranslation(
        [
          unit({ id: 'p1', target: 'Done.' }),
          unit({ id: 'p2', status: 'missing' }),
          unit({ id: 'p3', status: 'stale', target: 'Old.' }),
        ],
        only,
      ),
    ).toEqual([])
  })
})
