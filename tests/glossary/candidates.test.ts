/** Candidate terms: what a note names that the termbase lacks. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findCandidates } from '../../src/glossary/candidates.ts'
import { termsExtensionOf } from '../../src/glossary/extension.ts'
import { loadTermbase } from '../../src/glossary/load.ts'
import { buildTermIndex } from '../../src/glossary/matcher.ts'
import { modelOf, root } from '../helpers.ts'

const index = buildTermIndex(loadTermbase([path.join(root, 'input/termbase.yaml')]))
const nowhere = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }
const candidates = (text: string) => findCandidates([{ text, locate: () => nowhere }], index)

const note = `# Note

L'Agence nationale de la sécurité des systèmes d'information (ANSSI) publie un guide. Selon l'ANSSI, les
systèmes critiques sont exposés.

- La Convention sur l'interdiction des armes biologiques reste en vigueur.
- Les chaînes d'approvisionnement et les systèmes critiques restent fragiles.
- Le Bureau de l'IA et le RIA encadrent les risques systémiques.
`

describe('candidates', () => {
  it('lists an unknown acronym definition with its frequency and first context', async () => {
    const model = await modelOf(note)
    const found = termsExtensionOf(model).candidates
    const anssi = found.find((c) => c.kind === 'acronym')
    expect(anssi).toMatchObject({
      short: 'ANSSI',
      long: "Agence nationale de la sécurité des systèmes d'information",
      frequency: 2,
      first: { position: { start: { line: 3, column: 3 } } },
    })
    expect(anssi!.first.sentence).toMatch(/^L'Agence nationale .* publie un guide\.$/)
  })

  it('lists names of bodies and treaties, and recurring noun phrases', async () => {
    const found = termsExtensionOf(await modelOf(note)).candidates.map((c) => [
      c.kind,
      c.text,
      c.frequency,
    ])
    expect(found).toContainEqual(['name', "Convention sur l'interdiction des armes biologiques", 1])
    expect(found).toContainEqual(['phrase', 'systèmes critiques', 2])
  })

  it('does not propose what the termbase knows', async () => {
    const texts = termsExtensionOf(await modelOf(note)).candidates.map((c) => c.text)
    expect(texts.join(' | ')).not.toMatch(/Bureau|RIA|risques systémiques/)
  })

  it('reads "long form, ACR" definitions', () => {
    expect(
      candidates('Le Haut Conseil pour le climat, HCC, rend son avis.').map((c) => c.short),
    ).toContain('HCC')
  })

  it('takes in the name around a known term, and stops before a verb', () => {
    const found = candidates(
      "Le Comité européen de la protection des données veille à l'application du RGPD.",
    )
    expect(found.map((c) => c.text)).toContain('Comité européen de la protection des données')
  })

  // Two defects found on a Rue89 press article (2014) that fiche had not seen.
  it('ends a name at an article after a word, and takes amounts for no term', () => {
    const found = candidates(
      "La ministre spécifie à l'Académie des sciences les principaux axes de sa politique. " +
        "Une dépense de 105 millions d'euros, puis 172 millions d'euros, 188 millions d'euros " +
        "et 400 millions d'euros. L'Observatoire pour la qualité de l'air répond.",
    ).map((c) => c.text)
    expect(found).toContain('Académie des sciences')
    expect(found).not.toContain('Académie des sciences les principaux')
    expect(found).toContain("Observatoire pour la qualité de l'air")
    expect(found).not.toContain("millions d'euros")
  })
})
