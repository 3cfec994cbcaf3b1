/**
 * Function words that tell French from English: frequent in one language and
 * not words of the other. Shared by the checks that ask whether a text reads
 * as English (an untranslated target, an English title in a French brief).
 * Words both languages use ("on", "a", "as", "en"…) are in neither list.
 */

/** French function words that are not English words. */
export const FRENCH_WORDS: ReadonlySet<string> = new Set(
  'le la les l de des du d et est sont un une pour dans sur avec que qui qu par au aux ce cette ces il ils elle elles ne pas à où nous leur leurs être été était mais ou sa ses son en'.split(
    ' ',
  ),
)

/** English function words that are not French words. */
export const ENGLISH_WORDS: ReadonlySet<string> = new Set(
  'the of and to in is are for with that this by from be been was were it its an or not has have which will would their they these those at our who what how why'.split(
    ' ',
  ),
)

/** How many of `words` (lower-case) are French and English function words. */
export function languageCounts(words: Iterable<string>): { french: number; english: number } {
  let french = 0
  let english = 0
  for (const word of words) {
    if (FRENCH_WORDS.has(word)) french++
    if (ENGLISH_WORDS.has(word)) english++
  }
  return { french, english }
}
