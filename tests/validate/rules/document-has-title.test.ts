import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'document-has-title'

describe('document-has-title', () => {
  it('reports a note without a title, for the whole document', async () => {
    const { messages } = await checkText('Un paragraphe sans titre.\n\n## Section\n\nTexte.\n', {
      only,
    })
    expect(messages).toHaveLength(1)
    expect(messages[0]!.position).toBeNull()
    expect(messages[0]!.severity).toBe('warning')
  })

  it('accepts a level-1 heading or a front-matter title', async () => {
    expect((await checkText('# Titre\n\nTexte.\n', { only })).messages).toHaveLength(0)
    expect((await checkText('---\ntitle: Titre\n---\n\nTexte.\n', { only })).messages).toHaveLength(
      0,
    )
  })
})
