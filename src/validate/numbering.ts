/** Manual heading numbers ("1.2", "II", "B") read for the numbering rules. */
import type { Heading } from '../model/schema.ts'

/** A heading number read into a scheme and numeric parts. */
export interface HeadingNumber {
  scheme: 'arabic' | 'roman' | 'letter'
  parts: number[]
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 }

/** Value of a roman numeral ("XIV" → 14), or null when it is not one. */
export function romanValue(text: string): number | null {
  if (!/^[IVXLC]+$/.test(text)) return null
  let total = 0
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN[text[i]!]!
    const next = ROMAN[text[i + 1] ?? ''] ?? 0
    total += value < next ? -value : value
  }
  return total
}

/**
 * Reads the numbers of a document's headings. A single letter among I, V,
 * X, L, C is roman when headings of its level use longer roman numerals
 * ("II"), a letter otherwise.
 */
export function readNumbers(headings: Heading[]): Map<string, HeadingNumber> {
  const romanDepths = new Set(
    headings.filter((h) => h.number !== null && /^[IVXLC]{2,}$/.test(h.number)).map((h) => h.depth),
  )
  const numbers = new Map<string, HeadingNumber>()
  for (const heading of headings) {
    const number = heading.number
    if (number === null) continue
    if (/^\d+(?:\.\d+)*$/.test(number)) {
      numbers.set(heading.id, { scheme: 'arabic', parts: number.split('.').map(Number) })
      continue
    }
    const roman = romanValue(number)
    if (roman !== null && (number.length > 1 || romanDepths.has(heading.depth))) {
      numbers.set(heading.id, { scheme: 'roman', parts: [roman] })
    } else if (/^[A-Z]$/.test(number)) {
      numbers.set(heading.id, { scheme: 'letter', parts: [number.charCodeAt(0) - 64] })
    }
  }
  return numbers
}
