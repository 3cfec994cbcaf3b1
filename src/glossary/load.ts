/** Loading termbases from files (YAML, TBX or CSV, by extension) and saving them. */
import path from 'node:path'
import { DecodeError, readDataFile, type ReadingOptions } from '../read/decode.ts'
import { exportTermbaseCsv, importTermbaseCsv } from './csv.ts'
import { exportTbx, importTbx } from './tbx.ts'
import { emptyTermbase, mergeTermbases, type Termbase } from './termbase.ts'
import { parseTermbaseYaml, stringifyTermbaseYaml, TermbaseError } from './yaml.ts'

/** Termbase file formats, by extension. */
export type TermbaseFormat = 'yaml' | 'tbx' | 'csv'

/** The format of a termbase file from its extension. */
export function termbaseFormat(file: string): TermbaseFormat {
  const extension = path.extname(file).toLowerCase()
  if (extension === '.yaml' || extension === '.yml') return 'yaml'
  if (extension === '.tbx' || extension === '.xml') return 'tbx'
  if (extension === '.csv') return 'csv'
  throw new TermbaseError(
    `${file}: unexpected termbase extension "${extension}", expected .yaml, .yml, .tbx or .csv`,
  )
}

/** Parses a termbase from its text. */
export function parseTermbase(source: string, file: string): Termbase {
  const format = termbaseFormat(file)
  if (format === 'tbx') return importTbx(source, file)
  if (format === 'csv') return importTermbaseCsv(source, file)
  return parseTermbaseYaml(source, file)
}

/** Serializes a termbase in the format of `file`'s extension. */
export function serializeTermbase(termbase: Termbase, file: string): string {
  const format = termbaseFormat(file)
  if (format === 'tbx') return exportTbx(termbase)
  if (format === 'csv') return exportTermbaseCsv(termbase)
  return stringifyTermbaseYaml(termbase)
}

/**
 * Where termbases already parsed are kept, by their format and text (the
 * CLI keeps them in its cache folder: a 24 KB YAML termbase takes some 60 ms
 * to parse in a fresh process, a stored one a JSON parse). A termbase that
 * does not parse is never stored: its error is found again.
 */
export interface TermbaseStore {
  get(format: TermbaseFormat, source: string): Termbase | null
  set(format: TermbaseFormat, source: string, termbase: Termbase): void
}

/**
 * Reads and merges the termbase files (none: an empty termbase); errors name
 * the file. `reading` sets how files that are not UTF-8 are decoded and
 * collects the warnings (default: Windows-1252 guessed, warnings dropped);
 * `store` keeps the termbases parsed (see `TermbaseStore`).
 */
export function loadTermbase(
  files: string[],
  reading?: ReadingOptions,
  store?: TermbaseStore,
): Termbase {
  if (files.length === 0) return emptyTermbase()
  const loaded = files.map((file) => {
    let source: string
    try {
      source = readDataFile(file, file, 'termbase', reading)
    } catch (error) {
      if (error instanceof DecodeError) throw new TermbaseError(error.message)
      throw error
    }
    const format = termbaseFormat(file)
    const stored = store?.get(format, source)
    if (stored) return { file, termbase: stored }
    const termbase = parseTermbase(source, file)
    store?.set(format, source, termbase)
    return { file, termbase }
  })
  try {
    return mergeTermbases(loaded)
  } catch (error) {
    throw new TermbaseError((error as Error).message)
  }
}
