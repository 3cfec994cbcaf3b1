/**
 * The brief's WordprocessingML parts against the official OOXML schemas
 * (ISO/IEC 29500 transitional + Microsoft's Word 2010 extensions, vendored in
 * tests/standards/ooxml), with xmllint. Markup-compatibility processing comes
 * first, as in a consumer that does not know the ignorable namespaces: the
 * `mc:Ignorable` attribute and the attributes of the ignorable namespaces that
 * the 2010 schema set does not define (w15, w16…) are removed.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CASES, briefBytes, loadModel, part } from './helpers.ts'

const SCHEMA = path.resolve(import.meta.dirname, '../../standards/ooxml/microsoft/wml-2010.xsd')
const PARTS = [
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'word/comments.xml',
  'word/header1.xml',
  'word/footer1.xml',
]
/** Prefixes the 2010 schema set understands; other ignorable ones are dropped. */
const UNDERSTOOD = new Set(['w', 'w14', 'r', 'wp', 'wp14', 'a', 'pic', 'mc', 'xml', 'v', 'o', 'm'])

/** Markup-compatibility preprocessing of one part, limited to attributes. */
function dropIgnorable(xml: string): string {
  const ignorable = /mc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/) ?? []
  const dropped = ignorable.filter((prefix) => !UNDERSTOOD.has(prefix))
  let result = xml.replace(/\s+mc:Ignorable="[^"]*"/g, '')
  for (const prefix of dropped)
    result = result.replace(new RegExp(`\\s+${prefix}:[\\w-]+="[^"]*"`, 'g'), '')
  return result
}

/** Validates parts (name → XML) in one xmllint run; returns "valid" or xmllint's complaints. */
function validate(parts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-xsd-'))
  const files = Object.entries(parts).map(([name, xml]) => {
    const file = path.join(dir, name.replace('/', '__'))
    writeFileSync(file, dropIgnorable(xml))
    return file
  })
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], {
      stdio: 'pipe',
      timeout: 60_000,
    })
    return 'valid'
  } catch (error) {
    return String((error as { stderr: Buffer }).stderr)
  }
}

describe.each(CASES)('brief of %s against the OOXML schema', (name) => {
  it('has schema-valid WordprocessingML parts', async () => {
    const bytes = await briefBytes(loadModel(name))
    const parts: Record<string, string> = {}
    for (const partName of PARTS) {
      const xml = await part(bytes, partName).catch(() => null)
      if (xml !== null) parts[partName] = xml
    }
    expect(Object.keys(parts)).toContain('word/document.xml')
    expect(validate(parts)).toBe('valid')
  })
})

describe('the schema check', () => {
  it('fails on an invalid part', () => {
    const bad =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:bogus/></w:p></w:body></w:document>'
    expect(validate({ 'word/document.xml': bad })).toMatch(/bogus/)
  })
})
