import { describe, expect, it } from 'vitest'
import { sentenceAt, sentenceSpans } from '../../src/text/sentences.ts'

describe('sentences', () => {
  it('splits on final punctuation followed by a capital', () => {
    const text = 'Première phrase. Deuxième phrase ! Troisième ?'
    expect(sentenceSpans(text).map(([s, e]) => text.slice(s, e))).toEqual([
      'Première phrase.',
      'Deuxième phrase !',
      'Troisième ?',
    ])
  })

  it('does not split after abbreviations or initials', () => {
    const text = 'Selon M. Dupont et J. Martin (Kučinskas et al., 2025), oui. Fin.'
    expect(sentenceAt(text, 3)).toBe('Selon M. Dupont et J. Martin (Kučinskas et al., 2025), oui.')
  })

  it('keeps a citation after the period with its sentence', () => {
    const text = 'Le taux est passé à 60 %. (UK AISI, 2025). Autre phrase.'
    expect(sentenceAt(text, 5)).toBe('Le taux est passé à 60 %. (UK AISI, 2025).')
  })
})
