/**
 * The two English handouts of the repository's own notes, built as a new user
 * builds them (`fiche build --strict` over a copy of `input/` with the shipped
 * `pipeline.config.ts`), then read back by the tools a reader uses: pandoc,
 * LibreOffice, and xmllint against the OOXML and XLIFF 1.2 schemas.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { convertToPdf } from '../../src/cli/render.ts'
import { fiche, type Run } from '../cli/fiche.ts'
import { WORDML_PARTS, pandoc, part, squash, validateWordml } from '../emit/docx/helpers.ts'
import { root, tempProject } from '../helpers.ts'
import { validate } from '../translate/helpers.ts'

const notes = {
  'cesia-note-2026-02-05': { terms: ['AI Act', 'red lines'], date: '5 February 2026' },
  'lignes-rouges-onu-2025-09-23': { terms: ['red lines', 'AI'], date: '23 September 2025' },
} as const

/** French words that never belong in English running text (names aside). */
const FRENCH =
  /(?<![\p{L}'’])(?:les|des|une|est|dans|avec|sur|nous|sont|qui|aux|et(?! al\b))(?![\p{L}'’])/giu

let dir = ''
let build: Run
const texts = new Map<string, string>()

beforeAll(async () => {
  dir = tempProject({})
  cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
  cpSync(path.join(root, 'pipeline.config.ts'), path.join(dir, 'pipeline.config.ts'))
  build = await fiche(dir, 'build', '--strict', '--no-cache')
  for (const id of Object.keys(notes)) {
    const file = path.join(dir, 'output', id, 'handout.en.docx')
    if (existsSync(file)) texts.set(id, squash(pandoc(file, 'plain')))
  }
}, 120_000)

describe('fiche build --strict on the repository notes', () => {
  it('exits 0: every unit of both notes is translated', () => {
    expect(build.stderr).not.toMatch(/untranslated|French changed/)
    expect(build.code, build.stderr).toBe(0)
  })

  describe.each(Object.entries(notes))('%s', (id, expected) => {
    it('has a handout that pandoc reads, in English, with the approved terms', () => {
      const text = texts.get(id)
      expect(text, 'handout.en.docx written').toBeDefined()
      for (const term of expected.terms) expect(text).toContain(term)
      expect(text).toContain(expected.date)
      expect(text).toContain('Key figures')
      expect(text).not.toMatch(/\[not translated\]|\[French changed\]|[«»]/)
      // Everything but the glossary annex (whose second column is French) is English.
      const annex = text!.indexOf('Annex: glossary')
      const english = text!.slice(0, annex) + text!.slice(text!.indexOf('Sources', annex))
      expect(english.match(FRENCH) ?? []).toEqual([])
    })

    it('has schema-valid WordprocessingML in en-GB', async () => {
      const bytes = readFileSync(path.join(dir, 'output', id, 'handout.en.docx'))
      const parts: Record<string, string> = {}
      for (const name of WORDML_PARTS) {
        const xml = await part(bytes, name).catch(() => null)
        if (xml !== null) parts[name] = xml
      }
      expect(validateWordml(parts)).toBe('valid')
      expect(parts['word/styles.xml']).toContain('w:val="en-GB"')
    })

    it('has an English Markdown note', () => {
      const markdown = readFileSync(path.join(dir, 'output', id, 'note.en.md'), 'utf8')
      for (const term of expected.terms) expect(markdown).toContain(term)
      expect(markdown).not.toMatch(/\[not translated\]|\[French changed\]/)
    })

    it('has a translation file valid against the XLIFF 1.2 strict schema, all translated', () => {
      const xml = readFileSync(path.join(dir, 'input', 'translations', `${id}.en.xlf`), 'utf8')
      expect(validate(xml, '1.2')).toBe('')
      const units = xml.match(/<trans-unit\b[\s\S]*?<\/trans-unit>/g) ?? []
      expect(units.length).toBeGreaterThan(10)
      const untranslated = units.filter(
        (unit) =>
          !/<target state="(?:translated|final)"/.test(unit) && !/approved="yes"/.test(unit),
      )
      expect(untranslated).toEqual([])
    })
  })

  it('gives handouts that LibreOffice converts to PDF', () => {
    for (const id of Object.keys(notes)) {
      const out = path.join(dir, 'pdf', id)
      convertToPdf(
        [path.join(dir, 'output', id, 'handout.en.docx')],
        out,
        path.join(dir, 'profile'),
      )
      expect(statSync(path.join(out, 'handout.en.pdf')).size).toBeGreaterThan(5000)
    }
  }, 240_000)
})
