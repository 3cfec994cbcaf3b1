/** `fiche build`: runs the pipeline over the notes and writes the outputs. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, type ResolvedConfig } from '../config/resolve.ts'
import type { DocxTemplate } from '../emit/docx/index.ts'
import { noteOutputs } from '../emit/outputs.ts'
import { corpusGlossaryFiles } from '../glossary/outputs.ts'
import { glossaryRows } from '../glossary/rows.ts'
import type { DocumentModel } from '../model/schema.ts'
import { summaryOf, type BuiltNote, type NoteOutcome, type NoteSummary } from './outcome.ts'
import { notesOf, type CommandNotes } from './notes.ts'
import {
  buildFile,
  createProcessor,
  failedNote,
  projectPath,
  type NoteResult,
} from '../pipeline/process.ts'
import type { PluginMonitor } from '../pipeline/user-plugins.ts'
import { summaryLine, type FileReport } from '../report/types.ts'
import { summarize } from '../report/vfile.ts'
import { englishNote } from '../translate/english.ts'
import { unitTranslations } from '../translate/targets.ts'
import { validateResult } from '../check.ts'
import { lockOptions, withLock } from './lock.ts'
import { openBuildCache } from './cache.ts'
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

export type { BuiltNote, NoteOutcome } from './outcome.ts'

/** Builds notes with one configuration: the processor and the template are made once. */
export interface NoteBuilder {
  /** Builds one note (whose id is `id`: see `documentIdsOf`) and computes its outputs. */
  build(file: string, id?: string): Promise<NoteOutcome>
}

/** Options of a `NoteBuilder`. */
export interface NoteBuilderOptions {
  /** `--final`: a note whose brief lists sources to complete fails. */
  final?: boolean
  /** `SOURCE_DATE_EPOCH` (seconds), see `readSourceDateEpoch`. */
  sourceDateEpoch?: number | null
  /** Told which user plugin runs (worker threads, for the time limit). */
  monitor?: PluginMonitor
}

/** Creates the builder of a configuration. */
export async function createNoteBuilder(
  config: ResolvedConfig,
  options: NoteBuilderOptions = {},
): Promise<NoteBuilder> {
  const processor = createProcessor(config, options.monitor)
  // The Word writer (and the docx library) loads only when a note is built: not on a run the cache answers.
  const docx = await import('../emit/docx/index.ts')
  const template = await readTemplate(config, docx.loadTemplate)
  const sourceDateEpoch = options.sourceDateEpoch ?? null
  const validated = async (file: string, id: string | undefined) => {
    const built = await buildFile(file, config, processor, id)
    return { report: validateResult(built, config), result: plainResult(built) }
  }
  return {
    async build(file, id) {
      // The tree and text stay inside validated(): a long note's tree is
      // hundreds of megabytes that the outputs do not need.
      const { report, result } = await validated(file, id)
      const warnings: string[] = []
      if (!result.ok) return { result, report, untranslated: null, outputs: null, warnings }
      const failed = (reason: string): NoteOutcome => ({
        result: plainResult(failedNote(result.path, result.relativePath, reason)),
        report,
        untranslated: null,
        outputs: null,
        warnings,
      })
      try {
        const { outputs, missingSources, handout } = await documentOutputs(
          result.model,
          result.relativePath,
          config,
          { template, sourceDateEpoch, warnings },
        )
        if (options.final && missingSources.length > 0) {
          const shown = missingSources.slice(0, 5).map((label) => `“${label}”`)
          const more = missingSources.length > 5 ? `, and ${missingSources.length - 5} more` : ''
          return failed(
            `--final: ${missingSources.length} source(s) to complete (${shown.join(', ')}${more}), expected a URL or a sources-registry entry for each`,
          )
        }
        return { result, report, untranslated: handout, outputs, warnings }
      } catch (error) {
        return failed(`cannot write the outputs (${(error as Error).message})`)
      }
    },
  }
}

/** A note's result without its tree and text. */
function plainResult(result: NoteResult): BuiltNote {
  if (!result.ok) return result
  return { path: result.path, relativePath: result.relativePath, ok: true, model: result.model }
}

/**
 * The outcome of a note that did not finish (stopped at the time limit, or
 * its worker died): a failed note with `reason`.
 */
export function unfinishedNote(config: ResolvedConfig, file: string, reason: string): NoteOutcome {
  const failed = failedNote(file, projectPath(config, file), reason)
  return {
    result: plainResult(failed),
    report: validateResult(failed, config),
    untranslated: null,
    outputs: null,
    warnings: [],
  }
}

/**
 * Writes the outputs of a note into `<outDir>/<doc-id>/`, each atomically;
 * a write that fails makes the note a failed one. With `keepIdentical`, a
 * file that already holds the same bytes is left alone (its mtime too).
 */
export function writeOutcome(
  outcome: NoteOutcome,
  outDir: string,
  keepIdentical = false,
): { result: BuiltNote; report: FileReport; untranslated: number | null } {
  const { result, report, untranslated, outputs } = outcome
  if (!result.ok) return { result, report, untranslated }
  // Also when nothing is written (a note the cache answers): a killed build's temporary files go.
  const { id } = summaryOf(result)
  removeStaleTemps(path.join(outDir, id))
  if (!outputs) return { result, report, untranslated }
  try {
    for (const [name, data] of Object.entries(outputs)) {
      const file = path.join(outDir, id, name)
      if (keepIdentical && holds(file, data)) continue
      writeAtomic(file, data)
    }
  } catch (error) {
    const reason = `cannot write the outputs (${(error as Error).message})`
    return {
      result: plainResult(failedNote(result.path, result.relativePath, reason)),
      report,
      untranslated: null,
    }
  }
  return { result, report, untranslated }
}

/** Whether `file` exists with exactly the bytes of `data`. */
function holds(file: string, data: string | Uint8Array): boolean {
  try {
    return readFileSync(file).equals(typeof data === 'string' ? Buffer.from(data) : data)
  } catch {
    return false
  }
}

/** Builds notes and writes their outputs with one configuration (fiche watch). */
export interface NoteWriter {
  /** Builds one note (whose id is `id`: see `documentIdsOf`), writes its outputs and reports what the rules found. */
  write(
    file: string,
    id?: string,
  ): Promise<{ result: BuiltNote; report: FileReport; untranslated: number | null }>
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
      return written
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
  const builder =
    pool || toBuild === 0 ? null : await createNoteBuilder(config, { final, sourceDateEpoch })
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
              answer.ok ? answer.value : unfinishedNote(config, file, answer.reason),
            )
        : null,
  )
  const progress = createProgress(files.length, process.stderr, options.quiet)
  const results: BuiltNote[] = []
  const reports: FileReport[] = []
  let incomplete = 0
  try {
    for (const [index, file] of files.entries()) {
      const outcome = (await outcomes[index]) ?? (await builder!.build(file, idOf(file)))
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`)
      const { result, report, untranslated } = writeOutcome(outcome, outDir, cache !== null)
      const key = keys[index]
      if (key && result.ok && outcome.outputs) cache!.store(key, idOf(file), outcome, outDir)
      reports.push(report)
      if (untranslated && result.ok) {
        incomplete++
        process.stderr.write(
          `${summaryOf(result).id}/handout.en.docx: ${untranslated} untranslated unit(s)\n`,
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
  const built = results.flatMap((r) => (r.ok ? [r] : []))
  // The corpus glossary of unchanged notes is left in place: their models are not even read.
  const corpusKey =
    cache?.corpusKeyOf(results.flatMap((r, index) => (r.ok ? [keys[index] ?? null] : []))) ?? null
  if (built.length > 0 && !(corpusKey && cache!.corpusHolds(corpusKey, outDir))) {
    const files = corpusGlossaryFiles(
      built.map((r) => r.model),
      config.termbase,
    )
    writeCorpusFiles(files, outDir, cache !== null)
    if (corpusKey) cache!.storeCorpus(corpusKey, outDir, Object.keys(files))
  } else if (built.length > 0) removeStaleTemps(outDir)
  const summaries = built.map(summaryOf)
  const count = (key: Exclude<keyof NoteSummary, 'id'>) =>
    summaries.reduce((sum, summary) => sum + summary[key], 0)
  process.stderr.write(
    `${built.length} document(s) built, ${failed.length} failed: ${count('headings')} headings, ${count('bullets')} bullets, ${count('statistics')} statistics, ${count('citations')} citations, ${count('acronyms')} acronyms; ${count('diagnostics')} diagnostic(s)\n`,
  )
  const checked = summarize(reports)
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

/**
 * Every output of one note, computed before anything is written so that a
 * failing emitter leaves no partial set of files behind. The CLI reads the
 * translation file; the writers of src/emit/outputs.ts make the files.
 */
async function documentOutputs(
  model: DocumentModel,
  relativePath: string,
  config: ResolvedConfig,
  {
    template,
    sourceDateEpoch,
    warnings,
  }: { template: DocxTemplate | null; sourceDateEpoch: number | null; warnings: string[] },
): Promise<{
  outputs: Record<string, string | Uint8Array>
  missingSources: string[]
  handout: number | null
}> {
  const english = englishOf(model, relativePath, config, warnings)
  const joined = await noteOutputs({
    model,
    english,
    termbase: config.termbase,
    sources: config.sources,
    glossary: glossaryRows(model, config.termbase),
    docx: {
      template,
      toc: config.docx.toc,
      sourceDateEpoch,
      keyFigures: config.docx.keyFigures,
      citations: config.docx.citations,
      author: config.docx.author,
    },
    englishStyle: config.translation.style,
  })
  warnings.push(...joined.warnings)
  return {
    outputs: joined.files,
    missingSources: joined.missingSources,
    handout: joined.untranslated,
  }
}

/**
 * The English model of a note that has a translation file
 * (`<translation folder>/<doc-id>.en.xlf`); null without one, or with a file
 * that cannot be read (a warning).
 */
function englishOf(
  model: DocumentModel,
  relativePath: string,
  config: ResolvedConfig,
  warnings: string[],
) {
  const file = path.join(config.translation.folder, `${model.id}.en.xlf`)
  if (!existsSync(file)) return null
  try {
    const expected = {
      original: relativePath,
      sourceLanguage: config.language,
      targetLanguage: 'en',
    }
    return englishNote(model, unitTranslations(model, readFileSync(file, 'utf8'), file, expected))
  } catch (error) {
    warnings.push(`no English handout: ${(error as Error).message}`)
    return null
  }
}

/** The configured Word template, read once; a template that cannot be read is a configuration error. */
async function readTemplate(
  config: ResolvedConfig,
  loadTemplate: typeof import('../emit/docx/index.ts').loadTemplate,
): Promise<DocxTemplate | null> {
  if (!config.docx.template) return null
  try {
    return await loadTemplate(readFileSync(config.docx.template), config.docx.template)
  } catch (error) {
    throw new ConfigError(`Configuration error at "docx.template": ${(error as Error).message}`)
  }
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
