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

/**
 * Names Windows reserves for devices, with or without an extension
 * (`con`, `nul.txt`…): no file or folder may be called that.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/

/**
 * A URL-safe slug of a file name or title: "Note CeSIA 2026" → "note-cesia-2026".
 * Always matches `^[a-z0-9]+(-[a-z0-9]+)*$` (never empty, no dot, no
 * separator), so it is safe as a file or folder name on every system; a name
 * Windows reserves gets `-note` ("CON" → "con-note").
 */
export function slugify(text: string): string {
  const slug =
    foldAccents(text)
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  return RESERVED.test(slug) ? `${slug}-note` : slug
}

/** Whether `name` (a file name without its folder) is a name Windows reserves, e.g. `aux` or `COM1.txt`. */
export function isReservedName(name: string): boolean {
  return RESERVED.test(name.toLowerCase().replace(/\..*$/s, '').trimEnd())
}
