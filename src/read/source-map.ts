/**
 * The text the pipeline reads, and the way back to the file. A note's
 * decoded text is normalised once: CRLF and lone CR become LF, letters are
 * composed (NFC, so that "é" written as e + U+0301 matches "é" in terms,
 * statistics and acronyms). The readers parse the normalised text;
 * `remapPositions` then turns every position of the tree into a position of
 * the file's own text through `OffsetMap.toOriginal`, so that the plugins,
 * `Draft.position`, the model and the rules all work in the file's offsets
 * while the text values they read are normalised. The characters XML 1.0
 * forbids are replaced one for one (`replaceForbidden`), before.
 */
import type { Nodes, Root } from 'mdast'
import type { Point as UnistPoint } from 'unist'
import { location } from 'vfile-location'

/**
 * Offsets of the normalised text → offsets of the original text. Stored as
 * breakpoints: at normalised offset `from[i]` the original offset is
 * `to[i]`; between two breakpoints both advance together (never past the
 * next breakpoint). Empty for a text that normalisation left unchanged.
 */
export class OffsetMap {
  private readonly from: number[]
  private readonly to: number[]

  constructor(from: number[] = [], to: number[] = []) {
    this.from = from
    this.to = to
  }

  /** True when every offset is its own original offset. */
  get isIdentity(): boolean {
    return this.from.length === 0
  }

  /** The original offset of a normalised offset (offsets past the end extend the last line). */
  toOriginal(offset: number): number {
    let low = 0
    let high = this.from.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (this.from[middle]! <= offset) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found === -1) return offset
    const mapped = this.to[found]! + (offset - this.from[found]!)
    const next = this.to[found + 1]
    return next === undefined ? mapped : Math.min(mapped, next)
  }
}

/** Characters replaced at decoding, reported once per file. */
export interface Replacements {
  count: number
  /** Normalised offset of the first one. */
  first: number
  /** Distinct code points, as `U+XXXX`, in order of appearance. */
  codes: string[]
}

/** Line breaks, and runs of non-ASCII characters with the ASCII letter they may compose with. */
// eslint-disable-next-line no-control-regex -- ASCII is the point
const UNNORMALISED = /\r\n?|[\u0000-\u0009\u000b\u000c\u000e-\u007f]?[^\u0000-\u007f]+/gu
/** A starter and its combining marks (or marks alone): the units NFC composes. */
const COMPOSING_UNIT = /\P{M}\p{M}*|\p{M}+/gu

/** Normalises line breaks to LF and letters to NFC, keeping the map back to `original`; linear. */
export function normalizeSource(original: string): { text: string; map: OffsetMap } {
  const pieces: string[] = []
  const from: number[] = []
  const to: number[] = []
  let copied = 0
  let length = 0
  const emit = (piece: string): void => {
    pieces.push(piece)
    length += piece.length
  }
  const breakpoint = (originalOffset: number): void => {
    from.push(length)
    to.push(originalOffset)
  }
  for (const match of original.matchAll(UNNORMALISED)) {
    const chunk = match[0]
    if (chunk[0] === '\r') {
      emit(original.slice(copied, match.index))
      emit('\n')
      copied = match.index + chunk.length
      if (chunk.length === 2) breakpoint(copied)
      continue
    }
    if (chunk.normalize('NFC') === chunk) continue
    emit(original.slice(copied, match.index))
    let at = match.index
    for (const unit of chunk.matchAll(COMPOSING_UNIT)) {
      const composed = unit[0].normalize('NFC')
      emit(composed)
      at += unit[0].length
      if (composed.length !== unit[0].length) breakpoint(at)
    }
    copied = match.index + chunk.length
  }
  if (from.length === 0 && pieces.length === 0) return { text: original, map: new OffsetMap() }
  emit(original.slice(copied))
  return { text: pieces.join(''), map: new OffsetMap(from, to) }
}

/**
 * What XML 1.0 forbids, and what no output should carry: C0 controls but tab
 * and line feed, DEL and the C1 controls, U+FFFE, U+FFFF and lone surrogates.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu

/**
 * Replaces, one for one so that offsets hold, the characters XML forbids:
 * form feeds and vertical tabs (page breaks pasted from PDFs) by spaces, the
 * others by U+FFFD.
 */
export function replaceForbidden(text: string): { text: string; replaced: Replacements | null } {
  let count = 0
  let first = -1
  const codes = new Set<string>()
  const clean = text.replace(FORBIDDEN, (char: string, offset: number) => {
    if (count++ === 0) first = offset
    codes.add(`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    return char === '\f' || char === '\v' ? ' ' : '\ufffd'
  })
  return count === 0
    ? { text, replaced: null }
    : { text: clean, replaced: { count, first, codes: [...codes] } }
}

/**
 * Rewrites, in place, the positions of a tree parsed from the normalised
 * text into positions of the original text, so that the plugins, the model
 * and the rules see one coordinate system: the file's. Iterative (trees may
 * be deep). Text values keep their normalised form.
 */
export function remapPositions(tree: Root, map: OffsetMap, original: string): void {
  if (map.isIdentity) return
  const place = location(original)
  const done = new WeakSet<object>()
  const remap = (point: UnistPoint): void => {
    if (done.has(point) || point.offset === undefined) return
    done.add(point)
    const offset = map.toOriginal(point.offset)
    const mapped = place.toPoint(offset)
    point.offset = offset
    if (mapped) {
      point.line = mapped.line
      point.column = mapped.column
    }
  }
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.position) {
      remap(node.position.start)
      remap(node.position.end)
    }
    if ('children' in node) stack.push(...(node.children as Nodes[]))
  }
}
