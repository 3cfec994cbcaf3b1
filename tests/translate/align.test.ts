/** Alignment of a French note with its English version, and the term pairs proposed from it. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import {
  alignNotes,
  alignSentences,
  cognateSimilarity,
  proposalsToTermbase,
  proposeTerms,
  segmentsToTmx,
} from '../../src/translate/align.ts'
import { loadTermbase } from '../../src/glossary/load.ts'
import { emptyTermbase, Termbase } from '../../src/glossary/termbase.ts'
import { readMarkdown } from '../../src/read/markdown.ts'
import { root } from '../helpers.ts'

const fixture = path.join(root, 'tests/fixtures/glossary/parallel')
const read = (name: string) =>
  readMarkdown(new VFile({ path: name, value: readFileSync(path.join(fixture, name), 'utf8') }))
const pairs = alignNotes(read('note.fr.md'), read('note.en.md'))
const termbase = loadTermbase([path.join(root, 'input/termbase.yaml')])

describe('segment alignment', () => {
  it('pairs headings, bullets and sentences, and leaves an extra English block unpaired', () => {
    expect(pairs.filter((p) => p.fr && p.en)).toHaveLength(15)
    expect(pairs.find((p) => !p.fr)?.en).toMatch(/^Translator's note/)
    expect(pairs).toContainEqual({
      kind: 'heading',
      fr: '2. Les lignes rouges',
      en: '2. Red lines',
    })
    expect(pairs).toContainEqual({
      kind: 'bullet',
      fr: 'Les évaluations de sécurité restent volontaires pour la plupart des entreprises.',
      en: 'Safety evaluations remain voluntary for most companies.',
    })
    expect(pairs).toContainEqual({
      kind: 'paragraph',
      fr: 'Le Bureau de l’IA veille à son application.'.replace('’', "'"),
      en: 'The AI Office oversees its application.',
    })
  })

  it('merges sentences when one side splits them', () => {
    expect(
      alignSentences(
        'Une phrase longue, avec une seconde partie. Une autre.',
        'A long sentence. With a second part. Another.',
      ),
    ).toEqual([
      {
        fr: 'Une phrase longue, avec une seconde partie.',
        en: 'A long sentence. With a second part.',
      },
      { fr: 'Une autre.', en: 'Another.' },
    ])
  })

  it('writes the pairs as a TMX translation memory', () => {
    const tmx = segmentsToTmx(pairs)
    expect(tmx).toContain('<header creationtool="fiche"')
    expect(tmx).toContain('srclang="fr"')
    expect(tmx.match(/<tu>/g)).toHaveLength(15)
    expect(tmx).toContain('<tuv xml:lang="en"><seg>These red lines would')
  })
})

describe('term proposals', () => {
  const english = (proposals: ReturnType<typeof proposeTerms>) =>
    Object.fromEntries(proposals.map((p) => [p.french, p.english]))

  it('finds English equivalents without a termbase: co-occurrence, cognates, acronym definitions', () => {
    const found = english(proposeTerms(pairs, emptyTermbase()))
    expect(found).toMatchObject({
      'lignes rouges': 'red lines',
      'évaluations de sécurité': 'safety evaluations',
      TNP: 'NPT',
      'traité sur la non-prolifération des armes nucléaires':
        'Treaty on the Non-Proliferation of Nuclear Weapons',
      "Agence nationale de la sécurité des systèmes d'information":
        'National Cybersecurity Agency of France',
      CBRN: 'CBRN',
      "Bureau de l'IA": 'AI Office',
      "Règlement européen sur l'IA": 'AI Act',
    })
  })

  it('confirms termbase terms found in the translation and proposes the rest for review', () => {
    const proposals = proposeTerms(pairs, termbase)
    expect(english(proposals)).toMatchObject({
      RIA: 'AI Act',
      'risques systémiques': 'systemic risks',
      TNP: 'NPT',
    })
    const proposed = proposalsToTermbase(proposals, 'test', termbase)
    expect(() => Termbase.parse(proposed)).not.toThrow()
    expect(
      proposed.concepts.every((c) => c.status === 'proposed' && c.origin.kind === 'alignment'),
    ).toBe(true)
    expect(proposed.concepts.map((c) => [c.fr.term, c.en.term, c.fr.acronyms])).toEqual([
      [
        "Agence nationale de la sécurité des systèmes d'information",
        'National Cybersecurity Agency of France',
        ['ANSSI'],
      ],
      ['évaluations de sécurité', 'safety evaluations', []],
    ])
  })

  it('proposes single "noun de noun" phrases and keeps hyphenated compounds whole', () => {
    const note = (text: string) => readMarkdown(new VFile({ path: 'n.md', value: text }))
    const energy = alignNotes(
      note(
        "## 1. Contexte\n\nLes émissions de gaz à effet de serre ont baissé.\n\n- Soutenir l'hydrogène bas carbone par des appels d'offres.\n- Produire de l'hydrogène bas carbone.\n",
      ),
      note(
        '## 1. Background\n\nGreenhouse gas emissions fell.\n\n- Support low-carbon hydrogen through calls for tenders.\n- Produce low-carbon hydrogen.\n',
      ),
    )
    const found = english(proposeTerms(energy, emptyTermbase()))
    expect(found).toMatchObject({
      "appels d'offres": 'calls for tenders',
      'bas carbone': 'low-carbon',
    })
    expect(Object.values(found)).not.toContain('carbon hydrogen')
  })

  it('scores cognates', () => {
    expect(cognateSimilarity('systémique', 'systemic')).toBeGreaterThan(0.6)
    expect(cognateSimilarity('rouge', 'red')).toBeLessThanOrEqual(0.2)
  })
})
