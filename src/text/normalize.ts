/** Small text helpers shared by the extractors. */

/** Collapses runs of white space (including no-break spaces and line breaks) to one space. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()
}

/** Removes diacritics and lower-cases: "Kučinskas" → "kucinskas". */
export function foldAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** A URL-safe slug of a file name or title: "Note CeSIA 2026" → "note-cesia-2026". */
export function slugify(text: string): string {
  return (
    foldAccents(text)
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  )
}
