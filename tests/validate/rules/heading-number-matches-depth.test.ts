import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'heading-number-matches-depth'

describe('heading-number-matches-depth', () => {
  it('reports numbers whose level disagrees with their siblings', async () => {
    const text = '# T\n\n## 1. A\n\n### 1.1 B\n\n## 1.2 C\n\n## 2. D\n\n### 2.1 E\n'
    const { messages } = await checkText(text, { only })
    expect(lines(messages)).toEqual([7])
    expect(messages[0]!.message).toMatch(
      /level 2 \(##\) for heading “1\.2”, expected level 3 \(###\)/,
    )
    expect(messages[0]!.message).toContain('like “1.1” at 5:1')
  })

  it('accepts consistent numbering, roman and letter schemes included', async () => {
    const text = '# T\n\n## I. A\n\n### A. x\n\n### B. y\n\n## II. B\n\n### A. z\n'
    expect((await checkText(text, { only })).messages).toHaveLength(0)
    const arabic = '## 1. A\n\n### 1.1 B\n\n#### 1.1.1 C\n\n## 2. D\n'
    expect((await checkText(arabic, { only })).messages).toHaveLength(0)
  })
})
