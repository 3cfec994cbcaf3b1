/**
 * What the bytes of a text file are: the byte-order marks fiche decodes, the
 * signatures and control bytes of binary files it refuses, and the guess of
 * a single-byte Western encoding (Windows-1252, Latin-1, Latin-9) for bytes
 * that are not UTF-8.
 */
import { lazy } from '../lazy.ts'

const iconv = lazy<typeof import('iconv-lite')>('iconv-lite')

/** The encodings fiche decodes. */
export type TextEncoding =
  'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1' | 'iso-8859-15'

/** The names used in messages. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'iso-8859-15': 'ISO-8859-15 (Latin-9)',
}

/** What a byte-order mark at the start of the bytes announces, or null without one. */
export function byteOrderMark(
  bytes: Uint8Array,
): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32'; length: number } | null {
  const [a, b, c, d] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', length: 3 }
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe))
    return { encoding: 'utf-32', length: 4 }
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', length: 2 }
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', length: 2 }
  return null
}

/** Signatures of binary formats that end up named `.md` or `.txt`. */
const SIGNATURES: Array<[number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive (a .docx, .odt or .xlsx file?)'],
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'old Office document (.doc, .xls)'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x1f, 0x8b], 'gzip archive'],
]

/** Share of control codes above which a file is binary. */
const CONTROL_RATIO = 0.1

/** Control codes that text does not hold: C0 but tab, line breaks, form feed and escape; DEL. */
function isBinaryControl(code: number): boolean {
  if (code === 0x7f) return true
  return (
    code < 0x20 &&
    code !== 0x09 &&
    code !== 0x0a &&
    code !== 0x0b &&
    code !== 0x0c &&
    code !== 0x0d &&
    code !== 0x1b
  )
}

/**
 * Why `length` code units (bytes, or UTF-16 units of a decoded text) read
 * through `at` are not text: NUL bytes, or too many control codes. Null when
 * they may be text.
 */
function controlReason(length: number, at: (index: number) => number, unit: string): string | null {
  let nul = 0
  let firstNul = -1
  let evenNul = 0
  let controls = 0
  for (let index = 0; index < length; index++) {
    const code = at(index)
    if (code === 0) {
      nul++
      if (firstNul === -1) firstNul = index
      if (index % 2 === 0) evenNul++
    }
    if (isBinaryControl(code)) controls++
  }
  if (nul > 0) {
    const alternating = nul >= length / 3 && (evenNul === 0 || evenNul === nul)
    return alternating
      ? 'Unexpected NUL bytes between the characters: UTF-16 without a byte-order mark? Save the file as UTF-8'
      : `Unexpected NUL ${unit} (${nul}, the first at ${unit} ${firstNul}): a binary file, expected text`
  }
  if (controls > 0 && controls / length > CONTROL_RATIO) {
    return `Unexpected control ${unit}s (${Math.round((100 * controls) / length)} % of the file): a binary file, expected text`
  }
  return null
}

/** Why the bytes are a binary file (a known format, NUL or control bytes), or null. */
export function binaryReason(bytes: Uint8Array): string | null {
  for (const [signature, format] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte))
      return `Unexpected ${format}, expected a text file`
  }
  return controlReason(bytes.length, (index) => bytes[index]!, 'byte')
}

/** Why a decoded UTF-16 text is binary (NUL or control characters), or null. */
export function binaryTextReason(text: string): string | null {
  return controlReason(text.length, (index) => text.charCodeAt(index), 'character')
}

/** Letters of French and of the Western languages around it (Spanish, German, Italian, Portuguese, Nordic). */
const LETTER = /[A-Za-zàâäáãåæçéèêëíìîïñóòôöõøœúùûüÿßÀÂÄÁÃÅÆÇÉÈÊËÍÌÎÏÑÓÒÔÖÕØŒÚÙÛÜŸ]/u
/** Non-letters that prose in these encodings holds. */
const PUNCTUATION = new Set('\u00a0«»’‘“”–—…•°§©®™€£¢¥·²³¹½¼¾¡¿±×÷ªºµ')
/** Punctuation that may stand inside a word (l’État). */
const INSIDE_WORD = new Set('’‘·')

type SingleByte = 'windows-1252' | 'iso-8859-15'

/**
 * The 128 characters of the upper half of each candidate encoding, computed
 * on first use: iconv-lite then loads only when a note is not UTF-8.
 */
let upperHalf: Record<SingleByte, string> | undefined
function upperHalfOf(encoding: SingleByte): string {
  if (!upperHalf) {
    const bytes = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index)
    upperHalf = {
      'windows-1252': iconv().decode(Buffer.from(bytes), 'windows-1252'),
      'iso-8859-15': iconv().decode(Buffer.from(bytes), 'iso-8859-15'),
    }
  }
  return upperHalf[encoding]
}

/**
 * How many non-ASCII characters read implausibly in `encoding`: a control
 * code or undefined byte, a symbol prose does not use, a letter standing
 * alone (but à), punctuation in the middle of a word ("c½ur" for "cœur").
 */
function implausible(bytes: Uint8Array, encoding: SingleByte): number {
  const upper = upperHalfOf(encoding)
  const char = (index: number): string => {
    const byte = bytes[index]
    if (byte === undefined) return ''
    return byte < 0x80 ? String.fromCharCode(byte) : upper[byte - 0x80]!
  }
  let bad = 0
  for (let index = 0; index < bytes.length; index++) {
    if (bytes[index]! < 0x80) continue
    const c = char(index)
    const before = LETTER.test(char(index - 1))
    const after = LETTER.test(char(index + 1))
    if (LETTER.test(c)) {
      if (!before && !after && c !== 'à' && c !== 'À') bad++
    } else if (!PUNCTUATION.has(c) || (before && after && !INSIDE_WORD.has(c))) bad++
  }
  return bad
}

/** Share of implausible characters a guess tolerates (a stray symbol in a long text). */
const TOLERANCE = 0.05

/**
 * The single-byte Western encoding the bytes read best in, decoded, or null
 * when no candidate reads as prose: the bytes are then some other encoding
 * and decoding them would give mojibake. Latin-1 is named when no byte lies
 * in 0x80–0x9F (Windows-1252 decodes it the same).
 */
export function guessSingleByte(
  bytes: Uint8Array,
): { encoding: TextEncoding; text: string } | null {
  let high = 0
  let c1 = false
  for (const byte of bytes) {
    if (byte >= 0x80) high++
    if (byte >= 0x80 && byte < 0xa0) c1 = true
  }
  if (high === 0) return null
  const scores = (['windows-1252', 'iso-8859-15'] as const).map((encoding) => ({
    encoding,
    bad: implausible(bytes, encoding),
  }))
  const best = scores.reduce((a, b) => (b.bad < a.bad ? b : a))
  if (best.bad > Math.floor(high * TOLERANCE)) return null
  const text = iconv().decode(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    best.encoding,
  )
  const encoding = best.encoding === 'windows-1252' && !c1 ? 'iso-8859-1' : best.encoding
  return { encoding, text }
}
