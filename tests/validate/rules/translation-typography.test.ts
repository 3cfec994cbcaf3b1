import { describe, expect, it } from 'vitest'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-typography'

const check = (target: string, config: Record<string, unknown> = {}) =>
  checkTranslation([unit({ id: 'p1', source: 'Texte.', target })], only, config).then((messages) =>
    messages.map((m) => m.message),
  )

describe(only, () => {
  it('reports guillemets, at the unit, as a warning', async () => {
    const messages = await checkTranslation(
      [unit({ id: 'p1', source: 'Texte.', target: 'The report says «\u00a0act now\u00a0».' })],
      only,
    )
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected French guillemets (2) in the English of unit “p1”, expected English quotation marks “…”',
    ])
    expect(messages[0]!.severity).toBe('warning')
    expect(messages[0]!.position?.start.line).toBe(1)
  })

  it('reports no-break and thin spaces before ; : ! ?, and ordinary ones before ; ! ?', async () => {
    expect(await check('Why\u202f? Because\u00a0: reasons\u2009; more !')).toEqual([
      'Unexpected space before “?”, “:”, “;”, “!” in the English of unit “p1”, expected the punctuation close up to the word',
    ])
    expect(await check('What now ? Nothing.')).toHaveLength(1)
  })

  it('reports a decimal comma and, with percent: closed, a space before “%”', async () => {
    const closed = { rules: { [only]: ['warn', { percent: 'closed' }] } }
    expect(await check('Growth of 2,5 % in 2025, then 1,234,5 units.', closed)).toEqual([
      'Unexpected decimal comma in “2,5” in the English of unit “p1”, expected a decimal point (2.5)',
      'Unexpected decimal comma in “1,234,5” in the English of unit “p1”, expected a decimal point (1234.5)',
      'Unexpected space before “%” in “2,5 %” in the English of unit “p1”, expected “2.5%”',
    ])
    expect(await check('A share of 12\u00a0%.', closed)).toEqual([
      'Unexpected space before “%” in “12\u00a0%” in the English of unit “p1”, expected “12%”',
    ])
  })

  it('reports French ordinals with the English one', async () => {
    expect(
      await check('Article 1er, the 2e paragraph, the 3ème and 11e, the 1ᵉʳ and 22es.'),
    ).toEqual(
      ['1er', '2e', '3ème', '11e', '1ᵉʳ', '22es'].map(
        (found, i) =>
          `Unexpected French ordinal “${found}” in the English of unit “p1”, expected “${['1st', '2nd', '3rd', '11th', '1st', '22nd'][i]}”`,
      ),
    )
  })

  it('accepts English typography, French names and English that looks French', async () => {
    for (const target of [
      "The Conseil d'État's 2nd opinion: 15,000 jobs (2.5%), i.e. 1,234,567 euros; why? None!",
      'A 3 : 1 ratio, a rate of 2e-5, the 1st and 21st, 2.5 times, in 2024, 2025 and 2026.',
      'The Élysée said “act now” and ‘soon’; the Assemblée nationale agreed.',
      'Items 1, 2 and 3; pages 12–15; version 2.0.1.',
    ])
      expect(await check(target), target).toEqual([])
  })

  it('accepts “2.5 %” by default (EU style), and ignores units without a target', async () => {
    expect(await check('A share of 2.5 % and 12\u00a0%.')).toEqual([])
    expect(
      await checkTranslation([unit({ id: 'p1', status: 'missing', target: '« x »' })], only),
    ).toEqual([])
  })
})
