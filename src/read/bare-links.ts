/**
 * Bare URLs and e-mail addresses of plain text as mdast links, so that a
 * `.txt` note's links reach the model as a Markdown note's do (remark-gfm's
 * autolink literals): `https://…` and `http://…` as written, `www.…` with
 * `http://` before it, an address with `mailto:` before it. Punctuation that
 * ends the sentence rather than the URL (`.`, `,`, `;`, `:`, `!`, `?`, `…`,
 * quotes, `»`, and a `)` or `]` without its opening one in the URL) is left
 * out of the link.
 */
import type { Link, Text } from 'mdast'
import type { Point } from 'unist'

/** Source positions of an offset range. */
export type Span = (start: number, end: number) => { start: Point; end: Point }

/** A URL (scheme or `www.` then a host with a dot) or an e-mail address, not inside a word. */
const BARE_LINK =
  /(?<![\p{L}\p{N}@._%+/-])(?:(?:https?:\/\/|www\.(?=[\p{L}\p{N}-]+\.))[^\s<>"«»“”]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})/gu

/** Characters that end a sentence or a quotation rather than a URL. */
const TRAILING = /[.,;:!?…'’»"”*_]$/u

const count = (text: string, char: string) => text.split(char).length - 1

/** Drops the punctuation after a URL: final stops, quotes, and closing brackets it does not open. */
function trimTrailing(url: string): string {
  let end = url
  for (;;) {
    if (TRAILING.test(end)) end = end.slice(0, -1)
    else if (end.endsWith(')') && count(end, ')') > count(end, '(')) end = end.slice(0, -1)
    else if (end.endsWith(']') && count(end, ']') > count(end, '[')) end = end.slice(0, -1)
    else return end
  }
}

/** The target of a bare link as remark-gfm gives it. */
function hrefOf(literal: string): string {
  if (/^https?:\/\//iu.test(literal)) return literal
  if (/^www\./iu.test(literal)) return `http://${literal}`
  return `mailto:${literal}`
}

/**
 * Splits `value`, which starts at source offset `start`, into text and link
 * nodes with their positions. Without a bare link: one text node.
 */
export function linkifyText(value: string, start: number, span: Span): Array<Text | Link> {
  const nodes: Array<Text | Link> = []
  let last = 0
  const text = (from: number, to: number) => {
    if (to > from)
      nodes.push({
        type: 'text',
        value: value.slice(from, to),
        position: span(start + from, start + to),
      })
  }
  for (const match of value.matchAll(BARE_LINK)) {
    const literal = trimTrailing(match[0])
    const from = match.index
    const to = from + literal.length
    const hostOrLocal = literal.replace(/^(?:https?:\/\/|www\.)/iu, '')
    if (hostOrLocal === '') continue
    text(last, from)
    const position = span(start + from, start + to)
    nodes.push({
      type: 'link',
      url: hrefOf(literal),
      title: null,
      children: [{ type: 'text', value: literal, position }],
      position,
    })
    last = to
  }
  text(last, value.length)
  return nodes
}
