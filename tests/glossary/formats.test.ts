/** Termbase files: YAML errors, TBX-Basic export and re-import, CSV for spreadsheets. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { exportTermbaseCsv, importTermbaseCsv } from '../../src/glossary/csv.ts'
import { loadTermbase, parseTermbase, serializeTermbase } from '../../src/glossary/load.ts'
import { exportTbx, importTbx } from '../../src/glossary/tbx.ts'
import { conceptsById } from '../../src/glossary/termbase.ts'
import { parseTermbaseYaml, TermbaseError } from '../../src/glossary/yaml.ts'
import { root } from '../helpers.ts'

const seed = loadTermbase([path.join(root, 'input/termbase.yaml')])
const rng = path.join(root, 'tests/standards/tbx/TBXcoreStructV03.rng')

describe('the seed termbase', () => {
  it('has at least 40 concepts with unique ids and an origin for each English term', () => {
    expect(seed.concepts.length).toBeGreaterThanOrEqual(40)
    expect(new Set(seed.concepts.map((c) => c.id)).size).toBe(seed.concepts.length)
    for (const concept of seed.concepts) expect(concept.origin.reference.length).toBeGreaterThan(8)
  })

  it.each([
    ['ai-act', 'AI Act', ['RIA']],
    ['red-line', 'red line', []],
    ['systemic-risk', 'systemic risk', []],
    ['ai-office', 'AI Office', []],
    ['code-of-practice', 'code of practice', []],
    ['general-purpose-ai-model', 'general-purpose AI model', []],
    ['loss-of-control', 'loss of control', []],
    ['large-scale-manipulation', 'large-scale manipulation', []],
    ['cbrn', 'chemical, biological, radiological and nuclear', ['CBRN']],
    ['cyberattack', 'cyberattack', []],
    ['safeguard', 'safeguard', []],
    ['trustworthy-ai', 'trustworthy AI', []],
    ['non-proliferation-treaty', 'Treaty on the Non-Proliferation of Nuclear Weapons', ['TNP']],
    ['uk-ai-security-institute', 'AI Security Institute', ['UK AISI', 'AISI']],
    ['un-security-council', 'United Nations Security Council', ['CSNU']],
  ])('%s ↔ %s', (id, english, frenchAcronyms) => {
    const concept = seed.concepts.find((c) => c.id === id)
    expect(concept?.en.term).toBe(english)
    expect(concept?.fr.acronyms).toEqual(frenchAcronyms)
  })
})

describe('YAML', () => {
  it('reports the file, line and column of an invalid value', () => {
    const text =
      'version: 1\nconcepts:\n  - id: x\n    fr: { term: a }\n    en: { term: b }\n    origin: { kind: nope, reference: r }\n'
    expect(() => parseTermbaseYaml(text, 'tb.yaml')).toThrow(TermbaseError)
    expect(() => parseTermbaseYaml(text, 'tb.yaml')).toThrow(
      /^tb\.yaml:6:21: concepts\.0\.origin\.kind: /,
    )
  })

  it('writes YAML that reads back to the same termbase', () => {
    expect(parseTermbase(serializeTermbase(seed, 'x.yaml'), 'x.yaml')).toEqual(seed)
  })
})

describe('TBX', () => {
  const tbx = exportTbx(seed)

  it('is valid against the TBX core structure (RELAX NG)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-tbx-'))
    const file = path.join(dir, 'termbase.tbx')
    writeFileSync(file, tbx)
    expect(() =>
      execFileSync('xmllint', ['--noout', '--relaxng', rng, file], { stdio: 'pipe' }),
    ).not.toThrow()
  })

  it('has the TBX-Basic structure: conceptEntry / langSec / termSec with term types', () => {
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (_name: string, _path: unknown, _leaf: boolean, attribute: boolean) => !attribute,
    }).parse(tbx)
    const root = parsed.tbx[0]
    expect(root['@type']).toEqual('TBX-Basic')
    expect(root['@style']).toEqual('dca')
    const entries = root.text[0].body[0].conceptEntry
    expect(entries).toHaveLength(seed.concepts.length)
    const aiAct = entries.find((e: Record<string, unknown>) => e['@id'] === 'ai-act')
    const [fr] = aiAct.langSec
    expect(fr['@xml:lang']).toBe('fr')
    const types = fr.termSec.map(
      (t: { termNote: Array<{ '#text': string; '@type': string }> }) =>
        t.termNote.find((n) => n['@type'] === 'termType')?.['#text'],
    )
    expect(types).toContain('fullForm')
    expect(types).toContain('acronym')
    for (const type of types)
      expect(['fullForm', 'acronym', 'abbreviation', 'variant']).toContain(type)
  })

  it('re-imports to the same termbase', () => {
    expect(importTbx(tbx, 'termbase.tbx')).toEqual(seed)
  })
})

describe('CSV', () => {
  const csv = exportTermbaseCsv(seed)

  it('is UTF-8 with a BOM, CRLF line ends and RFC 4180 quoting', () => {
    expect(csv.startsWith('\ufeffid,status,')).toBe(true)
    expect(csv).toContain('\r\n')
    expect(csv).not.toMatch(/[^\r]\n/)
    expect(csv).toContain('"chemical, biological, radiological and nuclear"')
    expect(csv).toContain("Bureau de l'IA")
  })

  it('keeps accents intact through a file and reads back to the same termbase', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fiche-csv-')), 'termbase.csv')
    writeFileSync(file, csv)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.toString('utf8')).toContain('règlement sur l’intelligence'.replace('’', "'"))
    expect(importTermbaseCsv(bytes.toString('utf8'), file)).toEqual(seed)
  })
})

describe('conceptsById', () => {
  it('is built once per termbase, and again when its concepts are replaced or grow', () => {
    const termbase = { version: seed.version, concepts: seed.concepts.slice(0, 3) }
    const first = conceptsById(termbase)
    expect([...first.keys()]).toEqual(termbase.concepts.map((c) => c.id))
    expect(conceptsById(termbase)).toBe(first)
    termbase.concepts.push(seed.concepts[3]!)
    expect(conceptsById(termbase).get(seed.concepts[3]!.id)).toBe(seed.concepts[3])
    termbase.concepts = [seed.concepts[5]!]
    expect([...conceptsById(termbase).keys()]).toEqual([seed.concepts[5]!.id])
  })
})
