/** Term matching: French morphology and typography, longest match, acronyms, scale. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildTermIndex, matchTerms } from '../../src/glossary/matcher.ts'
import type { ConceptInput, Termbase } from '../../src/glossary/termbase.ts'
import { Termbase as TermbaseSchema } from '../../src/glossary/termbase.ts'
import { frenchSingular, tokenize } from '../../src/glossary/tokens.ts'

const concept = (id: string, fr: ConceptInput['fr'], en = 'x'): ConceptInput => ({
  id,
  fr,
  en: { term: en },
  origin: { kind: 'usage', reference: 'test' },
})

const termbase: Termbase = TermbaseSchema.parse({
  concepts: [
    concept('ai', { term: 'intelligence artificielle', acronyms: ['IA'] }),
    concept('red-line', { term: 'ligne rouge' }),
    concept('systemic-risk', { term: 'risque systémique' }),
    concept('gpai', { term: "modèle d'IA à usage général" }),
    concept('ai-office', { term: "Bureau de l'IA" }),
    concept('ai-act', {
      term: "règlement sur l'IA",
      acronyms: ['RIA'],
      forbidden: ["loi sur l'IA"],
    }),
    concept('cbrn', {
      term: 'armes chimiques, biologiques, radiologiques et nucléaires',
      acronyms: ['CBRN'],
    }),
    concept('safeguard', { term: 'garde-fou' }),
    concept('network', { term: 'réseau social' }),
    concept('national', { term: 'agence nationale' }),
  ],
})
const index = buildTermIndex(termbase)
const found = (text: string) =>
  matchTerms(index, text).map((m) => [m.term.conceptId, text.slice(m.start, m.end)])

describe('normalization', () => {
  it('folds French plurals to one key', () => {
    expect(
      ['risques', 'généraux', 'réseaux', 'travaux', 'feux'].map((w) => frenchSingular(w)),
    ).toEqual(['risque', 'général', 'réseau', 'travail', 'feu'])
  })

  it('keeps the case of acronyms and folds the rest', () => {
    expect(tokenize("L'IA et l’ia, CeSIA").map((t) => t.key)).toEqual([
      'le',
      'IA',
      'et',
      'le',
      'ia',
      ',',
      'CeSIA',
    ])
  })
})

describe('matching', () => {
  it('matches singular and plural', () => {
    expect(found('une ligne rouge, des lignes rouges, les risques systémiques')).toEqual([
      ['red-line', 'ligne rouge'],
      ['red-line', 'lignes rouges'],
      ['systemic-risk', 'risques systémiques'],
    ])
    expect(found('les réseaux sociaux')).toEqual([['network', 'réseaux sociaux']])
    expect(found('les agences nationales')).toEqual([['national', 'agences nationales']])
  })

  it("matches after an elision (l'IA, d'IA, de l'IA) with either apostrophe", () => {
    expect(found("l'IA, d’IA et de l'IA")).toEqual([
      ['ai', 'IA'],
      ['ai', 'IA'],
      ['ai', 'IA'],
    ])
    expect(found('Le Bureau de l’IA publie')).toEqual([['ai-office', 'Bureau de l’IA']])
  })

  it('ignores capitals at sentence start, missing accents, no-break spaces and line breaks', () => {
    expect(found('Lignes rouges. LIGNES ROUGES. risques systemiques')).toEqual([
      ['red-line', 'Lignes rouges'],
      ['red-line', 'LIGNES ROUGES'],
      ['systemic-risk', 'risques systemiques'],
    ])
    expect(found('des lignes\u00a0rouges et des lignes\nrouges')).toHaveLength(2)
    expect(found('des garde-fous, un garde fou')).toEqual([
      ['safeguard', 'garde-fous'],
      ['safeguard', 'garde fou'],
    ])
  })

  it('lets the longest match win', () => {
    expect(found("les modèles d'IA à usage général et l'IA")).toEqual([
      ['gpai', "modèles d'IA à usage général"],
      ['ai', 'IA'],
    ])
  })

  it('matches acronyms case-sensitively and as whole words', () => {
    expect(found('le RIA, le Ria, la RIAS, le cbrn, le CBRN')).toEqual([
      ['ai-act', 'RIA'],
      ['cbrn', 'CBRN'],
    ])
  })

  it('does not match across punctuation, but keeps the commas of a term', () => {
    expect(found('la ligne. Rouge')).toEqual([])
    expect(found('des lignes (rouges)')).toEqual([])
    expect(found('armes chimiques, biologiques, radiologiques et nucléaires')).toEqual([
      ['cbrn', 'armes chimiques, biologiques, radiologiques et nucléaires'],
    ])
  })

  it('marks forbidden forms', () => {
    const [match] = matchTerms(index, "La loi sur l'IA s'applique.")
    expect(match?.term).toMatchObject({ conceptId: 'ai-act', forbidden: true })
  })

  it('finds a term wherever it is inserted in text', () => {
    const filler = fc.array(fc.constantFrom('le', 'texte', 'de', 'la', 'note', 'et', 'pour'), {
      maxLength: 8,
    })
    fc.assert(
      fc.property(
        filler,
        filler,
        fc.constantFrom('ligne rouge', 'lignes rouges', 'Lignes Rouges'),
        (before, after, term) => {
          const text = [...before, term, ...after].join(' ')
          expect(found(text)).toEqual([['red-line', term]])
        },
      ),
      { numRuns: 100 },
    )
  })
})
