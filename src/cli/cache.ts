/**
 * The build cache of `fiche build`: content-addressed entries under the
 * configuration's `cache` folder (default `node_modules/.cache/fiche`), one
 * file `build/<key>.json` per built note. The key is the sha256 of
 * everything the note's outputs depend on: the note's bytes, its path and
 * id, its translation file (`<translation folder>/<id>.en.xlf`, or its
 * absence), the termbase and sources files, the Word template, the config
 * file's bytes, the resolved configuration (stable JSON, without the output
 * folder), `--final`, `SOURCE_DATE_EPOCH`, fiche's version and
 * `CACHE_FORMAT`.
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
import { version } from '../package.ts'
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
export function stableJson(value: unknown): string {
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

/**
 * The cache of a build, or null when it is off: `cache: false`,
 * `--no-cache`, or user plugins in the configuration.
 */
export function openBuildCache(
  config: ResolvedConfig,
  run: { final: boolean; sourceDateEpoch: number | null; noCache: boolean },
): BuildCache | null {
  if (run.noCache || config.cache === null) return null
  if (config.plugins.length + config.remarkPlugins.length > 0) return null
  const folder = path.join(config.cache, 'build')
  // The outputs are checked in the output folder itself: its path is not in the key.
  const settings = { ...config, output: null, cache: null }
  const run_ = sha256(
    stableJson({
      format: CACHE_FORMAT,
      version,
      final: run.final,
      sourceDateEpoch: run.sourceDateEpoch,
      configFile: config.loaded?.file ? fileHash(config.loaded.file) : null,
      termbase: config.termbaseFiles.map(fileHash),
      sources: config.sources.files.map((file) => fileHash(path.resolve(config.root, file))),
      template: config.docx.template ? fileHash(config.docx.template) : null,
      settings,
    }),
  )
  const entryFile = (key: string) => path.join(folder, `${key}.json`)
  return {
    keyOf(file, id) {
      let note: Buffer
      try {
        note = readFileSync(file)
      } catch {
        return null
      }
      const translation = fileHash(path.join(config.translation.folder, `${id}.en.xlf`))
      const relative = path.relative(config.root, file).split(path.sep).join('/')
      return sha256(stableJson({ run: run_, relative, id, note: sha256(note), translation }))
    },
    lookup(key, outDir) {
      const entry = readEntry(entryFile(key), key)
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
      // The translation file in the key is the one of `id`: another id could not be checked.
      if (!outputs || !rest.result.ok || rest.result.model.id !== id) return
      const entry: CacheEntry = {
        format: CACHE_FORMAT,
        key,
        outcome: rest,
        outputs: Object.fromEntries(
          Object.entries(outputs).map(([name, data]) => [name, sha256(data)]),
        ),
      }
      try {
        writeAtomic(entryFile(key), JSON.stringify(entry))
      } catch {
        // A cache that cannot be written (a read-only folder) only makes the next build slower.
      }
    },
  }
}

/** The entry of `key` in `file` when it is sound, else null (missing, truncated, foreign…). */
function readEntry(file: string, key: string): CacheEntry | null {
  if (!existsSync(file)) return null
  let entry: unknown
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
  return isEntry(entry, key) ? entry : null
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
