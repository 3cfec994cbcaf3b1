/** statistic-has-source: a figure comes with a citation in its sentence or bullet. */
import * as z from 'zod'
import { FigureKind, isFigure } from '../../model/base.ts'
import type { Block, DocumentModel, Inline, Statistic } from '../../model/schema.ts'
import { exemptSections, headingPatterns } from '../sections.ts'
import { defineRule } from '../rule.ts'
import { lowerBound } from '../sorted.ts'

export default defineRule({
  id: 'statistic-has-source',
  defaultSeverity: 'warning',
  description:
    'A statistic whose sentence or bullet carries no citation; one message per bullet (or sentence) listing its figures.',
  supersedes: ['claim-has-source'],
  options: z.strictObject({
    /** Kinds of figures that need a source; dates and years are not figures and never do. */
    kinds: z.array(FigureKind).default([...FigureKind.options]),
    /** Sections (heading patterns, case-insensitive regular expressions) where figures need no source. */
    exemptSections: headingPatterns([]),
  }),
  messages: {
    unsourced: (figures: string[], where: 'bullet' | 'sentence') =>
      `Unexpected unsourced ${figures.length > 1 ? 'figures' : 'figure'} ${figures.map((f) => `“${f}”`).join(', ')}, expected a citation in the same ${where}`,
    column: (count: number, header: string) =>
      `Unexpected ${count} unsourced ${count > 1 ? 'figures' : 'figure'} in table column “${header}”, expected a source in their row`,
    row: (count: number, label: string) =>
      `Unexpected ${count} unsourced ${count > 1 ? 'figures' : 'figure'} in table row “${label}”, expected a source in the row`,
  },
  check({ model, options, messages, report }) {
    const kinds = new Set<string>(options.kinds)
    const exempt = exemptSections(model, options.exemptSections)
    const sourcedBullets = new Set(
      model.bullets.filter((b) => b.citationIds.length > 0).map((b) => b.id),
    )
    const cells = tableCells(model)
    const groups = new Map<string, Statistic[]>()
    // Per table, the unsourced figures by column and by row: reported along the axis that
    // gives fewer messages (a wide table of one row is one message, not one per column).
    const tables = new Map<number, { columns: Map<number, Group>; rows: Map<number, Group> }>()
    for (const statistic of model.statistics) {
      if (!isFigure(statistic) || !kinds.has(statistic.kind)) continue
      if (statistic.citationIds.length > 0) continue
      if (statistic.sectionId !== null && exempt.has(statistic.sectionId)) continue
      if (statistic.bulletId !== null && sourcedBullets.has(statistic.bulletId)) continue
      const cell = cells.at(statistic.position.start.offset)
      if (cell) {
        // In a table: sourced by a citation anywhere in its row.
        if (cell.rowSourced) continue
        const table = tables.get(cell.table) ?? { columns: new Map(), rows: new Map() }
        tables.set(cell.table, table)
        add(table.columns, cell.column, cell.header, statistic)
        add(table.rows, cell.row, cell.rowLabel, statistic)
        continue
      }
      const key = statistic.bulletId ?? `${statistic.sectionId ?? ''}\u0000${statistic.sentence}`
      groups.set(key, [...(groups.get(key) ?? []), statistic])
    }
    for (const statistics of groups.values()) {
      const first = statistics[0]!
      const figures = [...new Set(statistics.map((s) => s.text))]
      report(messages.unsourced(figures, first.bulletId ? 'bullet' : 'sentence'), first.position)
    }
    for (const { columns, rows } of tables.values()) {
      const byRow = rows.size < columns.size
      for (const { label, statistics } of (byRow ? rows : columns).values()) {
        const message = byRow ? messages.row : messages.column
        report(message(statistics.length, label), statistics[0]!.position)
      }
    }
  },
})

/** Unsourced figures of one table column or row, with its header or first cell. */
interface Group {
  label: string
  statistics: Statistic[]
}

function add(groups: Map<number, Group>, key: number, label: string, statistic: Statistic): void {
  const group = groups.get(key) ?? { label, statistics: [] }
  group.statistics.push(statistic)
  groups.set(key, group)
}

/** A table cell as the rule sees it: its table, column and header, row and first cell, and whether its row cites a source. */
interface CellInfo {
  table: number
  column: number
  header: string
  row: number
  rowLabel: string
  rowSourced: boolean
}

/** The table cells of a note, found by offset (cells sorted by start, binary search). */
function tableCells(model: DocumentModel): { at(offset: number): CellInfo | null } {
  const spans: Array<{ start: number; end: number; info: CellInfo }> = []
  const citationStarts = model.citations
    .filter((c) => c.role === 'citation')
    .map((c) => c.position.start.offset)
    .sort((a, b) => a - b)
  const hasCitation = (start: number, end: number) => {
    const i = lowerBound(citationStarts, start)
    return i < citationStarts.length && citationStarts[i]! < end
  }
  let table = 0
  const walk = (blocks: Block[]): void => {
    for (const block of blocks) {
      if (block.type === 'list') for (const item of block.items) walk(item.children)
      else if (block.type === 'blockquote') walk(block.children)
      else if (block.type === 'table') {
        table += 1
        block.cellPositions.forEach((row, r) => {
          const rowSourced = row.some((p) => hasCitation(p.start.offset, p.end.offset))
          const rowLabel = plain(block.rows[r]?.[0] ?? []).trim() || `${r}`
          row.forEach((p, c) => {
            const header = plain(block.rows[0]?.[c] ?? []).trim() || `${c + 1}`
            const info = { table, column: c, header, row: r, rowLabel, rowSourced }
            if (r > 0) spans.push({ start: p.start.offset, end: p.end.offset, info })
          })
        })
      }
    }
  }
  walk(model.blocks)
  spans.sort((a, b) => a.start - b.start)
  const starts = spans.map((s) => s.start)
  return {
    at(offset) {
      const i = lowerBound(starts, offset + 1) - 1
      const span = spans[i]
      return span && offset < span.end ? span.info : null
    },
  }
}

/** The text of inlines. */
function plain(inlines: Inline[]): string {
  return inlines
    .map((i) => ('value' in i ? i.value : 'children' in i ? plain(i.children) : ''))
    .join('')
}
