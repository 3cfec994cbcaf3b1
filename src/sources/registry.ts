/**
 * The sources registry: the bibliography a project keeps beside its notes,
 * read from CSL-JSON (what Zotero exports), BibTeX, or a simple YAML or CSV
 * table (`key, authors, year, title, url`). Every format becomes the same
 * `SourceEntry`, carrying a CSL-JSON item for the emitter.
 */
import path from 'node:path'
import { lazy } from '../lazy.ts'
import { parseCsvTable } from '../read/csv.ts'
import { DecodeError, readDataFile, type ReadingOptions } from '../read/decode.ts'
import { parseJson } from '../read/json.ts'
import { readYaml } from '../read/yaml.ts'
import { isUnsafeHref } from '../text/citations.ts'
import { parseName, type CslName } from './names.ts'

const bibtex = lazy<typeof import('@retorquere/bibtex-parser')>('@retorquere/bibtex-parser')

export type { CslName } from './names.ts'

/** A CSL-JSON item, reduced to the fields fiche reads or writes. */
export interface CslItem {
  id: string
  type: string
  title?: string
  author?: CslName[]
  issued?: { 'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string }
  URL?: string
  'year-suffix'?: string
  [field: string]: unknown
}

/** One source of the registry. */
export interface SourceEntry {
  key: string
  /** Family names or organisation names, as written. */
  authors: string[]
  year: number | null
  /** "a" when the registry distinguishes "2025a" from "2025b". */
  yearSuffix: string | null
  title: string | null
  url: string | null
  /** The entry as CSL-JSON, `id` = key. */
  csl: CslItem
  /** The registry file, relative to the project root. */
  file: string
}

/** The loaded registry: its files (relative to the root) and entries. */
export interface SourceRegistry {
  files: string[]
  entries: SourceEntry[]
}

/** An empty registry: no `sources` configured. */
export const emptyRegistry: SourceRegistry = { files: [], entries: [] }

/** A registry file that cannot be read; `file` is relative to the project root. */
export class SourcesError extends Error {
  override name = 'SourcesError'
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`)
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null

/** Reads "2025", "2025a" or "2025-03-01" into a year and a suffix. */
function yearOf(value: unknown): { year: number | null; suffix: string | null } {
  const match = /^(\d{4})([a-z])?\b/.exec(text(value) ?? '')
  return match ? { year: Number(match[1]), suffix: match[2] ?? null } : { year: null, suffix: null }
}

const nameText = (name: CslName): string => name.literal ?? name.family ?? name.given ?? ''

/** Splits "Karnofsky; Smith" or a YAML list into CSL names; organisations stay literal. */
function namesOf(value: unknown): CslName[] {
  const list = Array.isArray(value) ? value : (text(value)?.split(/\s*;\s*|\s+and\s+/u) ?? [])
  return list
    .map((item): CslName | null => {
      if (typeof item === 'object' && item !== null) return item as CslName
      const name = text(item)
      if (!name) return null
      return parseName(name)
    })
    .filter((name): name is CslName => name !== null)
}

/** Builds an entry from a CSL item. */
function entryOf(item: CslItem, file: string): SourceEntry {
  // A javascript:, data:, vbscript: or file: URL is dropped: no output may link to it.
  const { URL: unsafe, ...rest } = item
  const csl = typeof unsafe === 'string' && isUnsafeHref(unsafe) ? rest : item
  const parts = csl.issued?.['date-parts']?.[0]
  const issued = yearOf(parts?.[0] ?? csl.issued?.raw ?? csl.issued?.literal)
  return {
    key: csl.id,
    authors: (csl.author ?? []).map(nameText).filter(Boolean),
    year: issued.year,
    yearSuffix: text(csl['year-suffix']) ?? issued.suffix,
    title: text(csl.title),
    url: text(csl.URL),
    csl,
    file,
  }
}

/** A simple table row (YAML or CSV) as a CSL item. */
function cslOfRow(row: Record<string, unknown>, where: string, file: string): CslItem {
  const key = text(row.key) ?? text(row.id)
  if (!key) throw new SourcesError(file, `${where}: missing "key"`)
  const { year, suffix } = yearOf(row.year ?? row.date)
  const item: CslItem = { id: key, type: text(row.type) ?? 'webpage' }
  const title = text(row.title)
  if (title) item.title = title
  const authors = namesOf(row.authors ?? row.author)
  if (authors.length > 0) item.author = authors
  if (year !== null) item.issued = { 'date-parts': [[year]] }
  if (suffix) item['year-suffix'] = suffix
  const url = text(row.url) ?? text(row.URL)
  if (url) item.URL = url
  return item
}

const BIBTEX_TYPES: Record<string, string> = {
  article: 'article-journal',
  book: 'book',
  incollection: 'chapter',
  inproceedings: 'paper-conference',
  report: 'report',
  techreport: 'report',
  thesis: 'thesis',
  phdthesis: 'thesis',
  online: 'webpage',
  misc: 'document',
}

/**
 * Longest BibTeX entry, in characters: the BibTeX parser takes quadratic
 * time in the length of a field (6.5 s for a 40 kB title), so a longer entry
 * is refused before parsing. Real entries, abstracts included, are a few kB.
 */
export const MAX_BIBTEX_ENTRY = 20_000

/** Refuses an entry (from one line starting with `@` to the next) longer than `MAX_BIBTEX_ENTRY`. */
function checkBibtexEntries(source: string, file: string): void {
  let start = 0
  let line = 1
  let startLine = 1
  for (let index = 0; index <= source.length; index++) {
    const atLineStart =
      index === source.length ||
      (source[index] === '@' && (index === 0 || source[index - 1] === '\n'))
    if (atLineStart) {
      if (index - start > MAX_BIBTEX_ENTRY) {
        throw new SourcesError(
          file,
          `${startLine}:1: Unexpected BibTeX entry of ${index - start} characters, over the ${MAX_BIBTEX_ENTRY} fiche reads; shorten its fields`,
        )
      }
      start = index
      startLine = line
    }
    if (source[index] === '\n') line++
  }
}

/** Reads the items of one file, by extension. */
function itemsOf(source: string, extension: string, file: string): CslItem[] {
  switch (extension) {
    case '.json': {
      const data = parseJson(source)
      const items = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items
      if (!Array.isArray(items)) throw new SourcesError(file, 'expected a CSL-JSON array of items')
      return items.map((item, index) => {
        const csl = item as CslItem
        if (typeof csl?.id !== 'string' && typeof csl?.id !== 'number') {
          throw new SourcesError(file, `item ${index}: missing "id"`)
        }
        return { ...csl, id: String(csl.id), type: csl.type ?? 'document' }
      })
    }
    case '.bib': {
      checkBibtexEntries(source, file)
      const parsed = bibtex().parse(source)
      const error = parsed.errors[0]
      if (error) throw new SourcesError(file, `BibTeX: ${error.error}`)
      return parsed.entries.map((entry) => {
        const fields = entry.fields as Record<string, unknown>
        const creators = (fields.author ?? fields.editor ?? []) as Array<{
          lastName?: string
          firstName?: string
          name?: string
          /** The "von" part: « de » in "de La Tour, Jean". */
          prefix?: string
          suffix?: string
        }>
        return cslOfRow(
          {
            key: entry.key,
            type: BIBTEX_TYPES[entry.type.toLowerCase()] ?? 'document',
            title: fields.title,
            authors: creators.map((c): CslName =>
              c.name
                ? { literal: c.name }
                : {
                    family: c.lastName ?? '',
                    ...(c.firstName ? { given: c.firstName } : {}),
                    ...(c.prefix ? { 'non-dropping-particle': c.prefix } : {}),
                    ...(c.suffix ? { suffix: c.suffix } : {}),
                  },
            ),
            year: fields.year ?? fields.date,
            url: fields.url,
          },
          `entry "${entry.key}"`,
          file,
        )
      })
    }
    case '.yaml':
    case '.yml': {
      const data = readYaml(source)
      const rows = Array.isArray(data)
        ? data
        : typeof data === 'object' && data !== null
          ? Object.entries(data).map(([key, row]) => ({ key, ...(row as object) }))
          : null
      if (!rows) throw new SourcesError(file, 'expected a list of sources or a map key → source')
      return rows.map((row, index) =>
        cslOfRow(row as Record<string, unknown>, `item ${index}`, file),
      )
    }
    case '.csv': {
      const rows = parseCsvTable(source)
      return rows.map((row, index) => cslOfRow(row, `row ${index + 2}`, file))
    }
    default:
      throw new SourcesError(
        file,
        'unknown registry format, expected .json (CSL-JSON), .bib, .yaml, .yml or .csv',
      )
  }
}

/**
 * Reads registry files (paths relative to `root` or absolute). Throws
 * `SourcesError`. `reading` sets how files that are not UTF-8 are decoded
 * and collects the warnings.
 */
export function loadSources(
  files: string[],
  root: string,
  reading?: ReadingOptions,
): SourceRegistry {
  const registry: SourceRegistry = { files: [], entries: [] }
  const seen = new Map<string, string>()
  for (const file of files) {
    const absolute = path.resolve(root, file)
    const relative = path.relative(root, absolute).split(path.sep).join('/')
    let source: string
    try {
      source = readDataFile(absolute, relative, 'sources file', reading)
    } catch (error) {
      if (error instanceof DecodeError) throw new SourcesError(relative, error.reason)
      throw error
    }
    let items: CslItem[]
    try {
      items = itemsOf(source, path.extname(absolute).toLowerCase(), relative)
    } catch (error) {
      if (error instanceof SourcesError) throw error
      throw new SourcesError(relative, (error as Error).message)
    }
    for (const item of items) {
      const earlier = seen.get(item.id)
      if (earlier)
        throw new SourcesError(relative, `duplicate key "${item.id}" (first in ${earlier})`)
      seen.set(item.id, relative)
      registry.entries.push(entryOf(item, relative))
    }
    registry.files.push(relative)
  }
  return registry
}
