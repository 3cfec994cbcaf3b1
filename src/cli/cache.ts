/**
 * The cache of `fiche build` and `fiche check`: content-addressed entries
 * under the configuration's `cache` folder (default
 * `node_modules/.cache/fiche`), one file `build/<key>.json` or
 * `check/<key>.json` per note. The key is the sha256 of everything the
 * note's outputs or report depend on: the note's bytes, its path and id,
 * its translation files (`<translation folder>/<id>.<lang>.xlf` for `en`
 * and the configured languages, or their absence), the termbase and sources
 * files, the Word template, the config file's bytes, the resolved
 * configuration (stable JSON, without the output folder), the command with
 * `--final` and `SOURCE_DATE_EPOCH`, fiche's version, its build id (a hash
 * of its sources and lockfile, so that a rebuilt fiche never reuses an older
 * build's entries) and `CACHE_FORMAT`.
 *
 * `fiche check` keeps the note's reports (the note's, then its translation
 * files'): an unchanged note is not parsed again.
 *
 * An entry holds the note's outcome without its outputs (the model, the
 * report, the warnings: what the messages and the corpus glossary need) and
 * the sha256 of each output file. A note whose entry exists and whose
 * outputs are still in the output folder with those hashes is neither
 * parsed nor written again. An entry that cannot be read, is not JSON, has
 * another shape or another format number is ignored: the note is built and
 * the entry written again (atomically: temporary file + rename).
 *
 * User plugins (`plugins`, `remarkPlugins`) turn the cache off: their code,
 * and whatever it imports, cannot be hashed from here.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import { Diagnostic, DocumentModel } from '../model/schema.ts'
import { buildId, version } from '../package.ts'
import type { FileReport } from '../report/types.ts'
import type { BuiltNote, NoteOutcome } from './outcome.ts'
import { writeAtomic } from './write.ts'

/** The number of the entries' format; an entry of another format is ignored. */
export const CACHE_FORMAT = 1

/** One cache entry, as stored. */
interface CacheEntry {
  format: number
  key: string
  outcome: Omit<NoteOutcome, 'outputs'>
  /** Output file name (in `<output>/<doc-id>/`) → sha256 of its bytes. */
  outputs: Record<string, string>
}

/** One entry of `fiche check`, as stored. */
interface CheckEntry {
  format: number
  key: string
  reports: FileReport[]
}

/** The cache of one check run. */
export interface CheckCache {
  /** The key of a note (whose id is `id`), or null when the note cannot be read. */
  keyOf(file: string, id: string): string | null
  /** The reports recorded for `key` when the entry is sound; else null. */
  lookup(key: string): FileReport[] | null
  /** Records the reports of a note. */
  store(key: string, reports: FileReport[]): void
}

/** The cache of one build run. */
export interface BuildCache {
  /** The key of a note (whose id is `id`), or null when the note cannot be read. */
  keyOf(file: string, id: string): string | null
  /**
   * The cached outcome of `key` (without outputs: nothing to write) when the
   * entry is sound and its outputs are in `outDir` with the recorded bytes;
   * else null.
   */
  lookup(key: string, outDir: string): NoteOutcome | null
  /** Records a built note whose outputs were written (a failed note is not recorded). */
  store(key: string, id: string, outcome: NoteOutcome): void
}

/** The sha256 of some bytes, in hex. */
function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A file's bytes hashed, or a mark of its absence. */
function fileHash(file: string): string {
  try {
    return sha256(readFileSync(file))
  } catch {
    return 'absent'
  }
}

/** JSON with object keys sorted; functions, Maps and Sets are written so that they count. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'function') return `[function ${item.name}]`
    if (item instanceof Map) return { '[Map]': [...item.entries()] }
    if (item instanceof Set) return { '[Set]': [...item] }
    if (item instanceof RegExp) return `[RegExp ${item.source}/${item.flags}]`
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const record = item as Record<string, unknown>
      return Object.fromEntries(
        Object.keys(record)
          .sort()
          .map((key) => [key, record[key]]),
      )
    }
    return item
  })
}

/** The folder and keys of one run's cache, or null when the cache is off. */
interface CacheBase {
  keyOf(file: string, id: string): string | null
  /** The entry file of a key. */
  entryFile(key: string): string
}

/**
 * The cache of a `command` run, or null when it is off: `cache: false`,
 * `--no-cache`, or user plugins in the configuration. `run` holds the
 * command's options that change its results.
 */
function openCache(
  config: ResolvedConfig,
  command: 'build' | 'check',
  run: Record<string, unknown>,
  noCache: boolean,
): CacheBase | null {
  if (noCache || config.cache === null) return null
  if (config.plugins.length + config.remarkPlugins.length > 0) return null
  const folder = path.join(config.cache, command)
  // The outputs are checked in the output folder itself: its path is not in the key.
  const settings = { ...config, output: null, cache: null }
  const fingerprint = sha256(
    stableJson({
      format: CACHE_FORMAT,
      version,
      buildId,
      command,
      run,
      configFile: config.loaded?.file ? fileHash(config.loaded.file) : null,
      termbase: config.termbaseFiles.map(fileHash),
      sources: config.sources.files.map((file) => fileHash(path.resolve(config.root, file))),
      template: config.docx.template ? fileHash(config.docx.template) : null,
      settings,
    }),
  )
  const languages = [...new Set(['en', ...config.translation.languages])].sort()
  return {
    keyOf(file, id) {
      let note: Buffer
      try {
        note = readFileSync(file)
      } catch {
        return null
      }
      const translations = languages.map((language) =>
        fileHash(path.join(config.translation.folder, `${id}.${language}.xlf`)),
      )
      const relative = path.relative(config.root, file).split(path.sep).join('/')
      return sha256(stableJson({ fingerprint, relative, id, note: sha256(note), translations }))
    },
    entryFile: (key) => path.join(folder, `${key}.json`),
  }
}

/** Writes an entry atomically; a cache that cannot be written (a read-only folder) only makes the next run slower. */
function writeEntry(file: string, entry: CacheEntry | CheckEntry): void {
  try {
    writeAtomic(file, JSON.stringify(entry))
  } catch {
    // Nothing to report: the run's results do not depend on the cache.
  }
}

/** The cache of a build, or null when it is off (see `openCache`). */
export function openBuildCache(
  config: ResolvedConfig,
  run: { final: boolean; sourceDateEpoch: number | null; noCache: boolean },
): BuildCache | null {
  const { noCache, ...options } = run
  const base = openCache(config, 'build', options, noCache)
  if (!base) return null
  return {
    keyOf: base.keyOf,
    lookup(key, outDir) {
      const entry = readEntry(base.entryFile(key), (value) => isEntry(value, key))
      if (!entry) return null
      const { result } = entry.outcome
      if (!result.ok) return null
      for (const [name, hash] of Object.entries(entry.outputs)) {
        if (fileHash(path.join(outDir, result.model.id, name)) !== hash) return null
      }
      return { ...entry.outcome, outputs: null }
    },
    store(key, id, outcome) {
      const { outputs, ...rest } = outcome
      // The translation files in the key are those of `id`: another id could not be checked.
      if (!outputs || !rest.result.ok || rest.result.model.id !== id) return
      writeEntry(base.entryFile(key), {
        format: CACHE_FORMAT,
        key,
        outcome: rest,
        outputs: Object.fromEntries(
          Object.entries(outputs).map(([name, data]) => [name, sha256(data)]),
        ),
      })
    },
  }
}

/** The cache of a check, or null when it is off (see `openCache`). */
export function openCheckCache(config: ResolvedConfig, noCache: boolean): CheckCache | null {
  const base = openCache(config, 'check', {}, noCache)
  if (!base) return null
  return {
    keyOf: base.keyOf,
    lookup(key) {
      const entry = readEntry(base.entryFile(key), (value) => isCheckEntry(value, key))
      return entry ? entry.reports : null
    },
    store(key, reports) {
      // A note that did not build (no document id) may have failed for a passing reason.
      if (reports[0]?.documentId === null) return
      writeEntry(base.entryFile(key), { format: CACHE_FORMAT, key, reports })
    },
  }
}

/** The entry in `file` when it is sound, else null (missing, truncated, foreign…). */
function readEntry<T>(file: string, sound: (value: unknown) => value is T): T | null {
  if (!existsSync(file)) return null
  let entry: unknown
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
  return sound(entry) ? entry : null
}

/** Whether a parsed value has the shape of the check entry of `key`. */
function isCheckEntry(value: unknown, key: string): value is CheckEntry {
  if (!isRecord(value) || value.format !== CACHE_FORMAT || value.key !== key) return false
  const { reports } = value
  return (
    Array.isArray(reports) &&
    reports.length > 0 &&
    reports.every(
      (report) =>
        isRecord(report) &&
        typeof report.path === 'string' &&
        (report.documentId === null || typeof report.documentId === 'string') &&
        Diagnostic.array().safeParse(report.diagnostics).success &&
        (report.coverage === undefined || report.coverage === null || isCoverage(report.coverage)),
    )
  )
}

/** Whether a parsed value looks like a translation file's coverage. */
function isCoverage(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.language === 'string' &&
    Object.entries(value).every(([name, item]) => name === 'language' || typeof item === 'number')
  )
}

/** Whether a parsed value has the shape of the entry of `key`. */
function isEntry(value: unknown, key: string): value is CacheEntry {
  if (!isRecord(value) || value.format !== CACHE_FORMAT || value.key !== key) return false
  const { outcome, outputs } = value
  if (!isRecord(outcome) || !isRecord(outputs)) return false
  const names = Object.entries(outputs)
  if (
    names.length === 0 ||
    !names.every(
      ([name, hash]) =>
        /^[^/\\]+$/u.test(name) &&
        name !== '..' &&
        typeof hash === 'string' &&
        /^[0-9a-f]{64}$/u.test(hash),
    )
  )
    return false
  const { result, report, untranslated, warnings } = outcome
  return (
    isResult(result) &&
    isRecord(report) &&
    Diagnostic.array().safeParse(report.diagnostics).success &&
    (untranslated === null || typeof untranslated === 'number') &&
    Array.isArray(warnings) &&
    warnings.every((warning) => typeof warning === 'string')
  )
}

/** Whether a parsed value looks like a built note with its model. */
function isResult(value: unknown): value is BuiltNote {
  if (!isRecord(value) || value.ok !== true) return false
  const { model } = value
  return (
    typeof value.path === 'string' &&
    typeof value.relativePath === 'string' &&
    DocumentModel.safeParse(model).success &&
    isRecord(model) &&
    typeof model.id === 'string' &&
    /^[^/\\]+$/u.test(model.id) &&
    model.id !== '..'
  )
}

/** Whether a value is a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
