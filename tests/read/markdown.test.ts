import { describe, expect, it } from 'vitest'
import { modelOf } from '../helpers.ts'

describe('Markdown reader', () => {
  it('reads YAML front matter into metadata, not text', async () => {
    const model = await modelOf(
      '---\ntitle: Ma note\ndate: 2026-03-01\nlieu: Lyon\n---\n\nUn paragraphe.\n',
    )
    expect(model.meta.title).toBe('Ma note')
    expect(model.meta.date).toBe('2026-03-01')
    expect(model.meta.place).toBe('Lyon')
    expect(model.meta.frontmatter).toMatchObject({ title: 'Ma note' })
    expect(JSON.stringify(model.blocks)).not.toContain('title:')
  })

  it('keeps raw HTML out of the text', async () => {
    const model = await modelOf(
      '# Titre\n\n- Un point <span>caché</span> visible\n\n<div>bloc</div>\n',
    )
    expect(model.bullets[0]!.text).toBe('Un point caché visible')
    expect(JSON.stringify(model.blocks)).not.toContain('<div>')
    expect(JSON.stringify(model.blocks)).not.toContain('<span>')
  })

  it('keeps positions right with a BOM and CRLF line endings', async () => {
    const text = '# Titre\r\n\r\n## 1. Partie\r\n\r\n- Selon Le Monde, 40 % des gens.\r\n'
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)])
    const model = await modelOf(withBom)
    expect(model.meta.title).toBe('Titre')
    expect(model.headings[1]!.position.start).toEqual({ line: 3, column: 1, offset: 11 })
    const bullet = model.bullets[0]!
    expect(bullet.position.start.line).toBe(5)
    const citation = model.citations[0]!
    expect(citation.label).toBe('Le Monde')
    expect(citation.position.start).toMatchObject({ line: 5, column: 9, offset: 35 })
    expect(text.slice(citation.position.start.offset, citation.position.end.offset)).toBe(
      'Le Monde',
    )
  })

  it('rejects bytes that are not UTF-8 with a message naming the file', async () => {
    await expect(modelOf(new Uint8Array([0x41, 0xff, 0xfe, 0x42]), 'latin.md')).rejects.toThrow(
      /input\/latin\.md: .*not UTF-8/,
    )
  })
})

describe('reference-style links', () => {
  it('become citations with the definition’s URL and their own position', async () => {
    const source =
      '# T\n\n- Un risque accru ([Karnofsky, 2025][k]) et [rapport][].\n\n[k]: https://example.org/k\n[rapport]: #\n'
    const model = await modelOf(source)
    expect(model.citations.map((c) => [c.kind, c.label, c.href, c.status])).toEqual([
      ['author-year', 'Karnofsky, 2025', 'https://example.org/k', 'ok'],
      ['link', 'rapport', '#', 'placeholder'],
    ])
    const [first] = model.citations
    expect(source.slice(first!.position.start.offset, first!.position.end.offset)).toBe(
      '[Karnofsky, 2025][k]',
    )
    expect(JSON.stringify(model.blocks)).toContain('"href":"https://example.org/k"')
  })
})
