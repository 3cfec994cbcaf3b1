/**
 * Numbers written in English text, for comparing a translation with its
 * French source: "15,000", "15 000" (space, no-break or narrow no-break
 * space as group separator), "2.5 %", "EUR 200 billion", "€1.5 million",
 * the day and year of "5 February 2026", ordinals ("80th"). Digits only:
 * number words ("three") are not read, nor digits inside names and codes
 * ("GPT-4o", "COVID-19"). One linear pass of a regular expression.
 */

/** A number found in English text: its offsets and its value, scale word applied. */
export interface EnglishNumber {
  start: number
  end: number
  value: number
}

const SCALES: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  m: 1e6,
}

// Groups of three after a comma or a space (kept only when followed by three digits), a decimal point, a scale word;
// ordinals ("80th") count as their number. Digits that belong to a name or a code ("GPT-4o", "COVID-19", "G7",
// "3D") are not numbers: no letter (or letter and hyphen) right before, no letter or digit right after.
const START = String.raw`(?<![\p{L}\p{N}.,])(?<!\p{L}-)`
const SCALE = String.raw`(?:\s(thousand|million|billion|trillion)\b|(bn|m)\b|(?:st|nd|rd|th)\b)?(?![\p{L}\p{N}])`
const NUMBER = new RegExp(
  String.raw`${START}-?\d{1,3}(?:(?:,\d{3})+|(?: \d{3})+)(?!\d)(?:\.\d+)?${SCALE}|${START}-?\d+(?:\.\d+)?${SCALE}`,
  'gu',
)

/** The numbers of `text`, in order. */
export function scanEnglishNumbers(text: string): EnglishNumber[] {
  const normal = text.replace(/[\u00a0\u202f]/g, ' ')
  const found: EnglishNumber[] = []
  for (const match of normal.matchAll(NUMBER)) {
    const word = match[1] ?? match[2] ?? match[3] ?? match[4]
    const digits = match[0].replace(/\s?(thousand|million|billion|trillion|bn|m|st|nd|rd|th)$/, '')
    const value = Number(digits.replace(/[, ]/g, '')) * (word ? SCALES[word]! : 1)
    if (Number.isFinite(value))
      found.push({ start: match.index, end: match.index + match[0].length, value })
  }
  return found
}
