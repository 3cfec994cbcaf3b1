/**
 * Decoding of text files (notes, termbases, sources registries): UTF-8 with
 * or without a byte-order mark, UTF-16 LE or BE with one; bytes that are not
 * UTF-8 are decoded as the single-byte Western encoding their letters read
 * best in (with a warning) or refused, as `encoding.fallback` says; binary
 * files are refused by name. Notes are then normalised (see
 * `source-map.ts`): the readers parse `text`, positions index `original`.
 */
import { readFileSync } from 'node:fs'
import { lazy } from '../lazy.ts'
import {
  binaryReason,
  binaryTextReason,
  byteOrderMark,
  ENCODING_NAMES,
  guessSingleByte,
  type TextEncoding,
} from './encoding.ts'
import { normalizeSource, replaceForbidden, type OffsetMap } from './source-map.ts'

const iconv = lazy<typeof import('iconv-lite')>('iconv-lite')

/** What to do with bytes that are not UTF-8: guess a Western single-byte encoding, or refuse. */
export type EncodingFallback = 'windows-1252' | 'error'

/** How text files are decoded. */
export interface EncodingSettings {
  fallback: EncodingFallback
}

/** The default: Word and Excel on Windows save Windows-1252; such files build, with a warning. */
export const DEFAULT_ENCODING: EncodingSettings = { fallback: 'windows-1252' }

/** How a data file (termbase, sources) is decoded, and where its warnings go. */
export interface ReadingOptions {
  encoding: EncodingSettings
  /** Receives the warnings of decoding (a guessed encoding, replaced characters), each naming its file. */
  warnings: string[]
}

/**
 * Reads and decodes a data file (`what`: "termbase", "sources file"), its
 * warnings into `reading.warnings`; errors name the file as `label`.
 */
export function readDataFile(
  file: string,
  label: string,
  what: string,
  reading: ReadingOptions | undefined,
): string {
  let bytes: Uint8Array
  try {
    bytes = readFileSync(file)
  } catch (error) {
    throw new DecodeError(
      label,
      `cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    )
  }
  const decoded = decodeText(bytes, label, reading?.encoding)
  for (const notice of decoded.notices) reading?.warnings.push(`${label}: ${notice}`)
  return decoded.text
}

/** A file that cannot be decoded; the message starts with the file. */
export class DecodeError extends Error {
  override name = 'DecodeError'
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

/** A decoded text file. */
export interface DecodedText {
  text: string
  encoding: TextEncoding
  /** Warnings to report once for the file (guessed encoding, replaced characters). */
  notices: string[]
}

/** 1-based line of a byte offset, and the column of the characters before it on that line. */
function byteLocation(bytes: Uint8Array, offset: number): string {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 0x0a) {
      line++
      lineStart = index + 1
    }
  }
  const column = iconv().decode(Buffer.from(bytes.subarray(lineStart, offset)), 'utf-8').length + 1
  return `${line}:${column}`
}

/** Offset of the first byte that breaks UTF-8 (the start of the broken sequence). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0
  while (index < bytes.length) {
    const byte = bytes[index]!
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0
    if (length === 0) return index
    const second = bytes[index + 1]
    if (length > 1) {
      const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80
      const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf
      if (second === undefined || second < low || second > high) return index
      for (let next = 2; next < length; next++) {
        const continuation = bytes[index + next]
        if (continuation === undefined || continuation < 0x80 || continuation > 0xbf) return index
      }
    }
    index += length
  }
  return bytes.length
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decodes bytes without the byte-order mark; throws `DecodeError` naming `file`. */
function decodeBytes(bytes: Uint8Array, file: string, settings: EncodingSettings): DecodedText {
  const mark = byteOrderMark(bytes)
  if (mark?.encoding === 'utf-32')
    throw new DecodeError(file, 'Unexpected UTF-32 text, expected UTF-8: save the file as UTF-8')
  if (mark?.encoding === 'utf-16le' || mark?.encoding === 'utf-16be') {
    const body = bytes.subarray(mark.length)
    const text = new TextDecoder(mark.encoding).decode(body)
    const binary = binaryTextReason(text)
    if (binary) throw new DecodeError(file, binary)
    const notices: string[] = []
    if (body.length % 2 === 1 || text.includes('\ufffd')) {
      notices.push(
        `Unexpected bytes that are not ${ENCODING_NAMES[mark.encoding]} (a truncated file or lone surrogates), replaced by U+FFFD`,
      )
    }
    return { text, encoding: mark.encoding, notices }
  }
  const binary = binaryReason(bytes)
  if (binary) throw new DecodeError(file, binary)
  try {
    return { text: fatalUtf8.decode(bytes), encoding: 'utf-8', notices: [] }
  } catch {
    const where = byteLocation(bytes, firstInvalidUtf8(bytes))
    const guess = guessSingleByte(bytes)
    if (!guess) {
      throw new DecodeError(
        file,
        `Unexpected bytes that are not UTF-8 at ${where}, and do not read as Windows-1252 or ISO-8859-15 either; expected a UTF-8 text file: save it as UTF-8`,
      )
    }
    const name = ENCODING_NAMES[guess.encoding]
    if (settings.fallback === 'error') {
      throw new DecodeError(
        file,
        `Unexpected bytes that are not UTF-8 at ${where} (the text looks like ${name}), expected UTF-8: save the file as UTF-8, or set encoding: { fallback: 'windows-1252' } in pipeline.config.ts`,
      )
    }
    return {
      text: guess.text,
      encoding: guess.encoding,
      notices: [
        `Unexpected bytes that are not UTF-8 at ${where}: decoded as ${name}, which its accented letters read as; save the file as UTF-8 to silence this warning`,
      ],
    }
  }
}

/** The message for characters replaced because XML forbids them. */
function replacedNotice(count: number, codes: string[]): string {
  const listed = codes.slice(0, 5).join(', ') + (codes.length > 5 ? ', …' : '')
  return `Unexpected control characters or lone surrogates (${count}: ${listed}), which XML forbids: form feeds and vertical tabs became spaces, the others U+FFFD`
}

/**
 * Decodes a data file (termbase, sources registry): any accepted encoding,
 * the characters XML forbids replaced. Throws `DecodeError` naming `file`.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  settings: EncodingSettings = DEFAULT_ENCODING,
): DecodedText {
  const decoded = decodeBytes(bytes, file, settings)
  const clean = replaceForbidden(decoded.text)
  if (!clean.replaced) return decoded
  return {
    ...decoded,
    text: clean.text,
    notices: [...decoded.notices, replacedNotice(clean.replaced.count, clean.replaced.codes)],
  }
}

/** A warning of a note's decoding, with the original offset it points at (null: the whole file). */
export interface DecodeNotice {
  ruleId: 'encoding' | 'forbidden-characters'
  reason: string
  offset: number | null
}

/** A decoded note. */
export interface NoteText {
  /** The normalised text the readers parse (LF, NFC). */
  text: string
  /** The file's own text (without byte-order mark, forbidden characters replaced): what positions index. */
  original: string
  /** Offsets of `text` → offsets of `original`. */
  map: OffsetMap
  encoding: TextEncoding
  notices: DecodeNotice[]
  /**
   * The lines (0-based) that held a form feed, a page break of PDF-to-text
   * output: the feeds themselves became spaces, and the plain-text reader
   * looks for page furniture from these lines (`file.data.pageBreakLines`).
   */
  pageBreakLines: number[]
}

/** White space, and the invisible characters that fill "empty" files. */
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff]*$/u

/**
 * Decodes and normalises a note. Throws `DecodeError` naming `file` for an
 * encoding it cannot read, a binary file, or a file with nothing to read.
 */
export function decodeNote(
  bytes: Uint8Array,
  file: string,
  settings: EncodingSettings = DEFAULT_ENCODING,
): NoteText {
  if (bytes.length === 0) throw new DecodeError(file, 'Unexpected empty file, expected a note')
  const decoded = decodeBytes(bytes, file, settings)
  if (BLANK.test(decoded.text))
    throw new DecodeError(file, 'Unexpected file with only white space, expected a note')
  const clean = replaceForbidden(decoded.text)
  const { text, map } = normalizeSource(clean.text)
  const notices: DecodeNotice[] = decoded.notices.map((reason) => ({
    ruleId: 'encoding',
    reason,
    offset: null,
  }))
  if (clean.replaced) {
    notices.push({
      ruleId: 'forbidden-characters',
      reason: replacedNotice(clean.replaced.count, clean.replaced.codes),
      offset: clean.replaced.first,
    })
  }
  return {
    text,
    original: clean.text,
    map,
    encoding: decoded.encoding,
    notices,
    pageBreakLines: formFeedLines(decoded.text),
  }
}

/** The lines (0-based; CRLF, CR and LF end a line) on which a form feed stands. Linear. */
export function formFeedLines(text: string): number[] {
  const lines: number[] = []
  let next = text.indexOf('\f')
  if (next < 0) return lines
  let line = 0
  for (let i = 0; i < text.length && next >= 0; i++) {
    const char = text.charCodeAt(i)
    if (i === next) {
      if (lines.at(-1) !== line) lines.push(line)
      next = text.indexOf('\f', i + 1)
    }
    if (char === 10 || (char === 13 && text.charCodeAt(i + 1) !== 10)) line++
  }
  return lines
}
