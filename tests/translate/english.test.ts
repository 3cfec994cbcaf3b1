import { describe, expect, it } from 'vitest'
import { buildHandout, packDocx } from '../../src/emit/docx/index.ts'
import { englishNote, FRENCH_CHANGED, NOT_TRANSLATED } from '../../src/translate/english.ts'
import { unitTranslations } from '../../src/translate/targets.ts'
import { part } from '../emit/docx/helpers.ts'
import { noteModel, noteText, sync, translateAll } from './helpers.ts'

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }

describe('englishNote', () => {
  it('puts the translations in a copy of the model and marks the units left in French', async () => {
    const english: Record<string, string> = {
      "Note d'essai": 'Test note',
      '1. Contexte': 'Background',
      Contexte: 'Background',
      'Premier paragraphe des recommandations.': 'First paragraph of the recommendations.',
      France: 'France',
      'Une note de bas de page.': 'A footnote.',
    }
    const file = translateAll((await sync(await noteModel(), null)).text, (s) => english[s] ?? s)
    // Drop the target of one unit: it stays French, marked.
    const partial = file.replace(
      /(<source>Deuxième paragraphe[^<]*<\/source>)\s*<target[^>]*>[^<]*<\/target>/,
      '$1',
    )
    const edited = noteText.replace('Premier point avec', 'Le premier point avec')
    const model = await noteModel(edited)
    const before = JSON.stringify(model)
    const { model: en, untranslated } = englishNote(
      model,
      unitTranslations(model, partial, 'note.en.xlf', expected),
    )
    expect(JSON.stringify(model)).toBe(before)
    expect(en.meta.title).toBe('Test note')
    expect(en.headings.map((h) => h.text)).toEqual([
      'Test note',
      '1. Background',
      '2. Recommandations',
    ])
    const text = JSON.stringify(en.blocks)
    expect(text).toContain('First paragraph of the recommendations.')
    expect(text).toContain(`${NOT_TRANSLATED} Deuxième paragraphe`)
    expect(text).toContain(`${FRENCH_CHANGED} Le premier point`)
    expect(JSON.stringify(en.footnotes)).toContain('A footnote.')
    expect(untranslated).toBe(2)
  })
})

describe('englishNote: key figures', () => {
  const text = [
    '# Titre',
    '',
    'Une phrase d’ouverture. Le secteur compte 15 000 emplois, soit 2,5 % du total ([Dupont, 2024](https://example.org/d)).',
    '',
  ].join('\n')
  const words: Array<[string, string]> = [
    ['Titre', 'Title'],
    ['Une phrase d’ouverture.', 'An opening sentence.'],
    [
      'Le secteur compte 15 000 emplois, soit 2,5 % du total',
      'The sector has 15,000 jobs, 2.5% of the total',
    ],
  ]
  /** A translator's segmented target: each `<mrk>` of the seg-source, translated. */
  const fill = (xml: string) =>
    xml
      .replace(
        /(<seg-source>(.*?)<\/seg-source>)/s,
        (_, all: string, inner: string) =>
          `${all}<target state="translated">${words.reduce((t, [fr, en]) => t.replace(fr, en), inner)}</target>`,
      )
      .replace(
        /<source>Titre<\/source>/,
        '<source>Titre</source><target state="translated">Title</target>',
      )

  it('gives each figure the English sentence of its segment, and the handout writes it in the chosen style', async () => {
    const model = await noteModel(text)
    const file = fill((await sync(model, null)).text)
    const { model: en } = englishNote(model, unitTranslations(model, file, 'note.en.xlf', expected))
    const figures = en.statistics.filter((s) => s.kind !== 'date' && s.kind !== 'year')
    expect(figures.map((s) => [s.text, s.sentence])).toEqual([
      ['15 000 emplois', 'The sector has 15,000 jobs, 2.5% of the total (Dupont, 2024).'],
      ['2,5 %', 'The sector has 15,000 jobs, 2.5% of the total (Dupont, 2024).'],
    ])
    // The French model is untouched.
    expect(model.statistics[0]!.sentence).toContain('Le secteur compte')
    for (const [style, figure] of [
      ['eu', '15\u00a0000'],
      ['press', '15,000'],
    ] as const) {
      const xml = await part(
        await packDocx(buildHandout(en, { englishStyle: style })),
        'word/document.xml',
      )
      expect(xml).toContain(`>${figure}<`)
      expect(xml).toContain('The sector has 15,000 jobs')
      expect(xml).not.toContain('non sourcé')
    }
  })
})

describe('englishNote: the handout’s generated parts', () => {
  const text = [
    '# Note d’essai',
    '',
    'Le traité de non-prolifération nucléaire (TNP) reste la référence. Le CeSIA [s’oppose](#) à tout affaiblissement.',
    '',
    '## Contexte',
    '',
    'Le secteur compte 15 000 emplois ([Dupont, 2024](#) ; [Martin, 2023](#)).',
    '',
    'Selon le [rapport du ministère](#), 40 % des postes restent vacants.',
    '',
  ].join('\n')
  const words: Array<[string, string]> = [
    ['Note d’essai', 'Test note'],
    ['Contexte', 'Background'],
    [
      'Le traité de non-prolifération nucléaire (TNP) reste la référence.',
      'The Treaty on the Non-Proliferation of Nuclear Weapons (NPT) remains the benchmark.',
    ],
    ['Le CeSIA ', 'CeSIA '],
    ['s’oppose', 'opposes'],
    [' à tout affaiblissement.', ' any weakening.'],
    ['Le secteur compte 15 000 emplois', 'The sector has 15,000 jobs'],
    [' ; ', '; '],
  ]
  const translate = (source: string) => words.reduce((t, [fr, en]) => t.replaceAll(fr, en), source)

  it('gives the labels, lead, keywords, separators and style names in English, and marks what stays French', async () => {
    const model = await noteModel(text)
    // The last paragraph is left untranslated.
    const file = translateAll((await sync(model, null)).text, translate).replace(
      /(<source>Selon le .*?<\/source>)\s*<target[^>]*>.*?<\/target>/s,
      '$1',
    )
    const { model: english, untranslated } = englishNote(
      model,
      unitTranslations(model, file, 'note.en.xlf', expected),
    )
    expect(untranslated).toBe(1)
    expect(english.citations.map((c) => c.label)).toEqual([
      'opposes',
      'Dupont, 2024',
      'Martin, 2023',
      `${NOT_TRANSLATED} rapport du ministère`,
    ])
    const bytes = await packDocx(buildHandout(english))
    const document = await part(bytes, 'word/document.xml')
    const comments = await part(bytes, 'word/comments.xml')
    const core = await part(bytes, 'docProps/core.xml')
    const styles = await part(bytes, 'word/styles.xml')
    const toComplete = document.slice(document.indexOf('>To complete<'))
    // "To complete" and the comments: the English words of the links.
    for (const xml of [toComplete, comments]) {
      expect(xml).toContain('opposes')
      expect(xml).not.toContain('s’oppose')
      expect(xml).toContain(`${NOT_TRANSLATED} rapport du ministère`)
    }
    // Core properties: the English lead, the acronyms the English uses.
    expect(core).toContain('<dc:subject>The Treaty on the Non-Proliferation')
    expect(core).toContain('<dc:description>The Treaty on the Non-Proliferation')
    expect(core).not.toContain('Le traité')
    expect(core).toContain('<cp:keywords>NPT</cp:keywords>')
    // Key figures: two sources joined the English way; a French sentence marked.
    expect(document).toContain('<w:t xml:space="preserve">; </w:t>')
    expect(document).not.toContain(' ; <')
    expect(document).toMatch(
      /<w:t xml:space="preserve">\[not translated\]<\/w:t>.*?<w:lang w:val="fr-FR"\/>.*?Selon le rapport du ministère, 40 %/s,
    )
    // Style names in English.
    for (const name of ['Source manquante', 'Chapô', 'Tableau fiche', 'Remarque'])
      expect(styles).not.toContain(`w:val="${name}"`)
    expect(styles).toContain('w:val="Missing source"')
  })
})
