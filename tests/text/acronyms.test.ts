import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findAcronymDefinitions, isAcronym } from '../../src/text/acronyms.ts'

const pairs = (text: string) => findAcronymDefinitions(text).map((d) => [d.short, d.long])

describe('acronym definitions', () => {
  it.each([
    ["le Centre pour la sécurité de l'IA (CeSIA)", 'CeSIA', "Centre pour la sécurité de l'IA"],
    ["du Règlement européen sur l'IA, RIA).", 'RIA', "Règlement européen sur l'IA"],
    ["L'Organisation mondiale de la santé (OMS) a dit", 'OMS', 'Organisation mondiale de la santé'],
    [
      'Le Centre national de cybersécurité du Royaume-Uni (NCSC) estime',
      'NCSC',
      'Centre national de cybersécurité du Royaume-Uni',
    ],
    [
      "ceux de l'Institut britannique pour la sûreté de l'IA (UK AISI).",
      'UK AISI',
      "Institut britannique pour la sûreté de l'IA",
    ],
    [
      "de l'intelligence artificielle générale (AGI), une",
      'AGI',
      'intelligence artificielle générale',
    ],
    [
      'le traité de non-prolifération nucléaire (TNP), entré',
      'TNP',
      'traité de non-prolifération nucléaire',
    ],
    ['le FMI (Fonds monétaire international) prévoit', 'FMI', 'Fonds monétaire international'],
    ['la Banque centrale européenne, BCE, a relevé', 'BCE', 'Banque centrale européenne'],
    [
      'l’Agence nationale de la sécurité des systèmes d’information (ANSSI)',
      'ANSSI',
      'Agence nationale de la sécurité des systèmes d’information',
    ],
  ])('%s', (text, short, long) => {
    expect(pairs(text)).toEqual([[short, long]])
  })

  it('ignores parentheses that are not acronym definitions', () => {
    expect(pairs('des outils tels que Grok (X.AI) et Sora (OpenAI), publiés')).toEqual([])
    expect(pairs('employés de DeepMind (filiale IA de Google) et OpenAI')).toEqual([])
    expect(pairs('la France, l’Allemagne, UE et Italie')).toEqual([])
    expect(pairs('voir le chapitre (II) et la note (p. 4)')).toEqual([])
    expect(pairs('à Lyon (Rhône) et au musée du Louvre (Paris)')).toEqual([])
  })

  it('recognises acronym shapes', () => {
    expect(isAcronym('CeSIA')).toBe(true)
    expect(isAcronym('UK AISI')).toBe(true)
    expect(isAcronym('R&D')).toBe(true)
    expect(isAcronym('DeepMind')).toBe(false)
    expect(isAcronym('IV')).toBe(false)
    expect(isAcronym('Paris')).toBe(false)
  })

  it('finds a generated definition wherever it stands, with offsets that slice it out', () => {
    // A consonant then vowels: the acronym's letters can only come from the words' initials,
    // and never spell a Roman numeral (LC, CD), which is not taken for an acronym.
    const word = fc.stringMatching(/^[bfghjnprst][aeiouéè]{2,8}$/)
    const filler = fc.stringMatching(/^[a-zé ,.;:]{0,40}$/)
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 2, maxLength: 5 }),
        filler,
        filler,
        (words, before, after) => {
          const long = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ')
          const short = words.map((w) => w[0]!.toUpperCase()).join('')
          const text = `${before} selon le ${long} (${short}) ${after}`
          const found = findAcronymDefinitions(text).filter((d) => d.short === short)
          expect(found).toHaveLength(1)
          const [d] = found
          expect(text.slice(d!.start, d!.end)).toContain(short)
          expect(text.slice(d!.longStart, d!.longEnd)).toBe(long)
          expect(d!.long).toBe(long)
        },
      ),
    )
  })

  it('never reports a definition outside the text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const d of findAcronymDefinitions(text)) {
          expect(d.start).toBeGreaterThanOrEqual(0)
          expect(d.end).toBeLessThanOrEqual(text.length)
          expect(d.longStart).toBeLessThan(d.longEnd)
        }
      }),
    )
  })
})
