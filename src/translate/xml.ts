/**
 * A lossless XML tree for translation files: every element keeps its offsets
 * in the text it was parsed from, so that a unit nobody changed can be
 * written back byte for byte (its slice of the original text), and a changed
 * one can keep the parts it does not change.
 *
 * Parsing uses saxes, which does not read DTDs: a document with a DOCTYPE is
 * refused outright, so no entity (internal or external) is ever expanded, and
 * an undeclared entity reference is an error.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes'
import { location } from 'vfile-location'

/** An attribute as written, with its namespace resolved. */
export interface XmlAttribute {
  name: string
  local: string
  uri: string
  value: string
}

/** An element and where it stands in the source text. */
export interface XmlElement {
  type: 'element'
  name: string
  local: string
  uri: string
  attributes: XmlAttribute[]
  children: XmlNode[]
  /** Offset of `<`. */
  start: number
  /** Offset just after the start tag's `>`. */
  startTagEnd: number
  /** Offset just after the end tag (or of the self-closing tag). */
  end: number
  /** Offset of the end tag's `<` (equal to `end` when self-closing). */
  endTagStart: number
}

/** Text (decoded), or an element. */
export type XmlNode = XmlElement | { type: 'text'; value: string }

/** A file that is not well-formed XML, or that has a DOCTYPE; names the file and the place. */
export class XmlError extends Error {
  override name = 'XmlError'
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`)
  }
}

/** A parsed document: its root element, its text and a way to turn offsets into line:column. */
export interface XmlDocument {
  root: XmlElement
  text: string
  file: string
  /** 1-based line and column of an offset. */
  place(offset: number): { line: number; column: number }
}

/** Parses `text`; throws an `XmlError` naming `file` and the line:column of the first problem. */
export function parseXml(text: string, file: string): XmlDocument {
  const where = location(text)
  const place = (offset: number) => {
    const point = where.toPoint(Math.min(offset, text.length))
    return { line: point?.line ?? 1, column: point?.column ?? 1 }
  }
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  let failure: XmlError | null = null
  const fail = (offset: number, reason: string) => {
    if (failure) return
    const { line, column } = place(offset)
    failure = new XmlError(file, line, column, reason)
  }
  parser.on('error', (error) => {
    fail(parser.position, error.message.replace(/^\d+:\d+: /, ''))
  })
  parser.on('doctype', () => {
    fail(
      text.lastIndexOf('<!DOCTYPE', parser.position),
      'a DOCTYPE is not allowed (entities are never expanded)',
    )
  })
  parser.on('opentagstart', (tag) => {
    const start = text.lastIndexOf(`<${tag.name}`, parser.position)
    const element: XmlElement = {
      type: 'element',
      name: tag.name,
      local: '',
      uri: '',
      attributes: [],
      children: [],
      start,
      startTagEnd: start,
      end: start,
      endTagStart: start,
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(element)
    else if (!root) root = element
    stack.push(element)
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element = stack.at(-1)
    if (!element) return
    element.local = tag.local
    element.uri = tag.uri
    element.attributes = Object.values(tag.attributes).map((a) => ({
      name: a.name,
      local: a.local,
      uri: a.uri,
      value: a.value,
    }))
    element.startTagEnd = parser.position
    if (tag.isSelfClosing) {
      element.end = parser.position
      element.endTagStart = parser.position
    }
  })
  parser.on('closetag', (tag) => {
    const element = stack.pop()
    if (!element || tag.isSelfClosing) return
    element.end = parser.position
    element.endTagStart = text.lastIndexOf('</', parser.position)
  })
  const addText = (value: string) => {
    const parent = stack.at(-1)
    if (!parent) return
    const last = parent.children.at(-1)
    if (last?.type === 'text') last.value += value
    else parent.children.push({ type: 'text', value })
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  try {
    parser.write(text).close()
  } catch (error) {
    fail(parser.position, (error as Error).message.replace(/^\d+:\d+: /, ''))
  }
  if (failure) throw failure
  if (!root) throw new XmlError(file, 1, 1, 'no root element')
  return { root, text, file, place }
}

/** The value of an attribute (without namespace) of an element, or null. */
export function attr(element: XmlElement, local: string, uri = ''): string | null {
  for (const a of element.attributes) if (a.local === local && a.uri === uri) return a.value
  return null
}

/** The child elements of an element in a namespace, optionally of one local name. */
export function childElements(element: XmlElement, uri: string, local?: string): XmlElement[] {
  return element.children.filter(
    (c): c is XmlElement =>
      c.type === 'element' && c.uri === uri && (local === undefined || c.local === local),
  )
}

/** The text content of an element and its descendants. */
export function textContent(node: XmlNode): string {
  return node.type === 'text' ? node.value : node.children.map(textContent).join('')
}
