/**
 * XLIFF 1.2 (the version translators' tools read today), valid against the
 * OASIS strict schema. One `<file>` per note, `original` = the note's path;
 * one `<trans-unit>` per unit with a stable `id` (also its `resname`) and
 * `restype="x-<kind>"`; sentences as `<mrk mtype="seg">` in `<seg-source>`
 * when a unit has more than one.
 *
 * Inline codes: `<g ctype="italic|bold|x-strike|link">` for paired codes,
 * `<x ctype="lb|image|x-footnote"/>` for placeholders, `<ph ctype="x-code">`
 * (the code text, not editable) for inline code. What a code points to is in
 * a `<context-group name="<unit id>.code-N" purpose="x-fiche-code">` of the unit
 * (contexts `x-link`, `x-citation`, `x-footnote`, `x-image`), never in the
 * text.
 *
 * States: a new unit has no `<target>`; fiche never writes `translated`,
 * `final` or `approved`. A stale unit keeps its target as
 * `needs-review-translation` (`needs-translation` for Weblate) with an
 * `<alt-trans alttranstype="previous-version" origin="fiche">` holding the
 * previous French and English and a `<note from="fiche">`. A draft is
 * `needs-review-translation` with `state-qualifier="leveraged-tm"` or
 * `"leveraged-mt"` and an `<alt-trans match-quality="N">`. Deleted passages
 * go to `<group id="fiche-obsolete" restype="x-fiche-obsolete"
 * translate="no">`, each unit `translate="no"` with a note.
 */
import { safeHref } from '../text/citations.ts'
import { escapeXml } from '../glossary/tbx.ts'
import { isPaired, type Code, type Piece } from './content.ts'
import { draftNote, OBSOLETE_NOTE, type XliffUnit } from './xliff-unit.ts'

/** The XLIFF 1.2 namespace. */
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2'

/** Id of the group of obsolete units. */
export const OBSOLETE_GROUP = 'fiche-obsolete'

/** The `<file>` of a note. */
export interface XliffFileHeader {
  /** The note's path, relative to the project. */
  original: string
  /** The note's document id. */
  documentId: string
  sourceLanguage: string
  targetLanguage: string
  format: 'markdown' | 'text'
}

/** The `ctype` of each code kind (also the TMX `type`). */
export const CTYPE: Record<Code['kind'], string> = {
  emphasis: 'italic',
  strong: 'bold',
  delete: 'x-strike',
  link: 'link',
  break: 'lb',
  image: 'image',
  footnote: 'x-footnote',
  code: 'x-code',
  foreign: 'x-foreign',
}

/** The code kind of a `ctype` (or TMX `type`) fiche writes; undefined for others. */
export function kindOfCtype(ctype: string | null): Code['kind'] | undefined {
  const found = Object.entries(CTYPE).find(([kind, value]) => value === ctype && kind !== 'foreign')
  return found?.[0] as Code['kind'] | undefined
}

/** Pieces as XLIFF 1.2 inline content. */
export function pieces12(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): string {
  return pieces
    .map((piece) => {
      if (piece.type === 'text') return escapeXml(piece.value)
      const code = codes.get(piece.id)
      const ctype = code ? ` ctype="${CTYPE[code.kind]}"` : ''
      if (piece.type === 'pc')
        return `<g id="${piece.id}"${ctype}>${pieces12(piece.children, codes)}</g>`
      if (code?.kind === 'code') return `<ph id="${piece.id}"${ctype}>${escapeXml(code.value)}</ph>`
      if (code?.kind === 'foreign' && !isPaired(code))
        return `<ph id="${piece.id}"${ctype}>${escapeXml(code.data)}</ph>`
      return `<x id="${piece.id}"${ctype}/>`
    })
    .join('')
}

/** Segments joined by a space, or as `<mrk mtype="seg">` elements. */
function segments12(
  segments: readonly Piece[][],
  codes: ReadonlyMap<string, Code>,
  marked: boolean,
): string {
  return segments
    .map((s, i) =>
      marked ? `<mrk mtype="seg" mid="${i + 1}">${pieces12(s, codes)}</mrk>` : pieces12(s, codes),
    )
    .join(' ')
}

/** What each code points to, as context groups. */
function codeContexts(unitId: string, codes: ReadonlyMap<string, Code>, indent: string): string[] {
  const lines: string[] = []
  for (const [id, code] of codes) {
    const contexts: Array<[string, string]> = []
    if (code.kind === 'link') {
      contexts.push(['x-link', safeHref(code.href)])
      if (code.citationId) contexts.push(['x-citation', code.citationId])
    } else if (code.kind === 'footnote') contexts.push(['x-footnote', code.identifier])
    else if (code.kind === 'image') contexts.push(['x-image', safeHref(code.url)])
    if (contexts.length === 0) continue
    lines.push(
      `${indent}<context-group name="${escapeXml(unitId)}.code-${id}" purpose="x-fiche-code">${contexts
        .map(([type, value]) => `<context context-type="${type}">${escapeXml(value)}</context>`)
        .join('')}</context-group>`,
    )
  }
  return lines
}

/** Replaces (or adds) an attribute in raw attributes. */
function setAttribute(raw: string, name: string, value: string | null): string {
  const pattern = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`)
  const without = raw.replace(pattern, '')
  return value === null ? without : `${without} ${name}="${escapeXml(value)}"`
}

/** The `<trans-unit>` of a unit, indented by `indent`. */
export function transUnit12(unit: XliffUnit, indent: string): string {
  const inner = `${indent}  `
  const { source } = unit
  const marked = source.segments.length > 1
  const review = unit.weblate ? 'needs-translation' : 'needs-review-translation'
  let attributes = unit.attributes
  if (unit.status === 'stale') attributes = setAttribute(attributes, 'approved', null)
  attributes = setAttribute(attributes, 'translate', unit.obsolete ? 'no' : null)
  const lines = [
    `${indent}<trans-unit id="${escapeXml(unit.id)}" resname="${escapeXml(unit.id)}" restype="x-${unit.kind}"${attributes}>`,
    `${inner}<source>${segments12(source.segments, source.codes, false)}</source>`,
  ]
  if (marked)
    lines.push(
      `${inner}<seg-source>${segments12(source.segments, source.codes, true)}</seg-source>`,
    )
  const notes: string[] = []
  const alternatives: string[] = []
  if (unit.status === 'kept' && unit.kept) {
    lines.push(`${inner}<target${unit.kept.attributes[0] ?? ''}>${unit.kept.xml[0] ?? ''}</target>`)
  } else if (unit.status === 'stale' && unit.kept) {
    let targetAttributes = setAttribute(unit.kept.attributes[0] ?? '', 'state-qualifier', null)
    targetAttributes = setAttribute(targetAttributes, 'state', review)
    lines.push(`${inner}<target${targetAttributes}>${unit.kept.xml[0] ?? ''}</target>`)
    if (unit.previous) {
      const previous = unit.previous.source
      alternatives.push(
        `${inner}<alt-trans alttranstype="previous-version" origin="fiche"><source>${segments12(previous.segments, previous.codes, false)}</source><target>${unit.kept.xml[0] ?? ''}</target></alt-trans>`,
      )
      notes.push(
        `${inner}<note from="fiche" annotates="source">${escapeXml(unit.previous.note)}</note>`,
      )
    }
  } else if (unit.status === 'draft' && unit.draft) {
    const { draft } = unit
    const content = segments12(
      draft.pieces,
      source.codes,
      marked && draft.pieces.length === source.segments.length,
    )
    const qualifier = draft.origin === 'tm' ? 'leveraged-tm' : 'leveraged-mt'
    lines.push(
      `${inner}<target state="${review}" state-qualifier="${qualifier}">${content}</target>`,
    )
    alternatives.push(
      `${inner}<alt-trans${draft.origin === 'tm' ? ` match-quality="${draft.score}"` : ''} origin="fiche: ${escapeXml(draft.from)}"><target>${segments12(draft.pieces, source.codes, false)}</target></alt-trans>`,
    )
    notes.push(`${inner}<note from="fiche">${escapeXml(draftNote(draft))}</note>`)
  }
  lines.push(...codeContexts(unit.id, source.codes, inner), ...alternatives, ...notes)
  if (unit.obsolete) lines.push(`${inner}<note from="fiche">${escapeXml(OBSOLETE_NOTE)}</note>`)
  lines.push(...unit.children.map((child) => `${inner}${child}`), `${indent}</trans-unit>`)
  return lines.join('\n')
}

/** The opening of the obsolete group, at `indent`. */
export function obsoleteGroupOpen12(indent: string): string {
  return `${indent}<group id="${OBSOLETE_GROUP}" restype="x-fiche-obsolete" translate="no">\n${indent}  <note from="fiche">Passages deleted from the note, kept with their translations.</note>`
}

/** A whole XLIFF 1.2 file for a note: its units, then the obsolete ones. */
export function xliff12Document(
  header: XliffFileHeader,
  units: readonly XliffUnit[],
  obsolete: readonly XliffUnit[],
): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="1.2" xmlns="${XLIFF12_NS}">`,
    `  <file original="${escapeXml(header.original)}" source-language="${escapeXml(header.sourceLanguage)}" target-language="${escapeXml(header.targetLanguage)}" datatype="${header.format === 'markdown' ? 'x-markdown' : 'plaintext'}" xml:space="preserve">`,
    '    <header>',
    '      <tool tool-id="fiche" tool-name="fiche"/>',
    '    </header>',
    '    <body>',
    ...units.map((unit) => transUnit12(unit, '      ')),
  ]
  if (obsolete.length > 0) {
    lines.push(
      obsoleteGroupOpen12('      '),
      ...obsolete.map((unit) => transUnit12(unit, '        ')),
      '      </group>',
    )
  }
  lines.push('    </body>', '  </file>', '</xliff>', '')
  return lines.join('\n')
}
