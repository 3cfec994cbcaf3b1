import { describe, expect, it } from 'vitest'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-number-mismatch'

const source = 'Le 5 février 2026, 15 000 emplois, soit 2,5 % du total, pour 200 milliards d’euros.'

describe(only, () => {
  it('accepts the same numbers in English forms', async () => {
    for (const target of [
      'On 5 February 2026, 15,000 jobs, i.e. 2.5% of the total, for EUR 200 billion.',
      'On 5\u00a0February 2026, 15\u202f000 jobs, i.e. 2.5 % of the total, for €200 billion.',
    ])
      expect(await checkTranslation([unit({ id: 'p1', source, target })], only)).toEqual([])
  })

  it('reports a changed number as lost and added', async () => {
    const target = 'On 5 February 2026, 16,000 jobs, i.e. 2.5% of the total, for EUR 200 billion.'
    const messages = await checkTranslation([unit({ id: 'p1', source, target })], only)
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('missing number “15000”'),
      expect.stringContaining('number “16000” in the English of unit “p1”'),
    ])
  })

  it('ignores number words and missing units', async () => {
    expect(
      await checkTranslation(
        [
          unit({ id: 'p1', source: 'Trois pays.', target: 'Three countries.' }),
          unit({ id: 'p2', source: '12 pays.', status: 'missing' }),
        ],
        only,
      ),
    ).toEqual([])
  })
})
