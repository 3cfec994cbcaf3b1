/**
 * Checking one note (`fiche check` and its workers): the parser, the plugins
 * and the rules. `fiche check` loads this module only when a note has to be
 * checked, not on a run the cache answers.
 */
import type { ResolvedConfig } from '../config/resolve.ts'
import { buildFile, createProcessor, failedNote, projectPath } from '../pipeline/process.ts'
import type { PluginMonitor } from '../pipeline/user-plugins.ts'
import type { FileReport } from '../report/types.ts'
import { checkTranslations, validateResult } from '../check.ts'

/**
 * A function that checks one note (whose id is `id`) with one processor:
 * the note's report, then one per translation file of the note.
 */
export function createNoteChecker(
  config: ResolvedConfig,
  monitor?: PluginMonitor,
): (file: string, id: string) => Promise<FileReport[]> {
  const processor = createProcessor(config, monitor)
  return async (file, id) => {
    const result = await buildFile(file, config, processor, id)
    const report = validateResult(result, config)
    // Each translation file of the note is a report entry of its own, after the note's.
    if (!result.ok) return [report]
    return [report, ...checkTranslations(result.model, result.relativePath, config)]
  }
}

/** The report of a note that did not finish (stopped at the time limit, or its worker died). */
export function unfinishedReport(config: ResolvedConfig, file: string, reason: string): FileReport {
  return validateResult(failedNote(file, projectPath(config, file), reason), config)
}
