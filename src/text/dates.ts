/** French dates written in full: "5 février 2026", "1er mars 2025", "lundi 22 septembre 2025". */

/** French month names, January first. */
export const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

const FULL_DATE = new RegExp(
  String.raw`(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)[\s\u00a0]+)?(\d{1,2})(?:er)?[\s\u00a0]+(${MONTHS.join('|')}|fevrier|aout|decembre)[\s\u00a0]+(\d{4})`,
  'iu',
)

/** Parses the first full French date of `text` into an ISO date, or null. */
export function parseFrenchDate(
  text: string,
): { iso: string; index: number; length: number } | null {
  const match = FULL_DATE.exec(text)
  if (!match) return null
  const month = monthNumber(match[2]!)
  const day = Number(match[1])
  if (month === 0 || day < 1 || day > 31) return null
  const iso = `${match[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { iso, index: match.index, length: match[0].length }
}

/** 1–12 for a French month name (accents optional), 0 otherwise. */
export function monthNumber(name: string): number {
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return MONTHS.findIndex((m) => m.normalize('NFD').replace(/\p{M}/gu, '') === folded) + 1
}
