import { describe, expect, it } from 'vitest'
import ficheWordCount from '../../plugins/example-word-count.ts'
import { modelOf } from '../helpers.ts'

describe('example user plugin', () => {
  it('adds word counts per section to the model extensions', async () => {
    const model = await modelOf('Deux mots.\n\n## 1. Partie\n\nTrois mots ici.\n', 'n.md', [
      [ficheWordCount, { minLength: 1 }],
    ])
    const sectionId = model.headings[0]!.sectionId
    expect(model.extensions['word-count']).toEqual({ '(preamble)': 2, [sectionId]: 5 })
  })

  it('is absent when not configured', async () => {
    const model = await modelOf('Deux mots.\n')
    expect(model.extensions).not.toHaveProperty('word-count')
  })
})
