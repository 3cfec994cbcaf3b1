import { describe, expect, it } from 'vitest'
import { github } from '../../src/report/github.ts'
import { input } from './fixtures.ts'

/** The workflow-command syntax: `::command key=value,key=value::message`, escaped. */
const COMMAND =
  /^::(error|warning|notice) file=[^,:%\n]*(?:%[0-9A-F]{2}[^,:%\n]*)*(?:,(?:line|endLine|col|endColumn)=\d+)*,title=[^,:\n]*::[^\r\n]*$/

describe('github reporter', () => {
  const lines = github(input, { color: false }).trimEnd().split('\n')

  it('writes one workflow command per message, in the documented syntax', () => {
    expect(lines).toHaveLength(4)
    for (const line of lines) expect(line).toMatch(COMMAND)
  })

  it('maps severities and positions, and escapes data and properties', () => {
    expect(lines[0]).toBe(
      '::error file=input/ma note.md,line=7,endLine=7,col=60,endColumn=147,title=fiche citation-has-url::Unexpected placeholder target “#”, 100 %25: a, b%0Anext',
    )
    expect(lines[2]).toMatch(/^::notice /)
    expect(lines[3]).toBe(
      '::warning file=input/b.txt,line=1,col=1,title=fiche document-has-title::Unexpected note without a title',
    )
  })

  it('writes nothing when there is nothing to report', () => {
    expect(github({ ...input, files: [] }, { color: false })).toBe('')
  })
})
