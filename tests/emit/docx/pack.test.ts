/**
 * Packing: the parts come from the docx library's compiler, zipped once;
 * without the compiler (a docx library that lost it), the parts read back
 * from its public zip give the same bytes.
 */
import { Packer } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildBrief, buildHandout } from '../../../src/emit/docx/index.ts'
import { packDocx, packDocxWith, type PartCompiler } from '../../../src/emit/docx/pack.ts'
import { CASES, loadModel } from './helpers.ts'

const compiler = (Packer as unknown as { compiler: PartCompiler }).compiler

/** A compiler that gives every part as bytes (a Buffer, or an ArrayBuffer), not as text. */
const bytesCompiler: PartCompiler = {
  compile(file, prettify, overrides) {
    const parts = [...compiler.compile(file, prettify, overrides)]
    return new Map(
      parts.map(([name, data], i) => {
        const bytes = typeof data === 'string' ? Buffer.from(data) : (data as Uint8Array)
        return [name, i % 2 === 0 ? new Uint8Array(bytes).buffer : bytes]
      }),
    )
  },
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('packDocx', () => {
  it('zips the compiled parts, without the docx library zipping them first', async () => {
    const toBuffer = vi.spyOn(Packer, 'toBuffer')
    await packDocx(buildBrief(loadModel('lignes-rouges')))
    expect(toBuffer).not.toHaveBeenCalled()
  })

  describe.each(CASES)('on %s', (name) => {
    it.each([
      ['brief', buildBrief],
      ['handout', buildHandout],
    ])('gives the same %s bytes with or without the compiler', async (_, build) => {
      const model = loadModel(name)
      const bytes = await packDocx(build(model))
      expect(same(await packDocxWith(build(model), undefined), bytes)).toBe(true)
      expect(same(await packDocxWith(build(model), bytesCompiler), bytes)).toBe(true)
    })
  })

  it('gives a brief with a table of contents the same bytes however many briefs the process made before', async () => {
    const model = loadModel('lignes-rouges')
    const first = await packDocx(buildBrief(model, { toc: true }))
    await packDocx(buildHandout(model, { toc: true }))
    const again = await packDocx(buildBrief(model, { toc: true }))
    expect(same(again, first)).toBe(true)
    // The bookmarks, their anchors and their PAGEREF fields still agree.
    const xml = strFromU8(unzipSync(again)['word/document.xml']!)
    const names = [...xml.matchAll(/w:name="(_Toc\d+)"/g)].map((m) => m[1])
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) {
      expect(xml).toContain(`w:anchor="${name}"`)
      expect(xml).toContain(`PAGEREF ${name} `)
    }
  })
})
