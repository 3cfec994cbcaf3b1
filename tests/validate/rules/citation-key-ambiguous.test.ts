import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'citation-key-ambiguous'

describe('citation-key-ambiguous', () => {
  it('reports one key pointing to two URLs, with the first citation as cause', async () => {
    const text =
      'A ([Anthropic, 2025](https://a.example)) B ([Anthropic, 2025](https://b.example)) C ([Anthropic, 2025](https://a.example)).\n'
    const { messages } = await checkText(text, { only })
    expect(messages).toHaveLength(1)
    expect(messages[0]!.message).toContain('https://b.example')
    expect(messages[0]!.message).toContain('first cited at 1:4')
  })

  it('accepts year suffixes that tell the sources apart', async () => {
    const text =
      'A ([Anthropic, 2025a](https://a.example)) B ([Anthropic, 2025b](https://b.example)).\n'
    expect((await checkText(text, { only })).messages).toHaveLength(0)
  })

  it('reports a citation that matches two registry entries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-ambiguous-'))
    const file = path.join(dir, 'sources.yaml')
    writeFileSync(
      file,
      '- { key: a1, authors: Anthropic, year: 2025, url: "https://a.example" }\n- { key: a2, authors: Anthropic, year: 2025, url: "https://b.example" }\n',
    )
    const { messages } = await checkText('A ([Anthropic, 2025](#)).\n', {
      only,
      config: { sources: file },
    })
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('a1, a2')])
  })
})
