/**
 * Parsing a long Markdown note in pieces. micromark keeps the events of the
 * whole document until the end of a parse, so its memory and, through the
 * garbage collector, its time grow faster than the text: a 5 MB note took
 * 17 s and 640 MB to parse in one go, against 0.7 s and 130 MB per 250 KB.
 * Cut before top-level headings and paragraphs, each piece is parsed alone and
 * the trees are joined, with their positions moved to where the piece sits in
 * the note.
 *
 * A cut is safe before a line that follows a blank line and starts, in its
 * first column, with `#` (a heading) or a letter (a paragraph: a list, a
 * quote, a footnote or a table ends at a blank line followed by such a line,
 * and no list marker is a letter), outside front matter,
 * fenced code and the HTML blocks that run until a closing marker (`<pre>`,
 * `<script>`, `<style>`, `<textarea>`, comments, `<?…?>`, `<!X…>`, CDATA).
 * References may point across pieces, so every piece is parsed with stubs of
 * the note's definitions appended (`[label]: #`, `[^label]: #`): micromark then
 * recognises the references as the whole note would, and the stubs are
 * dropped from the tree. The result is the tree of a single parse
 * (`tests/read/chunks.test.ts` compares them on real notes).
 *
 * One pass over the lines, then one parse per piece: linear in the note.
 */
import type { Root, RootContent } from 'mdast'
import { visit } from 'unist-util-visit'

/** Below this many characters a note is parsed in one go. */
export const CHUNK_CHARS = 200_000

/** Where a piece starts: its offset in the note and the number of lines before it. */
export interface Piece {
  start: number
  end: number
  lines: number
}

/** HTML blocks (CommonMark types 1 to 5) that end at a marker, not at a blank line. */
const HTML_BLOCKS: Array<[open: RegExp, close: RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/iu, /<\/(?:script|pre|style|textarea)>/iu],
  [/^ {0,3}<!--/u, /-->/u],
  [/^ {0,3}<\?/u, /\?>/u],
  [/^ {0,3}<![A-Za-z]/u, />/u],
  [/^ {0,3}<!\[CDATA\[/u, /\]\]>/u],
]

const FENCE = /^ {0,3}(`{3,}|~{3,})/u
/** A line a piece may start with, after a blank line: a heading or a paragraph. */
const CUT = /^(?:#{1,6}(?:[ \t]|$)|\p{L})/u
const DEFINITION = /^ {0,3}\[((?:[^[\]\\\n]|\\.){1,999})\]:/u

/** The lines of a text as [start, end) offsets, line endings excluded. */
function* lines(text: string): Generator<[number, number]> {
  const eol = /\r\n|\r|\n/gu
  let start = 0
  for (const match of text.matchAll(eol)) {
    yield [start, match.index]
    start = match.index + match[0].length
  }
  yield [start, text.length]
}

/**
 * The pieces of a note, each at least `size` characters but the last, and the
 * labels of its definitions (link and footnote, as written).
 */
export function splitMarkdown(
  text: string,
  size = CHUNK_CHARS,
): {
  pieces: Piece[]
  labels: string[]
} {
  const pieces: Piece[] = []
  const labels = new Set<string>()
  let pieceStart = 0
  let pieceLines = 0
  let line = 0
  let fence: { char: string; length: number } | null = null
  let html: RegExp | null = null
  let frontMatter = false
  let previousBlank = true
  for (const [start, end] of lines(text)) {
    const content = text.slice(start, end)
    const blank = /^[ \t]*$/u.test(content)
    if (line === 0 && content === '---') frontMatter = true
    else if (frontMatter) {
      if (content === '---' || content === '...') frontMatter = false
    } else if (fence) {
      const close = FENCE.exec(content)
      if (
        close &&
        close[1]![0] === fence.char &&
        close[1]!.length >= fence.length &&
        /^[ \t]*$/u.test(content.slice(close[0].length))
      ) {
        fence = null
      }
    } else if (html) {
      if (html.test(content)) html = null
    } else {
      const open = FENCE.exec(content)
      const block = HTML_BLOCKS.find(([opens]) => opens.test(content))
      if (previousBlank && CUT.test(content) && start - pieceStart >= size) {
        pieces.push({ start: pieceStart, end: start, lines: pieceLines })
        pieceStart = start
        pieceLines = line
      }
      if (open && !(open[1]![0] === '`' && content.slice(open[0].length).includes('`'))) {
        fence = { char: open[1]![0]!, length: open[1]!.length }
      } else if (block && !block[1].test(content.slice(content.search(/</u) + 2))) {
        html = block[1]
      } else {
        const definition = DEFINITION.exec(content)
        if (definition) labels.add(definition[1]!)
      }
    }
    previousBlank = blank
    line++
  }
  pieces.push({ start: pieceStart, end: text.length, lines: pieceLines })
  return { pieces, labels: [...labels] }
}

/**
 * Parses `text` with `parse` piece by piece and joins the trees; a text
 * shorter than `size` is parsed in one go.
 */
export function parseInPieces(
  text: string,
  parse: (text: string) => Root,
  size = CHUNK_CHARS,
): Root {
  if (text.length < size) return parse(text)
  const { pieces, labels } = splitMarkdown(text, size)
  if (pieces.length === 1) return parse(text)
  const stubs = labels.map((label) => `[${label}]: #\n`).join('')
  const children: RootContent[] = []
  for (const piece of pieces) {
    const source = text.slice(piece.start, piece.end)
    const length = source.length
    const tree = parse(stubs === '' ? source : `${source}\n\n${stubs}`)
    const kept = tree.children.filter(
      (node) => node.position === undefined || node.position.start.offset! < length,
    )
    const root: Root = { type: 'root', children: kept }
    visit(root, (node) => {
      if (node === root || !node.position) return
      node.position.start.line += piece.lines
      node.position.end.line += piece.lines
      node.position.start.offset! += piece.start
      node.position.end.offset! += piece.start
    })
    children.push(...kept)
  }
  const last = pieces.at(-1)!
  const tail = text.slice(last.start).split(/\r\n|\r|\n/u)
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: last.lines + tail.length, column: tail.at(-1)!.length + 1, offset: text.length },
    },
  }
}
