/**
 * Acronym definitions in French prose: "long form (ACR)", "long form, ACR"
 * and "ACR (long form)".
 *
 * The long form is found, in order, by:
 * 1. Schwartz–Hearst matching (the acronym's letters found right to left in
 *    the words before it, the first letter at a word start), with elisions
 *    and hyphens as word boundaries and accents ignored; because French puts
 *    the head noun first ("Centre national de cybersécurité (NCSC)"), a
 *    capitalised word just before the match is taken in;
 * 2. word initials in another order, for English acronyms of French names
 *    ("intelligence artificielle générale (AGI)");
 * 3. for the parenthesised form only, the capitalised name just before the
 *    parenthesis ("l'Institut britannique pour la sûreté de l'IA (UK AISI)").
 */

/** One acronym definition. */
export interface AcronymDefinition {
  short: string
  long: string
  /** Offsets of the whole definition, from the long form to the acronym (and its parenthesis). */
  start: number
  end: number
  longStart: number
  longEnd: number
  shortStart: number
  shortEnd: number
}

interface Word {
  text: string
  start: number
  end: number
}

const STOPWORDS = new Set(
  'a à au aux d de des du en et l la le les of the for and pour par sur dans un une avec entre sous vers'.split(
    ' ',
  ),
)
const DETERMINERS = new Set(
  'l la le les d de des du au aux un une ce cet cette ses son sa leur'.split(' '),
)

/** An acronym: 2 to 12 characters, at least two capitals, at least half of its letters capitals. */
export function isAcronym(token: string): boolean {
  const compact = token.replace(/[\s\u00a0]+/gu, ' ').trim()
  if (compact.length < 2 || compact.length > 14) return false
  if (!/^\p{Lu}/u.test(compact) || !/^[\p{L}\d&.\- ]+$/u.test(compact)) return false
  if (compact.split(' ').length > 2) return false
  if (/^[IVXLC]+$/.test(compact)) return false
  return mostlyCapitals(compact)
}

/** At least two capitals, making at least half of the letters ("IA", "CeSIA", "R&D", "UK AISI"). */
export function mostlyCapitals(word: string): boolean {
  const capitals = word.match(CAPITALS)?.length ?? 0
  if (capitals < 2) return false
  return capitals * 2 >= (word.match(LETTERS)?.length ?? 0)
}
const LETTERS = /\p{L}/gu
const CAPITALS = /\p{Lu}/gu

const fold = (char: string): string => char.normalize('NFD').charAt(0).toLowerCase()

/** Words of `text` (letters and digits; elisions and hyphens split words). */
function wordsOf(text: string, offset = 0): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }))
}

/** The words before `end` in the same clause (no sentence or parenthesis boundary between). */
function clauseBefore(text: string, end: number, limit: number): Word[] {
  let start = end
  while (start > 0 && !/[.;:!?()[\]«»"“”\n]/u.test(text[start - 1]!)) start--
  const words = wordsOf(text.slice(start, end), start)
  return words.slice(Math.max(0, words.length - limit))
}

/** Schwartz–Hearst: index of the word where the long form starts, or -1. */
function schwartzHearst(acronym: string, words: Word[], text: string): number {
  if (words.length === 0) return -1
  const from = words[0]!.start
  const long = text.slice(from, words.at(-1)!.end)
  const short = [...acronym].filter((c) => /[\p{L}\p{N}]/u.test(c))
  let l = long.length - 1
  for (let s = short.length - 1; s >= 0; s--) {
    const current = fold(short[s]!)
    while (
      l >= 0 &&
      (fold(long[l]!) !== current || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(long[l - 1]!)))
    ) {
      l--
    }
    if (l < 0) return -1
    l--
  }
  const startOffset = from + l + 1
  return words.findIndex((w) => w.start <= startOffset && startOffset < w.end)
}

/** Word initials in any order: the last content words' initials are the acronym's letters. */
function initialsInAnyOrder(acronym: string, words: Word[]): number {
  const letters = [...acronym]
    .filter((c) => /\p{L}/u.test(c))
    .map(fold)
    .sort()
    .join('')
  let content = 0
  for (let i = words.length - 1; i >= 0; i--) {
    if (STOPWORDS.has(words[i]!.text.toLowerCase())) continue
    content++
    if (content === letters.length) {
      const initials = words
        .slice(i)
        .filter((w) => !STOPWORDS.has(w.text.toLowerCase()))
        .map((w) => fold(w.text[0]!))
        .sort()
        .join('')
      return initials === letters ? i : -1
    }
  }
  return -1
}

/** The capitalised name ending the clause: its first word's index, or -1. */
function capitalisedName(words: Word[]): number {
  let best = -1
  for (let i = words.length - 2; i >= 0; i--) {
    const word = words[i]!
    const previous = words[i - 1]
    if (!/^\p{Lu}/u.test(word.text) || DETERMINERS.has(word.text.toLowerCase())) continue
    if (!previous || DETERMINERS.has(previous.text.toLowerCase())) best = i
  }
  return best
}

/**
 * Acronyms written as words, the French way for those read as words:
 * "Insee", "Unesco", "Arcom". Only taken in parentheses, and only when the
 * words before spell them (see `initialsLongForm`).
 */
function isWordAcronym(token: string): boolean {
  return /^\p{Lu}\p{Ll}{2,6}$/u.test(token)
}

/**
 * The long form of a word-like acronym: the shortest run of words ending the
 * clause whose content-word initials are the acronym's letters, in order
 * ("Institut national de la statistique et des études économiques (Insee)").
 */
function initialsLongForm(
  text: string,
  end: number,
  acronym: string,
): { start: number; end: number } | null {
  const letters = [...acronym].map(fold).join('')
  const words = clauseBefore(text, end, letters.length * 3)
  for (let i = words.length - 1; i >= 0; i--) {
    const content = words.slice(i).filter((w) => !STOPWORDS.has(w.text.toLowerCase()))
    if (content.length > letters.length) return null
    if (STOPWORDS.has(words[i]!.text.toLowerCase())) continue
    if (content.map((w) => fold(w.text[0]!)).join('') === letters) {
      return { start: words[i]!.start, end: words.at(-1)!.end }
    }
  }
  return null
}

function isCapitalised(word: Word | undefined): boolean {
  return (
    word !== undefined &&
    /^\p{Lu}\p{Ll}/u.test(word.text) &&
    !DETERMINERS.has(word.text.toLowerCase())
  )
}

/** Finds the long form before `end` for `acronym`; `strict` disables the name fallback. */
function longFormBefore(
  text: string,
  end: number,
  acronym: string,
  strict: boolean,
): { start: number; end: number } | null {
  const letters = [...acronym].filter((c) => /[\p{L}\p{N}]/u.test(c)).length
  const words = clauseBefore(text, end, Math.max(letters + 5, letters * 2))
  if (words.length === 0) return null
  let index = schwartzHearst(acronym, words, text)
  if (index > 0 && isCapitalised(words[index - 1]) && !isCapitalised(words[index])) index--
  if (index < 0) index = initialsInAnyOrder(acronym, words)
  if (index < 0 && !strict) index = capitalisedName(words)
  if (index < 0) return null
  const first = words[index]!
  if (words.length - index < 2 && first.text.length <= acronym.length) return null
  if (first.text === acronym) return null
  return { start: first.start, end: words.at(-1)!.end }
}

const SPACE = String.raw`[\s\u00a0\u202f]`
const ACRONYM = String.raw`\p{Lu}[\p{L}\d&.-]*(?:${SPACE}\p{Lu}[\p{L}\d&.-]*)?`
const PARENTHESISED = new RegExp(String.raw`\((${ACRONYM})(?:${SPACE}*[,;:][^()]*)?\)`, 'gu')
const AFTER_COMMA = new RegExp(String.raw`,${SPACE}+(${ACRONYM})(?=${SPACE}*(?:[).;:,]|$))`, 'gu')
const REVERSED = new RegExp(String.raw`(${ACRONYM})${SPACE}*\(([^()]{6,120})\)`, 'gu')

/** Finds the acronym definitions of a text, in order of appearance. */
export function findAcronymDefinitions(text: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = []
  const add = (
    short: string,
    shortStart: number,
    long: { start: number; end: number },
    start: number,
    end: number,
  ) => {
    if (found.some((f) => start < f.end && end > f.start)) return
    found.push({
      short,
      long: text.slice(long.start, long.end).replace(/[\s\u00a0\u202f]+/gu, ' '),
      start,
      end,
      longStart: long.start,
      longEnd: long.end,
      shortStart,
      shortEnd: shortStart + short.length,
    })
  }
  for (const match of text.matchAll(PARENTHESISED)) {
    const short = match[1]!
    const wordLike = !isAcronym(short) && isWordAcronym(short)
    if (!isAcronym(short) && !wordLike) continue
    const long = wordLike
      ? initialsLongForm(text, match.index, short)
      : longFormBefore(text, match.index, short, false)
    if (long) add(short, match.index + 1, long, long.start, match.index + match[0].length)
  }
  for (const match of text.matchAll(AFTER_COMMA)) {
    const short = match[1]!
    if (!isAcronym(short)) continue
    const long = longFormBefore(text, match.index, short, true)
    const shortStart = match.index + match[0].length - short.length
    if (long) add(short, shortStart, long, long.start, shortStart + short.length)
  }
  for (const match of text.matchAll(REVERSED)) {
    const short = match[1]!
    if (!isAcronym(short)) continue
    const inner = match[2]!
    const innerStart = match.index + match[0].length - 1 - inner.length
    const words = wordsOf(inner, innerStart)
    const index = schwartzHearst(short, words, text)
    if (index !== 0) continue
    add(
      short,
      match.index,
      { start: words[0]!.start, end: words.at(-1)!.end },
      match.index,
      match.index + match[0].length,
    )
  }
  return found.sort((a, b) => a.start - b.start)
}
