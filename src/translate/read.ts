/**
 * Reading a translation file (XLIFF 1.2 or 2.0) back: its units with their
 * source, target, state and everything else as written, so that a resync can
 * keep what it does not change. A malformed or foreign file is an error that
 * names the file and the line:column, never a silent overwrite.
 */
import { codeFromMarkdown, isPaired, type Code, type Content, type Piece } from './content.ts'
import { safeHref } from '../text/citations.ts'
import { UNIT_KINDS, type UnitKind } from './units.ts'
import {
  attr,
  childElements,
  parseXml,
  textContent,
  XmlError,
  type XmlDocument,
  type XmlElement,
  type XmlNode,
} from './xml.ts'
import { kindOfCtype, OBSOLETE_GROUP, XLIFF12_NS } from './xliff12.ts'
import { XLIFF20_NS } from './xliff20.ts'

/** Where a unit stands in its translation process. */
export type UnitStatus = 'new' | 'translated' | 'review' | 'stale' | 'draft'

/** A unit as read from a translation file. */
export interface FileUnit {
  id: string
  kind: UnitKind | null
  obsolete: boolean
  element: XmlElement
  source: Content
  /** Target per segment (one when the target is not segmented); null without a target. */
  target: Piece[][] | null
  /** Raw inner XML of the target(s): one for 1.2, one per segment for 2.0 (null where none). */
  targetXml: Array<string | null>
  /** Raw attributes of `<target>` (1.2) or of each `<segment>` (2.0). */
  targetAttributes: string[]
  status: UnitStatus
  /** Raw attributes of the unit element other than those fiche writes. */
  attributes: string
  /** Raw child elements fiche did not write (see `XliffUnit.children`). */
  children: string[]
  /** 2.0: raw `<note>` elements fiche did not write. */
  notes: string[]
  /** For a stale unit: the previous French fiche recorded. */
  previous: { source: Content; targetText: string; note: string } | null
  line: number
  column: number
}

/** A translation file as read. */
export interface TranslationFile {
  version: '1.2' | '2.0'
  doc: XmlDocument
  original: string
  sourceLanguage: string
  targetLanguage: string
  /** The element whose children are the units (1.2 `<body>`, 2.0 `<file>`). */
  container: XmlElement
  obsoleteGroup: XmlElement | null
  units: FileUnit[]
}

/** What the file must be for: a foreign file is refused. */
export interface Expected {
  original: string
  sourceLanguage: string
  targetLanguage: string
}

const SUBTYPE_KIND: Record<string, Code['kind']> = {
  'xlf:i': 'emphasis',
  'xlf:b': 'strong',
  'xlf:s': 'delete',
  'xlf:lb': 'break',
  'fiche:footnote': 'footnote',
  'fiche:code': 'code',
}

/** Raw attributes of a start tag, leaving out the given names. */
function rawAttributes(doc: XmlDocument, element: XmlElement, leave: ReadonlySet<string>): string {
  const tag = doc.text.slice(element.start, element.startTagEnd)
  let out = ''
  for (const match of tag.matchAll(/\s+([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g)) {
    if (!leave.has(match[1]!)) out += ` ${match[1]}=${match[2]}`
  }
  return out
}

/** The inner XML of an element as written. */
function innerXml(doc: XmlDocument, element: XmlElement): string {
  return element.end === element.startTagEnd
    ? ''
    : doc.text.slice(element.startTagEnd, element.endTagStart)
}

/** The inner XML of an element with its `<mrk mtype="seg">` wrappers taken off. */
export function unwrapSegments(doc: XmlDocument, element: XmlElement): string {
  let out = ''
  let at = element.startTagEnd
  for (const child of element.children) {
    if (child.type !== 'element' || child.local !== 'mrk' || attr(child, 'mtype') !== 'seg')
      continue
    out += doc.text.slice(at, child.start) + innerXml(doc, child)
    at = child.end
  }
  return out + doc.text.slice(at, Math.max(at, element.endTagStart))
}

const raw = (doc: XmlDocument, element: XmlElement) => doc.text.slice(element.start, element.end)

/** Inline content of an element as pieces; `segments` splits at 1.2 `<mrk mtype="seg">`. */
function piecesOf(
  nodes: readonly XmlNode[],
  ns: string,
  codes: Map<string, Code> | null,
  version: '1.2' | '2.0',
): Piece[] {
  const out: Piece[] = []
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ type: 'text', value: node.value })
      continue
    }
    if (node.uri !== ns) continue
    const id = attr(node, 'id') ?? ''
    const kind =
      version === '1.2'
        ? kindOfCtype(attr(node, 'ctype'))
        : (SUBTYPE_KIND[attr(node, 'subType') ?? ''] ??
          ({ link: 'link', image: 'image' } as const)[attr(node, 'type') ?? ''])
    switch (node.local) {
      case 'g':
      case 'pc':
        out.push({ type: 'pc', id, children: piecesOf(node.children, ns, codes, version) })
        codes?.set(
          id,
          kind === 'link'
            ? { kind, href: '', citationId: null }
            : kind === 'emphasis' || kind === 'strong' || kind === 'delete'
              ? { kind }
              : { kind: 'foreign', paired: true, data: '' },
        )
        break
      case 'x':
      case 'ph':
      case 'bx':
      case 'ex':
      case 'it':
        out.push({ type: 'ph', id })
        codes?.set(id, placeholderCode(kind, node))
        break
      case 'mrk':
        out.push(...piecesOf(node.children, ns, codes, version))
        break
      default:
        break
    }
  }
  return out
}

/**
 * XLIFF 1.2 inline content (`<g>`, `<x/>`, `<ph>`) as pieces; throws an
 * `XmlError` when malformed. `strict` (a machine's output) also refuses a bare
 * `&` and the elements that would be dropped with their text.
 */
export function parseInline12(text: string, file: string, strict = false): Piece[] {
  const bare = strict ? /&(?!(?:[A-Za-z][\w.-]*|#\d+|#x[\da-fA-F]+);)/.exec(text) : null
  if (bare) throw new Error(`${file}:1:${bare.index + 1}: unescaped “&”, expected “&amp;”`)
  const doc = parseXml(`<t xmlns="${XLIFF12_NS}">${text}</t>`, file)
  if (strict) refuseUnknownElements(doc.root.children, file)
  return piecesOf(doc.root.children, XLIFF12_NS, null, '1.2')
}

/** The inline elements of XLIFF 1.2 that fiche reads (others are dropped with their content). */
const INLINE12 = new Set(['g', 'x', 'bx', 'ex', 'ph', 'it', 'mrk'])

/** Throws on an element that `piecesOf` would drop with its text (`<b>…</b>`, another namespace). */
function refuseUnknownElements(nodes: readonly XmlNode[], file: string): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue
    if (node.uri !== XLIFF12_NS || !INLINE12.has(node.local))
      throw new Error(
        `${file}: unexpected element <${node.local}>, expected text and the inline codes of the source`,
      )
    refuseUnknownElements(node.children, file)
  }
}

function placeholderCode(kind: Code['kind'] | undefined, node: XmlElement): Code {
  switch (kind) {
    case 'break':
      return { kind }
    case 'footnote':
      return { kind, identifier: '' }
    case 'image':
      return { kind, url: '', alt: '' }
    case 'code':
      return { kind, value: textContent(node) }
    default:
      return { kind: 'foreign', paired: false, data: textContent(node) }
  }
}

/** 1.2: fills link targets, footnote identifiers and image URLs from the unit's code context groups. */
function codeData12(unit: XmlElement, codes: Map<string, Code>): void {
  for (const group of childElements(unit, XLIFF12_NS, 'context-group')) {
    const id = /(?:^|\.)code-([^.]+)$/.exec(attr(group, 'name') ?? '')?.[1]
    const code = id ? codes.get(id) : undefined
    if (!code) continue
    for (const context of childElements(group, XLIFF12_NS, 'context')) {
      const value = textContent(context)
      const type = attr(context, 'context-type')
      if (code.kind === 'link' && type === 'x-link') code.href = safeHref(value)
      if (code.kind === 'link' && type === 'x-citation') code.citationId = value
      if (code.kind === 'footnote' && type === 'x-footnote') code.identifier = value
      if (code.kind === 'image' && type === 'x-image') code.url = safeHref(value)
    }
  }
}

/** 2.0: fills code data from `<originalData>` (the Markdown fiche wrote). */
function codeData20(unit: XmlElement, codes: Map<string, Code>): void {
  const data = new Map<string, string>()
  for (const od of childElements(unit, XLIFF20_NS, 'originalData'))
    for (const d of childElements(od, XLIFF20_NS, 'data'))
      data.set(attr(d, 'id') ?? '', textContent(d))
  for (const [id, code] of codes) {
    const start = data.get(`d${id}`) ?? ''
    const end = data.get(`d${id}e`) ?? ''
    codes.set(id, codeFromMarkdown(code.kind, start, end, isPaired(code)))
  }
}

function kindOf(value: string | null): UnitKind | null {
  const kind = value?.replace(/^(x-|fiche:)/, '') ?? ''
  return (UNIT_KINDS as readonly string[]).includes(kind) ? (kind as UnitKind) : null
}

const PERSON_STATES_12 = new Set(['translated', 'final', 'signed-off'])
const PERSON_STATES_20 = new Set(['translated', 'reviewed', 'final'])

const LEAVE_12 = new Set(['id', 'resname', 'restype', 'translate'])
const LEAVE_20 = new Set(['id', 'name', 'type', 'translate'])

function unit12(doc: XmlDocument, element: XmlElement, obsolete: boolean): FileUnit {
  const codes = new Map<string, Code>()
  const sourceElement = childElements(element, XLIFF12_NS, 'source')[0]
  const segSource = childElements(element, XLIFF12_NS, 'seg-source')[0]
  const targetElement = childElements(element, XLIFF12_NS, 'target')[0]
  const whole = piecesOf(sourceElement?.children ?? [], XLIFF12_NS, codes, '1.2')
  const marks = segSource
    ? childElements(segSource, XLIFF12_NS, 'mrk').filter((m) => attr(m, 'mtype') === 'seg')
    : []
  const segments =
    marks.length > 0 ? marks.map((m) => piecesOf(m.children, XLIFF12_NS, null, '1.2')) : [whole]
  codeData12(element, codes)
  let target: Piece[][] | null = null
  if (targetElement) {
    const targetMarks = childElements(targetElement, XLIFF12_NS, 'mrk').filter(
      (m) => attr(m, 'mtype') === 'seg',
    )
    target =
      targetMarks.length > 0
        ? targetMarks.map((m) => piecesOf(m.children, XLIFF12_NS, null, '1.2'))
        : [piecesOf(targetElement.children, XLIFF12_NS, null, '1.2')]
  }
  const state = targetElement ? attr(targetElement, 'state') : null
  const qualifier = targetElement ? attr(targetElement, 'state-qualifier') : null
  let previous: FileUnit['previous'] = null
  const children: string[] = []
  for (const child of element.children) {
    if (
      child.type !== 'element' ||
      child === sourceElement ||
      child === segSource ||
      child === targetElement
    )
      continue
    const ours =
      child.uri === XLIFF12_NS &&
      ((child.local === 'note' && attr(child, 'from') === 'fiche') ||
        (child.local === 'context-group' && attr(child, 'purpose') === 'x-fiche-code') ||
        (child.local === 'alt-trans' && (attr(child, 'origin') ?? '').startsWith('fiche')))
    if (ours && child.local === 'alt-trans' && attr(child, 'alttranstype') === 'previous-version') {
      const prevCodes = new Map<string, Code>()
      const prevSource = childElements(child, XLIFF12_NS, 'source')[0]
      const prevTarget = childElements(child, XLIFF12_NS, 'target')[0]
      previous = {
        source: {
          segments: [piecesOf(prevSource?.children ?? [], XLIFF12_NS, prevCodes, '1.2')],
          codes: prevCodes,
        },
        targetText: prevTarget ? textContent(prevTarget) : '',
        note: '',
      }
    }
    if (!ours) children.push(raw(doc, child))
  }
  const hasTarget = target !== null && textContent(targetElement!).trim() !== ''
  const status: UnitStatus = !hasTarget
    ? 'new'
    : attr(element, 'approved') === 'yes' || state === null || PERSON_STATES_12.has(state)
      ? 'translated'
      : previous
        ? 'stale'
        : qualifier === 'leveraged-tm' || qualifier === 'leveraged-mt'
          ? 'draft'
          : 'review'
  const { line, column } = doc.place(element.start)
  return {
    id: attr(element, 'id') ?? '',
    kind: kindOf(attr(element, 'restype')),
    obsolete,
    element,
    source: { segments, codes },
    target: hasTarget ? target : null,
    targetXml: [targetElement ? innerXml(doc, targetElement) : null],
    targetAttributes: [targetElement ? rawAttributes(doc, targetElement, new Set()) : ''],
    status,
    attributes: rawAttributes(doc, element, LEAVE_12),
    children,
    notes: [],
    previous,
    line,
    column,
  }
}

function unit20(doc: XmlDocument, element: XmlElement, obsolete: boolean): FileUnit {
  const codes = new Map<string, Code>()
  const segments: Piece[][] = []
  const targets: Array<Piece[] | null> = []
  const targetXml: Array<string | null> = []
  const targetAttributes: string[] = []
  const states: UnitStatus[] = []
  const children: string[] = []
  const notes: string[] = []
  let previousSource = ''
  let previousTarget = ''
  for (const child of element.children) {
    if (child.type !== 'element') continue
    if (child.uri !== XLIFF20_NS) {
      children.push(raw(doc, child))
      continue
    }
    if (child.local === 'notes') {
      for (const n of childElements(child, XLIFF20_NS, 'note')) {
        const category = attr(n, 'category') ?? ''
        if (category === 'fiche:previous-source') previousSource = textContent(n)
        else if (category === 'fiche:previous-target') previousTarget = textContent(n)
        else if (!category.startsWith('fiche:')) notes.push(raw(doc, n))
      }
    }
    if (child.local !== 'segment') continue
    const source = childElements(child, XLIFF20_NS, 'source')[0]
    const target = childElements(child, XLIFF20_NS, 'target')[0]
    segments.push(piecesOf(source?.children ?? [], XLIFF20_NS, codes, '2.0'))
    const filled = target !== undefined && textContent(target).trim() !== ''
    targets.push(filled ? piecesOf(target.children, XLIFF20_NS, null, '2.0') : null)
    targetXml.push(target ? innerXml(doc, target) : null)
    targetAttributes.push(rawAttributes(doc, child, new Set(['id'])))
    const state = attr(child, 'state') ?? 'initial'
    const subState = attr(child, 'subState') ?? ''
    states.push(
      !filled
        ? 'new'
        : PERSON_STATES_20.has(state)
          ? 'translated'
          : subState === 'fiche:stale'
            ? 'stale'
            : subState === 'fiche:tm' || subState === 'fiche:mt'
              ? 'draft'
              : 'review',
    )
  }
  codeData20(element, codes)
  const status: UnitStatus = states.every((s) => s === 'new')
    ? 'new'
    : states.every((s) => s === 'translated')
      ? 'translated'
      : states.includes('stale')
        ? 'stale'
        : states.includes('draft')
          ? 'draft'
          : 'review'
  const { line, column } = doc.place(element.start)
  return {
    id: attr(element, 'id') ?? '',
    kind: kindOf(attr(element, 'type')),
    obsolete,
    element,
    source: { segments, codes },
    target: targets.some((t) => t !== null) ? targets.map((t) => t ?? []) : null,
    targetXml,
    targetAttributes,
    status,
    attributes: rawAttributes(doc, element, LEAVE_20),
    children,
    notes,
    previous:
      status === 'stale'
        ? {
            source: { segments: [[{ type: 'text', value: previousSource }]], codes: new Map() },
            targetText: previousTarget,
            note: '',
          }
        : null,
    line,
    column,
  }
}

/** A translation file that fiche cannot use; it is left as it is. */
export class TranslationFileError extends XmlError {
  override name = 'TranslationFileError'
}

/**
 * Reads a translation file. Throws an `XmlError` (not well-formed, DOCTYPE)
 * or a `TranslationFileError` (not XLIFF 1.2/2.0, another note's file, other
 * languages, duplicate ids), each naming the file and the line:column.
 */
export function readTranslationFile(
  text: string,
  file: string,
  expected: Expected,
): TranslationFile {
  const doc = parseXml(text, file)
  const fail = (element: XmlElement, reason: string): never => {
    const { line, column } = doc.place(element.start)
    throw new TranslationFileError(file, line, column, reason)
  }
  const { root } = doc
  const version = attr(root, 'version')
  const v12 = root.uri === XLIFF12_NS && version === '1.2'
  const v20 = root.uri === XLIFF20_NS && version === '2.0'
  if (root.local !== 'xliff' || (!v12 && !v20)) {
    fail(
      root,
      `expected an XLIFF 1.2 or 2.0 document (<xliff version="1.2"> in ${XLIFF12_NS} or version="2.0" in ${XLIFF20_NS}), found <${root.name}${version ? ` version="${version}"` : ''}>`,
    )
  }
  const ns = v12 ? XLIFF12_NS : XLIFF20_NS
  const files = childElements(root, ns, 'file')
  const fileElement = files[0]
  if (!fileElement) return fail(root, 'no <file> element')
  if (files.length > 1)
    fail(files[1]!, `expected one <file> (the note ${expected.original}), found ${files.length}`)
  const original = attr(fileElement, 'original') ?? ''
  if (original !== expected.original) {
    fail(fileElement, `this file translates "${original}", expected "${expected.original}"`)
  }
  const sourceLanguage = (v12 ? attr(fileElement, 'source-language') : attr(root, 'srcLang')) ?? ''
  const targetLanguage = (v12 ? attr(fileElement, 'target-language') : attr(root, 'trgLang')) ?? ''
  if (
    sourceLanguage.toLowerCase() !== expected.sourceLanguage.toLowerCase() ||
    targetLanguage.toLowerCase() !== expected.targetLanguage.toLowerCase()
  ) {
    fail(
      v12 ? fileElement : root,
      `languages ${sourceLanguage || '?'} → ${targetLanguage || '?'}, expected ${expected.sourceLanguage} → ${expected.targetLanguage}`,
    )
  }
  const container = v12 ? childElements(fileElement, ns, 'body')[0] : fileElement
  if (!container) return fail(fileElement, 'no <body> element')
  const units: FileUnit[] = []
  const seen = new Map<string, FileUnit>()
  let obsoleteGroup: XmlElement | null = null
  const read = (element: XmlElement, obsolete: boolean) => {
    const unit = v12 ? unit12(doc, element, obsolete) : unit20(doc, element, obsolete)
    if (unit.id === '') fail(element, 'a unit without an id')
    const first = seen.get(unit.id)
    if (first)
      fail(element, `duplicate unit id "${unit.id}" (first at ${first.line}:${first.column})`)
    seen.set(unit.id, unit)
    units.push(unit)
  }
  const unitName = v12 ? 'trans-unit' : 'unit'
  for (const child of childElements(container, ns)) {
    if (child.local === unitName) read(child, false)
    else if (child.local === 'group' && attr(child, 'id') === OBSOLETE_GROUP) {
      obsoleteGroup = child
      for (const unit of childElements(child, ns, unitName)) read(unit, true)
    } else if (child.local === 'group' || child.local === 'bin-unit') {
      fail(
        child,
        `unexpected <${child.local}>: fiche keeps its units directly in <${container.local}> (and deleted ones in <group id="${OBSOLETE_GROUP}">)`,
      )
    }
  }
  return {
    version: v12 ? '1.2' : '2.0',
    doc,
    original,
    sourceLanguage,
    targetLanguage,
    container,
    obsoleteGroup,
    units,
  }
}
