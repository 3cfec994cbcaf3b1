/**
 * Precision rules: what the recognizers find but a reader would not call a statistic. A figure
 * measures the world; these describe the note itself, point at a time, or lack a unit:
 * - bare numbers (no unit, no counted noun) are kept only with evidence that they are a
 *   quantity: a qualifier ("plus de 1 500"), a sign ("+12"), a decimal ("1,89"), a large number
 *   written in digits ("40 000"), a verb of quantity right before ("ils étaient 40") or a verb
 *   right after, the number being its subject ("10 sont européennes"); page numbers, list
 *   numbers, table-of-contents entries and small integers whose unit stands elsewhere go;
 * - "2°", "3°" are ordinals (French legal enumerations), not angles;
 * - counts of structural nouns under 100 ("trois parties", "deux axes", "5 recommandations",
 *   "3 obligations", see STRUCTURAL_NOUNS) describe the organisation of the note;
 * - small counts that announce an enumeration ("repose sur deux ingrédients : les données et le
 *   calcul") count the items the sentence lists;
 * - counts after a demonstrative or possessive ("ces trois entreprises", "nos deux axes"), and
 *   small counts written in words after a definite article ("les quinze membres", "aux trois
 *   rapports", "des cinq continents"), refer to a set already known, not to a new figure;
 * - durations used as a point in time ("il y a dix ans", "depuis cinq ans", "dans deux ans",
 *   "au bout de dix ans", "à deux jours du vote") are time references, like dates.
 */
import { wordAt, wordBefore } from './context.ts'
import { isYearLike } from './dates.ts'
import {
  ANAPHORIC_DETERMINERS,
  DEFINITE_ARTICLES,
  QUANTITY_VERBS,
  STRUCTURAL_NOUNS,
  SUBJECT_VERBS,
  TIME_REFERENCE_BEFORE,
  norm,
} from './lexicon.ts'
import { isSigned, type NumToken } from './numbers.ts'
import type { Candidate } from './types.ts'

/** Largest count of a structural noun that is still the note's own organisation. */
const STRUCTURAL_LIMIT = 100
/** Largest count that can announce an enumeration of the items it counts. */
const ENUMERATION_LIMIT = 20
/** How far after a count the colon announcing its enumeration may stand. */
const ENUMERATION_REACH = 100
/** "à deux jours d'une journée de mobilisation": a distance in time. */
const TIME_DISTANCE_AFTER = /^[ \u00A0\u202F]+(?:d(?:e|u|es)(?![\p{L}])|d['’])/u

/** Is `noun` (as written, maybe plural) a structural noun? */
export function isStructuralNoun(noun: string): boolean {
  const lower = norm(noun)
  return (
    STRUCTURAL_NOUNS.has(lower) || (/[sx]$/.test(lower) && STRUCTURAL_NOUNS.has(lower.slice(0, -1)))
  )
}

/** A bare number with something that shows it is a quantity. */
function isEvidentQuantity(text: string, c: Candidate, token: NumToken | undefined): boolean {
  if (c.qualifierText !== null) return true
  if (!token) return false
  if (isSigned(text, token)) return true
  if (token.form === 'digits' && Math.abs(token.value) >= 1000 && !isYearLike(token)) return true
  if (token.base !== Math.trunc(token.base)) return true
  const prev = wordBefore(text, c.start)
  if (prev !== null && QUANTITY_VERBS.has(prev.lower)) return true
  const next = wordAt(text, c.end)
  return next !== null && next.start > c.end && SUBJECT_VERBS.has(next.lower)
}

/** "deux ingrédients indispensables : les données et…": the clause goes on to a colon. */
function announcesEnumeration(text: string, end: number): boolean {
  const after = text.slice(end, end + ENUMERATION_REACH)
  const m = /[:.!?;]/.exec(after)
  return m !== null && m[0] === ':'
}

function isCountNoise(text: string, c: Candidate, token: NumToken | undefined): boolean {
  if (c.unit === '°') return true
  if (c.unit === null) return !isEvidentQuantity(text, c, token)
  if (c.unit === '°C' || c.unit === '°F' || typeof c.value !== 'number') return false
  const size = Math.abs(c.value)
  if (size < STRUCTURAL_LIMIT && isStructuralNoun(c.unit)) return true
  if (size <= ENUMERATION_LIMIT && announcesEnumeration(text, c.end)) return true
  const determiner = wordBefore(text, c.start)
  if (determiner === null || size >= STRUCTURAL_LIMIT) return false
  if (ANAPHORIC_DETERMINERS.has(determiner.lower)) return true
  return (
    token?.form === 'words' && size <= ENUMERATION_LIMIT && DEFINITE_ARTICLES.has(determiner.lower)
  )
}

/**
 * Is candidate `c` something a reader would not call a statistic? `token` is the number token at
 * the start of its number, when there is one.
 */
export function isNotAFigure(text: string, c: Candidate, token: NumToken | undefined): boolean {
  if (c.kind === 'count') return isCountNoise(text, c, token)
  if (c.kind === 'duration') {
    return (
      TIME_REFERENCE_BEFORE.test(text.slice(Math.max(0, c.start - 30), c.start)) ||
      (wordBefore(text, c.start)?.lower === 'à' && TIME_DISTANCE_AFTER.test(text.slice(c.end)))
    )
  }
  return false
}
