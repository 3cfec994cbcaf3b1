import { describe, expect, it } from 'vitest'
import type { TranslationUnitInput } from '../../../src/validate/translation.ts'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-untranslated'

const same = (text: string, target = text, config: Record<string, unknown> = {}) =>
  checkTranslation([unit({ id: 'p1', source: text, target })], only, config).then((messages) =>
    messages.map((m) => m.message),
  )

describe(only, () => {
  it('reports a target that copies its French source', async () => {
    const messages = await checkTranslation(
      [
        unit({
          id: 'p1',
          source: 'Le règlement entre en application.',
          target: 'Le règlement entre en application.',
        }),
      ],
      only,
    )
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected target identical to the French source (4 French words) in unit “p1”, expected an English translation',
    ])
    expect(messages[0]!.severity).toBe('warning')
    expect(messages[0]!.position?.start.line).toBe(1)
  })

  it('compares after white space, apostrophes and code markers are made uniform', async () => {
    expect(
      await same(
        'L’accord d’application est signé.',
        " L'accord  d'application\u00a0est\u202fsigné.\ufffc",
      ),
    ).toHaveLength(1)
  })

  it('accepts a translation, and copies that are names, acronyms, figures, addresses or English', async () => {
    expect(await same('Le règlement entre en application.', 'The regulation applies.')).toEqual([])
    for (const text of [
      "Conseil d'État",
      'Commission européenne (DG CNECT)',
      'OCDE, 2024, p. 12',
      'Jean-Pierre de La Fontaine',
      'The Brussels effect is real and here to stay.',
      'https://www.legifrance.gouv.fr/loi/jorf/id/texte',
      'Sigles et acronymes',
    ])
      expect(await same(text), text).toEqual([])
  })

  it('takes the number of French words as an option', async () => {
    expect(
      await same('Sigles et acronymes', undefined, {
        rules: { [only]: ['warn', { minWords: 2 }] },
      }),
    ).toHaveLength(1)
  })

  it('reports an empty target in a unit marked translated or under review', async () => {
    const units: TranslationUnitInput[] = [
      unit({ id: 'p1', source: 'Le texte.', target: '' }),
      unit({ id: 'p2', source: 'Le texte.', target: ' \u00a0', status: 'review' }),
      unit({ id: 'p3', source: 'Le texte.', target: '', status: 'draft' }),
      unit({ id: 'p4', source: 'Le texte.', status: 'missing' }),
      unit({ id: 'p5', source: '', target: '' }),
    ]
    expect((await checkTranslation(units, only)).map((m) => m.message)).toEqual([
      'Unexpected empty target in unit “p1” marked translated, expected the English text',
      'Unexpected empty target in unit “p2” marked review, expected the English text',
    ])
  })
})
