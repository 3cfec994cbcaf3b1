/**
 * Number scanner: finds every French number written with digits ("40 000", "2,5", "1.000.000",
 * "1,5 milliard") or with words ("vingt-trois", "quatre-vingt-dix", "deux millions") and records
 * the context flags the recognizers need (glued suffix, label before, name before, article...).
 */
import {
  HSPACE,
  LABEL_WORDS,
  MONTHS,
  NUMBER_WORDS,
  PRE_NOUN_ADJECTIVES,
  SCALE_WORDS,
  STOP_WORDS,
  STRONG_YEAR_CONTEXT,
  WEAK_YEAR_CONTEXT,
  WEEKDAYS,
  norm,
} from './lexicon.ts'

export interface NumToken {
  /** Start offset, including a leading sign ("-3 %"). */
  start: number
  /** End offset of the number, including a following scale word ("2 milliards"), excluding any glued suffix. */
  end: number
  /** Signed value, scale word applied. */
  value: number
  /** Value before the scale word ("1,5" in "1,5 milliard"). */
  base: number
  /** 1, or the factor of the scale word. */
  scale: number
  form: 'digits' | 'words'
  /** The lone word "un"/"une" (an article unless something proves otherwise). */
  article: boolean
  /** Digits only: no group separator, no decimal, no sign, no scale ("2025"). */
  plainInt: boolean
  /** Decimal written with a dot ("2.5"): only trusted before %, a currency or a scale word ("2.2 millions"). */
  dotDecimal: boolean
  /** Letters glued right after the digits ("h" in "2h30", "k" in "5k€"), '' if none. */
  suffix: string
  /** "neuf" also means "new". */
  ambiguous: boolean
  /** Preceded by a reference label ("article 5", "page 3", "n° 4"). */
  label: boolean
  /** Preceded by a capitalised proper name or acronym ("Claude Opus 4", "COP 28"). */
  afterName: boolean
}

const GLUED_SUFFIXES = new Set([
  'h',
  'min',
  'mn',
  's',
  'sec',
  'j',
  'x',
  'pp',
  'pts',
  'k',
  'K',
  'M',
  'm',
  'Md',
  'Mds',
  'Mrd',
  'Mrds',
  'md',
  'mds',
  'G',
  'bn',
  'B',
  'Mio',
  'T',
])

const DIGIT_FORMS: RegExp[] = [
  // thousands grouped by spaces: 40 000, 7 851, 1 000 000
  new RegExp(`\\d{1,3}(?:${HSPACE}\\d{3})+(?!\\d)(?:,\\d+(?![\\d,]))?`, 'y'),
  // thousands grouped by dots: 1.000.000 (a single group "1.000" is ambiguous but rare in French)
  /\d{1,3}(?:\.\d{3})+(?![\d.])(?:,\d+(?![\d,]))?/y,
  // English grouping with at least two comma groups: 1,000,000
  /\d{1,3}(?:,\d{3}){2,}(?![\d,])/y,
  // plain integer or decimal comma
  /\d+(?:,\d+(?![\d,]))?/y,
]

const LETTER = /\p{L}/u
const SPACE_CHAR = /[\s\u00A0\u202F\u2009\u2007]/

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch)
}
function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9'
}

/** Round away binary noise (1.2 * 1e9 -> 1200000000). */
export function clean(n: number): number {
  return Number(n.toPrecision(12))
}

function parseDigits(raw: string): number {
  const compact = raw.replace(/[\s\u00A0\u202F\u2009\u2007]/g, '')
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(compact)) {
    return Number(compact.replace(/\./g, '').replace(',', '.'))
  }
  if (/^\d{1,3}(?:,\d{3}){2,}$/.test(compact)) return Number(compact.replace(/,/g, ''))
  return Number(compact.replace(',', '.'))
}

const WORD_CHAR = /[\p{L}\p{M}'’°-]/u
const HORIZONTAL_SPACE = /[ \t\u00A0\u202F\u2009\u2007]/

/** The word just before `pos` (skipping horizontal spaces), with its offsets. */
export function previousWord(text: string, pos: number): { word: string; start: number } | null {
  let end = pos
  while (end > 0 && HORIZONTAL_SPACE.test(text[end - 1] ?? '')) end--
  if (end > 0 && text[end - 1] === '§') return { word: '§', start: end - 1 }
  let wordEnd = end
  if (text[wordEnd - 1] === '.') wordEnd-- // "art.", "p."
  let start = wordEnd
  while (start > 0 && start > wordEnd - 40 && WORD_CHAR.test(text[start - 1] ?? '')) start--
  // the word must start with a letter ("n°" is fine, "-4" is not)
  while (start < wordEnd && !LETTER.test(text[start] ?? '')) start++
  if (start >= wordEnd) return null
  return { word: text.slice(start, end), start }
}

export const COMMON_CAPITALISED: ReadonlySet<string> = new Set<string>([
  ...STOP_WORDS,
  ...STRONG_YEAR_CONTEXT,
  ...WEAK_YEAR_CONTEXT,
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...PRE_NOUN_ADJECTIVES,
  'environ',
  'près',
  'plus',
  'moins',
  'quelque',
  'quelques',
  'seuls',
  'seules',
  'soit',
  'total',
  'désormais',
  'aujourd',
  'actuellement',
  'ensemble',
  'enfin',
  'ensuite',
  'puis',
  'or',
  'mais',
  'donc',
  'car',
])

function contextFlags(text: string, start: number): { label: boolean; afterName: boolean } {
  const prev = previousWord(text, start)
  if (!prev) return { label: false, afterName: false }
  const bare = prev.word.replace(/\.$/, '').replace(/^\p{L}{1,6}['’]/u, '')
  const lower = norm(bare)
  if (LABEL_WORDS.has(lower) || prev.word === '§') return { label: true, afterName: false }
  const first = bare[0] ?? ''
  const capitalised = first !== first.toLowerCase()
  const hasInnerCapital = /\p{Lu}/u.test(bare.slice(1))
  // "… de Berkeley. Vingt autres organismes": a full stop ends the sentence, not a name.
  const endsSentence = prev.word.endsWith('.') && bare.length > 2
  const afterName =
    (capitalised || hasInnerCapital) &&
    !endsSentence &&
    !COMMON_CAPITALISED.has(lower) &&
    !lower.endsWith("'")
  return { label: false, afterName }
}

interface WordPart {
  value: number
  end: number
  word: string
}

/**
 * Compose French number words ("quatre-vingt-dix", "deux cent mille", "vingt et un").
 * Returns how many parts form a valid number and its value.
 */
function composeWords(parts: WordPart[]): { used: number; value: number } {
  let total = 0
  let thousands = 0
  let current = 0
  let last: number | null = null
  let used = 0
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (!part) break
    const v = part.value
    if (v === 100) {
      if (last === null || last === 1000 || last >= 1e6) current = 100
      else if (current >= 2 && current <= 9 && last === current) current *= 100
      else break
    } else if (v === 1000) {
      if (thousands !== 0 || last === 1000) break
      thousands = (current || 1) * 1000
      current = 0
    } else if (v >= 1e6) {
      // a scale word needs a multiplier before it: "des milliards" is vague
      if (last === null || last >= 1e6) break
      total += (thousands + current || 1) * v
      thousands = 0
      current = 0
    } else {
      let ok = false
      if (last === null || last === 1000 || last >= 1e6) {
        current = v
        ok = true
      } else if (last === 100 && current % 100 === 0) {
        current += v
        ok = true
      } else if (last === 4 && v === 20 && current % 100 === 4) {
        current += 76
        ok = true
        last = 80
        used = i + 1
        continue
      } else if ([20, 30, 40, 50, 60].includes(last) && current % 10 === 0 && v >= 1 && v <= 9) {
        current += v
        ok = true
      } else if ((last === 60 || last === 80) && v >= 10 && v <= 19 && current % 20 === 0) {
        current += v
        ok = true
      } else if (last === 80 && v >= 1 && v <= 9 && current % 20 === 0) {
        current += v
        ok = true
      } else if (last === 10 && v >= 7 && v <= 9 && current % 100 === 10) {
        current += v
        ok = true
      }
      if (!ok) break
    }
    last = v
    used = i + 1
  }
  return { used, value: total + thousands + current }
}

const WORD_RE = /[\p{L}]+(?:[-‐][\p{L}]+)*/uy

function scanWordNumber(text: string, i: number): { token: NumToken | null; next: number } {
  WORD_RE.lastIndex = i
  const m = WORD_RE.exec(text)
  if (!m) return { token: null, next: i + 1 }
  const firstEnd = i + m[0].length
  const parts: WordPart[] = []
  let pos = i
  // collect parts across hyphens, spaces and "et"
  let cursor = i
  for (;;) {
    WORD_RE.lastIndex = cursor
    const w = WORD_RE.exec(text)
    if (!w) break
    const pieces = w[0].split(/[-‐]/)
    const values: WordPart[] = []
    let offset = cursor
    let allNumbers = true
    for (const piece of pieces) {
      const lower = norm(piece)
      offset += piece.length
      if (lower === 'et' && values.length > 0) {
        offset += 1
        continue
      }
      const v = NUMBER_WORDS.get(lower)
      if (v === undefined) {
        allNumbers = false
        break
      }
      values.push({ value: v, end: offset, word: lower })
      offset += 1
    }
    if (!allNumbers || values.length === 0) break
    parts.push(...values)
    pos = cursor + w[0].length
    // look for a continuation: spaces, optional "et " before un/une/onze
    const rest = /^[ \t\u00A0\u202F]+(?:et[ \t\u00A0\u202F]+(?=(?:un|une|onze)\b))?/iu.exec(
      text.slice(pos, pos + 12),
    )
    if (!rest) break
    cursor = pos + rest[0].length
  }
  if (parts.length === 0) return { token: null, next: firstEnd }
  const { used, value } = composeWords(parts)
  const lastPart = parts[used - 1]
  if (used === 0 || !lastPart) return { token: null, next: firstEnd }
  const end = lastPart.end
  const words = parts.slice(0, used).map((p) => p.word)
  const single = words.length === 1 ? words[0] : undefined
  const lastScale = SCALE_WORDS.get(words[words.length - 1] ?? '')
  const token: NumToken = {
    start: i,
    end,
    value,
    base: lastScale ? value / lastScale : value,
    scale: lastScale ?? 1,
    form: 'words',
    article: single === 'un' || single === 'une',
    plainInt: false,
    dotDecimal: false,
    suffix: '',
    ambiguous: single === 'neuf',
    ...contextFlags(text, i),
  }
  return { token, next: end }
}

function skipRun(text: string, i: number): number {
  // a name or code and its continuations: "L.1234-5", "COVID-19", "ISO/IEC"
  const m = /[\p{L}\p{N}_]*(?:[-./][\p{L}\p{N}]+)*/uy
  m.lastIndex = i
  const r = m.exec(text)
  return i + Math.max(1, r ? r[0].length : 1)
}

/** A scale word after a number ("3 millions"), read at `lastIndex`. */
const SCALE_AFTER = new RegExp(`${HSPACE}+(millions?|milliards?|billions?)(?![\\p{L}])`, 'iuy')

function scanDigitNumber(text: string, i: number): { token: NumToken | null; next: number } {
  const prev = text[i - 1]
  const prev2 = text[i - 2]
  // Part of a name / code / version: "GPT-4o", "G7", "COVID-19", "risques.12", "#3", "n°4"
  if (
    (prev !== undefined && (isLetter(prev) || prev === '_')) ||
    ((prev === '-' || prev === '‐' || prev === '‑') && isLetter(prev2)) ||
    ((prev === '.' || prev === ',' || prev === '/' || prev === ':') &&
      (isLetter(prev2) || isDigit(prev2))) ||
    (prev !== undefined && '#@°^&'.includes(prev))
  ) {
    return { token: null, next: skipRun(text, i) }
  }
  let raw: string | null = null
  for (const re of DIGIT_FORMS) {
    re.lastIndex = i
    const m = re.exec(text)
    if (m) {
      raw = m[0]
      break
    }
  }
  if (raw === null) return { token: null, next: i + 1 }
  let end = i + raw.length
  let dotDecimal = false
  // "2.5" (dot decimal) vs "3.1.4" (version)
  const dot = /\.\d+/y
  dot.lastIndex = end
  const dm = dot.exec(text)
  if (dm && !raw.includes('.')) {
    const after = end + dm[0].length
    if (text[after] === '.' && isDigit(text[after + 1])) {
      return { token: null, next: skipRun(text, after + 1) }
    }
    raw += dm[0]
    end = after
    dotDecimal = true
  }
  const next = text[end]
  const next2 = text[end + 1]
  // times "10:30", slash expressions "1/3", "22/09/2025", temperatures, compound codes "3-D"
  if (
    ((next === ':' || next === '/') && isDigit(next2)) ||
    ((next === '-' || next === '‐') && isLetter(next2)) ||
    ((next === '.' || next === ',') && isDigit(next2))
  ) {
    return { token: null, next: skipRun(text, end + 1) }
  }
  // leading zero: codes, phone numbers, "007"
  if (/^0\d/.test(raw) && !/^0[,.]/.test(raw)) return { token: null, next: end }
  let suffix = ''
  if (isLetter(next)) {
    const sm = /\p{L}+/uy
    sm.lastIndex = end
    suffix = sm.exec(text)?.[0] ?? ''
    const afterSuffix = text[end + suffix.length]
    if (!GLUED_SUFFIXES.has(suffix) || (isDigit(afterSuffix) && suffix !== 'h')) {
      // ordinals ("80e", "1er", "XXIe") and names ("4o", "5G", "3D") are not statistics
      return { token: null, next: skipRun(text, end) }
    }
  }
  let value = parseDigits(raw)
  let start = i
  let signed = false
  if (
    (prev === '-' || prev === '−' || prev === '+') &&
    (i < 2 || SPACE_CHAR.test(prev2 ?? ' ') || prev2 === '(')
  ) {
    const beforeSign = text.slice(Math.max(0, i - 20), i - 1).trimEnd()
    if (!isDigit(beforeSign[beforeSign.length - 1])) {
      start = i - 1
      signed = true
      if (prev !== '+') value = -value
    }
  }
  let scale = 1
  if (!suffix) {
    SCALE_AFTER.lastIndex = end
    const sm = SCALE_AFTER.exec(text)
    if (sm && sm[1]) {
      scale = SCALE_WORDS.get(sm[1].toLowerCase()) ?? 1
      end += sm[0].length
    }
  }
  const token: NumToken = {
    start,
    end,
    value: clean(value * scale),
    base: value,
    scale,
    form: 'digits',
    article: false,
    plainInt: /^\d+$/.test(raw) && !signed && scale === 1,
    dotDecimal,
    suffix,
    ambiguous: false,
    ...contextFlags(text, start),
  }
  return { token, next: Math.max(end, i + raw.length) }
}

/** "+12", "-3", "+ 0,6": the number carries a sign (glued, or "+"/"−" one space before). */
export function isSigned(text: string, token: NumToken): boolean {
  if (/^[+\-−]/.test(text.slice(token.start, token.start + 1))) return true
  return /[+−][ \u00A0\u202F]?$/.test(text.slice(Math.max(0, token.start - 2), token.start))
}

/** Scan the whole text for number tokens, left to right, non-overlapping. */
export function scanNumbers(text: string): NumToken[] {
  const tokens: NumToken[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]
    if (isDigit(ch) && !isDigit(text[i - 1])) {
      const { token, next } = scanDigitNumber(text, i)
      const last = tokens[tokens.length - 1]
      // "n° 2024-120", "Opus 4-5": the second part inherits the label / name context
      const between = token && last ? text.slice(last.end, token.start) : ''
      if (token && last && /^(?:[-–/]|\s*(?:,|et|ou|à)\s+)$/.test(between)) {
        token.label ||= last.label
        token.afterName ||= last.afterName
      }
      if (token) tokens.push(token)
      i = Math.max(next, i + 1)
    } else if (
      isLetter(ch) &&
      !isLetter(text[i - 1]) &&
      !isDigit(text[i - 1]) &&
      text[i - 1] !== '-'
    ) {
      const { token, next } = scanWordNumber(text, i)
      if (
        token &&
        !(token.value === 100 && /pour[ \t\u00A0]+$/i.test(text.slice(Math.max(0, i - 10), i)))
      ) {
        tokens.push(token)
      }
      i = Math.max(next, i + 1)
    } else {
      i++
    }
  }
  return tokens
}
