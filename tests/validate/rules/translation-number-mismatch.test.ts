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

  // Seen on the sample note's own translation: model names and ordinals gave false errors.
  it('reads ordinals on both sides and leaves names and codes alone', async () => {
    const pairs: Array<[string, string]> = [
      [
        'présenté à la 80e assemblée générale, au XXIe siècle, le 1er mars',
        'presented at the 80th General Assembly, in the 21st century, on 1 March',
      ],
      [
        'le modèle GPT-4o d’OpenAI, tandis que Claude Opus 4 a menacé',
        'OpenAI’s GPT-4o model, while Claude Opus 4 threatened',
      ],
      ['le COVID-19, le G7, la 3D et la 2e édition', 'COVID-19, the G7, 3D and the 2nd edition'],
    ]
    const units = pairs.map(([source, target], i) => unit({ id: `p${i}`, source, target }))
    expect(await checkTranslation(units, only)).toEqual([])
  })

  it('still reports a wrong ordinal', async () => {
    const messages = await checkTranslation(
      [unit({ id: 'p1', source: 'la 80e assemblée', target: 'the 81st Assembly' })],
      only,
    )
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('missing number “80”'),
      expect.stringContaining('number “81”'),
    ])
  })
})
