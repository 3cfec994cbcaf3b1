/**
 * The brief's WordprocessingML parts against the official OOXML schemas
 * (ISO/IEC 29500 transitional + Microsoft's Word 2010 extensions, vendored in
 * tests/standards/ooxml), with xmllint. Markup-compatibility processing comes
 * first, as in a consumer that does not know the ignorable namespaces: the
 * `mc:Ignorable` attribute and the attributes of the ignorable namespaces that
 * the 2010 schema set does not define (w15, w16…) are removed.
 */
import { describe, expect, it } from 'vitest'
import { CASES, WORDML_PARTS, briefBytes, loadModel, part, validateWordml } from './helpers.ts'

describe.each(CASES)('brief of %s against the OOXML schema', (name) => {
  it('has schema-valid WordprocessingML parts', async () => {
    const bytes = await briefBytes(loadModel(name))
    const parts: Record<string, string> = {}
    for (const partName of WORDML_PARTS) {
      const xml = await part(bytes, partName).catch(() => null)
      if (xml !== null) parts[partName] = xml
    }
    expect(Object.keys(parts)).toContain('word/document.xml')
    expect(validateWordml(parts)).toBe('valid')
  })
})

describe('the schema check', () => {
  it('fails on an invalid part', () => {
    const bad =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:bogus/></w:p></w:body></w:document>'
    expect(validateWordml({ 'word/document.xml': bad })).toMatch(/bogus/)
  })
})
