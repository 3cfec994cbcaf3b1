/** CSV tables with a header row (termbases, sources): errors start with the line, and name the field. */
import type { CsvError } from 'csv-parse/sync'
import { lazy } from '../lazy.ts'
import { DataError } from './json.ts'

const csv = lazy<typeof import('csv-parse/sync')>('csv-parse/sync')

/** Parses a CSV table (BOM, header row, blank lines skipped, cells trimmed) into records. */
export function parseCsvTable(source: string): Array<Record<string, string>> {
  try {
    return csv().parse(source, { bom: true, columns: true, skip_empty_lines: true, trim: true })
  } catch (error) {
    if (!(error instanceof csv().CsvError)) throw error
    const { lines, column } = error as CsvError & {
      lines?: number
      column?: string | number | null
    }
    const field = column === null || column === undefined ? '' : ` (field "${column}")`
    throw new DataError(`${lines ?? 1}: ${error.message}${field}`)
  }
}
