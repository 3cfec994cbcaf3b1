/** `fiche build`: runs the pipeline over the notes and writes the outputs. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { GlossaryRow } from '../glossary/rows.ts'
import type { Termbase } from '../glossary/termbase.ts'
import type { DocumentModel } from '../model/schema.ts'
import { failedNote } from '../pipeline/result.ts'
import { summaryLine, type Summary } from '../report/types.ts'
import type { NoteBuilder } from './builder.ts'
import { notesOf, type CommandNotes } from './notes.ts'
import type { BuildResult, FailedNote, NoteOutcome, NoteSummary } from './outcome.ts'
import { lockOptions, withLock } from './lock.ts'
import { openBuildCache, type BuildCache } from './cache.ts'
import { createPool, poolSize } from './pool.ts'
import { createProgress } from './progress.ts'
import { outsideRootRefusal } from './root.ts'
import { removeStaleTemps, writeAtomic } from './write.ts'

/** Options of `fiche build`. */
export interface BuildOptions {
  paths: string[]
  out: string | null
  quiet: boolean
  /** Refuse a note whose brief lists sources "À compléter". */
  final?: boolean
  /** Exit 1 when an English handout has units left in French. */
  strict?: boolean
  /** Allow an output folder outside the project root (`--allow-outside-root`). */
  allowOutsideRoot?: boolean
  /** `--jobs`: most worker threads (default: see `poolSize`). */
  jobs?: number
  /** `--no-cache`: build every note, read and write no cache entry. */
  noCache?: boolean
}

export type { BuildResult, BuiltNote, NoteOutcome } from './outcome.ts'
export type { NoteBuilder, NoteBuilderOptions } from './builder.ts'

/**
 * Writes the outputs of a note into `<outDir>/<doc-id>/`, each atomically;
 * a write that fails makes the note a failed one. With `keepIdentical`, a
 * file that already holds the same bytes is left alone (its mtime too).
 */
export function writeOutcome(
  outcome: NoteOutcome,
  outDir: string,
  keepIdentical = false,
): { result: BuildResult; checked: Summary; untranslated: number | null } {
  const { result, checked, untranslated, outputs } = outcome
  if (!result.ok) return { result, checked, untranslated }
  // Also when nothing is written (a note the cache answers): a killed build's temporary files go.
  const { id } = result.summary
  removeStaleTemps(path.join(outDir, id))
  if (!outputs) return { result, checked, untranslated }
  try {
    for (const [name, data] of Object.entries(outputs)) {
      const file = path.join(outDir, id, name)
      if (keepIdentical && holds(file, data)) continue
      writeAtomic(file, data)
    }
  } catch (error) {
    const reason = `cannot write the outputs (${(error as Error).message})`
    return {
      result: failedNote(result.path, result.relativePath, reason),
      checked,
      untranslated: null,
    }
  }
  return { result, checked, untranslated }
}

/** Whether `file` exists with exactly the bytes of `data`. */
function holds(file: string, data: string | Uint8Array): boolean {
  try {
    return readFileSync(file).equals(typeof data === 'string' ? Buffer.from(data) : data)
  } catch {
    return false
  }
}

/**
 * The glossary rows of a written note: those of its outcome, else those its
 * cache entry recorded (see `BuildCache.glossaryOf`), else those of its
 * `model.json` (when the recorded rows are gone).
 */
export async function glossaryOfWritten(
  result: Extract<BuildResult, { ok: true }>,
  key: string | null,
  cache: BuildCache | null,
  outDir: string,
  termbase: Termbase,
): Promise<GlossaryRow[]> {
  if (result.glossary) return result.glossary
  const recorded = key && cache ? cache.glossaryOf(key) : null
  if (recorded) return recorded
  const { glossaryRows } = await import('../glossary/rows.ts')
  const model = JSON.parse(
    readFileSync(path.join(outDir, result.summary.id, 'model.json'), 'utf8'),
  ) as DocumentModel
  return glossaryRows(model, termbase)
}

/** A written note, with its glossary rows when it built (see `NoteWriter.write`). */
export interface WrittenNote {
  result: FailedNote | (Extract<BuildResult, { ok: true }> & { glossary: GlossaryRow[] })
  checked: Summary
  untranslated: number | null
}

/** `written` with the glossary rows of its note (see `glossaryOfWritten`). */
export async function withGlossary(
  written: ReturnType<typeof writeOutcome>,
  key: string | null,
  cache: BuildCache | null,
  outDir: string,
  termbase: Termbase,
): Promise<WrittenNote> {
  const { result } = written
  if (!result.ok) return { ...written, result }
  const glossary = await glossaryOfWritten(result, key, cache, outDir, termbase)
  return { ...written, result: { ...result, glossary } }
}

/** Builds notes and writes their outputs with one configuration (fiche watch). */
export interface NoteWriter {
  /**
   * Builds one note (whose id is `id`: see `documentIdsOf`), writes its
   * outputs and reports what the rules found; a built note comes with its
   * glossary rows, also when the cache gave it.
   */
  write(file: string, id?: string): Promise<WrittenNote>
}

/**
 * Creates the writer of a configuration, building in this thread. It uses
 * the build cache (see `openBuildCache`) as `fiche build` does: a note whose
 * entry holds and whose outputs are in place is neither built nor written,
 * and output files that already hold their bytes are left alone.
 */
export async function createNoteWriter(
  config: ResolvedConfig,
  outDir: string,
): Promise<NoteWriter> {
  const sourceDateEpoch = readSourceDateEpoch(process.env.SOURCE_DATE_EPOCH)
  const { createNoteBuilder } = await import('./builder.ts')
  const builder = await createNoteBuilder(config, { sourceDateEpoch })
  const cache = openBuildCache(config, { final: false, sourceDateEpoch, noCache: false })
  return {
    async write(file, id) {
      const key = id === undefined ? null : (cache?.keyOf(file, id) ?? null)
      const cached = key === null ? null : cache!.lookup(key, outDir)
      const outcome = cached ?? (await builder.build(file, id))
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`)
      const written = writeOutcome(outcome, outDir, cache !== null)
      // Stored only if the note did not change while it was built: the entry would be another text's.
      if (key && written.result.ok && outcome.outputs && cache!.keyOf(file, id!) === key)
        cache!.store(key, id!, outcome, outDir)
      return withGlossary(written, key, cache, outDir, config.termbase)
    },
  }
}

/**
 * Writes corpus glossary files (name → content) into `outDir`; with
 * `keepIdentical`, a file that already holds the same bytes is left alone.
 */
export function writeCorpusFiles(
  files: Record<string, string>,
  outDir: string,
  keepIdentical: boolean,
): void {
  removeStaleTemps(outDir)
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(outDir, name)
    if (keepIdentical && holds(file, data)) continue
    writeAtomic(file, data)
  }
}

/** Reads, builds and writes every note; returns the exit code (1 if any file failed). */
export async function runBuild(config: ResolvedConfig, options: BuildOptions): Promise<number> {
  const outDir = options.out ? path.resolve(options.out) : config.output
  const refused = outsideRootRefusal('build', outDir, config, options.allowOutsideRoot)
  if (refused) {
    process.stderr.write(`${refused}\n`)
    return 2
  }
  // Which notes, before anything is locked or written: a path that names nothing is a usage error.
  const notes = notesOf('build', config, options.paths)
  if (notes === null) return 2
  return withLock(outDir, lockOptions(options.quiet), () =>
    buildInto(config, options, outDir, notes),
  )
}

/** `runBuild` once the output folder is locked. */
async function buildInto(
  config: ResolvedConfig,
  options: BuildOptions,
  outDir: string,
  { files, idOf }: CommandNotes,
): Promise<number> {
  for (const warning of config.warnings) process.stderr.write(`warning: ${warning}\n`)
  const final = options.final === true
  const sourceDateEpoch = readSourceDateEpoch(process.env.SOURCE_DATE_EPOCH)
  // A note whose cache entry holds and whose outputs are in place is neither built nor written.
  const cache = openBuildCache(config, {
    final,
    sourceDateEpoch,
    noCache: options.noCache === true,
  })
  const keys = files.map((file) => cache?.keyOf(file, idOf(file)) ?? null)
  const cached = keys.map((key) => (key === null ? null : cache!.lookup(key, outDir)))
  const toBuild = cached.filter((outcome) => outcome === null).length
  const size = poolSize(config, options.jobs, toBuild)
  const pool =
    size > 0
      ? createPool<NoteOutcome>(config, { command: 'build', final, sourceDateEpoch }, size)
      : null
  // The parser, the rules and the writers load only when a note is to be built.
  const building = toBuild > 0 ? await import('./builder.ts') : null
  const builder: NoteBuilder | null =
    pool || !building ? null : await building.createNoteBuilder(config, { final, sourceDateEpoch })
  // Every note is queued at once; the outcomes are taken in the order of the
  // files, so the messages and the writes come in the same order whatever
  // the number of workers.
  const outcomes = files.map((file, index) =>
    cached[index]
      ? Promise.resolve(cached[index])
      : pool
        ? pool
            .run(file, idOf(file))
            .then((answer) =>
              answer.ok ? answer.value : building!.unfinishedNote(config, file, answer.reason),
            )
        : null,
  )
  const progress = createProgress(files.length, process.stderr, options.quiet)
  // What is kept of each note: its counts and glossary rows, not its model or
  // outputs, so that the batch's memory does not grow with its notes.
  const results: BuildResult[] = []
  const checked: Summary = { files: 0, errors: 0, warnings: 0, infos: 0 }
  let incomplete = 0
  try {
    for (const [index, file] of files.entries()) {
      const outcome = (await outcomes[index]) ?? (await builder!.build(file, idOf(file)))
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`)
      const {
        result,
        checked: counted,
        untranslated,
      } = writeOutcome(outcome, outDir, cache !== null)
      const key = keys[index]
      if (key && result.ok && outcome.outputs) cache!.store(key, idOf(file), outcome, outDir)
      for (const count of ['files', 'errors', 'warnings', 'infos'] as const)
        checked[count] += counted[count]
      if (untranslated && result.ok) {
        incomplete++
        process.stderr.write(
          `${result.summary.id}/handout.en.docx: ${untranslated} untranslated unit(s)\n`,
        )
      }
      progress.step(result.ok ? `built ${result.relativePath}` : `failed ${result.relativePath}`)
      results.push(result)
    }
  } finally {
    await pool?.close()
  }
  progress.done()
  const failed = results.filter((r) => !r.ok)
  for (const result of failed)
    if (!result.ok) process.stderr.write(`error: ${result.error.message}\n`)
  const built = results.flatMap((r, index) => (r.ok ? [{ ...r, key: keys[index] ?? null }] : []))
  // The corpus glossary of unchanged notes is left in place: their models are not even read.
  const corpusKey =
    cache?.corpusKeyOf(results.flatMap((r, index) => (r.ok ? [keys[index] ?? null] : []))) ?? null
  if (built.length > 0 && !(corpusKey && cache!.corpusHolds(corpusKey, outDir))) {
    const { corpusFilesOfNotes } = await import('../glossary/outputs.ts')
    const notes = []
    for (const note of built)
      notes.push({
        id: note.summary.id,
        rows: await glossaryOfWritten(note, note.key, cache, outDir, config.termbase),
      })
    const files = corpusFilesOfNotes(notes, config.termbase)
    writeCorpusFiles(files, outDir, cache !== null)
    if (corpusKey) cache!.storeCorpus(corpusKey, outDir, Object.keys(files))
  } else if (built.length > 0) removeStaleTemps(outDir)
  const summaries = built.map((r) => r.summary)
  const count = (key: Exclude<keyof NoteSummary, 'id'>) =>
    summaries.reduce((sum, summary) => sum + summary[key], 0)
  process.stderr.write(
    `${built.length} document(s) built, ${failed.length} failed: ${count('headings')} headings, ${count('bullets')} bullets, ${count('statistics')} statistics, ${count('citations')} citations, ${count('acronyms')} acronyms; ${count('diagnostics')} diagnostic(s)\n`,
  )
  const details = checked.errors + checked.warnings > 0 ? ' (details: fiche check)' : ''
  process.stderr.write(`check: ${summaryLine(checked)}${details}\n`)
  process.stderr.write(`outputs in ${shownFolder(outDir)} (${built.length} note(s))\n`)
  if (options.strict && incomplete > 0) {
    process.stderr.write(`error: ${incomplete} handout(s) with untranslated units (--strict)\n`)
    return 1
  }
  return failed.length > 0 ? 1 : 0
}

/** A folder as the user would type it: relative to the current folder when under it. */
function shownFolder(folder: string): string {
  const relative = path.relative(process.cwd(), folder)
  const shown =
    relative === ''
      ? '.'
      : relative.startsWith('..') || path.isAbsolute(relative)
        ? folder
        : relative
  return `${shown.split(path.sep).join('/')}/`
}

/** `SOURCE_DATE_EPOCH` (seconds), the date of briefs whose note has none; ignored when malformed. */
export function readSourceDateEpoch(value: string | undefined): number | null {
  if (value === undefined || value === '') return null
  if (/^\d+$/.test(value)) return Number(value)
  process.stderr.write(
    `warning: SOURCE_DATE_EPOCH="${value}" is not a number of seconds; ignored\n`,
  )
  return null
}
