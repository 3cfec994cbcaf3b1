import { describe, expect, it } from 'vitest'
import { classifyHref, findAttributions, parseAuthorYear } from '../../src/text/citations.ts'

describe('author-year labels', () => {
  it.each([
    ['Karnofsky, 2025', ['Karnofsky'], 2025, true],
    ['Kučinskas et al., 2025', ['Kučinskas'], 2025, true],
    ['The New York Times, 2025', ['The New York Times'], 2025, true],
    ['Smith & Jones, 2024b', ['Smith', 'Jones'], 2024, true],
    ['Karnofsky 2025', ['Karnofsky'], 2025, false],
    ['Karnofsky (2025)', ['Karnofsky'], 2025, true],
    ['Bengio et al. (2024b)', ['Bengio'], 2024, true],
    ['(2025)', [], 2025, false],
    ['Karnofsky, 25', ['Karnofsky'], null, false],
  ])('%s', (label, authors, year, wellFormed) => {
    expect(parseAuthorYear(label)).toMatchObject({ authors, year, wellFormed })
  })

  it('reads the et al. and suffix parts', () => {
    expect(parseAuthorYear('Götting et al., 2025a')).toMatchObject({ etAl: true, yearSuffix: 'a' })
  })

  it.each([
    'Global Call for AI Red Lines',
    'nécessaire et réaliste',
    'a annoncé',
    'GPT-4o',
    'rapport 2025 du GIEC',
  ])('is not author-year: %s', (label) => expect(parseAuthorYear(label)).toBeNull())
})

describe('link targets', () => {
  it.each([
    ['#', 'placeholder'],
    ['', 'placeholder'],
    ['TODO', 'placeholder'],
    ['https://example.org/TODO', 'placeholder'],
    ['https://example.org/a', 'ok'],
    ['mailto:a@b.fr', 'ok'],
    ['#section-2', 'anchor'],
    ['notes/autre.md', 'relative'],
    ['javascript:alert(1)', 'unsafe-scheme'],
    ['JaVaScRiPt:alert(1)', 'unsafe-scheme'],
    ['data:text/html,x', 'unsafe-scheme'],
    ['vbscript:x', 'unsafe-scheme'],
    ['file:///etc/passwd', 'unsafe-scheme'],
  ])('%s → %s', (href, status) => expect(classifyHref(href)).toBe(status))
})

describe('attributions', () => {
  const labels = (text: string) => findAttributions(text).map((a) => a.label)

  it('takes no figure for a source: a name has letters', () => {
    expect(labels("Le cabinet rapporte 3 millions d'euros.")).toEqual([])
    expect(labels('Selon 20 Minutes, rien.')).toEqual(['20 Minutes'])
  })

  it('finds sources introduced by selon, d’après, publiés par', () => {
    expect(labels('Selon Le Figaro, la démarche intervient.')).toEqual(['Le Figaro'])
    expect(labels('Selon les extraits publiés par Le Figaro avec AFP, la lettre')).toEqual([
      'Le Figaro',
      'AFP',
    ])
    expect(labels("D'après l'Agence France-Presse, rien")).toEqual(['Agence France-Presse'])
    expect(labels('selon The New York Times et Reuters.')).toEqual([
      'The New York Times',
      'Reuters',
    ])
  })

  it('takes a whole institution name up to its acronym', () => {
    const text = "selon l'Institut national de la statistique et des études économiques (Insee). La"
    expect(labels(text)).toEqual(['Institut national de la statistique et des études économiques'])
    expect(labels('selon Reuters le texte prévoit (UE) un mécanisme')).toEqual(['Reuters'])
  })

  it('finds the body behind a document: "selon une étude de l’OCDE"', () => {
    expect(labels("Selon une étude de l'OCDE, le chômage baisse.")).toEqual(['OCDE'])
    expect(labels('d’après le dernier rapport du Sénat, la dette augmente')).toEqual(['Sénat'])
    expect(labels('selon les chiffres de l’Insee publiés hier')).toEqual(['Insee'])
    expect(labels('selon une étude récente, tout va bien')).toEqual([])
  })

  it('gives exact offsets', () => {
    const text = 'Il a dit, selon Le Monde, que'
    const [found] = findAttributions(text)
    expect(text.slice(found!.start, found!.end)).toBe('Le Monde')
  })

  it('ignores unnamed sources', () => {
    expect(labels('Selon les experts, le risque augmente.')).toEqual([])
    expect(labels('selon une trajectoire exponentielle')).toEqual([])
  })
})
