/**
 * Property tests (fast-check): for arbitrary Markdown-ish text and arbitrary
 * bytes, the pipeline never crashes, its model validates against the schema,
 * every position lies inside the file, and the Word brief is well-formed XML
 * without characters XML 1.0 forbids. `FICHE_FUZZ_RUNS` sets the number of
 * cases (1,000 in CI, 10,000 with `npm run fuzz`); a failure prints the seed
 * and the shrunk counterexample.
 */
import fc from 'fast-check'
import { XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { buildBrief } from '../../src/emit/docx/index.ts'
import { packDocx } from '../../src/emit/docx/pack.ts'
import { DocumentModel } from '../../src/model/schema.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { root } from '../helpers.ts'

const runs = Number(process.env.FICHE_FUZZ_RUNS ?? 1000)
const config = resolveConfig({}, root)

/** Pieces French notes are made of, and the characters that break tools. */
const piece = fc.oneof(
  fc.constantFrom(
    '# ',
    '## 1. ',
    '### II. ',
    '\n',
    '\n\n',
    '\r\n',
    '\r',
    '- ',
    '* ',
    '1. ',
    '> ',
    '| a | b |\n| --- | --- |\n| 2,5 % | 3 |\n',
    '[^1]',
    '\n[^1]: Note.\n',
    '**',
    '_',
    '`',
    '[le rapport](https://example.org/r)',
    '[x](javascript:alert(1))',
    '<https://exemple.fr>',
    '<!-- fiche-disable-next-line claim-has-source -->',
    '<b>html</b>',
    '---\ntitle: Note\ndate: 2026-02-05\n---\n',
    'Selon Le Figaro, ',
    '(Dupont, 2024)',
    'le règlement sur l’IA (RIA)',
    'lignes rouges',
    '2,5 %',
    '200 Md€',
    '15 000',
    '×3',
    '5 février 2026',
    'M. ',
    'etc. ',
    '\u00a0',
    '\u202f',
    '\u0000',
    '\u0007',
    '\ud800',
    '\udfff',
    'e\u0301',
    '\ufeff',
  ),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[A-Za-zÀ-ÿ ,.;:!?'’«»()-]{1,30}$/),
)
const markdownish = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''))

const encode = (text: string) => new TextEncoder().encode(text)
const crash = /TypeError|ReferenceError|RangeError|SyntaxError|undefined|is not a function|null/

/** Every `{ offset }` point of the model. */
function offsets(value: unknown, out: number[] = []): number[] {
  if (Array.isArray(value)) for (const item of value) offsets(item, out)
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.offset === 'number' && typeof record.line === 'number')
      out.push(record.offset)
    for (const key in record) offsets(record[key], out)
  }
  return out
}

// XML 1.0 Char production, complemented.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u

describe('properties of the pipeline', () => {
  it('builds any Markdown-ish note into a schema-valid model with positions inside the file', async () => {
    await fc.assert(
      fc.asyncProperty(markdownish, async (text) => {
        const result = await buildNote(
          { path: path.join(root, 'input/x.md'), bytes: encode(text) },
          config,
        )
        if (!result.ok) {
          expect(result.error.message).not.toMatch(crash)
          return
        }
        DocumentModel.parse(result.model)
        for (const offset of offsets(result.model)) {
          expect(offset).toBeGreaterThanOrEqual(0)
          expect(offset).toBeLessThanOrEqual(result.text.length)
        }
      }),
      { numRuns: runs },
    )
  }, 600_000)

  it('names the problem of arbitrary bytes and never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.boolean(), async (bytes, text) => {
        const file = path.join(root, text ? 'input/x.txt' : 'input/x.md')
        const result = await buildNote({ path: file, bytes }, config)
        if (!result.ok) expect(result.error.message).not.toMatch(crash)
        else DocumentModel.parse(result.model)
      }),
      { numRuns: runs },
    )
  }, 600_000)

  it('writes a well-formed brief with no character XML 1.0 forbids', async () => {
    await fc.assert(
      fc.asyncProperty(markdownish, async (text) => {
        const result = await buildNote(
          { path: path.join(root, 'input/x.md'), bytes: encode(text) },
          config,
        )
        if (!result.ok) return
        const zip = await JSZip.loadAsync(await packDocx(buildBrief(result.model)))
        for (const name of ['word/document.xml', 'word/footnotes.xml', 'docProps/core.xml']) {
          const xml = await zip.file(name)?.async('string')
          if (xml === undefined) continue
          expect(FORBIDDEN.test(xml), name).toBe(false)
          expect(XMLValidator.validate(xml), name).toBe(true)
        }
      }),
      { numRuns: Math.max(100, Math.round(runs / 5)) },
    )
  }, 600_000)
})
