/**
 * Flattens the inline content of an mdast block into one plain string, with
 * the source offset of every character, so that extractors work on plain
 * text and still report exact source positions.
 */
import type { Link, Nodes, Parents } from 'mdast'

/** A link inside the flattened text. */
export interface FlatLink {
  node: Link
  start: number
  end: number
}

/** The plain text of a block and where each character comes from. */
export interface FlatText {
  text: string
  /** `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` is the end. */
  offsets: number[]
  links: FlatLink[]
  /** Start and end offsets in `text` of the inline code spans (code, not prose). */
  codes: Array<[number, number]>
}

/** Inline nodes whose text is not part of the prose. */
const SKIPPED = new Set(['html', 'footnoteReference', 'image', 'imageReference'])

/**
 * Flattens `node`'s inline descendants (not nested blocks such as lists).
 * `source` is the whole file, used to map text values (which may differ from
 * the source through escapes and entities) back to offsets.
 */
export function flattenInline(node: Parents, source: string): FlatText {
  const flat: FlatText = { text: '', offsets: [], links: [], codes: [] }
  const visit = (child: Nodes): void => {
    if (SKIPPED.has(child.type)) return
    if (child.type === 'list' || child.type === 'code' || child.type === 'table') return
    if (child.type === 'text' || child.type === 'inlineCode') {
      const start = flat.text.length
      appendMapped(
        flat,
        child.value,
        source,
        child.position?.start.offset,
        child.position?.end.offset,
      )
      if (child.type === 'inlineCode') flat.codes.push([start, flat.text.length])
      return
    }
    if (child.type === 'break') {
      appendMapped(flat, '\n', source, child.position?.start.offset, child.position?.end.offset)
      return
    }
    if ('children' in child) {
      const start = flat.text.length
      for (const grandchild of child.children) visit(grandchild as Nodes)
      if (child.type === 'link') flat.links.push({ node: child, start, end: flat.text.length })
      if (child.type === 'paragraph') {
        appendMapped(flat, '\n', source, child.position?.end.offset, child.position?.end.offset)
      }
    }
  }
  for (const child of node.children) visit(child as Nodes)
  if (node.type === 'listItem' || node.type === 'blockquote') {
    while (flat.text.endsWith('\n')) {
      flat.text = flat.text.slice(0, -1)
      flat.offsets.pop()
    }
  }
  flat.offsets.push(
    flat.offsets.length > 0 ? lastEnd(flat, source) : (node.position?.end.offset ?? 0),
  )
  return flat
}

function lastEnd(flat: FlatText, source: string): number {
  const last = flat.offsets.at(-1) ?? 0
  return Math.min(source.length, last + 1)
}

/**
 * Appends `value` and maps each of its characters to the source between
 * `from` and `to`: character by character when the source holds the same
 * characters, skipping what the source has in excess (escapes, entities,
 * line prefixes such as `> `).
 */
function appendMapped(
  flat: FlatText,
  value: string,
  source: string,
  from: number | undefined,
  to: number | undefined,
): void {
  const start = from ?? 0
  const end = to ?? start
  let cursor = start
  for (const char of value) {
    let found = -1
    for (let probe = cursor; probe < end && probe < cursor + 12; probe++) {
      if (source.startsWith(char, probe)) {
        found = probe
        break
      }
    }
    const at = found === -1 ? Math.min(cursor, Math.max(start, end - 1)) : found
    for (let unit = 0; unit < char.length; unit++) flat.offsets.push(at + unit)
    flat.text += char
    if (found !== -1) cursor = found + char.length
    else if (cursor < end) cursor = skipEntity(source, cursor, end)
  }
}

function skipEntity(source: string, cursor: number, end: number): number {
  const entity = /^&(?:#\d+|#x[0-9a-f]+|\w+);/i.exec(
    source.slice(cursor, Math.min(end, cursor + 12)),
  )
  return entity ? cursor + entity[0].length : cursor + 1
}

/** The source span of `flat.text.slice(start, end)`. */
export function sourceSpan(flat: FlatText, start: number, end: number): [number, number] {
  const from = flat.offsets[start] ?? flat.offsets.at(-1) ?? 0
  const last = end > start ? flat.offsets[end - 1] : undefined
  const to = last === undefined ? from : last + 1
  return [from, to]
}
