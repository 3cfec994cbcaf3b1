/**
 * Goldens of the Word brief: the pretty-printed XML parts built from stored
 * models. `UPDATE=1` (or a missing golden) rewrites them; read the diff.
 * Also: two builds give the same bytes.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CASES, FIXTURES, briefBytes, loadModel, part, prettyXml } from './helpers.ts'

const PARTS = [
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'docProps/core.xml',
]

describe.each(CASES)('brief of %s', (name) => {
  it('matches the golden XML parts', async () => {
    const bytes = await briefBytes(loadModel(name))
    for (const partName of PARTS) {
      const actual = prettyXml(await part(bytes, partName))
      const golden = path.join(FIXTURES, name, 'golden', partName.replace('/', '__'))
      if (process.env.UPDATE === '1' || !existsSync(golden)) {
        mkdirSync(path.dirname(golden), { recursive: true })
        writeFileSync(golden, actual)
      }
      expect(actual, `${name}: ${partName}`).toBe(readFileSync(golden, 'utf8'))
    }
  })

  it('is byte-identical when built twice', async () => {
    const model = loadModel(name)
    const first = await briefBytes(model)
    const second = await briefBytes(structuredClone(model))
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
  })
})
