/**
 * The content of a translation unit: text with inline codes, split into
 * sentence segments. Markup never reaches the translator as literal
 * Markdown: emphasis, strong, deletions and links are paired codes; line
 * breaks, footnote references, images and inline code are placeholders. A
 * code's data (link target, citation, footnote identifier, image URL, code
 * text) lives in the unit's code table keyed by the code's id, not in the
 * text, so that a translator can move a code but not break it.
 */
import type { Inline } from '../model/schema.ts'
import { safeHref } from '../text/citations.ts'
import { sentenceBounds } from './segment.ts'

/** What an inline code stands for. */
export type Code =
  | { kind: 'emphasis' | 'strong' | 'delete' }
  | { kind: 'link'; href: string; citationId: string | null }
  | { kind: 'footnote'; identifier: string }
  | { kind: 'break' }
  | { kind: 'image'; url: string; alt: string }
  | { kind: 'code'; value: string }
  | { kind: 'foreign'; paired: boolean; data: string }

/** Text, a paired code around content, or a placeholder; codes are named by id. */
export type Piece =
  | { type: 'text'; value: string }
  | { type: 'pc'; id: string; children: Piece[] }
  | { type: 'ph'; id: string }

/** The content of a unit (or of a memory entry): its segments and the codes they use. */
export interface Content {
  /** Sentence segments, in order; joined by one space they make the unit. */
  segments: Piece[][]
  /** Codes by id. */
  codes: Map<string, Code>
}

function backticks(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  return longest > 0 ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`
}

/** The Markdown a code stands for: its start (or the whole placeholder) and its end. */
export function codeMarkdown(code: Code): [string, string] {
  switch (code.kind) {
    case 'emphasis':
      return ['*', '*']
    case 'strong':
      return ['**', '**']
    case 'delete':
      return ['~~', '~~']
    case 'link':
      return ['[', `](${safeHref(code.href)})`]
    case 'footnote':
      return [`[^${code.identifier}]`, '']
    case 'break':
      return ['\\\n', '']
    case 'image':
      return [`![${code.alt}](${safeHref(code.url)})`, '']
    case 'code':
      return [backticks(code.value), '']
    case 'foreign':
      return [code.data, '']
  }
}

/** The code a kind and its Markdown stand for (the reverse of `codeMarkdown`); other kinds are foreign. */
export function codeFromMarkdown(
  kind: Code['kind'] | undefined,
  start: string,
  end: string,
  paired: boolean,
): Code {
  switch (kind) {
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'break':
      return { kind }
    case 'link':
      return { kind, href: safeHref(/^\]\((.*)\)$/s.exec(end)?.[1] ?? ''), citationId: null }
    case 'footnote':
      return { kind, identifier: /^\[\^(.*)\]$/s.exec(start)?.[1] ?? '' }
    case 'image': {
      const match = /^!\[(.*)\]\((.*)\)$/s.exec(start)
      return { kind, alt: match?.[1] ?? '', url: safeHref(match?.[2] ?? '') }
    }
    case 'code':
      return { kind, value: start.replace(/^(`+) ?([\s\S]*?) ?\1$/, '$2') }
    default:
      return { kind: 'foreign', paired, data: start + end }
  }
}

/** Whether a code kind is paired (has content) or a placeholder. */
export function isPaired(code: Code): boolean {
  return code.kind === 'foreign'
    ? code.paired
    : code.kind === 'emphasis' ||
        code.kind === 'strong' ||
        code.kind === 'delete' ||
        code.kind === 'link'
}

/** Content tree before ids are given: codes inline. */
type Node = { text: string } | { code: Code; children: Node[] } | { code: Code }

const BLANK = /[\s]+/g

function toNodes(inlines: readonly Inline[], images: Array<Inline & { type: 'image' }>): Node[] {
  const nodes: Node[] = []
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        nodes.push({ text: inline.value })
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
        nodes.push({ code: { kind: inline.type }, children: toNodes(inline.children, images) })
        break
      case 'link':
        nodes.push({
          code: { kind: 'link', href: safeHref(inline.href), citationId: inline.citationId },
          children: toNodes(inline.children, images),
        })
        break
      case 'code':
        nodes.push({ code: { kind: 'code', value: inline.value } })
        break
      case 'break':
        nodes.push({ code: { kind: 'break' } })
        break
      case 'footnoteReference':
        nodes.push({ code: { kind: 'footnote', identifier: inline.identifier } })
        break
      case 'image':
        images.push(inline)
        nodes.push({ code: { kind: 'image', url: safeHref(inline.url), alt: inline.alt } })
        break
    }
  }
  return nodes
}

/** Collapses white space runs (not no-break spaces) to one space across the tree; trims the ends. */
function collapse(nodes: Node[]): Node[] {
  let lastSpace = true
  const walk = (list: Node[]): Node[] =>
    list.flatMap((node): Node[] => {
      if ('text' in node) {
        let text = node.text.replace(BLANK, ' ')
        if (lastSpace) text = text.replace(/^ /, '')
        if (text === '') return []
        lastSpace = text.endsWith(' ')
        return [{ text }]
      }
      if ('children' in node) return [{ code: node.code, children: walk(node.children) }]
      if (node.code.kind === 'break') lastSpace = true
      else lastSpace = false
      return [node]
    })
  const out = walk(nodes)
  trimEnd(out)
  return out
}

function trimEnd(nodes: Node[]): void {
  const last = nodes.at(-1)
  if (!last) return
  if ('text' in last) {
    last.text = last.text.replace(/ $/, '')
    if (last.text === '') {
      nodes.pop()
      trimEnd(nodes)
    }
  } else if ('children' in last) trimEnd(last.children)
}

/** The plain text of nodes, placeholders as U+FFFC, for finding sentence bounds. */
function plainOf(nodes: Node[]): string {
  return nodes
    .map((node) =>
      'text' in node ? node.text : 'children' in node ? plainOf(node.children) : '\uFFFC',
    )
    .join('')
}

function lengthOf(node: Node): number {
  if ('text' in node) return node.text.length
  if ('children' in node) return node.children.reduce((sum, child) => sum + lengthOf(child), 0)
  return 1
}

/** The part of `nodes` within `[start, end)` of their plain text; paired codes are cut. */
function sliceNodes(nodes: Node[], start: number, end: number): Node[] {
  const out: Node[] = []
  let offset = 0
  for (const node of nodes) {
    const length = lengthOf(node)
    const from = offset
    offset += length
    if (offset <= start || from >= end) continue
    if ('text' in node) {
      out.push({ text: node.text.slice(Math.max(0, start - from), end - from) })
    } else if ('children' in node) {
      const children = sliceNodes(node.children, start - from, end - from)
      if (children.length > 0) out.push({ code: node.code, children })
    } else out.push(node)
  }
  return out
}

/**
 * The content of inline model content: white space collapsed, split into
 * sentences, codes numbered 1, 2, 3… in reading order. A paired code that
 * spans two sentences becomes one code in each. Also returns the images met,
 * whose alternative texts are units of their own.
 */
export function contentOf(inlines: readonly Inline[]): {
  content: Content
  images: Array<Inline & { type: 'image' }>
} {
  const images: Array<Inline & { type: 'image' }> = []
  const nodes = collapse(toNodes(inlines, images))
  const plain = plainOf(nodes)
  const bounds = sentenceBounds(plain)
  const codes = new Map<string, Code>()
  const number = (list: Node[]): Piece[] =>
    list.map((node): Piece => {
      if ('text' in node) return { type: 'text', value: node.text }
      const id = String(codes.size + 1)
      codes.set(id, node.code)
      return 'children' in node
        ? { type: 'pc', id, children: number(node.children) }
        : { type: 'ph', id }
    })
  const segments = bounds.map(([start, end]) => number(sliceNodes(nodes, start, end)))
  return { content: { segments, codes }, images }
}

/** The content of plain text (headings, front matter, alternative texts). */
export function plainContent(text: string): Content {
  return contentOf([{ type: 'text', value: text }]).content
}

/** Plain text of pieces, placeholders left out. */
export function piecesText(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) =>
      piece.type === 'text' ? piece.value : piece.type === 'pc' ? piecesText(piece.children) : '',
    )
    .join('')
}

/** The whole text of a content, its segments joined by a space. */
export function contentText(content: Content): string {
  return content.segments.map(piecesText).join(' ')
}

function codeLabel(code: Code | undefined, withData: boolean): string {
  if (!code) return '?'
  if (!withData) return code.kind
  switch (code.kind) {
    case 'link':
      return `link ${code.href}`
    case 'footnote':
      return `footnote ${code.identifier}`
    case 'image':
      return `image ${code.url}`
    case 'code':
      return `code ${code.value}`
    case 'foreign':
      return `foreign ${code.data}`
    default:
      return code.kind
  }
}

/**
 * A key of pieces for comparing: text with white space collapsed and codes
 * as `⟦kind⟧…⟦/⟧` (with their data when `withData`), ids left out, so that the
 * same text with the same markup gives the same key whatever the ids.
 */
export function piecesKey(
  pieces: readonly Piece[],
  codes: ReadonlyMap<string, Code>,
  withData = false,
): string {
  const walk = (list: readonly Piece[]): string =>
    list
      .map((piece) => {
        if (piece.type === 'text') return piece.value
        const label = codeLabel(codes.get(piece.id), withData)
        return piece.type === 'pc' ? `⟦${label}⟧${walk(piece.children)}⟦/⟧` : `⟦${label}/⟧`
      })
      .join('')
  return walk(pieces).replace(/\s+/g, ' ').trim()
}

/** The key of a whole content (see `piecesKey`). */
export function contentKey(content: Content, withData = false): string {
  return content.segments.map((s) => piecesKey(s, content.codes, withData)).join(' ')
}

/** Segments as one, joined by spaces. */
export function joinSegments(segments: readonly Piece[][]): Piece[] {
  return segments.flatMap((s, i) => (i > 0 ? [{ type: 'text' as const, value: ' ' }, ...s] : s))
}

/** Ids of the codes used in pieces, in reading order (with repeats). */
export function codeIds(pieces: readonly Piece[]): string[] {
  return pieces.flatMap((piece) =>
    piece.type === 'text'
      ? []
      : piece.type === 'pc'
        ? [piece.id, ...codeIds(piece.children)]
        : [piece.id],
  )
}

/** Words of a text, as translation tools count them (letters or digits in a row). */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/**
 * Target pieces as model inlines, with each code restored from the SOURCE's
 * code table by id (so a link keeps its target whatever the translator did).
 * Codes the source does not have are dropped and their ids returned, for QA.
 */
export function piecesToInlines(
  pieces: readonly Piece[],
  codes: ReadonlyMap<string, Code>,
  altText: (image: Code & { kind: 'image' }) => string = (image) => image.alt,
): { inlines: Inline[]; unknown: string[] } {
  const unknown: string[] = []
  const walk = (list: readonly Piece[]): Inline[] =>
    list.flatMap((piece): Inline[] => {
      if (piece.type === 'text') return [{ type: 'text', value: piece.value }]
      const code = codes.get(piece.id)
      const children = piece.type === 'pc' ? walk(piece.children) : []
      switch (code?.kind) {
        case 'emphasis':
        case 'strong':
        case 'delete':
          return [{ type: code.kind, children }]
        case 'link':
          return [{ type: 'link', href: code.href, citationId: code.citationId, children }]
        case 'footnote':
          return [{ type: 'footnoteReference', identifier: code.identifier }, ...children]
        case 'break':
          return [{ type: 'break' }, ...children]
        case 'image':
          return [{ type: 'image', url: code.url, alt: altText(code) }, ...children]
        case 'code':
          return [{ type: 'code', value: code.value }, ...children]
        default:
          unknown.push(piece.id)
          return children
      }
    })
  return { inlines: walk(pieces), unknown }
}
