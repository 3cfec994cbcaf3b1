import { describe, expect, it } from 'vitest'
import { useColor } from '../../src/cli/check.ts'
import { json } from '../../src/report/json.ts'
import { pretty } from '../../src/report/pretty.ts'
import { input } from './fixtures.ts'

describe('pretty reporter', () => {
  it('groups by file, one line per message (new lines folded), then the summary; whole-file messages at 1:1; no colours unless asked', () => {
    const text = pretty(input, { color: false })
    expect(text).not.toContain('\u001b[')
    expect(text.split('\n')).toEqual([
      'input/b.txt',
      '1:1         warning Unexpected note without a title                     document-has-title',
      '',
      'input/ma note.md',
      '7:60-7:147  error   Unexpected placeholder target “#”, 100 %: a, b next citation-has-url',
      '25:1-25:10  info    Unexpected claim                                    claim-has-source',
      '55:29-55:33 warning Unexpected unsourced figure “10 %”                  statistic-has-source',
      '',
      '4 messages (✖ 1 error, ⚠ 2 warnings)',
      '3 files checked',
      '',
    ])
  })

  it('colours when asked', () => {
    expect(pretty(input, { color: true })).toContain('\u001b[31merror\u001b[39m')
  })

  it('uses colours only on a terminal without NO_COLOR', () => {
    const tty = { isTTY: true } as NodeJS.WriteStream
    const pipe = { isTTY: false } as NodeJS.WriteStream
    expect(useColor(tty, {})).toBe(true)
    expect(useColor(tty, { NO_COLOR: '1' })).toBe(false)
    expect(useColor(pipe, {})).toBe(false)
    expect(useColor(pipe, { FORCE_COLOR: '1' })).toBe(true)
  })
})

describe('json reporter', () => {
  it('writes the documented structure', () => {
    const report = JSON.parse(json(input, { color: false })) as Record<string, unknown>
    expect(report).toMatchObject({
      version: 1,
      tool: { name: 'fiche', version: '0.1.0' },
      summary: { files: 3, errors: 1, warnings: 2, infos: 1 },
    })
    const files = report.files as Array<{ path: string; messages: Array<Record<string, unknown>> }>
    expect(files[0]!.messages[1]).toEqual({
      ruleId: 'statistic-has-source',
      severity: 'warning',
      message: 'Unexpected unsourced figure “10 %”',
      line: 55,
      column: 29,
      endLine: 55,
      endColumn: 33,
      url: 'docs/rules/statistic-has-source.md',
      fatal: false,
      source: 'fiche',
    })
    expect(files[1]!.messages[0]).toMatchObject({ line: 1, column: 1 })
  })
})
