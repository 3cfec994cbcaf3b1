/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads the
 * accents), CRLF line ends and RFC 4180 quoting. A termbase exports to one
 * row per concept, lists joined with " | ", and reads back the same way.
 */
import { lazy } from '../lazy.ts'
import { parseCsvTable } from '../read/csv.ts'
import { DataError } from '../read/json.ts'
import { Concept, TERMBASE_VERSION, type Termbase } from './termbase.ts'
import { TermbaseError } from './yaml.ts'

const csv = lazy<typeof import('csv-stringify/sync')>('csv-stringify/sync')

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const BOM = '\ufeff'

/** Separator of list values inside one cell. */
export const LIST_SEPARATOR = ' | '

/** Writes a header and rows as CSV (BOM, CRLF, quotes only where needed). */
export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return (
    BOM +
    csv().stringify([header, ...rows], {
      record_delimiter: 'windows',
      quoted_match: /^[\s\S]*[",\r\n][\s\S]*$/,
    })
  )
}

const COLUMNS = [
  'id',
  'status',
  'subject',
  'fr_term',
  'fr_variants',
  'fr_acronyms',
  'fr_abbreviations',
  'fr_forbidden',
  'en_term',
  'en_variants',
  'en_acronyms',
  'en_abbreviations',
  'en_forbidden',
  'origin_kind',
  'origin_reference',
  'origin_url',
  'definition',
  'note',
  'fr_definition',
] as const

/** Writes a termbase as CSV, one concept per row. */
export function exportTermbaseCsv(termbase: Termbase): string {
  const join = (values: string[]) => values.join(LIST_SEPARATOR)
  return toCsv(
    [...COLUMNS],
    termbase.concepts.map((c) => [
      c.id,
      c.status,
      c.subject ?? '',
      c.fr.term,
      join(c.fr.variants),
      join(c.fr.acronyms),
      join(c.fr.abbreviations),
      join(c.fr.forbidden),
      c.en.term,
      join(c.en.variants),
      join(c.en.acronyms),
      join(c.en.abbreviations),
      join(c.en.forbidden),
      c.origin.kind,
      c.origin.reference,
      c.origin.url ?? '',
      c.definition ?? '',
      c.note ?? '',
      c.fr.definition ?? '',
    ]),
  )
}

/** Reads a termbase written by `exportTermbaseCsv` (or edited in a spreadsheet). */
export function importTermbaseCsv(source: string, file: string): Termbase {
  let records: Array<Record<string, string>>
  try {
    records = parseCsvTable(source)
  } catch (error) {
    if (error instanceof DataError) throw new TermbaseError(`${file}:${error.message}`)
    throw error
  }
  const split = (value: string | undefined) =>
    (value ?? '')
      .split('|')
      .map((v) => v.trim())
      .filter((v) => v !== '')
  const optional = (value: string | undefined) => (value ? value : undefined)
  const concepts = records.map((record, index) => {
    const side = (language: 'fr' | 'en') => ({
      term: record[`${language}_term`] ?? '',
      variants: split(record[`${language}_variants`]),
      acronyms: split(record[`${language}_acronyms`]),
      abbreviations: split(record[`${language}_abbreviations`]),
      forbidden: split(record[`${language}_forbidden`]),
      ...(language === 'fr' && record.fr_definition ? { definition: record.fr_definition } : {}),
    })
    const parsed = Concept.safeParse({
      id: record.id,
      status: optional(record.status),
      subject: optional(record.subject),
      definition: optional(record.definition),
      note: optional(record.note),
      fr: side('fr'),
      en: side('en'),
      origin: {
        kind: record.origin_kind,
        reference: record.origin_reference,
        ...(record.origin_url ? { url: record.origin_url } : {}),
      },
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new TermbaseError(`${file}:${index + 2}: ${issue.path.join('.')}: ${issue.message}`)
    }
    return parsed.data
  })
  return { version: TERMBASE_VERSION, concepts }
}
