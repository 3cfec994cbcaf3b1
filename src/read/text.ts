/**
 * The plain-text reader: recovers the structure of a press article or a
 * plain note into the same mdast as the Markdown reader.
 *
 * - Leading metadata lines `key value` or `key: value` for known keys
 *   (date, titre/title, lieu/place, auteur/author, source); text following a
 *   `date YYYY-MM-DD` on the same line starts the first paragraph.
 * - Blocks are separated by blank lines; lines of a block are one paragraph.
 * - A short line without final punctuation standing before a paragraph is a
 *   heading: the title (depth 1) when it opens the text, a sub-heading
 *   (depth 2) between paragraphs. A text without such a first line has no title.
 * - Lines starting with `-`, `*`, `•` or `–` form a list.
 * - Bare URLs and e-mail addresses are links (see bare-links.ts).
 */
import type { Heading, Link, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast'
import type { Point } from 'unist'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { linkifyText, type Span } from './bare-links.ts'

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

  const blocksOfLines: Line[][] = []
  let current: Line[] = []
  for (; index < lines.length; index++) {
    const line = lines[index]!
    if (line.text.trim() === '') {
      if (current.length > 0) blocksOfLines.push(current)
      current = []
    } else current.push(line)
  }
  if (current.length > 0) blocksOfLines.push(current)
  const blocks = blocksOfLines.flatMap((block) =>
    isOneParagraphPerLine(block) ? block.map((line) => [line]) : [block],
  )

  const children: RootContent[] = []
  const hasTitle = typeof meta.title === 'string'
  blocks.forEach((block, blockIndex) => {
    const isLast = blockIndex === blocks.length - 1
    const first = block[0]!
    if (block.every((line) => BULLET.test(line.text))) {
      children.push(buildList(block, span))
      return
    }
    if (block.length === 1 && !isLast && isHeadingLine(first.text)) {
      const depth = blockIndex === 0 && children.length === 0 && !hasTitle ? 1 : 2
      children.push(buildHeading(first, depth, span))
      return
    }
    if (block.length > 1 && isHeadingLine(first.text) && isShortAmong(first, block)) {
      const depth = blockIndex === 0 && children.length === 0 && !hasTitle ? 1 : 2
      children.push(buildHeading(first, depth, span))
      block = block.slice(1)
    }
    children.push(buildParagraph(block, span))
  })

  return { type: 'root', children, position: span(0, source.length) }
}

const BULLET = /^\s*[-*•–]\s+\S/

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
  return /^[\p{Lu}\d«"“]/u.test(trimmed)
}

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
  return block.filter(ends).length >= 2 || block.some((line) => isHeadingLine(line.text))
}

/** True when the first line is clearly shorter than the wrapped lines after it. */
function isShortAmong(first: Line, block: Line[]): boolean {
  const longest = Math.max(...block.slice(1).map((line) => line.text.trim().length))
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

function buildList(block: Line[], span: Span): List {
  const items: ListItem[] = block.map((line) => {
    const [start, end] = trimmedRange(line)
    const marker = /^\s*[-*•–]\s+/.exec(line.text)![0].length
    const textStart = line.start + marker
    const paragraph: Paragraph = {
      type: 'paragraph',
      children: linkifyText(line.text.slice(marker).trim(), textStart, span),
      position: span(textStart, end),
    }
    return { type: 'listItem', spread: false, children: [paragraph], position: span(start, end) }
  })
  const start = trimmedRange(block[0]!)[0]
  const end = trimmedRange(block.at(-1)!)[1]
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items,
    position: span(start, end),
  }
}
