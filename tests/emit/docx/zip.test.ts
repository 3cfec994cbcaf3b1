/**
 * The brief's ZIP writer gives fflate's `zipSync` bytes, whether a part is
 * new or one it has deflated before, and whatever the names and contents.
 */
import fc from 'fast-check'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipParts, type ZipPart } from '../../../src/emit/docx/zip.ts'
import { buildBrief, buildHandout } from '../../../src/emit/docx/index.ts'
import { packDocx } from '../../../src/emit/docx/pack.ts'
import { CASES, loadModel } from './helpers.ts'

const MTIME = new Date(1980, 0, 1, 0, 0, 0)

/** What fflate's own writer gives for the same parts. */
function reference(parts: readonly ZipPart[], level: 1 | 6 | 9, mtime = MTIME): Uint8Array {
  const files = Object.fromEntries(
    parts.map(({ name, data }) => [name, typeof data === 'string' ? strToU8(data) : data]),
  )
  return zipSync(files, { level, mtime })
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

describe('zipParts', () => {
  it('writes the bytes of zipSync, for a part seen for the first time and for one seen before', () => {
    const parts: ZipPart[] = [
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/styles.xml', data: `<w:styles>${'<w:style/>'.repeat(500)}</w:styles>` },
      { name: 'word/media/image1.png', data: new Uint8Array([137, 80, 78, 71, 0, 255]) },
      { name: 'word/document.xml', data: '<w:document>Été, 12 %</w:document>' },
    ]
    const expected = reference(parts, 6)
    expect(same(zipParts(parts, 6, MTIME), expected)).toBe(true)
    expect(same(zipParts(parts, 6, MTIME), expected)).toBe(true)
  })

  it('remembers a part by its exact text: a changed part is deflated again', () => {
    const first = [{ name: 'word/styles.xml', data: '<w:styles>a</w:styles>' }]
    const changed = [{ name: 'word/styles.xml', data: '<w:styles>b</w:styles>' }]
    zipParts(first, 6, MTIME)
    const bytes = zipParts(changed, 6, MTIME)
    expect(same(bytes, reference(changed, 6))).toBe(true)
    expect(new TextDecoder().decode(unzipSync(bytes)['word/styles.xml'])).toBe(
      '<w:styles>b</w:styles>',
    )
  })

  it('keeps the level in what it remembers', () => {
    const parts = [
      { name: 'word/settings.xml', data: `<w:settings>${'x y '.repeat(300)}</w:settings>` },
    ]
    expect(same(zipParts(parts, 9, MTIME), reference(parts, 9))).toBe(true)
    expect(same(zipParts(parts, 1, MTIME), reference(parts, 1))).toBe(true)
  })

  it('writes the entry time from the local fields of the date, as zipSync does', () => {
    const parts = [{ name: 'a.xml', data: '<a/>' }]
    const mtime = new Date(2026, 11, 7, 13, 45, 58)
    expect(same(zipParts(parts, 6, mtime), reference(parts, 6, mtime))).toBe(true)
    expect(() => zipParts(parts, 6, new Date(1979, 0, 1))).toThrow(/1980/)
  })

  it('agrees with zipSync on any names (UTF-8 ones flagged) and contents, repeated or not', () => {
    const part = fc.record({
      name: fc.oneof(
        fc.constantFrom('word/styles.xml', 'word/numbering.xml', 'docProps/app.xml'),
        // fflate's zipSync, the reference, keeps its entries in a plain object: not "__proto__".
        fc
          .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
          .filter((name) => name !== '__proto__'),
      ),
      data: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 3000 }),
        fc.uint8Array({ maxLength: 2000 }),
      ),
    })
    fc.assert(
      fc.property(fc.uniqueArray(part, { selector: (p) => p.name, maxLength: 8 }), (parts) => {
        const expected = reference(parts, 6)
        expect(same(zipParts(parts, 6, MTIME), expected)).toBe(true)
        expect(same(zipParts(parts, 6, MTIME), expected)).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  it.each(CASES)('packs the %s brief and handout as zipSync packs the same parts', async (name) => {
    const model = loadModel(name)
    for (const build of [buildBrief, buildHandout]) {
      const bytes = await packDocx(build(model))
      const entries = unzipSync(bytes)
      const parts = Object.entries(entries).map(([n, data]) => ({ name: n, data }))
      expect(same(bytes, reference(parts, 6))).toBe(true)
    }
  })
})
