/**
 * Limits past which a note is refused with a message naming the limit,
 * instead of exhausting time, memory or the stack. Measured on this project
 * (README, "Hostile input"): the Markdown parser slows down on very large
 * files, the recursive walks of the plugins, the emitters and the schema
 * overflow the stack past a few hundred levels, and the Word writer grows
 * quadratically with the links of one paragraph.
 *
 * Checks are cheap and run early: the size before reading, a scan of line
 * prefixes and emphasis runs before parsing, then an iterative walk of the
 * parsed tree (nesting through any kind of node, number of links).
 */
import type { Nodes, Root } from 'mdast'
import { CHUNK_CHARS, splitMarkdown } from './chunks.ts'

/** The limits of one build. */
export interface Limits {
  /** Largest note, in bytes. */
  fileBytes: number
  /** Deepest nesting of block quotes, lists and inline markup. */
  nestingDepth: number
  /** Most links in one note. */
  links: number
  /** Most links in one paragraph, heading or table cell (the Word writer is quadratic in them). */
  linksPerBlock: number
  /**
   * Longest stretch of a Markdown note, in characters, without a place where
   * it can be read in pieces (a blank line before a heading or a paragraph):
   * the Markdown parser holds such a stretch whole in memory, many times over.
   */
  blockChars: number
}

/**
 * Default limits: far above real notes, well below what breaks. A 5 MB note
 * builds in linear time (the Markdown reader parses it in pieces).
 */
export const DEFAULT_LIMITS: Limits = {
  fileBytes: 8_000_000,
  nestingDepth: 100,
  links: 50_000,
  linksPerBlock: 1_000,
  blockChars: 1_000_000,
}

/** Highest `nestingDepth` one may configure: the pipeline was tested to this depth. */
export const MAX_NESTING_DEPTH = 200

/** "1.2 MB" */
function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`
}

/** Why a file of `bytes` bytes is refused, or null. */
export function sizeReason(bytes: number, limits: Limits): string | null {
  if (bytes <= limits.fileBytes) return null
  return `Unexpected file of ${megabytes(bytes)} (${bytes} bytes), over the limit of ${limits.fileBytes} bytes (limits.fileBytes in pipeline.config.ts)`
}

const depthMessage = (depth: number, line: number, limits: Limits): string =>
  `Unexpected nesting ${depth} levels deep at line ${line}, over the limit of ${limits.nestingDepth} (limits.nestingDepth in pipeline.config.ts)`

const SPACE = 0x20
const TAB = 0x09
const NEWLINE = 0x0a

/**
 * An upper bound of the nesting of Markdown `text`, line by line, found
 * before parsing: block quote markers, list markers and the indentation
 * before them (a nested list item needs two more columns) at the start of a
 * line, and half
 * the longest run of `*`, `_` or `~` (each pair opens emphasis). Null when
 * within `limits`, else the reason.
 */
export function markdownNestingReason(text: string, limits: Limits): string | null {
  let line = 1
  let index = 0
  while (index < text.length) {
    let depth = 0
    let columns = 0
    // The container prefix: spaces, `>` and list markers.
    for (;;) {
      const code = text.charCodeAt(index)
      // Indentation counts before the first marker; the spaces after a marker belong to it.
      if (code === SPACE) columns += depth === 0 ? 1 : 0
      else if (code === TAB) columns += depth === 0 ? 4 : 0
      else if (code === 0x3e) depth++
      else if ((code === 0x2d || code === 0x2a || code === 0x2b) && isGap(text, index + 1)) depth++
      else if (code >= 0x30 && code <= 0x39) {
        let end = index
        while (end < index + 9 && isDigit(text.charCodeAt(end))) end++
        const marker = text.charCodeAt(end)
        if ((marker !== 0x2e && marker !== 0x29) || !isGap(text, end + 1)) break
        depth++
        index = end
      } else break
      index++
    }
    depth += Math.floor(columns / 2)
    // The rest of the line: the longest run of emphasis markers.
    let run = 0
    let longest = 0
    let previous = -1
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index)
      if (code === NEWLINE) break
      run = code === previous && (code === 0x2a || code === 0x5f || code === 0x7e) ? run + 1 : 1
      if (run > longest && (code === 0x2a || code === 0x5f || code === 0x7e)) longest = run
      previous = code
    }
    depth += Math.ceil(longest / 2)
    if (depth > limits.nestingDepth) return depthMessage(depth, line, limits)
    index++
    line++
  }
  return null
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39

/** White space or the end of the line after a list marker. */
function isGap(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return Number.isNaN(code) || code === SPACE || code === TAB || code === NEWLINE
}

/**
 * Why a parsed tree is refused: nesting deeper than the limit (through any
 * kind of node; a list item is one level with its list) or more links than
 * the limit; null when within `limits`. Iterative, in document order, so
 * that it never overflows the stack itself.
 */
/**
 * Why a Markdown text is refused before parsing: a stretch longer than
 * `limits.blockChars` that cannot be read in pieces (a 5 MB line, a list of
 * a million items without a blank line). Null when within the limit.
 */
export function blockReason(text: string, limits: Limits): string | null {
  if (text.length <= limits.blockChars) return null
  const { pieces } = splitMarkdown(text, Math.min(CHUNK_CHARS, limits.blockChars))
  for (const piece of pieces) {
    const length = piece.end - piece.start
    if (length > limits.blockChars) {
      return `Unexpected stretch of ${length} characters from line ${piece.lines + 1} without a blank line before a heading or a paragraph, over the limit of ${limits.blockChars} (limits.blockChars in pipeline.config.ts)`
    }
  }
  return null
}

export function treeReason(tree: Root, limits: Limits): string | null {
  // Each entry carries the block (paragraph, heading, table cell) it is in,
  // whose links are counted apart.
  const stack: Array<[Nodes, number, { links: number } | null]> = [[tree, 0, null]]
  let links = 0
  while (stack.length > 0) {
    const [node, depth, inBlock] = stack.pop()!
    const line = node.position?.start.line ?? 1
    if (depth > limits.nestingDepth) return depthMessage(depth, line, limits)
    if (node.type === 'link') {
      if (++links > limits.links)
        return `Unexpected link number ${links} at line ${line}, over the limit of ${limits.links} links (limits.links in pipeline.config.ts)`
      if (inBlock && ++inBlock.links > limits.linksPerBlock)
        return `Unexpected link number ${inBlock.links} of one paragraph at line ${line}, over the limit of ${limits.linksPerBlock} links per paragraph (limits.linksPerBlock in pipeline.config.ts)`
    }
    if (!('children' in node)) continue
    const childDepth = node.type === 'list' ? depth : depth + 1
    const block =
      node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell'
        ? { links: 0 }
        : inBlock
    for (let index = node.children.length - 1; index >= 0; index--)
      stack.push([node.children[index]!, childDepth, block])
  }
  return null
}
