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
 * An entry holds the note's outcome without its outputs (its counts, the
 * counts of its rule messages by severity, its warnings, and its glossary
 * rows: what the build's messages and the corpus glossary need; not the
 * model, which is the note's `model.json`, nor the messages themselves) and the
 * sha256, size and time of each output file. A note whose entry exists and whose
 * outputs are still in the output folder with those hashes is neither
 * parsed nor written again. An entry that cannot be read, is not JSON, has
 * another shape or another format number is ignored: the note is built and
 * the entry written again (atomically: temporary file + rename). Each entry
 * carries the sha256 of its JSON (see src/cli/digest-file.ts): an entry whose bytes
 * changed since fiche wrote them is ignored too.
 *
 * User plugins (`plugins`, `remarkPlugins`) turn the cache off: their code,
 * and whatever it imports, cannot be hashed from here.
 */
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import { buildId, version } from '../package.ts'
import type { FileReport } from '../report/types.ts'
import type { TermbaseStore } from '../glossary/load.ts'
import type { GlossaryRow } from '../glossary/rows.ts'
import type { Termbase } from '../glossary/termbase.ts'
import { digestText, readDigestFile, sha256 } from './digest-file.ts'
import type { BuildResult, NoteOutcome } from './outcome.ts'
import { writeAtomic } from './write.ts'

/** The number of the entries' format; an entry of another format is ignored. */
export const CACHE_FORMAT = 4

/** What an entry records of an output file: its bytes' sha256, and the size and time it had once written. */
interface OutputRecord {
  sha256: string
  size: number
  mtimeMs: number
}

/**
 * One cache entry, as stored: the note's outcome without its outputs (a
 * `BuildResult` holds no model) and a record
 * of each output (file name in `<output>/<doc-id>/` → `OutputRecord`).
 */
interface CacheEntry {
  outcome: Omit<NoteOutcome, 'outputs' | 'result'> & {
    result: Extract<BuildResult, { ok: true }>
  }
  outputs: Record<string, OutputRecord>
}

/** The glossary rows of a build entry, as stored beside it. */
interface GlossaryEntry {
  rows: GlossaryRow[]
}

/** The corpus glossary's entry: its files in `<output>/` → `OutputRecord`. */
interface CorpusEntry {
  files: Record<string, OutputRecord>
}

/** One entry of `fiche check`, as stored. */
interface CheckEntry {
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
  /** Records a built note whose outputs were written in `outDir` (a failed note is not recorded). */
  store(key: string, id: string, outcome: NoteOutcome, outDir: string): void
  /**
   * The glossary rows recorded with the entry of `key` (kept in a file of
   * their own, `<cache>/glossary/<key>.json`, read only when the corpus
   * glossary is made again); null when they are missing or unsound.
   */
  glossaryOf(key: string): GlossaryRow[] | null
  /**
   * The key of the corpus glossary of the notes whose keys are given (the
   * built notes, in order), or null when one of them has none.
   */
  corpusKeyOf(keys: Array<string | null>): string | null
  /** Whether the corpus glossary of `key` is in `outDir` with the recorded bytes. */
  corpusHolds(key: string, outDir: string): boolean
  /** Records the corpus glossary files written in `outDir`. */
  storeCorpus(key: string, outDir: string, names: string[]): void
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
  /** The hash of everything but the notes and their translations. */
  fingerprint: string
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
    fingerprint,
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
function writeEntry(
  file: string,
  key: string,
  entry: CacheEntry | CheckEntry | CorpusEntry | GlossaryEntry | Termbase,
): void {
  try {
    writeAtomic(file, digestText(CACHE_FORMAT, key, entry))
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
  // One corpus entry per output folder: a build of other notes replaces it.
  const glossaryFile = (key: string) => path.join(config.cache!, 'glossary', `${key}.json`)
  const corpusFile = (outDir: string) =>
    path.join(config.cache!, 'corpus', `${sha256(path.resolve(outDir)).slice(0, 32)}.json`)
  return {
    keyOf: base.keyOf,
    lookup(key, outDir) {
      const file = base.entryFile(key)
      const entry = readEntry(file, key, isEntry)
      if (!entry) return null
      const { result } = entry.outcome
      const folder = path.join(outDir, result.summary.id)
      const held = holdAll(folder, entry.outputs)
      if (!held) return null
      if (held === 'touched') {
        const outputs = recordsOf(folder, entry.outputs)
        if (outputs) writeEntry(file, key, { ...entry, outputs })
      }
      return { ...entry.outcome, outputs: null }
    },
    store(key, id, outcome, outDir) {
      const { outputs, result, ...rest } = outcome
      // The translation files in the key are those of `id`: another id could not be checked.
      if (!outputs || !result.ok || !result.glossary) return
      if (result.summary.id !== id || !('model.json' in outputs)) return
      const folder = path.join(outDir, id)
      const records = recordsOf(
        folder,
        Object.fromEntries(Object.keys(outputs).map((name) => [name, sha256(outputs[name]!)])),
      )
      if (!records) return
      // The rows first: an entry is only written with its rows beside it.
      writeEntry(glossaryFile(key), key, { rows: result.glossary })
      writeEntry(base.entryFile(key), key, {
        outcome: { ...rest, result: { ...result, glossary: null } },
        outputs: records,
      })
    },
    glossaryOf(key) {
      return readEntry(glossaryFile(key), key, isGlossaryEntry)?.rows ?? null
    },
    corpusKeyOf(keys) {
      if (keys.some((key) => key === null)) return null
      return sha256(stableJson({ fingerprint: base.fingerprint, keys }))
    },
    corpusHolds(key, outDir) {
      const entry = readEntry(corpusFile(outDir), key, isCorpusEntry)
      if (!entry) return false
      const held = holdAll(outDir, entry.files)
      if (held === 'touched') {
        const files = recordsOf(outDir, entry.files)
        if (files) writeEntry(corpusFile(outDir), key, { files })
      }
      return held !== false
    },
    storeCorpus(key, outDir, names) {
      const records = recordsOf(
        outDir,
        Object.fromEntries(names.map((name) => [name, fileHash(path.join(outDir, name))])),
      )
      if (records) writeEntry(corpusFile(outDir), key, { files: records })
    },
  }
}

/**
 * Whether the files of `records` are in `folder` with their recorded bytes:
 * true when each has its recorded size and time (nothing to read), 'touched'
 * when some had another time but still hash to the recorded bytes (the entry
 * should record the new times), false otherwise. As make and git do, an
 * unchanged size and time stand for unchanged bytes.
 */
function holdAll(folder: string, records: Record<string, OutputRecord>): boolean | 'touched' {
  let touched = false
  for (const [name, record] of Object.entries(records)) {
    const file = path.join(folder, name)
    const stat = statSync(file, { throwIfNoEntry: false })
    if (!stat || stat.size !== record.size) return false
    if (stat.mtimeMs === record.mtimeMs) continue
    if (fileHash(file) !== record.sha256) return false
    touched = true
  }
  return touched ? 'touched' : true
}

/** The records of files in `folder` (name → sha256 of their bytes), with their present size and time; null if one is missing. */
function recordsOf(
  folder: string,
  hashes: Record<string, string | OutputRecord>,
): Record<string, OutputRecord> | null {
  const records: Record<string, OutputRecord> = {}
  for (const [name, hash] of Object.entries(hashes)) {
    const stat = statSync(path.join(folder, name), { throwIfNoEntry: false })
    if (!stat) return null
    const digest = typeof hash === 'string' ? hash : hash.sha256
    records[name] = { sha256: digest, size: stat.size, mtimeMs: stat.mtimeMs }
  }
  return records
}

/** The cache of a check, or null when it is off (see `openCache`). */
export function openCheckCache(config: ResolvedConfig, noCache: boolean): CheckCache | null {
  const base = openCache(config, 'check', {}, noCache)
  if (!base) return null
  return {
    keyOf: base.keyOf,
    lookup(key) {
      const entry = readEntry(base.entryFile(key), key, isCheckEntry)
      return entry ? entry.reports : null
    },
    store(key, reports) {
      // A note that did not build (no document id) may have failed for a passing reason.
      if (reports[0]?.documentId === null) return
      writeEntry(base.entryFile(key), key, { reports })
    },
  }
}

/**
 * The entry of `key` in `file` when it is sound (see src/cli/digest-file.ts),
 * else null. `shape` checks what the run relies on before trusting a model:
 * the ids and names it makes paths of.
 */
function readEntry<T>(file: string, key: string, shape: (value: unknown) => value is T): T | null {
  const entry = readDigestFile(file, CACHE_FORMAT, key)
  return entry !== null && shape(entry) ? entry : null
}

/** Whether a parsed value has the shape of a check entry. */
function isCheckEntry(value: unknown): value is CheckEntry {
  return (
    isRecord(value) &&
    Array.isArray(value.reports) &&
    value.reports.length > 0 &&
    value.reports.every((report) => isRecord(report) && Array.isArray(report.diagnostics))
  )
}

/** Whether a parsed value is a record of output files by safe names. */
function isRecords(value: unknown): value is Record<string, OutputRecord> {
  if (!isRecord(value)) return false
  const names = Object.entries(value)
  return (
    names.length > 0 &&
    names.every(
      ([name, record]) =>
        isFileName(name) &&
        isRecord(record) &&
        typeof record.sha256 === 'string' &&
        typeof record.size === 'number' &&
        typeof record.mtimeMs === 'number',
    )
  )
}

/** Whether a parsed value has the shape of a build entry: output names and a document id that are safe as paths. */
function isEntry(value: unknown): value is CacheEntry {
  if (!isRecord(value) || !isRecord(value.outcome) || !isRecords(value.outputs)) return false
  const { result } = value.outcome
  return (
    'model.json' in value.outputs &&
    isRecord(result) &&
    result.ok === true &&
    isRecord(result.summary) &&
    typeof result.summary.id === 'string' &&
    isFileName(result.summary.id) &&
    result.glossary === null
  )
}

/** Whether a parsed value has the shape of a glossary entry. */
function isGlossaryEntry(value: unknown): value is GlossaryEntry {
  return isRecord(value) && Array.isArray(value.rows)
}

/** Whether a parsed value has the shape of a corpus glossary entry. */
function isCorpusEntry(value: unknown): value is CorpusEntry {
  return isRecord(value) && isRecords(value.files)
}

/** Whether a string names a file in a folder (no separator, not `..`). */
function isFileName(name: string): boolean {
  return /^[^/\\]+$/u.test(name) && name !== '..' && name !== '.'
}

/** Whether a value is a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The parsed termbases kept in `<cache>/termbase/` (see `TermbaseStore`), one
 * file per termbase text, format and build of fiche.
 */
export function termbaseStore(cacheFolder: string): TermbaseStore {
  const entry = (format: string, source: string) => {
    const key = sha256(`${version}\0${buildId}\0${format}\0${source}`)
    return { key, file: path.join(cacheFolder, 'termbase', `${key}.json`) }
  }
  return {
    get(format, source) {
      const { key, file } = entry(format, source)
      return readEntry(file, key, isTermbase)
    },
    set(format, source, termbase) {
      const { key, file } = entry(format, source)
      writeEntry(file, key, termbase)
    },
  }
}

/** Whether a parsed value has the shape of a termbase (its contents were checked when it was parsed: see `readEntry`). */
function isTermbase(value: unknown): value is Termbase {
  return isRecord(value) && Array.isArray(value.concepts)
}
