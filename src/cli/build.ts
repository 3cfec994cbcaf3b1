/** `fiche build`: runs the pipeline over the notes and writes the outputs. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, type ResolvedConfig } from '../config/resolve.ts'
import { emitCsl } from '../emit/csl.ts'
import {
  buildBrief,
  buildHandout,
  loadTemplate,
  packDocx,
  type DocxTemplate,
} from '../emit/docx/index.ts'
import { emitJson } from '../emit/json.ts'
import { emitMarkdown } from '../emit/markdown.ts'
import { corpusGlossaryFiles, documentGlossaryFiles } from '../glossary/outputs.ts'
import { glossaryRows } from '../glossary/rows.ts'
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
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
import { createPool, poolSize } from './pool.ts'
import { createProgress } from './progress.ts'
import { outsideRootRefusal } from './root.ts'
import { writeAtomic } from './write.ts'

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
}

/** A built note as plain data: the result without its tree and text (what a worker can send). */
export type BuiltNote =
  | { path: string; relativePath: string; ok: true; model: DocumentModel }
  | { path: string; relativePath: string; ok: false; error: Diagnostic }

/**
 * What building one note gives, as plain data (a worker thread sends it back
 * by structured clone): the outputs are computed, not yet written.
 */
export interface NoteOutcome {
  result: BuiltNote
  report: FileReport
  /** Units of the English handout left in French; null without a handout. */
  untranslated: number | null
  /** Output file name → contents, all computed before any is written; null for a failed note. */
  outputs: Record<string, string | Uint8Array> | null
  /** Warnings about the note, printed in the order of the notes. */
  warnings: string[]
}

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
  const template = await readTemplate(config)
  const sourceDateEpoch = options.sourceDateEpoch ?? null
  return {
    async build(file, id) {
      const built = await buildFile(file, config, processor, id)
      const report = validateResult(built, config)
      const result = plainResult(built)
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
 * a write that fails makes the note a failed one.
 */
export function writeOutcome(
  outcome: NoteOutcome,
  outDir: string,
): { result: BuiltNote; report: FileReport; untranslated: number | null } {
  const { result, report, untranslated, outputs } = outcome
  if (!result.ok || !outputs) return { result, report, untranslated }
  try {
    for (const [name, data] of Object.entries(outputs)) {
      writeAtomic(path.join(outDir, result.model.id, name), data)
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

/** Builds notes and writes their outputs with one configuration (shared by build and watch). */
export interface NoteWriter {
  /** Builds one note (whose id is `id`: see `documentIdsOf`), writes its outputs and reports what the rules found. */
  write(
    file: string,
    id?: string,
  ): Promise<{ result: BuiltNote; report: FileReport; untranslated: number | null }>
  /** Writes the corpus glossary of the given models. */
  writeCorpus(models: DocumentModel[]): void
}

/** Creates the writer of a configuration, building in this thread. */
export async function createNoteWriter(
  config: ResolvedConfig,
  outDir: string,
  final = false,
): Promise<NoteWriter> {
  const builder = await createNoteBuilder(config, {
    final,
    sourceDateEpoch: readSourceDateEpoch(process.env.SOURCE_DATE_EPOCH),
  })
  return {
    async write(file, id) {
      const outcome = await builder.build(file, id)
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`)
      return writeOutcome(outcome, outDir)
    },
    writeCorpus(models) {
      writeCorpus(models, config, outDir)
    },
  }
}

/** Writes the corpus glossary of the given models (nothing without models). */
export function writeCorpus(models: DocumentModel[], config: ResolvedConfig, outDir: string): void {
  if (models.length === 0) return
  for (const [name, data] of Object.entries(corpusGlossaryFiles(models, config.termbase))) {
    writeAtomic(path.join(outDir, name), data)
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
  const size = poolSize(config, options.jobs, files.length)
  const pool =
    size > 0
      ? createPool<NoteOutcome>(config, { command: 'build', final, sourceDateEpoch }, size)
      : null
  const builder = pool ? null : await createNoteBuilder(config, { final, sourceDateEpoch })
  // Every note is queued at once; the outcomes are taken in the order of the
  // files, so the messages and the writes come in the same order whatever
  // the number of workers.
  const outcomes = files.map((file) =>
    pool
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
      const { result, report, untranslated } = writeOutcome(outcome, outDir)
      reports.push(report)
      if (untranslated && result.ok) {
        incomplete++
        process.stderr.write(
          `${result.model.id}/handout.en.docx: ${untranslated} untranslated unit(s)\n`,
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
  const built = results.filter((r) => r.ok)
  writeCorpus(
    built.flatMap((r) => (r.ok ? [r.model] : [])),
    config,
    outDir,
  )
  const count = (key: 'headings' | 'bullets' | 'statistics' | 'citations' | 'acronyms') =>
    built.reduce((sum, r) => sum + r.model[key].length, 0)
  const diagnostics = built.reduce((sum, r) => sum + r.model.diagnostics.length, 0)
  process.stderr.write(
    `${built.length} document(s) built, ${failed.length} failed: ${count('headings')} headings, ${count('bullets')} bullets, ${count('statistics')} statistics, ${count('citations')} citations, ${count('acronyms')} acronyms; ${diagnostics} diagnostic(s)\n`,
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
 * failing emitter leaves no partial set of files behind.
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
  const glossary = glossaryRows(model, config.termbase)
  const options = {
    template,
    toc: config.docx.toc,
    sourceDateEpoch,
    keyFigures: config.docx.keyFigures,
    citations: config.docx.citations,
    author: config.docx.author,
    sources: config.sources,
  }
  const brief = buildBrief(model, {
    ...options,
    glossary: glossary.map((row) => ({ ...row, definition: row.definitionFr })),
  })
  for (const diagnostic of brief.diagnostics) warnings.push(diagnostic.message)
  const outputs: Record<string, string | Uint8Array> = {
    'model.json': emitJson(model),
    'sources.csl.json': emitCsl(model, config.sources),
    ...documentGlossaryFiles(model, config.termbase),
    'brief.fr.docx': await packDocx(brief),
  }
  const english = englishOf(model, relativePath, config, warnings)
  if (english) {
    // The handout's glossary annex gives the concepts' English definitions.
    const handout = buildHandout(english.model, {
      ...options,
      glossary,
      englishStyle: config.translation.style,
    })
    outputs['handout.en.docx'] = await packDocx(handout)
    outputs['note.en.md'] = emitMarkdown(english.model, { lang: 'en' })
  }
  return {
    outputs,
    missingSources: brief.missingSources,
    handout: english ? english.untranslated : null,
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
async function readTemplate(config: ResolvedConfig): Promise<DocxTemplate | null> {
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
