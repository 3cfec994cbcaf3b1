import { describe, expect, it } from 'vitest'
import type { TranslationCode } from '../../../src/validate/translation.ts'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-codes-mismatch'

const link: TranslationCode = {
  id: '1',
  kind: 'link',
  target: 'https://eur-lex.europa.eu',
  paired: true,
}
const note: TranslationCode = { id: '2', kind: 'footnote', target: 'rapport', paired: false }
const bold: TranslationCode = { id: '3', kind: 'strong', target: null, paired: true }

const check = (sourceCodes: TranslationCode[], targetCodes: TranslationCode[], target = 'Text.') =>
  checkTranslation(
    [unit({ id: 'p1', source: 'Texte.', target, sourceCodes, targetCodes })],
    only,
  ).then((messages) => messages.map((m) => m.message))

describe(only, () => {
  it('accepts the same codes in another order', async () => {
    expect(await check([link, note, bold], [bold, note, link])).toEqual([])
    expect(await check([], [])).toEqual([])
  })

  it('reports a missing code by id with what it stands for', async () => {
    const messages = await checkTranslation(
      [
        unit({
          id: 'p1',
          source: 'Texte.',
          target: 'Text.',
          sourceCodes: [link, note],
          targetCodes: [link],
        }),
      ],
      only,
    )
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected missing code “2” (footnote call [^rapport]) in the English of unit “p1”, expected every code of the source',
    ])
    expect(messages[0]!.severity).toBe('error')
    expect(messages[0]!.position?.start.line).toBe(1)
  })

  it('reports an extra code and a duplicated one', async () => {
    const extra: TranslationCode = { id: '9', target: 'https://example.org', kind: 'link' }
    expect(await check([link], [link, link, extra])).toEqual([
      'Unexpected code “1” (link to https://eur-lex.europa.eu) written twice in the English of unit “p1”, expected once as in the source',
      'Unexpected code “9” (link to https://example.org) in the English of unit “p1”, not in the French source',
    ])
  })

  it('reports a paired code turned into a placeholder, when the shapes are known', async () => {
    expect(await check([bold], [{ ...bold, paired: false }])).toEqual([
      'Unexpected placeholder “3” (bold) in the English of unit “p1”, expected a paired code around text as in the source',
    ])
    expect(await check([bold], [{ id: '3', target: null }])).toEqual([])
  })

  it('describes codes of unknown kind by their target or shape', async () => {
    expect(
      await check(
        [
          { id: 'a', target: '<span class="x">', paired: true },
          { id: 'b', target: null, paired: false },
          { id: 'c', target: null },
        ],
        [],
      ),
    ).toEqual([
      'Unexpected missing code “a” (<span class="x">) in the English of unit “p1”, expected every code of the source',
      'Unexpected missing code “b” (placeholder) in the English of unit “p1”, expected every code of the source',
      'Unexpected missing code “c” (code) in the English of unit “p1”, expected every code of the source',
    ])
  })

  it('leaves missing and empty targets to the other rules, but checks a target of codes only', async () => {
    expect(
      await checkTranslation(
        [unit({ id: 'p1', status: 'missing', source: 'Texte.', sourceCodes: [link] })],
        only,
      ),
    ).toEqual([])
    expect(await check([link], [], '')).toEqual([])
    const image: TranslationCode = { id: '4', kind: 'image', target: 'chart.png', paired: false }
    expect(await check([image], [image, image], '')).toEqual([
      'Unexpected code “4” (image chart.png) written twice in the English of unit “p1”, expected once as in the source',
    ])
  })
})
