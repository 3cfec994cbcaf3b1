import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'document-has-date'

describe('document-has-date', () => {
  it('reports a note without a date', async () => {
    const { messages } = await checkText('# Titre\n\nTexte.\n', { only })
    expect(messages).toHaveLength(1)
    expect(messages[0]!.message).toContain('without a date')
  })

  it('accepts a dateline or a front-matter date', async () => {
    expect(
      (await checkText('# T\n\nParis, le 5 février 2026.\n\nTexte.\n', { only })).messages,
    ).toHaveLength(0)
    expect(
      (await checkText('---\ndate: 2026-02-05\n---\n\n# T\n', { only })).messages,
    ).toHaveLength(0)
  })
})
