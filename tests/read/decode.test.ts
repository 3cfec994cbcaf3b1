import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { location } from 'vfile-location'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { emitJson } from '../../src/emit/json.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { DecodeError, decodeNote, decodeText } from '../../src/read/decode.ts'
import { briefBytes, part } from '../emit/docx/helpers.ts'
import { modelOf, root } from '../helpers.ts'

const HOSTILE = path.join(root, 'tests/fixtures/hostile')
const fixture = (name: string) => readFileSync(path.join(HOSTILE, name))

async function build(bytes: Uint8Array, name: string, config = {}) {
  return buildNote({ path: path.join(root, 'input', name), bytes }, resolveConfig(config, root))
}

/** The diagnostics of decoding, as `ruleId line:column`. */
const readNotices = (model: DocumentModel) =>
  model.diagnostics
    .filter((d) => d.source === 'fiche-read')
    .map(
      (d) =>
        `${d.ruleId} ${d.position ? `${d.position.start.line}:${d.position.start.column}` : '-'}`,
    )

describe('decoding', () => {
  it.each([
    ['cp1252.md', /Windows-1252/],
    ['latin9.md', /ISO-8859-15/],
  ])(
    'decodes %s as the single-byte encoding its letters read as, with one warning',
    async (name, encoding) => {
      const result = await build(fixture(name), name)
      if (!result.ok) throw new Error(result.error.message)
      const model = result.model
      expect(model.meta.title).toBe('Le cœur du problème')
      const warnings = model.diagnostics.filter((d) => d.ruleId === 'encoding')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]!.message).toMatch(encoding)
      expect(warnings[0]!.message).toMatch(/not UTF-8 at 1:7/)
    },
  )

  it('never writes mojibake: é, œ, €, ’ of a Windows-1252 note come out right in model.json and the brief', async () => {
    const result = await build(fixture('cp1252.md'), 'cp1252.md')
    if (!result.ok) throw new Error(result.error.message)
    const json = emitJson(result.model)
    const document = await part(await briefBytes(result.model), 'word/document.xml')
    for (const output of [json, document]) {
      for (const expected of ['cœur', 'problème', '30 €', 'l’OCDE', '« élève »']) {
        expect(output).toContain(expected)
      }
      expect(output).not.toMatch(/Ã|Â|â€/)
    }
  })

  it("refuses a Windows-1252 note with encoding: { fallback: 'error' }, naming the file and the encoding", async () => {
    const result = await build(fixture('cp1252.md'), 'cp1252.md', {
      encoding: { fallback: 'error' },
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toMatch(
      /^input\/cp1252\.md: Unexpected bytes that are not UTF-8 at 1:7 \(the text looks like Windows-1252\), expected UTF-8/,
    )
  })

  it.each([
    ['macroman.md', /not UTF-8 at 1:11, and do not read as Windows-1252 or ISO-8859-15/],
    ['nul-bytes.md', /Unexpected NUL byte \(1, the first at byte 17\): a binary file/],
    ['utf16-no-bom.md', /UTF-16 without a byte-order mark/],
    [
      'docx-renamed.md',
      /Unexpected ZIP archive \(a \.docx, \.odt or \.xlsx file\?\), expected a text file/,
    ],
    ['empty.md', /Unexpected empty file, expected a note/],
    ['whitespace.md', /Unexpected file with only white space, expected a note/],
  ])('refuses %s with one message naming it', async (name, reason) => {
    const result = await build(fixture(name), name)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.startsWith(`input/${name}: `)).toBe(true)
    expect(result.error.message).toMatch(reason)
  })

  it.each(['utf16le-bom.md', 'utf16be-bom.md'])('decodes %s like the UTF-8 note', async (name) => {
    const utf16 = await build(fixture(name), 'note.md')
    const utf8 = await build(
      new TextEncoder().encode(decodeText(fixture(name), name).text),
      'note.md',
    )
    if (!utf16.ok || !utf8.ok) throw new Error('expected both to build')
    expect(utf16.model.blocks).toEqual(utf8.model.blocks)
    expect(utf16.model.meta.title).toBe('Le cœur du problème')
    expect(readNotices(utf16.model)).toEqual([])
  })

  it('replaces control characters, says so once, and keeps them out of the outputs', async () => {
    const result = await build(fixture('control-chars.md'), 'control-chars.md')
    if (!result.ok) throw new Error(result.error.message)
    expect(readNotices(result.model)).toEqual(['forbidden-characters 3:15'])
    const notice = result.model.diagnostics.find((d) => d.ruleId === 'forbidden-characters')!
    expect(notice.message).toContain('3: U+0007, U+001B, U+000C')
    const json = emitJson(result.model)
    const document = await part(await briefBytes(result.model), 'word/document.xml')
    // eslint-disable-next-line no-control-regex -- looking for control characters
    const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\\u00[01][0-9a-f]/iu
    expect(json.replace(/\\n/g, '')).not.toMatch(controls)
    expect(document).not.toMatch(controls)
    expect(document).toContain('Collé d’un PDF\ufffd avec des\ufffd contrôles')
  })

  it('replaces lone surrogates of a UTF-16 file, once per file', async () => {
    const units = [
      0xfeff,
      ...'# Titre\n\nUn '.split('').map((c) => c.charCodeAt(0)),
      0xd800,
      0x41,
      0xdc00,
      0x0a,
    ]
    const bytes = new Uint8Array(new Uint16Array(units).buffer)
    const result = await build(bytes, 'surrogates.md')
    if (!result.ok) throw new Error(result.error.message)
    expect(readNotices(result.model)).toHaveLength(1)
    const document = await part(await briefBytes(result.model), 'word/document.xml')
    expect(document).toContain('Un \ufffdA\ufffd')
  })

  it('never throws anything but a DecodeError naming the file, whatever the bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
      fc.uint8Array({ maxLength: 64 }).map((b) => Uint8Array.from([0xfe, 0xff, ...b])),
      fc.string({ unit: 'grapheme-composite' }).map((s) => new TextEncoder().encode(s)),
    )
    fc.assert(
      fc.property(bytes, (input) => {
        try {
          const note = decodeNote(input, 'input/x.md')
          // The text holds nothing XML forbids, and the map stays inside the original.
          // eslint-disable-next-line no-control-regex -- looking for control characters
          expect(note.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/u)
          expect(note.map.toOriginal(note.text.length)).toBe(note.original.length)
        } catch (error) {
          expect(error).toBeInstanceOf(DecodeError)
          expect((error as Error).message.startsWith('input/x.md: ')).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })
})

const NOTE = [
  '# Le système d’IA',
  '',
  '## 1. Contexte',
  '',
  'Le modèle d’IA à usage général présente un risque systémique, selon [l’Agence](https://example.org/a) et l’Autorité européenne de sûreté des aliments (AÉSA).',
  '',
  '- Près de 30 % des États réagissent ; *déjà* 1,2 milliard d’euros engagés en 2025.',
  '  - Un second niveau, d’après Dupont (2024).',
  '',
  '> Une citation élevée.',
  '',
].join('\n')

/** What must not change with line endings or normalisation: every extracted text and id, and line:column. */
function essence(model: DocumentModel) {
  const where = (p: {
    start: { line: number; column: number }
    end: { line: number; column: number }
  }) => `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`
  return {
    meta: model.meta,
    headings: model.headings.map((h) => [h.id, h.text, where(h.position)]),
    bullets: model.bullets.map((b) => [b.id, b.text, b.parentId, where(b.position)]),
    statistics: model.statistics.map((s) => [s.id, s.text, s.sentence, where(s.position)]),
    citations: model.citations.map((c) => [c.id, c.label, where(c.position)]),
    acronyms: model.acronyms.map((a) => [a.id, a.short, a.long]),
    terms: model.terms.map((t) => [t.id, t.conceptId, t.form, where(t.position)]),
    // Offsets differ with the length of line endings; everything else is the same.
    blocks: JSON.parse(
      JSON.stringify(model.blocks, (key, value: unknown) => (key === 'offset' ? undefined : value)),
    ) as unknown,
  }
}

/** Every position of the model lies in the file and its line:column is the offset's. */
function expectPositionsInFile(model: DocumentModel, original: string) {
  const place = location(original)
  const positions = [
    ...model.headings,
    ...model.bullets,
    ...model.statistics,
    ...model.citations,
    ...model.terms,
  ].map((item) => item.position)
  expect(positions.length).toBeGreaterThan(0)
  for (const { start, end } of positions) {
    for (const point of [start, end]) {
      expect(point.offset).toBeLessThanOrEqual(original.length)
      expect(place.toPoint(point.offset)).toMatchObject({ line: point.line, column: point.column })
    }
  }
  for (const term of model.terms) {
    const slice = original.slice(term.position.start.offset, term.position.end.offset)
    expect(slice.normalize('NFC').replace(/\s+/gu, ' ')).toBe(term.form.replace(/\s+/gu, ' '))
  }
}

describe('line endings and Unicode normalisation', () => {
  it('gives the same model for CRLF, lone CR and LF, with positions in the file', async () => {
    const lf = await modelOf(NOTE)
    expect(lf.terms.length).toBeGreaterThan(2)
    expect(lf.statistics.length).toBeGreaterThan(1)
    for (const ending of ['\r\n', '\r']) {
      const text = NOTE.replace(/\n/g, ending)
      const other = await modelOf(text)
      expect(essence(other)).toEqual(essence(lf))
      expectPositionsInFile(other, text)
    }
  })

  it('builds the fixtures line-endings-{lf,crlf,cr}.md to the same model but path and id, at the same line:column', async () => {
    const models = new Map<string, DocumentModel>()
    for (const ending of ['lf', 'crlf', 'cr']) {
      const name = `line-endings-${ending}.md`
      const bytes = fixture(name)
      const text = new TextDecoder().decode(bytes)
      expect(text.includes('\r')).toBe(ending !== 'lf')
      expect(text.includes('\n')).toBe(ending !== 'cr')
      const result = await build(bytes, name)
      if (!result.ok) throw new Error(result.error.message)
      expect(result.model.id).toBe(`line-endings-${ending}`)
      expectPositionsInFile(result.model, text)
      models.set(ending, result.model)
    }
    /** The model without what names the file, its hash, and offsets (a CRLF is two characters). */
    const comparable = (model: DocumentModel) =>
      JSON.parse(emitJson(model).replaceAll(model.id, '<id>'), (key, value: unknown) =>
        key === 'offset' || key === 'sha256' ? undefined : value,
      ) as unknown
    const lf = comparable(models.get('lf')!)
    expect(comparable(models.get('crlf')!)).toEqual(lf)
    expect(comparable(models.get('cr')!)).toEqual(lf)
    for (const model of models.values()) {
      const at = (p: { start: { line: number; column: number } }) =>
        `${p.start.line}:${p.start.column}`
      expect(model.headings.map((h) => [h.text, at(h.position)])).toEqual([
        ['Le système d’IA', '1:1'],
        ['1. Contexte', '3:1'],
      ])
      expect(model.bullets.map((b) => at(b.position))).toEqual(['7:1', '8:3'])
      expect(model.statistics.map((s) => [s.text, at(s.position)])).toEqual([
        ['Près de 30 %', '7:3'],
        ['1,2 milliard d’euros', '7:46'],
        ['2025', '7:78'],
      ])
      expect(model.citations.map((c) => [c.label, at(c.position)])).toEqual([
        ['l’Agence', '5:69'],
        ['Autorité européenne de sûreté des aliments', '5:108'],
        ['Dupont', '8:31'],
      ])
    }
  })

  it('matches terms, statistics and acronyms written with combining accents (NFD) like NFC', async () => {
    const nfd = NOTE.normalize('NFD')
    expect(nfd).not.toBe(NOTE)
    const composed = await modelOf(NOTE)
    const decomposed = await modelOf(nfd)
    const texts = (model: DocumentModel) => ({
      terms: model.terms.map((t) => [t.conceptId, t.form]),
      statistics: model.statistics.map((s) => [s.kind, s.text, s.value]),
      acronyms: model.acronyms.map((a) => [a.short, a.long]),
      headings: model.headings.map((h) => h.text),
    })
    expect(texts(decomposed)).toEqual(texts(composed))
    expect(decomposed.acronyms.map((a) => a.short)).toContain('AÉSA')
    expectPositionsInFile(decomposed, nfd)
  })

  it('keeps positions in the file for any mix of line endings and decomposed letters', async () => {
    const line = fc.constantFrom(
      '# Titre élevé',
      '- Près de 30 % des États',
      '  - déjà 2 millions d’euros',
      '> Une citation',
      'Le risque systémique, selon Dupont (2024).',
      '',
    )
    const ending = fc.constantFrom('\n', '\r\n', '\r')
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, ending, fc.boolean()), { minLength: 1, maxLength: 8 }),
        async (lines) => {
          const text = lines.map(([l, e, nfd]) => (nfd ? l.normalize('NFD') : l) + e).join('')
          if (text.trim() === '') return
          const lf = await modelOf(text.replace(/\r\n?/g, '\n').normalize('NFC'))
          const other = await modelOf(text)
          expect(other.headings.map((h) => h.text)).toEqual(lf.headings.map((h) => h.text))
          expect(other.bullets.map((b) => [b.id, b.text])).toEqual(
            lf.bullets.map((b) => [b.id, b.text]),
          )
          expect(other.statistics.map((s) => s.text)).toEqual(lf.statistics.map((s) => s.text))
          const place = location(text)
          for (const item of [...other.headings, ...other.bullets, ...other.statistics]) {
            const { start } = item.position
            expect(place.toPoint(start.offset)).toMatchObject({
              line: start.line,
              column: start.column,
            })
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
