/**
 * Building one note and computing its outputs (`fiche build`, `fiche watch`
 * and the workers): the parser, the plugins, the rules and the writers. The
 * commands load this module only when a note has to be built, not on a run
 * the cache answers.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, type ResolvedConfig } from '../config/resolve.ts'
import type { DocxTemplate } from '../emit/docx/index.ts'
import { noteOutputs } from '../emit/outputs.ts'
import { glossaryRows, type GlossaryRow } from '../glossary/rows.ts'
import type { DocumentModel } from '../model/schema.ts'
import { buildFile, createProcessor, failedNote, projectPath } from '../pipeline/process.ts'
import type { PluginMonitor } from '../pipeline/user-plugins.ts'
import { summarize } from '../report/vfile.ts'
import { englishNote } from '../translate/english.ts'
import { unitTranslations } from '../translate/targets.ts'
import { validateResult } from '../check.ts'
import { settleHeap } from './heap.ts'
import { plainResult, summaryOf, type NoteOutcome } from './outcome.ts'

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
    return { checked: summarize([validateResult(built, config)]), built: plainResult(built) }
  }
  return {
    async build(file, id) {
      // The tree and text stay inside validated(): a long note's tree is
      // hundreds of megabytes that the outputs do not need.
      const { checked, built } = await validated(file, id)
      settleHeap()
      const warnings: string[] = []
      if (!built.ok) return { result: built, checked, untranslated: null, outputs: null, warnings }
      const { model } = built
      const glossary = glossaryRows(model, config.termbase)
      const result = {
        path: built.path,
        relativePath: built.relativePath,
        ok: true as const,
        summary: summaryOf(model),
        glossary,
      }
      const failed = (reason: string): NoteOutcome => ({
        result: failedNote(result.path, result.relativePath, reason),
        checked,
        untranslated: null,
        outputs: null,
        warnings,
      })
      try {
        const { outputs, missingSources, handout } = await documentOutputs(
          model,
          result.relativePath,
          config,
          { template, sourceDateEpoch, warnings, glossary },
        )
        if (options.final && missingSources.length > 0) {
          const shown = missingSources.slice(0, 5).map((label) => `“${label}”`)
          const more = missingSources.length > 5 ? `, and ${missingSources.length - 5} more` : ''
          return failed(
            `--final: ${missingSources.length} source(s) to complete (${shown.join(', ')}${more}), expected a URL or a sources-registry entry for each`,
          )
        }
        return { result, checked, untranslated: handout, outputs, warnings }
      } catch (error) {
        return failed(`cannot write the outputs (${(error as Error).message})`)
      }
    },
  }
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
    glossary,
  }: {
    template: DocxTemplate | null
    sourceDateEpoch: number | null
    warnings: string[]
    glossary: GlossaryRow[]
  },
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
    glossary,
    docx: {
      template,
      toc: config.docx.toc,
      sourceDateEpoch,
      keyFigures: config.docx.keyFigures,
      citations: config.docx.citations,
      author: config.docx.author,
    },
    englishStyle: config.translation.style,
    afterEach: settleHeap,
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

/**
 * The outcome of a note that did not finish (stopped at the time limit, or
 * its worker died): a failed note with `reason`.
 */
export function unfinishedNote(config: ResolvedConfig, file: string, reason: string): NoteOutcome {
  const failed = failedNote(file, projectPath(config, file), reason)
  return {
    result: failed,
    checked: summarize([validateResult(failed, config)]),
    untranslated: null,
    outputs: null,
    warnings: [],
  }
}
