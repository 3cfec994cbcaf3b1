import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempProject } from '../helpers.ts'
import { unitsById, validate } from '../translate/helpers.ts'
import { fiche } from './fiche.ts'

const note = [
  '# Titre A',
  '',
  'Premier paragraphe. Deuxième phrase.',
  '',
  'Le CeSIA [s’oppose](https://example.org/cesia) aux lignes rouges.',
  '',
  '- Un point en échec.',
  '- Un code inconnu.',
  '- Du gras.',
  '- Une esperluette.',
  '',
].join('\n')

const termbase = [
  'version: 1',
  'concepts:',
  '  - id: red-line',
  '    fr: { term: ligne rouge }',
  '    en: { term: red line }',
  '    origin: { kind: usage, reference: test }',
  '  - id: old-term',
  '    status: proposed',
  '    fr: { term: paragraphe }',
  '    en: { term: paragraph }',
  '    origin: { kind: usage, reference: test }',
  '',
].join('\n')

/**
 * A fake machine translator: the French uppercased outside the inline codes;
 * an error, a code the source does not have, an element that is no code and a
 * bare "&" for four segments; the request saved for the test.
 */
const config = `import { writeFileSync } from 'node:fs'
import { defineConfig } from 'fiche'

export default defineConfig({
  termbase: ['input/termbase.yaml'],
  translation: {
    translator: async (request) => {
      writeFileSync('request.json', JSON.stringify(request))
      return request.segments.map((segment) => {
        const upper = segment.text.replace(/(^|>)([^<]*)/g, (_, end, words) => end + words.toUpperCase())
        if (segment.text.includes('échec')) return new Error('quota exceeded')
        if (segment.text.includes('inconnu')) return upper + ' <x id="9"/>'
        if (segment.text.includes('gras')) return '<b>BOLD</b>.'
        if (segment.text.includes('esperluette')) return 'AN & SIGN.'
        return upper
      })
    },
  },
})
`

/** A person's translation of the title, as a translator's tool writes it. */
function translateTitle(xml: string): string {
  return xml.includes('version="2.0"')
    ? xml.replace(
        /(<segment id="[^"]*")>(\s*)<source>Titre A<\/source>/,
        '$1 state="translated">$2<source>Titre A</source>$2<target>Title A, by a person</target>',
      )
    : xml.replace(
        /<source>Titre A<\/source>/,
        '<source>Titre A</source><target state="translated">Title A, by a person</target>',
      )
}

describe('fiche translate: the translator hook', () => {
  for (const [format, version] of [
    ['xliff1.2', '1.2'],
    ['xliff2', '2.0'],
  ] as const) {
    it(`fills the empty targets with machine drafts (${format}), keeps a person's target, reports a unit's failure`, async () => {
      const dir = tempProject({ 'input/a.md': note, 'input/termbase.yaml': termbase })
      const file = path.join(dir, 'input/translations/a.en.xlf')
      // Without the hook: every target empty; a person then translates the title.
      expect((await fiche(dir, 'translate', '--format', format)).code).toBe(0)
      writeFileSync(file, translateTitle(readFileSync(file, 'utf8')))
      writeFileSync(path.join(dir, 'pipeline.config.ts'), config)

      const run = await fiche(dir, 'translate', '--format', format)
      const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '))
      const unit = String.raw`warning: input/translations/a\.en\.xlf: unit [\w.]+: `
      const output = String.raw`input/translations/a\.en\.xlf \(translator output for [\w.]+\)`
      expect(warnings).toEqual([
        expect.stringMatching(new RegExp(`^${unit}quota exceeded$`)),
        expect.stringMatching(
          new RegExp(
            `^${unit}translator output has inline code id="9" that the source does not have$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^${unit}${output}: unexpected element <b>, expected text and the inline codes of the source$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^${unit}${output}:1:4: unescaped “&”, expected “&amp;”$`),
        ),
      ])
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(
        `input/a.md → input/translations/a.en.xlf (XLIFF ${version}, written): 7 units, 1 translated, 4 new, 0 stale, 0 obsolete, 0 filled from memory, 2 machine drafts;`,
      )
      // The hook got the empty units only, with their codes, and the approved terms.
      const request = JSON.parse(readFileSync(path.join(dir, 'request.json'), 'utf8')) as {
        segments: Array<{ text: string }>
        terms: unknown
        sourceLanguage: string
        targetLanguage: string
      }
      expect(request.segments.map((s) => s.text)).toEqual([
        'Premier paragraphe.',
        'Deuxième phrase.',
        'Le CeSIA <g id="1" ctype="link">s’oppose</g> aux lignes rouges.',
        'Un point en échec.',
        'Un code inconnu.',
        'Du gras.',
        'Une esperluette.',
      ])
      expect(request.terms).toEqual([{ source: 'ligne rouge', target: 'red line' }])
      expect([request.sourceLanguage, request.targetLanguage]).toEqual(['fr', 'en'])

      const xml = readFileSync(file, 'utf8')
      expect(validate(xml, version)).toBe('')
      const units = [...unitsById(xml).values()]
      const unitOf = (words: string) => units.find((u) => u.includes(words))!
      // The person's target, untouched.
      expect(unitOf('Titre A')).toContain('Title A, by a person')
      expect(unitOf('Titre A')).not.toContain('TITRE A')
      // The drafts, marked as machine drafts, codes kept.
      const linked = unitOf('aux lignes rouges')
      if (version === '1.2') {
        expect(linked).toMatch(
          /<target state="needs-review-translation" state-qualifier="leveraged-mt">/,
        )
        expect(linked).toContain('LE CESIA <g id="1" ctype="link">S’OPPOSE</g> AUX LIGNES ROUGES.')
        expect(unitOf('Premier paragraphe')).toContain('state-qualifier="leveraged-mt"')
        expect(unitOf('Titre A')).toContain('<target state="translated">')
      } else {
        expect(linked).toMatch(/<segment id="[^"]*" state="initial" subState="fiche:mt">/)
        expect(linked).toMatch(
          /<target>LE CESIA <pc id="1"[^>]*>S’OPPOSE<\/pc> AUX LIGNES ROUGES\.<\/target>/,
        )
        expect(unitOf('Premier paragraphe')).toContain('subState="fiche:mt"')
        expect(unitOf('Titre A')).toContain('state="translated"')
      }
      // The failed units: still empty, the others written.
      for (const words of ['Un point en échec', 'Un code inconnu', 'Du gras', 'Une esperluette']) {
        expect(unitOf(words), words).not.toMatch(/<target/)
        expect(unitOf(words), words).not.toMatch(/UN POINT|UN CODE|BOLD|SIGN/)
      }
      expect(xml).not.toMatch(/id="9"|dataRef="d9"/)

      // Again: only the still-empty unit is asked for, the rest stays as it is.
      const again = await fiche(dir, 'translate', '--format', format)
      expect(again.stderr.match(/^warning: /gm)).toHaveLength(4)
      const request2 = JSON.parse(readFileSync(path.join(dir, 'request.json'), 'utf8')) as {
        segments: Array<{ text: string }>
      }
      expect(request2.segments.map((s) => s.text)).toEqual([
        'Un point en échec.',
        'Un code inconnu.',
        'Du gras.',
        'Une esperluette.',
      ])
      expect(readFileSync(file, 'utf8')).toBe(xml)
    }, 60_000)
  }
})
