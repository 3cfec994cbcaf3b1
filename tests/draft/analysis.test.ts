import { unified } from 'unified'
import remarkParse from 'remark-parse'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { analyse } from '../../src/draft/analysis.ts'
import { createDraft, proseBlocks } from '../../src/draft/index.ts'

const text =
  'Premier point. Le taux atteint 60 % selon [Dupont, 2024](https://d.fr) et [le site](https://a.fr).\n'

describe('block analysis', () => {
  const file = new VFile({ path: 'note.md', value: text })
  const tree = unified().use(remarkParse).parse(file)
  const draft = createDraft(file, 'markdown')
  const [block] = proseBlocks(tree)

  it('is computed once per block and shared', () => {
    const first = analyse(draft, block!)
    expect(analyse(draft, proseBlocks(tree)[0]!)).toBe(first)
    expect(first.sentences).toBe(first.sentences)
    expect(first.tokens).toBe(first.tokens)
  })

  it('gives sentences with their index, and the author-year links only', () => {
    const analysis = analyse(draft, block!)
    const flat = analysis.flat.text
    expect(analysis.sentences).toHaveLength(2)
    const quote = analysis.sentenceAt(flat.indexOf('60'), flat.indexOf('%') + 1)
    expect(quote).toEqual({
      block: 0,
      index: 1,
      text: 'Le taux atteint 60 % selon Dupont, 2024 et le site.',
    })
    expect(analysis.sentenceAt(0).index).toBe(0)
    expect(analysis.authorYearSpans.map(([s, e]) => flat.slice(s, e))).toEqual(['Dupont, 2024'])
    expect(analysis.links.map((l) => l.authorYear?.year ?? null)).toEqual([2024, null])
  })
})
