/**
 * Token-based similarity of two texts, as translation memories score fuzzy
 * matches: 1 − (edit distance over word tokens) / (length of the longer),
 * the distance computed by fastest-levenshtein over strings of token ids
 * (one character per distinct token).
 */
import { distance } from 'fastest-levenshtein'

/** Word tokens (letters, digits) and single punctuation or code markers, case folded. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/⟦[^⟧]*⟧|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []
}

/** Gives each distinct token one character, so that token sequences compare as strings. */
export class TokenAlphabet {
  readonly #ids = new Map<string, string>()

  /** The string of a token sequence. */
  encode(list: readonly string[]): string {
    let out = ''
    for (const token of list) {
      let id = this.#ids.get(token)
      if (id === undefined) {
        // Skip the surrogate range so that every token is one UTF-16 unit; past 63,000 tokens ids wrap.
        let code = 0x100 + (this.#ids.size % 0xf000)
        if (code >= 0xd800) code += 0x800
        id = String.fromCharCode(code)
        this.#ids.set(token, id)
      }
      out += id
    }
    return out
  }
}

/** Similarity (0–1) of two encoded token strings. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  if (longest === 0) return 1
  return 1 - distance(a, b) / longest
}
