/** CSV tables with a header row (termbases, sources): errors start with the line, and name the field. */
import { CsvError, parse } from 'csv-parse/sync'
import { DataError } from './json.ts'

/** Parses a CSV table (BOM, header row, blank lines skipped, cells trimmed) into records. */
export function parseCsvTable(source: string): Array<Record<string, string>> {
  try {
    return parse(source, { bom: true, columns: true, skip_empty_lines: true, trim: true })
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const { lines, column } = error as CsvError & {
      lines?: number
      column?: string | number | null
    }
    const field = column === null || column === undefined ? '' : ` (field "${column}")`
    throw new DataError(`${lines ?? 1}: ${error.message}${field}`)
  }
}
