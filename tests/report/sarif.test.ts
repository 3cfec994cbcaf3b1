import { describe, expect, it } from 'vitest'
import { sarif } from '../../src/report/sarif.ts'
import { input } from './fixtures.ts'
import { validateSarif } from './validate-sarif.ts'

describe('sarif reporter', () => {
  const log = JSON.parse(sarif(input, { color: false })) as {
    version: string
    runs: Array<{
      tool: { driver: { rules: Array<Record<string, unknown>> } }
      results: Array<Record<string, unknown>>
    }>
  }

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(validateSarif(log)).toEqual([])
  })

  it('rejects an invalid log (the validation can fail)', () => {
    expect(validateSarif({ ...log, version: '2.0.0' })).not.toEqual([])
  })

  it('has one run with the rules, their docs and configured levels', () => {
    expect(log.runs).toHaveLength(1)
    const rules = log.runs[0]!.tool.driver.rules
    expect(rules.map((r) => r.id)).toEqual([
      'citation-has-url',
      'document-has-title',
      'document-has-date',
    ])
    expect(rules[0]).toMatchObject({
      help: { markdown: '# citation-has-url\n' },
      defaultConfiguration: { level: 'error' },
    })
    expect(rules[0]).not.toHaveProperty('helpUri')
    expect(rules[1]).toMatchObject({ helpUri: 'https://example.org/docs/document-has-title' })
    expect(rules[2]).toMatchObject({ defaultConfiguration: { level: 'none', enabled: false } })
  })

  it('gives results physical locations relative to the repository root', () => {
    const results = log.runs[0]!.results
    expect(results).toHaveLength(4)
    expect(results[0]).toMatchObject({
      ruleId: 'citation-has-url',
      ruleIndex: 0,
      level: 'error',
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'input/ma%20note.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 7, startColumn: 60, endLine: 7, endColumn: 147 },
          },
        },
      ],
    })
    expect(results[2]).toMatchObject({ level: 'note' })
    expect(results[3]).toMatchObject({
      locations: [{ physicalLocation: { artifactLocation: { uri: 'input/b.txt' } } }],
    })
    expect(results[3]!.locations).not.toHaveProperty('0.physicalLocation.region')
  })
})
