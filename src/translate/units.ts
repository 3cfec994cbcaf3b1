/**
 * Translation units of a note, read from its model alone: one unit per block
 * that carries text (heading, paragraph, list item paragraph, table cell,
 * footnote paragraph, blockquote paragraph, image alternative text) and per
 * prose field of the front matter (title, subtitle, description, summary,
 * abstract). Code blocks, URLs and dates are not units.
 */
import type { Block, DocumentModel, Inline, Position } from '../model/schema.ts'
import { contentOf, plainContent, type Content } from './content.ts'

/** What a unit is in the note; written as `restype="x-…"` (1.2) or `type="fiche:…"` (2.0). */
export const UNIT_KINDS = [
  'meta',
  'heading',
  'lead',
  'dateline',
  'paragraph',
  'bullet',
  'quote',
  'cell',
  'footnote',
  'alt',
] as const
export type UnitKind = (typeof UNIT_KINDS)[number]

/** One unit of the current note. */
export interface SourceUnit {
  kind: UnitKind
  content: Content
  /** Where the unit's text stands in the note; null for front-matter fields. */
  position: Position | null
  /**
   * The section the unit belongs to, for matching: `h:<n>` (the n-th unit,
   * a heading), `top` (before any heading), `fn:<identifier>` (a footnote)
   * or `meta` (the front matter).
   */
  section: string
  /** For front-matter units, the field name. */
  field: string | null
}

/** Front-matter fields that are prose, in this order. */
export const PROSE_FIELDS = ['title', 'subtitle', 'description', 'summary', 'abstract'] as const

/** The translation units of a note, in document order (front matter first, footnotes last). */
export function unitsOf(model: DocumentModel): SourceUnit[] {
  const units: SourceUnit[] = []
  for (const field of PROSE_FIELDS) {
    const value = model.meta.frontmatter[field]
    if (typeof value === 'string' && value.trim() !== '') {
      units.push({
        kind: 'meta',
        content: plainContent(value),
        position: null,
        section: 'meta',
        field,
      })
    }
  }
  const headings = new Map(model.headings.map((h) => [h.id, h]))
  let section = 'top'
  const add = (kind: UnitKind, inlines: readonly Inline[], position: Position, where: string) => {
    const { content, images } = contentOf(inlines)
    if (content.segments.length > 0) {
      units.push({ kind, content, position, section: where, field: null })
    }
    for (const image of images) {
      const alt = plainContent(image.alt)
      if (alt.segments.length > 0) {
        units.push({ kind: 'alt', content: alt, position, section: where, field: null })
      }
    }
  }
  const walk = (blocks: readonly Block[], context: UnitKind | null, where: () => string) => {
    for (const block of blocks) {
      switch (block.type) {
        case 'heading': {
          const heading = headings.get(block.headingId)
          if (!heading) break
          const content = plainContent(heading.title)
          if (content.segments.length === 0) break
          section = `h:${units.length}`
          units.push({
            kind: 'heading',
            content,
            position: heading.position,
            section: where(),
            field: null,
          })
          break
        }
        case 'paragraph':
          add(
            context ?? (block.role === 'body' ? 'paragraph' : block.role),
            block.children,
            block.position,
            where(),
          )
          break
        case 'list':
          for (const item of block.items)
            walk(item.children, context === 'footnote' ? context : 'bullet', where)
          break
        case 'blockquote':
          walk(block.children, context === 'footnote' ? context : 'quote', where)
          break
        case 'table':
          block.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              const position = block.cellPositions[r]?.[c]
              if (position) add('cell', cell, position, where())
            }),
          )
          break
        default:
          break
      }
    }
  }
  walk(model.blocks, null, () => section)
  for (const footnote of model.footnotes) {
    walk(footnote.children, 'footnote', () => `fn:${footnote.identifier}`)
  }
  return units
}
