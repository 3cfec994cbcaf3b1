import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'link-safe-scheme'

describe('link-safe-scheme', () => {
  it('reports javascript:, data:, vbscript: and file: targets, including images', async () => {
    const text =
      'A [x](javascript:alert(1)) B [y](data:text/html,hi) C [z](VBScript:run) D [w](file:///etc/passwd)\n\n![img](javascript:evil)\n'
    const { messages } = await checkText(text, { only })
    expect(messages).toHaveLength(5)
    expect(messages.every((m) => m.severity === 'error')).toBe(true)
  })

  it('accepts http(s) and mailto targets', async () => {
    const text = 'A [x](https://example.org) B [y](mailto:a@example.org)\n'
    expect((await checkText(text, { only })).messages).toHaveLength(0)
  })
})
