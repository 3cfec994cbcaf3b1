/**
 * javascript:, data:, vbscript: and file: targets, plain or obfuscated, never
 * become a stored target: not in the model's inlines, not in XLIFF 1.2 or 2.0,
 * not in the TMX, not in the sources or the termbase; the link's text and its
 * paired code stay.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitCsl } from '../../src/emit/csl.ts'
import { citationTarget } from '../../src/emit/docx/context.ts'
import { emitTmx } from '../../src/translate/tmx-write.ts'
import { Origin } from '../../src/glossary/termbase.ts'
import type { Inline } from '../../src/model/schema.ts'
import { loadSources } from '../../src/sources/registry.ts'
import { classifyHref, safeHref } from '../../src/text/citations.ts'
import { codeFromMarkdown, contentOf } from '../../src/translate/content.ts'
import { readTranslationFile } from '../../src/translate/read.ts'
import { modelOf } from '../helpers.ts'
import { sync } from './helpers.ts'

const UNSAFE = /(?:javascript|vbscript|data|file)\s*:/iu

const note = [
  '# Liens',
  '',
  'Un [lien script](javascript:alert(1)) et un [lien VB](VBScript:msgbox(1)).',
  '',
  'Un [lien data](data:text/html;base64,PHNjcmlwdD4=) et un [lien fichier](file:///etc/passwd).',
  '',
  'Un [lien masqué](<  JaVaScRiPt:alert(2)>) et un [lien tab](java&#9;script:alert(3)) et un [lien encodé](&#106;avascript:alert(4)).',
  '',
  'Une image ![image piégée](javascript:alert(5)) et un [lien référence][piege].',
  '',
  'Un [bon lien](https://example.org/a) reste.',
  '',
  "[piege]: javascript:alert('todo')",
  '',
].join('\n')

function inlinesOf(blocks: unknown): Inline[] {
  const found: Inline[] = []
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if (record.type === 'link' || record.type === 'image') found.push(record as Inline)
      Object.values(record).forEach(walk)
    }
  }
  walk(blocks)
  return found
}

describe('unsafe link targets', () => {
  it.each([
    ['  javascript:alert(1)', 'unsafe-scheme'],
    ['java\tscript:alert(1)', 'unsafe-scheme'],
    ['java\nscript:alert(1)', 'unsafe-scheme'],
    ['java\u0000script:alert(1)', 'unsafe-scheme'],
    ["javascript:alert('todo')", 'unsafe-scheme'],
    ['DATA:text/html,x', 'unsafe-scheme'],
    ['https://example.org/javascript:x', 'ok'],
  ])('classifies %j as %s', (href, status) => expect(classifyHref(href)).toBe(status))

  it('safeHref drops the unsafe targets and keeps the others', () => {
    expect(safeHref(' \tFiLe:///etc/passwd')).toBe('')
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a')
    expect(safeHref('notes/autre.md')).toBe('notes/autre.md')
  })

  it('keeps no unsafe target in the model inlines, and reports every one', async () => {
    const model = await modelOf(note)
    const links = inlinesOf(model.blocks)
    expect(links.length).toBe(10)
    for (const link of links) {
      const target = link.type === 'link' ? link.href : link.type === 'image' ? link.url : ''
      expect(target).not.toMatch(UNSAFE)
    }
    expect(links.filter((l) => l.type === 'link' && l.href !== '')).toHaveLength(1)
    const unsafe = model.citations.filter((c) => c.status === 'unsafe-scheme')
    expect(unsafe).toHaveLength(8)
    for (const citation of model.citations) {
      if (citation.href !== null && UNSAFE.test(citation.href)) {
        expect(citation.status).toBe('unsafe-scheme')
        expect(citationTarget(citation)).toBeNull()
      }
    }
  })

  it.each(['1.2', '2.0'] as const)(
    'XLIFF %s keeps the link texts and codes, not the targets',
    async (version) => {
      const model = await modelOf(note)
      const { text } = await sync(model, null, { version })
      expect(text).not.toMatch(UNSAFE)
      for (const label of ['lien script', 'lien VB', 'lien data', 'lien fichier', 'lien tab'])
        expect(text).toContain(label)
      expect(text).toContain('https://example.org/a')
      const paired = version === '1.2' ? /<g id="\d+" ctype="link">/g : /<pc id="\d+"/g
      expect(text.match(paired)?.length).toBe(9)
    },
  )

  it('reads no unsafe target from a hostile XLIFF 1.2 file, keeping the code', async () => {
    const model = await modelOf('# T\n\nUn [lien](https://example.org/a) ici.\n')
    const { text } = await sync(model, null)
    const hostile = text.replace(
      '<context context-type="x-link">https://example.org/a</context>',
      '<context context-type="x-link"> JavaScript:alert(1)</context>',
    )
    expect(hostile).not.toBe(text)
    const file = readTranslationFile(hostile, 'note.en.xlf', {
      original: 'input/note.md',
      sourceLanguage: 'fr',
      targetLanguage: 'en',
    })
    const codes = file.units.flatMap((unit) => [...unit.source.codes.values()])
    expect(codes).toContainEqual({ kind: 'link', href: '', citationId: expect.any(String) })
  })

  it('drops unsafe targets read from TMX code markdown and written to TMX', async () => {
    expect(codeFromMarkdown('link', '[', '](javascript:alert(1))', true)).toEqual({
      kind: 'link',
      href: '',
      citationId: null,
    })
    expect(codeFromMarkdown('image', '![x](data:text/html,x)', '', false)).toMatchObject({
      url: '',
    })
    const { content } = contentOf([
      {
        type: 'link',
        href: 'vbscript:x',
        citationId: null,
        children: [{ type: 'text', value: 'lien' }],
      },
    ])
    const tmx = emitTmx(
      [
        {
          source: content.segments[0] ?? [],
          target: content.segments[0] ?? [],
          codes: new Map([
            ...content.codes,
            ['9', { kind: 'link', href: 'file:///x', citationId: null }],
          ]),
        },
      ],
      { sourceLanguage: 'fr', targetLanguage: 'en' },
    )
    expect(tmx).not.toMatch(UNSAFE)
  })

  it('drops unsafe URLs of the sources registry (model, DOCX target, CSL-JSON)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-unsafe-sources-'))
    writeFileSync(
      path.join(dir, 'sources.csv'),
      'key,authors,year,title,url\nk1,Dupont,2024,Un rapport,JavaScript:alert(1)\n',
    )
    const registry = loadSources(['sources.csv'], dir)
    expect(registry.entries[0]?.url).toBeNull()
    expect(registry.entries[0]?.csl.URL).toBeUndefined()
    const model = await modelOf('# T\n\nUn constat (Dupont, 2024).\n')
    expect(emitCsl(model, registry)).not.toMatch(UNSAFE)
  })

  it('refuses an unsafe termbase origin URL', () => {
    expect(
      Origin.safeParse({ kind: 'usage', reference: 'x', url: 'javascript:alert(1)' }).success,
    ).toBe(false)
    expect(
      Origin.safeParse({ kind: 'usage', reference: 'x', url: 'https://iate.europa.eu/' }).success,
    ).toBe(true)
  })
})
