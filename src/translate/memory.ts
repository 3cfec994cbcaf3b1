/**
 * Translation memory: exact matches (same text, same inline codes with the
 * same data) and fuzzy matches (token similarity at or above a threshold,
 * 0.75 by default) for the segments of a unit. Candidates come from an
 * inverted index of tokens, so a lookup scores a few dozen entries, not the
 * whole memory. A match's codes are mapped onto the unit's codes in reading
 * order (kinds must agree); the score is an integer percentage.
 */
import {
  codeIds,
  joinSegments,
  piecesKey,
  piecesText,
  type Code,
  type Content,
  type Piece,
} from './content.ts'
import { similarity, TokenAlphabet, tokens } from './similarity.ts'
import type { TranslationFile } from './read.ts'
import type { MemoryPair } from './tmx.ts'

/** A pair of the memory and where it comes from. */
export interface MemoryEntry extends MemoryPair {
  from: string
}

/** A match for one unit: target pieces per segment (the unit's code ids), score, origin. */
export interface MemoryMatch {
  pieces: Piece[][]
  score: number
  from: string
}

interface Indexed {
  entry: MemoryEntry
  encoded: string
  length: number
}

/** Most candidates scored per lookup. */
const CANDIDATES = 40

/** A token list longer than this share of the memory is too common to find candidates with. */
const COMMON = 0.2

/** A translation memory built once, looked up per unit. */
export class TranslationMemory {
  readonly #exact = new Map<string, MemoryEntry>()
  /** Entries without codes (a plain-text TMX from another tool), by collapsed text. */
  readonly #plain = new Map<string, MemoryEntry>()
  readonly #entries: Indexed[] = []
  readonly #postings = new Map<string, number[]>()
  readonly #alphabet = new TokenAlphabet()

  constructor(
    entries: Iterable<MemoryEntry>,
    readonly threshold = 0.75,
  ) {
    for (const entry of [...entries].flatMap((e) => [e, ...withoutNumber(e)])) {
      if (piecesText(entry.target).trim() === '') continue
      const exact = piecesKey(entry.source, entry.codes, true)
      if (exact === '' || this.#exact.has(exact)) continue
      if (codeIds(entry.source).length === 0 && codeIds(entry.target).length === 0) {
        const plain = collapsed(piecesText(entry.source))
        if (!this.#plain.has(plain)) this.#plain.set(plain, entry)
      }
      this.#exact.set(exact, entry)
      const list = tokens(piecesKey(entry.source, entry.codes))
      const index = this.#entries.length
      this.#entries.push({ entry, encoded: this.#alphabet.encode(list), length: list.length })
      for (const token of new Set(list)) {
        const posting = this.#postings.get(token)
        if (posting) posting.push(index)
        else this.#postings.set(token, [index])
      }
    }
  }

  /** Number of distinct source segments. */
  get size(): number {
    return this.#entries.length
  }

  /** The best match of one segment at or above the threshold, or null. */
  lookupSegment(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): MemoryMatch | null {
    const exact = this.#exact.get(piecesKey(pieces, codes, true))
    if (exact) {
      const mapped = mapCodes(exact, pieces, codes)
      if (mapped) return { pieces: [mapped], score: 100, from: exact.from }
    }
    const plain = this.#plainMatch(pieces, codes)
    if (plain) return plain
    const list = tokens(piecesKey(pieces, codes))
    if (list.length === 0) return null
    const encoded = this.#alphabet.encode(list)
    const counts = new Map<number, number>()
    const limit = Math.max(50, this.#entries.length * COMMON)
    for (const token of new Set(list)) {
      const posting = this.#postings.get(token)
      if (!posting || posting.length > limit) continue
      for (const index of posting) counts.set(index, (counts.get(index) ?? 0) + 1)
    }
    const candidates = [...counts]
      .filter(([index]) => {
        const length = this.#entries[index]!.length
        return length >= list.length * this.threshold && length * this.threshold <= list.length
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, CANDIDATES)
    let best: { indexed: Indexed; score: number } | null = null
    for (const [index] of candidates) {
      const indexed = this.#entries[index]!
      const score = similarity(encoded, indexed.encoded)
      if (score >= this.threshold && (!best || score > best.score)) best = { indexed, score }
    }
    if (!best) return null
    const mapped = mapCodes(best.indexed.entry, pieces, codes)
    if (!mapped) return null
    return {
      pieces: [mapped],
      score: Math.min(99, Math.floor(best.score * 100)),
      from: best.indexed.entry.from,
    }
  }

  /**
   * A segment with codes against a plain-text entry: the segment's text with
   * its codes' text put back (`config/config.ini` for inline code, the link's
   * text for a link) compared with the entry's source; the target is rebuilt
   * with the segment's codes around (or in place of) their text found in the
   * entry's target. Scored 99, so it stays for review. When a code's text is
   * not found in the target (a translated link text, say), or a paired code
   * holds other codes, there is no plain match (the fuzzy match may still
   * apply): a target without the codes would be broken.
   */
  #plainMatch(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): MemoryMatch | null {
    if (this.#plain.size === 0 || codeIds(pieces).length === 0) return null
    const entry = this.#plain.get(collapsed(withCodeText(pieces, codes)))
    if (!entry) return null
    const target = rebuild(piecesText(entry.target), pieces, codes)
    return target ? { pieces: [target], score: 99, from: entry.from } : null
  }

  /**
   * A match for a whole unit: the unit as one segment first, then segment by
   * segment (every segment must match); the score is the lowest segment's.
   */
  lookup(content: Content): MemoryMatch | null {
    const { segments, codes } = content
    if (segments.length > 1) {
      const whole = this.lookupSegment(joinSegments(segments), codes)
      if (whole?.score === 100) return whole
    }
    const found: Piece[][] = []
    let score = 100
    let from = ''
    for (const segment of segments) {
      const match = this.lookupSegment(segment, codes)
      if (!match) return null
      found.push(match.pieces[0]!)
      score = Math.min(score, match.score)
      from ||= match.from
      if (match.from !== from) from = 'several memories'
    }
    return found.length > 0 ? { pieces: found, score, from } : null
  }
}

const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The text a code shows in plain text; null for codes that show none. */
function codeText(piece: Piece, codes: ReadonlyMap<string, Code>): string | null {
  if (piece.type === 'text') return piece.value
  if (piece.type === 'pc') return withCodeText(piece.children, codes)
  const code = codes.get(piece.id)
  switch (code?.kind) {
    case 'code':
      return code.value
    case 'image':
      return code.alt
    case 'break':
      return ' '
    default:
      return null
  }
}

/** Plain text of pieces with the codes' text put back (see `codeText`). */
function withCodeText(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): string {
  return pieces.map((piece) => codeText(piece, codes) ?? '').join('')
}

/**
 * The target text with the segment's codes re-inserted: each code's text
 * is looked for in the target (first occurrence not already taken) and
 * replaced by the code; null when one cannot be found.
 */
function rebuild(
  target: string,
  pieces: readonly Piece[],
  codes: ReadonlyMap<string, Code>,
): Piece[] | null {
  const spans: Array<{ start: number; end: number; piece: Piece }> = []
  for (const piece of pieces) {
    if (piece.type === 'text') continue
    if (piece.type === 'pc' && codeIds(piece.children).length > 0) return null
    const text = codeText(piece, codes)
    if (text === null) return null
    const wanted = text.trim()
    if (wanted === '') return null
    let at = target.indexOf(wanted)
    while (at >= 0 && spans.some((s) => at < s.end && at + wanted.length > s.start))
      at = target.indexOf(wanted, at + 1)
    if (at < 0) return null
    spans.push({ start: at, end: at + wanted.length, piece })
  }
  if (spans.length === 0) return null
  spans.sort((a, b) => a.start - b.start)
  const out: Piece[] = []
  let cursor = 0
  for (const { start, end, piece } of spans) {
    if (start > cursor) out.push({ type: 'text', value: target.slice(cursor, start) })
    out.push(
      piece.type === 'pc'
        ? {
            type: 'pc',
            id: piece.id,
            children: [{ type: 'text', value: target.slice(start, end) }],
          }
        : piece,
    )
    cursor = end
  }
  if (cursor < target.length) out.push({ type: 'text', value: target.slice(cursor) })
  return out
}

const NUMBER = /^\s*(\d+(?:\.\d+)*\.?)\s+(?=\S)/

/**
 * A heading's pair without its manual number ("1.2 Le règlement" / "1.2 The
 * Regulation"), since heading units leave the number out; none when the two
 * sides do not start with the same number.
 */
function withoutNumber(entry: MemoryEntry): MemoryEntry[] {
  const [source, target] = [entry.source[0], entry.target[0]]
  if (source?.type !== 'text' || target?.type !== 'text') return []
  const number = NUMBER.exec(source.value)
  if (!number || NUMBER.exec(target.value)?.[1] !== number[1]) return []
  const strip = (piece: Piece & { type: 'text' }): Piece => ({
    type: 'text',
    value: piece.value.replace(NUMBER, ''),
  })
  return [
    {
      ...entry,
      source: [strip(source), ...entry.source.slice(1)],
      target: [strip(target), ...entry.target.slice(1)],
    },
  ]
}

/**
 * The entry's target with its codes renamed to the unit's: the n-th distinct
 * code of the entry's source is the n-th of the unit's segment, when their
 * kinds agree; other codes are dropped (their content kept).
 */
function mapCodes(
  entry: MemoryEntry,
  pieces: readonly Piece[],
  codes: ReadonlyMap<string, Code>,
): Piece[] | null {
  const theirs = [...new Set(codeIds(entry.source))]
  const ours = [...new Set(codeIds(pieces))]
  const rename = new Map<string, string>()
  theirs.forEach((id, i) => {
    const mine = ours[i]
    if (mine !== undefined && entry.codes.get(id)?.kind === codes.get(mine)?.kind)
      rename.set(id, mine)
  })
  const walk = (list: readonly Piece[]): Piece[] =>
    list.flatMap((piece): Piece[] => {
      if (piece.type === 'text') return [piece]
      const id = rename.get(piece.id)
      if (piece.type === 'pc')
        return id ? [{ type: 'pc', id, children: walk(piece.children) }] : walk(piece.children)
      return id ? [{ type: 'ph', id }] : []
    })
  return walk(entry.target)
}

/**
 * The translated units of a file as memory entries: the whole unit, and each
 * segment when the target is segmented like the source. Stale, draft and
 * untranslated units are left out.
 */
export function memoryEntries(file: TranslationFile, from: string): MemoryEntry[] {
  const entries: MemoryEntry[] = []
  for (const unit of file.units) {
    if (unit.status !== 'translated' || !unit.target) continue
    const { segments, codes } = unit.source
    entries.push({ source: joinSegments(segments), target: joinSegments(unit.target), codes, from })
    if (segments.length > 1 && unit.target.length === segments.length) {
      segments.forEach((segment, i) =>
        entries.push({ source: segment, target: unit.target![i]!, codes, from }),
      )
    }
  }
  return entries
}
