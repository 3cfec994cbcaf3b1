import { describe, expect, it } from 'vitest'
import { checkTranslation, unit } from '../helpers.ts'

const only = 'translation-term-mismatch'
const config = { termbase: 'tests/fixtures/glossary/translation-terms.yaml' }

const check = (source: string, target: string, status: 'translated' | 'missing' = 'translated') =>
  checkTranslation([unit({ id: 'p1', source, target, status })], only, config)

describe(only, () => {
  it('accepts the English term, a variant or an acronym, whatever the case and number', async () => {
    for (const target of [
      'The AI Act covers systemic risks of artificial intelligence.',
      'The Artificial Intelligence Act covers Systemic Risks of AI.',
    ])
      expect(
        await check(
          "Le règlement sur l'intelligence artificielle encadre les risques systémiques de l'IA.",
          target,
        ),
      ).toEqual([])
  })

  it('accepts a term nested in a longer one, and an English term written without accents', async () => {
    expect(
      await check(
        "Des modèles d'IA à usage général, donc de l'IA.",
        'General-purpose AI models, hence no other kind.',
      ),
    ).toEqual([])
    expect(
      await check("Le Conseil d'État a rendu son avis.", "The Conseil d'Etat gave its opinion."),
    ).toEqual([])
  })

  it('reports a term rendered otherwise, naming the French term and the English expected', async () => {
    const messages = await check(
      'Deux lignes rouges sont proposées.',
      'Two red limits are proposed.',
    )
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected translation of “lignes rouges” in unit “p1”, expected the English term “red line”',
    ])
    expect(messages[0]!.severity).toBe('warning')
    expect(messages[0]!.position?.start.line).toBe(1)
  })

  it('lists the accepted variants, and reports each concept once', async () => {
    const messages = await check(
      "Le Conseil d'État et le Conseil d'État.",
      'The French supreme administrative court, twice.',
    )
    expect(messages.map((m) => m.message)).toEqual([
      "Unexpected translation of “Conseil d'État” in unit “p1”, expected the English term “Conseil d'État” (or “Council of State”)",
    ])
  })

  it('reports a forbidden English form with the preferred term', async () => {
    const messages = await check('Le RIA entre en application.', 'The AI Law applies.')
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected translation of “RIA” in unit “p1”, expected the English term “AI Act” (or “Artificial Intelligence Act”)',
      'Unexpected forbidden English term “AI Law” in unit “p1”, expected “AI Act”',
    ])
  })

  it('reports the terms of a forbidden concept in English, and expects nothing for it', async () => {
    const messages = await check('Des robots tueurs.', 'Killer robots.')
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected forbidden English term “Killer robots” (concept killer-robot) in unit “p1”, expected another wording',
    ])
    expect(await check('Des robots tueurs.', 'Lethal autonomous weapons.')).toEqual([])
  })

  it('reports fewer English terms than French occurrences, one level below the rule', async () => {
    const messages = await check(
      'Deux lignes rouges sont proposées ; ces lignes rouges seraient universelles.',
      'Two red lines are proposed; these limits would be universal.',
    )
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected count of “red lines” in unit “p1”: “lignes rouges” occurs 2 times in the French, “red lines” 1 time in the English, expected the English term for each occurrence (unless a pronoun stands for it)',
    ])
    expect(messages[0]!.severity).toBe('info')
    const strict = await checkTranslation(
      [
        unit({
          id: 'p1',
          source: 'Une ligne rouge, puis une autre ligne rouge.',
          target: 'One red line, then another one.',
        }),
      ],
      only,
      { ...config, rules: { [only]: 'error' } },
    )
    expect(strict.map((m) => [m.severity, m.message.slice(0, 40)])).toEqual([
      ['warning', 'Unexpected count of “red line” in unit “'],
    ])
  })

  it('counts inflected and variant forms, and accepts as many English terms as French ones or more', async () => {
    for (const target of [
      'Two red lines are proposed; this red line would be universal.',
      'A Red Line, and red lines, and a red line again.',
    ])
      expect(
        await check(
          'Deux lignes rouges sont proposées ; cette ligne rouge serait universelle.',
          target,
        ),
      ).toEqual([])
    expect(
      await check(
        "Le Conseil d'État et le Conseil d'Etat.",
        "The Council of State and the Conseil d'État.",
      ),
    ).toEqual([])
    // An English term nested in a longer one counts, once.
    expect(
      (await check("L'IA et l'IA.", 'General-purpose AI models.')).map((m) => m.message),
    ).toEqual([
      'Unexpected count of “AI” in unit “p1”: “IA” occurs 2 times in the French, “AI” 1 time in the English, expected the English term for each occurrence (unless a pronoun stands for it)',
    ])
  })

  it('ignores units without a target, and runs without a termbase', async () => {
    expect(await check('Deux lignes rouges.', '', 'missing')).toEqual([])
    expect(await check('Deux lignes rouges.', '  ')).toEqual([])
    expect(
      await checkTranslation(
        [unit({ id: 'p1', source: 'Deux lignes rouges.', target: 'Two limits.' })],
        only,
        { termbase: [] },
      ),
    ).toEqual([])
  })
})
