/**
 * The report's messages as vfiles, for the unified collective's utilities:
 * `vfile-reporter` (the pretty output) and `vfile-sort`.
 * A message about the whole file stands at 1:1.
 */
import { VFile } from 'vfile'
import { compareFile, compareMessage } from 'vfile-sort'
import type { Diagnostic } from '../model/schema.ts'
import type { FileReport, Summary } from './types.ts'

/** vfile's `fatal`: true for errors, false for warnings, undefined for infos. */
const FATAL = { error: true, warning: false, info: undefined } as const

/** Where a message stands: its span, or 1:1 for the whole file. */
export function placeOf(d: Diagnostic) {
  const p = d.position
  return p
    ? {
        start: { line: p.start.line, column: p.start.column },
        end: { line: p.end.line, column: p.end.column },
      }
    : { line: 1, column: 1 }
}

/** One vfile per report file, messages sorted by place, files by path. */
export function toVFiles(files: FileReport[]): VFile[] {
  return files
    .map((report) => {
      const file = new VFile({ path: report.path })
      for (const d of report.diagnostics) {
        const message = file.message(d.message.replace(/\s*\n\s*/g, ' '), {
          place: placeOf(d),
          ruleId: d.ruleId,
        })
        message.fatal = FATAL[d.severity]
        if (d.url) message.url = d.url
      }
      file.messages.sort(compareMessage)
      return file
    })
    .sort(compareFile)
}

/**
 * Counts messages by severity, from the diagnostics themselves: a build of
 * many notes from the cache would otherwise make a vfile message of each
 * only to count it.
 */
export function summarize(files: FileReport[]): Summary {
  const summary: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0 }
  for (const report of files)
    for (const { severity } of report.diagnostics) {
      if (severity === 'error') summary.errors++
      else if (severity === 'warning') summary.warnings++
      else summary.infos++
    }
  return summary
}
