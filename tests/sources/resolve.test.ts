import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { citedSources } from '../../src/emit/csl.ts'
import type { Inline, Block } from '../../src/model/schema.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { validateModel } from '../../src/validate/run.ts'
import { root } from '../helpers.ts'

const sample = path.join(root, 'input/cesia-note-2026-02-05.md')
const sources = 'tests/fixtures/check/cesia-sources.json'

const links = (blocks: Block[]): Inline[] =>
  blocks.flatMap((block): Inline[] => {
    const inline = (items: Inline[]): Inline[] =>
      items.flatMap((i) =>
        'children' in i ? [...(i.type === 'link' ? [i] : []), ...inline(i.children)] : [],
      )
    if (block.type === 'paragraph') return inline(block.children)
    if (block.type === 'list') return block.items.flatMap((item) => links(item.children))
    if (block.type === 'blockquote') return links(block.children)
    return []
  })

describe('citations resolved from the registry (Markdown sample)', async () => {
  const config = resolveConfig({ sources }, root)
  const result = await buildNote({ path: sample, bytes: readFileSync(sample) }, config)
  if (!result.ok) throw new Error(result.error.message)
  const { model } = result

  it('resolves every author-year citation, with URL and title in the model', () => {
    const authorYear = model.citations.filter((c) => c.kind === 'author-year')
    expect(authorYear).toHaveLength(18)
    for (const c of authorYear) expect(c.resolved?.url).toMatch(/^https:\/\/example\.org\//)
    expect(authorYear.every((c) => c.href === '#')).toBe(true)
  })

  it('completes the placeholder links of the outputs without editing the note', () => {
    const hrefs = links(model.blocks).map((l) => (l.type === 'link' ? l.href : ''))
    expect(hrefs.filter((h) => h.startsWith('https://example.org/'))).toHaveLength(18)
    expect(hrefs.filter((h) => h === '#')).toHaveLength(5)
  })

  it('leaves no citation-has-url or citation-source-resolved error on author-year citations', () => {
    const messages = validateModel(model, result, config)
    const starts = new Set(
      model.citations.filter((c) => c.kind === 'author-year').map((c) => c.position.start.offset),
    )
    const onAuthorYear = messages.filter(
      (m) => m.ruleId.startsWith('citation-') && starts.has(m.position?.start.offset ?? -1),
    )
    expect(onAuthorYear).toEqual([])
    expect(messages.filter((m) => m.ruleId === 'citation-has-url')).toHaveLength(5)
  })

  it('lists each cited source once in CSL-JSON', () => {
    const items = citedSources(model, config.sources)
    const ids = items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    const registryKeys = config.sources.entries.map((e) => e.key)
    expect(ids.filter((id) => registryKeys.includes(id)).sort()).toEqual([...registryKeys].sort())
    // The plain links the registry lacks ("s'oppose", "a annoncé", placeholders) are no sources.
    expect(items).toHaveLength(14)
    for (const item of items) expect(item).toHaveProperty('type')
  })
})
