/**
 * Reading TMX 1.4b memories (from `fiche align`, `fiche translate` or a CAT
 * tool) into segment pairs with their inline codes. Same parser as the
 * translation files: no DTD, no entity expansion.
 */
import { kindOfCtype } from './xliff12.ts'
import { codeFromMarkdown, type Code, type Piece } from './content.ts'
import {
  attr,
  childElements,
  parseXml,
  textContent,
  XmlError,
  type XmlElement,
  type XmlNode,
} from './xml.ts'

/** A pair of the memory: French and English pieces over one code table. */
export interface MemoryPair {
  source: Piece[]
  target: Piece[]
  codes: Map<string, Code>
}

/** A `<seg>` as pieces; codes are named `x` (or `i`) and added to `codes`, prefixed by side. */
function segPieces(seg: XmlElement, codes: Map<string, Code>, side: string): Piece[] {
  // bpt … ept are siblings in TMX: rebuild the nesting with a stack.
  const root: Piece[] = []
  interface Frame {
    i: string
    id: string
    type: string | null
    start: string
    children: Piece[]
  }
  const stack: Frame[] = [{ i: '', id: '', type: null, start: '', children: root }]
  let n = 0
  const idFor = (element: XmlElement) => {
    const x = attr(element, 'x')
    n++
    return x ? `x${x}` : `${side}${n}`
  }
  const walk = (nodes: readonly XmlNode[]) => {
    for (const node of nodes) {
      const top = stack.at(-1)!
      if (node.type === 'text') {
        top.children.push({ type: 'text', value: node.value })
        continue
      }
      switch (node.local) {
        case 'bpt': {
          const id = idFor(node)
          const children: Piece[] = []
          top.children.push({ type: 'pc', id, children })
          const frame = {
            i: attr(node, 'i') ?? '',
            id,
            type: attr(node, 'type'),
            start: textContent(node),
            children,
          }
          stack.push(frame)
          break
        }
        case 'ept': {
          const i = attr(node, 'i') ?? ''
          const index = stack.findLastIndex((frame) => frame.i === i)
          const frame = stack[index]
          if (index > 0 && frame) {
            stack.length = index
            if (!codes.has(frame.id))
              codes.set(
                frame.id,
                codeFromMarkdown(kindOfCtype(frame.type), frame.start, textContent(node), true),
              )
          }
          break
        }
        case 'ph':
        case 'it': {
          const id = idFor(node)
          top.children.push({ type: 'ph', id })
          if (!codes.has(id))
            codes.set(
              id,
              codeFromMarkdown(kindOfCtype(attr(node, 'type')), textContent(node), '', false),
            )
          break
        }
        case 'hi':
          walk(node.children)
          break
        default:
          break
      }
    }
  }
  walk(seg.children)
  return root
}

const XML_NS = 'http://www.w3.org/XML/1998/namespace'

function languageOf(tuv: XmlElement): string {
  return (attr(tuv, 'lang', XML_NS) ?? attr(tuv, 'lang') ?? '').toLowerCase()
}

const sameLanguage = (tag: string, wanted: string) =>
  tag === wanted.toLowerCase() || tag.startsWith(`${wanted.toLowerCase()}-`)

/** The pairs of a TMX document between two languages; throws an `XmlError` naming the file. */
export function readTmx(text: string, file: string, source: string, target: string): MemoryPair[] {
  const doc = parseXml(text, file)
  if (doc.root.local !== 'tmx') {
    const { line, column } = doc.place(doc.root.start)
    throw new XmlError(
      file,
      line,
      column,
      `expected a TMX document (<tmx>), found <${doc.root.name}>`,
    )
  }
  const pairs: MemoryPair[] = []
  for (const body of childElements(doc.root, '', 'body')) {
    for (const tu of childElements(body, '', 'tu')) {
      const tuvs = childElements(tu, '', 'tuv')
      const from = tuvs.find((t) => sameLanguage(languageOf(t), source))
      const to = tuvs.find((t) => sameLanguage(languageOf(t), target))
      const fromSeg = from && childElements(from, '', 'seg')[0]
      const toSeg = to && childElements(to, '', 'seg')[0]
      if (!fromSeg || !toSeg) continue
      const codes = new Map<string, Code>()
      pairs.push({
        source: segPieces(fromSeg, codes, 's'),
        target: segPieces(toSeg, codes, 't'),
        codes,
      })
    }
  }
  return pairs
}
