/**
 * The plain-text reader: recovers the structure of a press article or a
 * plain note into the same mdast as the Markdown reader.
 *
 * - Leading metadata lines `key value` or `key: value` for known keys
 *   (date, titre/title, lieu/place, auteur/author, source); text following a
 *   `date YYYY-MM-DD` on the same line starts the first paragraph.
 * - Blocks are separated by blank lines; lines of a block are one paragraph.
 *   A line that goes on with the sentence of the block before it (no final
 *   punctuation, then a small letter) continues that block: double-spaced OCR
 *   text and paragraphs cut by a page break. Page numbers and running headers
 *   and footers of PDF-to-text output are left out (see `pageFurniture`).
 * - A short line without final punctuation standing before a paragraph is a
 *   heading: the title (depth 1) when it opens the text, a sub-heading
 *   (depth 2) between paragraphs. A text without such a first line has no title.
 * - Lines starting with `-`, `*`, `•` or `–` form a list; lines after one that
 *   do not start so continue its item (hard-wrapped text).
 * - A bullet glyph alone on its line starts a list item, as PDF-to-text tools
 *   write lists: the glyph on the line before the item, or a column of glyphs
 *   before all the items (see `glyphGroups` and `splitItems`).
 * - Bare URLs and e-mail addresses are links (see bare-links.ts).
 */
import type { Heading, Link, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { linkifyText, type Span } from './bare-links.ts'

declare module 'vfile' {
  interface DataMap {
    /**
     * Lines (0-based) that held a form feed before decoding made it a space
     * (see `NoteText.pageBreakLines`): the page breaks of PDF-to-text output.
     */
    pageBreakLines: number[]
  }
}

/** Metadata keys recognised on the first lines, mapped to model names. */
const META_KEYS: Record<string, string> = {
  date: 'date',
  titre: 'title',
  title: 'title',
  lieu: 'place',
  place: 'place',
  auteur: 'author',
  auteurs: 'author',
  author: 'author',
  source: 'source',
}

interface Line {
  text: string
  start: number
}

/** Longest line that is still a heading, in characters. */
const HEADING_MAX_LENGTH = 120
const HEADING_MAX_WORDS = 16

/** Reads plain text into mdast; metadata lines go to `file.data.frontmatter`. */
export function readText(file: VFile): Root {
  const source = String(file)
  const place = location(file)
  const point = (offset: number): Point => {
    const p = place.toPoint(offset)
    return p ? { line: p.line, column: p.column, offset } : { line: 1, column: 1, offset }
  }
  const span = (start: number, end: number) => ({ start: point(start), end: point(end) })

  const lines = splitLines(source)
  const meta: Record<string, unknown> = {}
  let index = 0
  while (index < lines.length && lines[index]!.text.trim() === '') index++
  while (index < lines.length) {
    const line = lines[index]!
    const match = /^(\s*)([\p{L}]+)\s*[:=]?\s+(.*)$/u.exec(line.text)
    const key = match ? META_KEYS[match[2]!.toLowerCase()] : undefined
    if (!match || !key) break
    const rest = match[3]!
    if (key === 'date') {
      const date = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\b[\s,.;:–-]*/.exec(rest)
      if (!date) break
      meta.date = date[1]
      const remainder = rest.slice(date[0].length)
      if (remainder.trim() !== '') {
        const offset = line.start + line.text.length - remainder.length
        lines[index] = { text: remainder, start: offset }
        break
      }
    } else {
      if (/[.!?]$/.test(rest.trim()) && rest.split(/\s+/).length > 8) break
      meta[key] = rest.trim()
    }
    index++
  }
  file.data.frontmatter = meta

  const breaks = new Set(file.data.pageBreakLines ?? [])
  lines.forEach((line, i) => {
    if (line.text.includes('\f')) breaks.add(i)
  })
  const furniture = pageFurniture(lines, breaks)
  const blocksOfLines: Line[][] = []
  let current: Line[] = []
  for (; index < lines.length; index++) {
    const line = lines[index]!
    if (line.text.trim() === '' || furniture.has(index)) {
      if (current.length > 0) blocksOfLines.push(current)
      current = []
      continue
    }
    // A sentence cut by a page break, or by the blank lines of double-spaced
    // text (as OCR writes it), goes on after them.
    const before = blocksOfLines.at(-1)
    if (current.length === 0 && before && goesOn(before.at(-1)!, line))
      current = blocksOfLines.pop()!
    current.push(line)
  }
  if (current.length > 0) blocksOfLines.push(current)
  const children: RootContent[] = []
  const hasTitle = typeof meta.title === 'string'
  /** Lines with no bullet glyph alone among them: lists, headings and paragraphs. */
  const pushProse = (lines: Line[], isLast: boolean): void => {
    // A list whose glyph bullets follow a line of text without a blank line.
    const list = lines.findIndex((line, i) => i > 0 && GLYPH_BULLET.test(line.text))
    if (list > 0) {
      pushProse(lines.slice(0, list), false)
      pushProse(lines.slice(list), isLast)
      return
    }
    const blocks = isOneParagraphPerLine(lines) ? lines.map((line) => [line]) : [lines]
    blocks.forEach((block, index) => {
      const last = isLast && index === blocks.length - 1
      const depth = children.length === 0 && !hasTitle ? 1 : 2
      const first = block[0]!
      if (BULLET.test(first.text)) {
        children.push(buildList(bulletItems(block), span))
        return
      }
      if (block.length === 1 && !last && isHeadingLine(first.text)) {
        children.push(buildHeading(first, depth, span))
        return
      }
      if (block.length > 1 && isHeadingLine(first.text) && isShortAmong(first, block)) {
        children.push(buildHeading(first, depth, span))
        block = block.slice(1)
      }
      children.push(buildParagraph(block, span))
    })
  }
  // A list laid out as PDF-to-text tools write it: each bullet glyph alone on
  // its line, before the item's text or as a column of glyphs before all the
  // items (see `glyphGroups`). `pending` holds the glyphs of such a column
  // still waiting for their text, which can come blocks later.
  let pending: Line[] = []
  let glyphList: List | null = null
  const pushItems = (glyphs: Line[], text: Line[]): Line[] => {
    const { items, rest } = splitItems(text, glyphs.length)
    const list = buildList(items, span, glyphs[0]!)
    if (glyphList && children.at(-1) === glyphList) {
      glyphList.children.push(...list.children)
      glyphList.position = { start: glyphList.position!.start, end: list.position!.end }
    } else {
      children.push(list)
      glyphList = list
    }
    return rest
  }
  blocksOfLines.forEach((lines, blockIndex) => {
    const isLast = blockIndex === blocksOfLines.length - 1
    const { head, groups } = glyphGroups(lines)
    let prose = head
    if (pending.length > 0 && prose.length > 0) {
      prose = pushItems(pending, prose)
      pending = []
    }
    if (prose.length > 0) pushProse(prose, isLast && groups.length === 0)
    groups.forEach((group, index) => {
      if (group.text.length === 0) {
        pending.push(...group.glyphs)
        return
      }
      const rest = pushItems(group.glyphs, group.text)
      if (rest.length > 0) pushProse(rest, isLast && index === groups.length - 1)
    })
  })

  return { type: 'root', children, position: span(0, source.length) }
}

/** A line opening with a list marker, then the item's text (the marker with its spaces in group 1). */
const BULLET = /^(\s*[-*•–◦▪●○■□‣➢➤►▶✓✔❖\uF0A7\uF0B7\uF0D8\uF0FC]\s+)\S/u

/**
 * A line opening with a bullet glyph (not a dash, which also opens a
 * sentence's aside): it starts a list even after a line of text.
 */
const GLYPH_BULLET = /^\s*[•◦▪●○■□‣➢➤►▶✓✔❖\uF0A7\uF0B7\uF0D8\uF0FC]\s+\S/u

function splitLines(source: string): Line[] {
  const lines: Line[] = []
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g
  for (const match of source.matchAll(pattern)) {
    if (match[0] === '' && match.index >= source.length) break
    lines.push({ text: match[1]!, start: match.index })
    if (match[2] === '') break
  }
  return lines
}

/** A short line that does not end as a sentence does, and starts like a title. */
export function isHeadingLine(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.length === 0 || trimmed.length > HEADING_MAX_LENGTH) return false
  if (trimmed.split(/\s+/).length > HEADING_MAX_WORDS) return false
  if (/[.,;:!?…»"”)\]-]$/.test(trimmed)) return false
  if (endsOpen(trimmed)) return false
  return /^[\p{Lu}\d«"“]/u.test(trimmed)
}

/**
 * Words a heading does not end with but a hard-wrapped line often does:
 * French (and English) articles, prepositions, conjunctions and relative
 * pronouns ("… qui regroupe un ensemble de").
 */
const LINE_GOES_ON = new Set(
  (
    'le la les l un une des du de d au aux à a en dans sur sous par pour avec sans entre vers chez ' +
    'et ou ni mais donc or car que qu qui dont où ce cette ces son sa ses leur leurs notre nos votre ' +
    'the of and or to in on for with by from that which'
  ).split(' '),
)

/**
 * Text pasted with one paragraph per line and no blank lines between: every
 * line ends a sentence or is a heading line, and at least one line is long
 * enough to be a paragraph (hard-wrapped text has lines ending mid-sentence).
 */
function isOneParagraphPerLine(block: Line[]): boolean {
  if (block.length < 2) return false
  const ends = (line: Line) => /[.!?…»"”)]$/u.test(line.text.trim())
  if (!block.every((line) => ends(line) || isHeadingLine(line.text))) return false
  if (BULLET.test(block[0]!.text)) return false
  // A line going on with the sentence of the one before: hard-wrapped text.
  for (let i = 1; i < block.length; i++) if (goesOn(block[i - 1]!, block[i]!)) return false
  return block.filter(ends).length >= 2 || block.some((line) => isHeadingLine(line.text))
}

/** True when the first line is clearly shorter than the wrapped lines after it. */
function isShortAmong(first: Line, block: Line[]): boolean {
  let longest = 0
  for (let i = 1; i < block.length; i++) longest = Math.max(longest, block[i]!.text.trim().length)
  return first.text.trim().length < longest * 0.6
}

function trimmedRange(line: Line): [number, number] {
  const lead = line.text.length - line.text.trimStart().length
  const tail = line.text.trimEnd().length
  return [line.start + lead, line.start + tail]
}

function buildHeading(line: Line, depth: 1 | 2, span: Span): Heading {
  const [start, end] = trimmedRange(line)
  return {
    type: 'heading',
    depth,
    children: linkifyText(line.text.trim(), start, span),
    position: span(start, end),
  }
}

function buildParagraph(block: Line[], span: Span): Paragraph {
  const children: Array<Text | Link> = []
  block.forEach((line, index) => {
    const [start, end] = trimmedRange(line)
    children.push(...linkifyText(line.text.trim(), start, span))
    const next = block[index + 1]
    if (next)
      children.push({ type: 'text', value: '\n', position: span(end, trimmedRange(next)[0]) })
  })
  const [start] = trimmedRange(block[0]!)
  const [, end] = trimmedRange(block.at(-1)!)
  return { type: 'paragraph', children: mergeTexts(children, span), position: span(start, end) }
}

/** Merges each run of adjacent text nodes into one, spanning the run. */
function mergeTexts(nodes: Array<Text | Link>, span: Span): Array<Text | Link> {
  const merged: Array<Text | Link> = []
  for (const node of nodes) {
    const previous = merged.at(-1)
    if (node.type === 'text' && previous?.type === 'text') {
      merged[merged.length - 1] = {
        type: 'text',
        value: previous.value + node.value,
        position: span(previous.position!.start.offset!, node.position!.end.offset!),
      }
    } else merged.push(node)
  }
  return merged
}

/**
 * A list of `items`, each a run of lines (a hard-wrapped item has several);
 * an item's first line may open with its marker. `glyph`, the first bullet
 * glyph of a list whose glyphs stand alone on their lines, starts the list.
 */
function buildList(items: Line[][], span: Span, glyph?: Line): List {
  const children: ListItem[] = items.map((lines) => {
    const first = lines[0]!
    const marker = BULLET.exec(first.text)?.[1]?.length ?? 0
    const itemLines = [
      { text: first.text.slice(marker), start: first.start + marker },
      ...lines.slice(1),
    ]
    const paragraph = buildParagraph(itemLines, span)
    const start = trimmedRange(first)[0]
    const end = trimmedRange(lines.at(-1)!)[1]
    return { type: 'listItem', spread: false, children: [paragraph], position: span(start, end) }
  })
  const start = glyph ? trimmedRange(glyph)[0] : children[0]!.position!.start.offset!
  const end = children.at(-1)!.position!.end.offset!
  return { type: 'list', ordered: false, spread: false, children, position: span(start, end) }
}

/**
 * The items of a block that opens with a bullet line: each bullet line
 * starts an item, the lines after it (a hard-wrapped item) continue it.
 */
function bulletItems(block: Line[]): Line[][] {
  const items: Line[][] = []
  for (const line of block) {
    if (BULLET.test(line.text) || items.length === 0) items.push([line])
    else items.at(-1)!.push(line)
  }
  return items
}

/**
 * A bullet glyph alone on its line, as PDF-to-text tools (pdftotext) leave
 * them: Word's bullets, dashes and arrows, its "o" of a second level, and the
 * private-use code points of its Symbol and Wingdings bullets.
 */
const GLYPH = /^\s*(?:[•◦▪▫●○■□‣⁃➢➤►▶✓✔❖–—\-\uF0A7\uF0B7\uF0D8\uF076\uF0FC]|o)\s*$/u

/** A block's lines before its first lone glyph, then each run of glyphs with the text after it. */
interface GlyphGroups {
  head: Line[]
  groups: Array<{ glyphs: Line[]; text: Line[] }>
}

/**
 * Splits a block at its lone bullet glyphs. pdftotext writes a list either
 * with each glyph on the line before its item's text, or as a column of
 * glyphs followed by the items' lines; a glyph run with no text after it in
 * the block (`text` empty) gets its items from the next block.
 */
function glyphGroups(block: Line[]): GlyphGroups {
  const head: Line[] = []
  const groups: GlyphGroups['groups'] = []
  for (const line of block) {
    const isGlyph = GLYPH.test(line.text)
    const group = groups.at(-1)
    if (isGlyph) {
      if (group && group.text.length === 0) group.glyphs.push(line)
      else groups.push({ glyphs: [line], text: [] })
    } else if (group) group.text.push(line)
    else head.push(line)
  }
  return { head, groups }
}

/** Lines at the top or bottom of a page looked at for running headers and footers. */
const PAGE_EDGE = 2

/** A page number once its digits are `#`: "12", "- 12 -", "-12.", "Page 12 sur 40", "12/40". */
const PAGE_NUMBER =
  /^(?:[-–—(]\s*)?#(?:\s*[-–—)])?\.?$|^(?:page|p\.)\s*#(?:\s*(?:sur|de|of|\/)\s*#)?$|^#\s*(?:\/|sur)\s*#$/iu

/**
 * The lines (by index) of a PDF-to-text output's page furniture: page
 * numbers and running headers and footers. Pages start at the `breaks`
 * (lines that held a form feed, as pdftotext writes them); among the first
 * and last `PAGE_EDGE` lines of each page, a page number, or a line found
 * (digits aside) at the edge of at least 40 % of the pages and 3 of them, is
 * furniture. The top of the first page is kept (a running header repeats the title). A text of
 * fewer than 3 pages has none. Linear in the number of lines.
 */
function pageFurniture(lines: Line[], breaks: ReadonlySet<number>): Set<number> {
  const furniture = new Set<number>()
  const starts = [0, ...[...breaks].filter((i) => i > 0).sort((a, b) => a - b)]
  if (starts.length < 3) return furniture
  const keyOf = (i: number) =>
    lines[i]!.text.replace(/\f/gu, '').trim().replace(/\d+/gu, '#').replace(/\s+/gu, ' ')
  const edges = starts.map((from, page) => {
    const to = starts[page + 1] ?? lines.length
    const found = new Set<number>()
    const look = (i: number, tally: { n: number }) => {
      if (tally.n >= PAGE_EDGE || lines[i]!.text.trim() === '') return
      tally.n++
      if (!GLYPH.test(lines[i]!.text)) found.add(i)
    }
    const top = { n: 0 }
    for (let i = from; i < to && top.n < PAGE_EDGE; i++) look(i, top)
    const bottom = { n: 0 }
    for (let i = to - 1; i >= from && bottom.n < PAGE_EDGE; i--) look(i, bottom)
    return [...found]
  })
  const pages = new Map<string, number>()
  for (const edge of edges)
    for (const key of new Set(edge.map(keyOf))) pages.set(key, (pages.get(key) ?? 0) + 1)
  const often = Math.max(3, Math.ceil(starts.length * 0.4))
  edges.forEach((edge, page) => {
    for (const i of edge) {
      const key = keyOf(i)
      const number = PAGE_NUMBER.test(key)
      if (page === 0 && !number && i < (starts[1] ?? 0) / 2) continue
      if (number || pages.get(key)! >= often) furniture.add(i)
    }
  })
  return furniture
}

/**
 * Whether `next`, after blank lines or a page break, goes on with the
 * sentence that `line` left open: no final punctuation, then a small letter.
 */
function goesOn(line: Line, next: Line): boolean {
  const text = line.text.trim()
  const after = next.text.trim()
  if (/[.!?:;…»"”)]$/u.test(text) || GLYPH.test(after) || BULLET.test(next.text)) return false
  return /^\p{Ll}/u.test(after) || endsOpen(text)
}

/** Whether a line ends with a word that cannot end a sentence or a heading ("… à compter du"). */
function endsOpen(text: string): boolean {
  return LINE_GOES_ON.has(text.slice(text.lastIndexOf(' ') + 1).toLowerCase())
}

/** Whether a line ends as an item or a sentence does. */
const ENDS_ITEM = /[.;:!?…]$/u

/**
 * The `count` items of a column of glyphs in the lines that follow it, and
 * the lines after the last item. Items end, first, at lines that end with
 * punctuation; when there are too few of those, also at a line clearly
 * shorter than the others followed by one that starts with a capital (a
 * wrapped item fills its lines). One glyph takes all the lines. Linear in
 * the number of lines.
 */
function splitItems(lines: Line[], count: number): { items: Line[][]; rest: Line[] } {
  if (count <= 1 || lines.length === 1) return { items: [lines], rest: [] }
  const strong: number[] = []
  const weak: number[] = []
  let longest = 0
  for (const line of lines) longest = Math.max(longest, line.text.trim().length)
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!.text.trim()
    if (ENDS_ITEM.test(previous)) strong.push(i)
    else if (previous.length < longest * 0.8 && /^[\p{Lu}\d«"“]/u.test(lines[i]!.text.trim()))
      weak.push(i)
  }
  let cuts: number[]
  if (strong.length >= count - 1) cuts = strong
  else if (strong.length + weak.length < count - 1 && lines.length <= count) {
    // Too few ends to tell the items apart, and no more lines than glyphs: one line each.
    return { items: lines.map((line) => [line]), rest: [] }
  } else {
    const needed = count - 1 - strong.length
    cuts = [...strong, ...weak.slice(0, needed)].sort((a, b) => a - b)
  }
  const items: Line[][] = []
  let from = 0
  for (const cut of cuts) {
    if (items.length === count - 1) break
    items.push(lines.slice(from, cut))
    from = cut
  }
  // The last item runs to the next line that ends with punctuation.
  const lastEnd = cuts.find((cut) => cut > from) ?? lines.length
  items.push(lines.slice(from, lastEnd))
  return { items, rest: lines.slice(lastEnd) }
}
