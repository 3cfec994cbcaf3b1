/**
 * The glossary of both sample notes with the seed termbase. Every count and
 * first position below was checked by hand against the source with grep
 * (terms inside a longer term count for the longer one only).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTermbase } from '../../src/glossary/load.ts'
import { corpusGlossaryRows, glossaryRows, type GlossaryRow } from '../../src/glossary/rows.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { modelOf, root } from '../helpers.ts'

const termbase = loadTermbase([path.join(root, 'input/termbase.yaml')])
const sample = (name: string) => modelOf(readFileSync(path.join(root, 'input', name)), name)

function rowsById(model: DocumentModel): Map<string, GlossaryRow> {
  return new Map(glossaryRows(model, termbase).map((row) => [row.conceptId, row]))
}

/** [concept, occurrences, first line, first column, forms found] */
type Expected = [string, number, number, number, string[]]

describe('Markdown sample glossary', async () => {
  const model = await sample('cesia-note-2026-02-05.md')
  const rows = rowsById(model)

  it.each<Expected>([
    ['artificial-intelligence', 21, 7, 118, ['intelligence artificielle', 'IA']],
    ['ai-act', 4, 7, 471, ["Règlement européen sur l'IA", 'RIA']],
    ['red-line', 3, 45, 65, ['lignes rouges']],
    ['systemic-risk', 4, 9, 21, ['risques systémiques']],
    ['ai-office', 1, 54, 66, ["Bureau de l'IA"]],
    ['code-of-practice', 1, 52, 91, ['Code de bonnes pratiques']],
    [
      'general-purpose-ai-model',
      3,
      26,
      7,
      ['modèles généralistes', "modèles d'IA à usage général", 'modèles à usage général'],
    ],
    ['loss-of-control', 2, 35, 8, ['Perte de contrôle', 'perte de contrôle']],
    [
      'large-scale-manipulation',
      3,
      15,
      9,
      ['Manipulation à grande échelle', 'manipulation à grande échelle'],
    ],
    ['cbrn', 4, 21, 8, ['Armes chimiques, biologiques, radiologiques et nucléaires', 'CBRN']],
    ['cyberattack', 2, 29, 8, ['Cyberattaques', 'cyberattaque']],
    ['safeguard', 1, 13, 880, ['garde-fous']],
    ['trustworthy-ai', 2, 60, 84, ['IA de confiance']],
    ['cesia', 14, 3, 29, ["Centre pour la sécurité de l'IA", 'CeSIA']],
    [
      'uk-ai-security-institute',
      5,
      26,
      186,
      ['UK AISI', "Institut britannique pour la sûreté de l'IA"],
    ],
    ['un-security-council', 1, 45, 419, ['Conseil de sécurité des Nations unies']],
    ['non-proliferation-treaty', 1, 46, 59, ['traité de non-prolifération nucléaire']],
  ])('%s: %i occurrence(s), first at %i:%i', (id, occurrences, line, column, forms) => {
    const row = rows.get(id)
    expect(row).toBeDefined()
    expect(row!.occurrences).toBe(occurrences)
    expect(row!.first).toMatchObject({ line, column })
    expect(row!.forms).toEqual(forms)
  })

  it('gives the English term, the acronyms and the sentence of the first occurrence', () => {
    expect(rows.get('ai-act')).toMatchObject({
      english: 'AI Act',
      acronyms: ['RIA'],
      acronymsByLanguage: { fr: ['RIA'], en: [] },
    })
    expect(rows.get('ai-act')!.first.sentence).toMatch(/^Cette note fait le point .* RIA\)\.$/)
    expect(rows.get('ai-office')!.english).toBe('AI Office')
    expect(rows.get('general-purpose-ai-model')!.english).toBe('general-purpose AI model')
    expect(rows.get('red-line')!.english).toBe('red line')
    expect(rows.get('cbrn')!.origin).toMatch(/^Official English text: /)
  })

  it('lets the longest term win over the terms inside it', () => {
    const inside = model.terms.filter((t) => t.position.start.line === 50)
    expect(inside.map((t) => [t.conceptId, t.form])).toEqual([
      ['cesia', 'CeSIA'],
      ['european-commission', 'Commission européenne'],
      ['large-scale-manipulation', 'manipulation à grande échelle'],
      ['general-purpose-ai-model', "modèles d'IA à usage général"],
    ])
  })
})

describe('plain-text sample glossary', async () => {
  const model = await sample('lignes-rouges-onu-2025-09-23.txt')
  const rows = rowsById(model)

  it.each<Expected>([
    ['artificial-intelligence', 7, 1, 134, ['intelligence artificielle', 'IA']],
    ['red-line', 1, 7, 258, ['lignes rouges']],
    ['safeguard', 2, 5, 5, ['garde-fous']],
    ['non-proliferation-treaty', 2, 21, 164, ['traité de non-prolifération nucléaire', 'TNP']],
    ['cesia', 2, 11, 66, ["Centre pour la sécurité de l'IA", 'CeSIA']],
    ['artificial-general-intelligence', 2, 19, 140, ['intelligence artificielle générale', 'AGI']],
    ['un-general-assembly', 1, 1, 37, ['Assemblée générale des Nations unies']],
    [
      'chemical-weapons-convention',
      1,
      21,
      241,
      ["Convention sur l'interdiction des armes chimiques"],
    ],
  ])('%s: %i occurrence(s), first at %i:%i', (id, occurrences, line, column, forms) => {
    const row = rows.get(id)
    expect(row).toBeDefined()
    expect(row!.occurrences).toBe(occurrences)
    expect(row!.first).toMatchObject({ line, column })
    expect(row!.forms).toEqual(forms)
  })

  it('adds up the corpus glossary over both notes', async () => {
    const markdown = await sample('cesia-note-2026-02-05.md')
    const corpus = new Map(
      corpusGlossaryRows([markdown, model], termbase).map((r) => [r.conceptId, r]),
    )
    expect(corpus.get('artificial-intelligence')).toMatchObject({
      occurrences: 28,
      documents: ['cesia-note-2026-02-05', 'lignes-rouges-onu-2025-09-23'],
      first: { document: 'cesia-note-2026-02-05', line: 7, column: 118 },
    })
    expect(corpus.get('red-line')!.occurrences).toBe(4)
    expect(corpus.get('safeguard')!.occurrences).toBe(3)
  })
})

describe('glossaryRows copies', () => {
  it('gives each caller rows it can change without changing the next caller’s or the termbase', async () => {
    const model = await sample('cesia-note-2026-02-05.md')
    const first = glossaryRows(model, termbase)
    const before = structuredClone(first)
    const concepts = structuredClone(termbase.concepts)
    const withAcronyms = first.find((row) => row.acronymsByLanguage.fr.length > 0)
    expect(withAcronyms).toBeDefined()
    for (const row of first) {
      row.forms.push('changed')
      row.acronyms.push('X')
      row.acronymsByLanguage.fr.push('X')
      row.acronymsByLanguage.en.push('X')
      row.first.line = -1
      row.occurrences = -1
    }
    expect(glossaryRows(model, termbase)).toEqual(before)
    expect(termbase.concepts).toEqual(concepts)
  })
})
