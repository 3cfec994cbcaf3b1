/**
 * Tokens for term matching: words with a normalized key, so that a term
 * matches whatever its form in the text. French keys fold case (except in
 * acronyms), accents and number (risques → risque, généraux → général,
 * réseaux → réseau); elided articles become full words (l' → le, d' → de);
 * ’ and ', hyphens, no-break spaces and line breaks join the words of a term.
 * English keys (for alignment) fold case and the plural -s.
 */
import { mostlyCapitals } from '../text/acronyms.ts'
import { foldAccents } from '../text/normalize.ts'

/** Languages the normalizer knows. */
export type TermLanguage = 'fr' | 'en'

/** One word of a text. */
export interface Token {
  /** The word as written. */
  text: string
  /** The normalized key. */
  key: string
  /** A second key for an all-capitals word that may be a full form in a heading ("LIGNES"). */
  alt: string | null
  start: number
  end: number
  /** True when only spaces, hyphens or an apostrophe separate it from the previous token. */
  joined: boolean
  /** The word is an acronym, matched case-sensitively. */
  acronym: boolean
  /** An elided article or pronoun ("l'", "d'", "qu'"). */
  elided: boolean
}

/** A word (letters and digits, "R&D"), or a comma: a comma inside a term must be in the text too. */
const WORD = /[\p{L}\p{N}]+(?:&[\p{L}\p{N}]+)*|,/gu
const APOSTROPHE = /^['’ʼ]$/u
const JOINER = /^[\s\u00a0\u202f'’ʼ\u002d\u2010\u2011]*$/u

/** French elided words and the full word they stand for. */
const ELISIONS: Record<string, string> = {
  l: 'le',
  d: 'de',
  j: 'je',
  m: 'me',
  n: 'ne',
  s: 'se',
  t: 'te',
  c: 'ce',
  qu: 'que',
  jusqu: 'jusque',
  lorsqu: 'lorsque',
  puisqu: 'puisque',
  quoiqu: 'quoique',
  presqu: 'presque',
}

/** French short words whose variants do not change a term: articles and contractions. */
const FRENCH_ARTICLES: Record<string, string> = {
  la: 'le',
  les: 'le',
  des: 'de',
  du: 'de',
  aux: 'a',
  au: 'a',
}

/** French irregular plurals. */
const FRENCH_PLURALS: Record<string, string> = {
  travaux: 'travail',
  baux: 'bail',
  coraux: 'corail',
  emaux: 'email',
  vitraux: 'vitrail',
  yeux: 'oeil',
  cieux: 'ciel',
}

/** An acronym: at least two capitals making at least half of its letters ("IA", "CeSIA", "R&D"), or capitals with digits ("G7"). */
export function isAcronymWord(word: string): boolean {
  if (mostlyCapitals(word)) return true
  // Capitals with digits: letters, none of them lower-case or uncased-other ("G7").
  return (
    word.length >= 2 && HAS_LETTER.test(word) && !NON_CAPITAL.test(word) && HAS_DIGIT.test(word)
  )
}
const HAS_LETTER = /\p{L}/u
const NON_CAPITAL = /(?!\p{Lu})\p{L}/u
const HAS_DIGIT = /\p{N}/u

/** The French singular of a folded lower-case word (symmetric, not a dictionary). */
export function frenchSingular(word: string): string {
  const irregular = FRENCH_PLURALS[word]
  if (irregular) return irregular
  if (word.length <= 3 || /\d/.test(word)) return word
  if (word.endsWith('eaux')) return word.slice(0, -1)
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`
  if (word.endsWith('eux') || word.endsWith('oux')) return word.slice(0, -1)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

/** The English singular of a lower-case word. */
export function englishSingular(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`
  if (/(?:ss|us|is)$/.test(word)) return word
  if (/(?:ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

/** Removes diacritics but keeps the case: "UÉ" → "UE". */
function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '')
}

/** The key of a word (not elided) in `language`. */
export function keyOf(word: string, language: TermLanguage): { key: string; alt: string | null } {
  if (isAcronymWord(word)) {
    const letters = [...word].filter((c) => /\p{L}/u.test(c))
    const allCapitals = letters.every((c) => /\p{Lu}/u.test(c))
    return {
      key: stripAccents(word),
      alt: allCapitals && letters.length >= 4 ? plainKey(word, language) : null,
    }
  }
  return { key: plainKey(word, language), alt: null }
}

function plainKey(word: string, language: TermLanguage): string {
  const folded = foldAccents(word)
  if (language === 'en') return englishSingular(folded)
  return FRENCH_ARTICLES[folded] ?? frenchSingular(folded)
}

/** Splits a text into tokens with their keys. */
export function tokenize(text: string, language: TermLanguage = 'fr'): Token[] {
  const tokens: Token[] = []
  let previousEnd = -1
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
    const start = match.index
    const end = start + word.length
    const joined = previousEnd < 0 ? false : JOINER.test(text.slice(previousEnd, start))
    previousEnd = end
    if (word === ',') {
      tokens.push({
        text: word,
        key: word,
        alt: null,
        start,
        end,
        joined,
        acronym: false,
        elided: false,
      })
      continue
    }
    const next = text[end]
    const lower = word.toLowerCase()
    const elision = language === 'fr' ? ELISIONS[lower] : undefined
    const elided =
      elision !== undefined &&
      next !== undefined &&
      APOSTROPHE.test(next) &&
      /\p{L}/u.test(text[end + 1] ?? '')
    const { key, alt } = elided ? { key: elision, alt: null } : keyOf(word, language)
    tokens.push({
      text: word,
      key,
      alt,
      start,
      end,
      joined,
      acronym: !elided && isAcronymWord(word),
      elided,
    })
  }
  return tokens
}
