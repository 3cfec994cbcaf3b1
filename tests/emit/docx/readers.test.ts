/**
 * The brief in real readers: pandoc finds every heading, bullet, statistic
 * and citation of the model in order; LibreOffice converts it to PDF. Also a
 * hostile model (control characters, a 500-row table, 200 footnotes).
 * Needs `pandoc` and `soffice` (installed by `.ci/run`).
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { convertToPdf } from '../../../src/cli/render.ts'
import { buildBrief, packDocx } from '../../../src/emit/docx/index.ts'
import type { DocumentModel, Inline } from '../../../src/model/schema.ts'
import { CASES, briefBytes, loadModel, pandoc, part, squash } from './helpers.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'fiche-docx-'))
const files = new Map<string, string>()

/** A model with forbidden characters, 500 statistics and 200 resolved citations (200 footnotes). */
function hostileModel(): DocumentModel {
  const model = structuredClone(loadModel('cesia-note'))
  const template = model.statistics[0]!
  model.statistics = Array.from({ length: 500 }, (_, i) => ({
    ...template,
    id: `st-${i}`,
    kind: 'percent' as const,
    value: i,
    citationIds: ['c-x0'],
    text: `${i} %`,
    sentence: `Phrase ${i} avec un caractère interdit \u0001 et ${i} %.`,
  }))
  const links: Inline[] = []
  for (let i = 0; i < 200; i++) {
    const citation = { ...model.citations[1]! }
    citation.id = `c-x${i}`
    citation.label = `Auteur${i}, 2025`
    citation.resolved = { key: `k${i}`, url: `https://example.org/${i}`, title: `Titre ${i}` }
    model.citations.push(citation)
    links.push(
      { type: 'text', value: ` voir\u0007 ` },
      {
        type: 'link',
        href: '#',
        citationId: citation.id,
        children: [{ type: 'text', value: citation.label }],
      },
    )
  }
  model.blocks.push({
    type: 'paragraph',
    id: 'p-x',
    role: 'body',
    children: links,
    position: model.headings[0]!.position,
  })
  model.meta.title = `Titre\u0000 avec contrôle\u001F`
  return model
}

beforeAll(async () => {
  for (const name of CASES) {
    const file = path.join(dir, `${name}.docx`)
    writeFileSync(file, await briefBytes(loadModel(name)))
    files.set(name, file)
  }
  const hostile = buildBrief(hostileModel(), { keyFigures: 500 })
  const file = path.join(dir, 'hostile.docx')
  writeFileSync(file, await packDocx(hostile))
  files.set('hostile', file)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Asserts that `needles` occur in `haystack` in this order. */
function expectInOrder(haystack: string, needles: string[], what: string): void {
  let from = 0
  for (const needle of needles) {
    const at = haystack.indexOf(squash(needle), from)
    expect(at, `${what} "${needle}" not found after offset ${from}`).toBeGreaterThanOrEqual(0)
    from = at
  }
}

type PandocBlock = { t: string; c?: unknown }

function countBlocks(blocks: PandocBlock[], type: string): number {
  let count = 0
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object' && 't' in value) {
      const block = value as PandocBlock
      if (block.t === type)
        count += type === 'BulletList' || type === 'OrderedList' ? itemsOf(block) : 1
      visit(block.c)
    }
  }
  visit(blocks)
  return count
}

function itemsOf(block: PandocBlock): number {
  const items = (block.t === 'OrderedList' ? (block.c as unknown[])[1] : block.c) as unknown[]
  return items.length
}

describe.each(['cesia-note', 'lignes-rouges', 'resolved-sources'])(
  'pandoc reads the brief of %s',
  (name) => {
    it('finds every heading, bullet, statistic and citation in order', () => {
      const model = loadModel(name)
      const file = files.get(name)!
      const text = squash(pandoc(file, 'plain'))
      const body = text.slice(0, text.lastIndexOf('Chiffres clés'))
      expectInOrder(
        body,
        model.headings.map((h) => h.text),
        'heading',
      )
      expectInOrder(
        body,
        model.bullets.map((b) => b.text.slice(0, 60)),
        'bullet',
      )
      expectInOrder(
        body,
        model.statistics.map((s) => s.text),
        'statistic',
      )
      expectInOrder(
        body,
        model.citations.filter((c) => c.kind !== 'attribution').map((c) => c.label),
        'citation',
      )
      const ast = JSON.parse(pandoc(file, 'json')) as { blocks: PandocBlock[] }
      expect(countBlocks(ast.blocks, 'Header')).toBe(model.headings.length)
      expect(countBlocks(ast.blocks, 'BulletList') + countBlocks(ast.blocks, 'OrderedList')).toBe(
        model.bullets.length,
      )
    })
  },
)

describe('the hostile model', () => {
  it('has no forbidden character in any part and reports them', async () => {
    const bytes = await packDocx(buildBrief(hostileModel(), { keyFigures: 500 }))
    const xml = await part(bytes, 'word/document.xml')
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/)
    expect(await part(bytes, 'word/footnotes.xml')).toMatch(/w:footnote w:id="200"/)
    expect(buildBrief(hostileModel(), { keyFigures: 500 }).diagnostics.length).toBeGreaterThan(0)
  })

  it('opens in pandoc', () => {
    const text = pandoc(files.get('hostile')!, 'plain')
    expect(text).toContain('499 %')
    expect(text).toContain('Auteur199, 2025')
  })
})

describe('LibreOffice', () => {
  it('converts every brief to PDF', () => {
    const out = path.join(dir, 'pdf')
    const profile = path.join(dir, 'profile')
    convertToPdf([...files.values()], out, profile)
    for (const name of files.keys()) {
      const pdf = path.join(out, `${name}.pdf`)
      expect(existsSync(pdf), `${pdf} written`).toBe(true)
      expect(statSync(pdf).size).toBeGreaterThan(1000)
    }
  })
})
