import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'heading-number-sequence'

describe('heading-number-sequence', () => {
  it('reports gaps, duplicates and disorder', async () => {
    const text = '## 1. A\n\n### 1.1 x\n\n### 1.3 y\n\n### 1.3 z\n\n## 3. B\n\n## 2. C\n'
    const { messages } = await checkText(text, { only })
    expect(lines(messages)).toEqual([5, 7, 9, 11])
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('expected “1.2”'),
      expect.stringContaining('repeated number “1.3”'),
      expect.stringContaining('expected “2”'),
      expect.stringContaining('out of order'),
    ])
  })

  it('reports a numbering from 0 unless allowZero', async () => {
    const text = '## 1. A\n\n### 1.0 x\n\n### 1.1 y\n'
    expect(lines((await checkText(text, { only })).messages)).toEqual([3])
    const config = { rules: { 'heading-number-sequence': ['error', { allowZero: true }] } }
    expect((await checkText(text, { only, config })).messages).toHaveLength(0)
  })

  it('restarts roman and letter numbering under each parent', async () => {
    const text = '## I. A\n\n### A. x\n\n### B. y\n\n## II. B\n\n### A. z\n\n### C. w\n'
    const { messages } = await checkText(text, { only })
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('expected “B”')])
  })
})
