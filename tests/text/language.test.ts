import { describe, expect, it } from 'vitest'
import { ENGLISH_WORDS, FRENCH_WORDS, languageCounts } from '../../src/text/language.ts'

describe('French and English function words', () => {
  it('share no word, so that a word counts for one language at most', () => {
    expect([...FRENCH_WORDS].filter((word) => ENGLISH_WORDS.has(word))).toEqual([])
  })

  it('count the function words of each language', () => {
    const words = 'le rapport of the commission et la réponse on'.split(' ')
    expect(languageCounts(words)).toEqual({ french: 3, english: 2 })
  })
})
