/** The text helpers of the Word brief: forbidden characters, English detection, shortening. */
import { describe, expect, it } from 'vitest'
import {
  frenchDate,
  isEnglish,
  shorten,
  shortenAround,
  stripForbidden,
} from '../../../src/emit/docx/text.ts'

describe('stripForbidden', () => {
  it('removes the characters XML 1.0 forbids and names them', () => {
    expect(stripForbidden('a\u0001b\u0007c\td\n')).toEqual({
      text: 'abc\td\n',
      removed: ['U+0001', 'U+0007'],
    })
    expect(stripForbidden('\uD800x').text).toBe('x')
    expect(stripForbidden('😀').text).toBe('😀')
  })
})

describe('isEnglish', () => {
  it('marks English titles and quotations', () => {
    expect(isEnglish('Global Call for AI Red Lines')).toBe(true)
    expect(isEnglish('The New York Times, 2025')).toBe(true)
    expect(isEnglish('“AI is moving faster than our annual report can capture”')).toBe(true)
  })
  it('leaves French and single words alone', () => {
    expect(isEnglish('nécessaire et réaliste')).toBe(false)
    expect(isEnglish('Le Figaro')).toBe(false)
    expect(isEnglish('Time')).toBe(false)
    expect(
      isEnglish('« travailler à établir un consensus international sur la sécurité de l’IA »'),
    ).toBe(false)
  })
})

describe('shortening', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(shorten('Armes chimiques, biologiques, radiologiques et nucléaires', 30)).toBe(
      'Armes chimiques, biologiques…',
    )
  })
  it('keeps the figure inside the shortened sentence', () => {
    const sentence = `${'mot '.repeat(60)}passé de 5 % à plus de 60 % en deux ans ${'fin '.repeat(60)}`
    const short = shortenAround(sentence, '60 %', 80)
    expect(short).toContain('60 %')
    expect(short.length).toBeLessThanOrEqual(82)
  })
  it('writes French dates', () => {
    expect(frenchDate(new Date('2026-02-05T00:00:00Z'))).toBe('5 février 2026')
    expect(frenchDate(new Date('2026-03-01T00:00:00Z'))).toBe('1er mars 2026')
  })
})
