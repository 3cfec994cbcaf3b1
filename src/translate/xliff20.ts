/**
 * XLIFF 2.0 (`version="2.0"`), valid against the OASIS core schema. One
 * `<file>` per note (`id` = the document id, `original` = the note's path);
 * one `<unit>` per unit with a stable `id` (also its `name`) and
 * `type="fiche:<kind>"`; one `<segment>` per sentence, the spaces between
 * them as `<ignorable>`.
 *
 * Inline codes: `<pc>` for paired codes (`type="fmt"` with `subType`
 * `xlf:i`, `xlf:b`, `xlf:s`; `type="link"`), `<ph>` for placeholders (line
 * break `xlf:lb`, image, footnote call `fiche:footnote`, inline code
 * `fiche:code` with `canDelete="no"`). Their original Markdown (`[`,
 * `](https://…)`, `[^1]`, `` `code` ``) is in `<originalData>`, referenced by
 * `dataRef`/`dataRefStart`/`dataRefEnd`.
 *
 * States: fiche writes only `state="initial"`: a draft has
 * `subState="fiche:tm"` or `"fiche:mt"` and a `fiche:match` note; a stale
 * segment `subState="fiche:stale"` with `fiche:previous-source`,
 * `fiche:previous-target` and `fiche:change` notes. Deleted passages go to
 * `<group id="fiche-obsolete" type="fiche:obsolete" translate="no">`.
 */
import { escapeXml } from '../glossary/tbx.ts'
import {
  codeMarkdown,
  contentText,
  isPaired,
  joinSegments,
  type Code,
  type Piece,
} from './content.ts'
import { draftNote, OBSOLETE_NOTE, type XliffUnit } from './xliff-unit.ts'
import { OBSOLETE_GROUP, type XliffFileHeader } from './xliff12.ts'

/** The XLIFF 2.0 namespace. */
export const XLIFF20_NS = 'urn:oasis:names:tc:xliff:document:2.0'

function typeOf(code: Code | undefined): string {
  switch (code?.kind) {
    case 'emphasis':
      return ' type="fmt" subType="xlf:i"'
    case 'strong':
      return ' type="fmt" subType="xlf:b"'
    case 'delete':
      return ' type="fmt" subType="xlf:s"'
    case 'link':
      return ' type="link"'
    case 'break':
      return ' type="fmt" subType="xlf:lb"'
    case 'image':
      return ' type="image"'
    case 'footnote':
      return ' type="other" subType="fiche:footnote"'
    case 'code':
      return ' type="other" subType="fiche:code" canDelete="no"'
    default:
      return ''
  }
}

const escapeData = (value: string) => escapeXml(value).replace(/\n/g, '&#10;')

/** Pieces as XLIFF 2.0 inline content. */
export function pieces20(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): string {
  return pieces
    .map((piece) => {
      if (piece.type === 'text') return escapeXml(piece.value)
      const code = codes.get(piece.id)
      if (piece.type === 'pc') {
        return `<pc id="${piece.id}"${typeOf(code)} dataRefStart="d${piece.id}" dataRefEnd="d${piece.id}e">${pieces20(piece.children, codes)}</pc>`
      }
      return `<ph id="${piece.id}"${typeOf(code)} dataRef="d${piece.id}"/>`
    })
    .join('')
}

/** The `<originalData>` of a unit's codes. */
function originalData(codes: ReadonlyMap<string, Code>, indent: string): string[] {
  if (codes.size === 0) return []
  const lines = [`${indent}<originalData>`]
  for (const [id, code] of codes) {
    const [start, end] = codeMarkdown(code)
    lines.push(`${indent}  <data id="d${id}">${escapeData(start)}</data>`)
    if (isPaired(code)) lines.push(`${indent}  <data id="d${id}e">${escapeData(end)}</data>`)
  }
  lines.push(`${indent}</originalData>`)
  return lines
}

const note = (indent: string, category: string, text: string) =>
  `${indent}<note category="${category}">${escapeXml(text)}</note>`

/** The `<unit>` of a unit, indented by `indent`. */
export function unit20(unit: XliffUnit, indent: string): string {
  const inner = `${indent}  `
  const { source } = unit
  const translate = unit.obsolete ? ' translate="no"' : ''
  const lines = [
    `${indent}<unit id="${escapeXml(unit.id)}" name="${escapeXml(unit.id)}" type="fiche:${unit.kind}"${translate}${unit.attributes}>`,
    ...unit.children.map((child) => `${inner}${child}`),
  ]
  const notes: string[] = []
  if (unit.status === 'stale' && unit.previous) {
    notes.push(
      note(`${inner}  `, 'fiche:previous-source', contentText(unit.previous.source)),
      note(`${inner}  `, 'fiche:previous-target', unit.previous.targetText),
      note(`${inner}  `, 'fiche:change', unit.previous.note),
    )
  }
  if (unit.status === 'draft' && unit.draft)
    notes.push(note(`${inner}  `, 'fiche:match', draftNote(unit.draft)))
  if (unit.obsolete) notes.push(note(`${inner}  `, 'fiche:obsolete', OBSOLETE_NOTE))
  notes.push(...unit.notes.map((n) => `${inner}  ${n}`))
  if (notes.length > 0) lines.push(`${inner}<notes>`, ...notes, `${inner}</notes>`)
  lines.push(...originalData(source.codes, inner))
  source.segments.forEach((segment, i) => {
    if (i > 0)
      lines.push(`${inner}<ignorable>`, `${inner}  <source> </source>`, `${inner}</ignorable>`)
    lines.push(...segment20(unit, segment, i, inner))
  })
  lines.push(`${indent}</unit>`)
  return lines.join('\n')
}

function segment20(unit: XliffUnit, segment: Piece[], index: number, indent: string): string[] {
  const { source } = unit
  let attributes = ''
  let target: string | null = null
  if ((unit.status === 'kept' || unit.status === 'stale') && unit.kept) {
    const { xml } = unit.kept
    const sameCount = xml.length === source.segments.length
    target = sameCount ? (xml[index] ?? null) : index === 0 ? xml.join(' ') : null
    attributes =
      unit.status === 'stale'
        ? target === null
          ? ''
          : ' state="initial" subState="fiche:stale"'
        : sameCount
          ? (unit.kept.attributes[index] ?? '')
          : index === 0
            ? (unit.kept.attributes[0] ?? '')
            : ''
  } else if (unit.status === 'draft' && unit.draft) {
    const { pieces } = unit.draft
    const sameCount = pieces.length === source.segments.length
    const own = sameCount ? pieces[index] : index === 0 ? joinSegments(pieces) : null
    if (own) {
      target = pieces20(own, source.codes)
      attributes = ` state="initial" subState="fiche:${unit.draft.origin}"`
    }
  }
  const lines = [
    `${indent}<segment id="s${index + 1}"${attributes}>`,
    `${indent}  <source>${pieces20(segment, source.codes)}</source>`,
  ]
  if (target !== null) lines.push(`${indent}  <target>${target}</target>`)
  lines.push(`${indent}</segment>`)
  return lines
}

/** The opening of the obsolete group, at `indent`. */
export function obsoleteGroupOpen20(indent: string): string {
  return `${indent}<group id="${OBSOLETE_GROUP}" type="fiche:obsolete" translate="no">`
}

/** A whole XLIFF 2.0 file for a note: its units, then the obsolete ones. */
export function xliff20Document(
  header: XliffFileHeader,
  units: readonly XliffUnit[],
  obsolete: readonly XliffUnit[],
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF20_NS}" version="2.0" srcLang="${escapeXml(header.sourceLanguage)}" trgLang="${escapeXml(header.targetLanguage)}">`,
    `  <file id="${escapeXml(header.documentId)}" original="${escapeXml(header.original)}" xml:space="preserve">`,
    ...units.map((unit) => unit20(unit, '    ')),
  ]
  // A 2.0 file needs at least one unit or group: a note without text gets the (empty) obsolete group.
  if (obsolete.length > 0 || units.length === 0) {
    lines.push(
      obsoleteGroupOpen20('    '),
      ...obsolete.map((unit) => unit20(unit, '      ')),
      '    </group>',
    )
  }
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}
