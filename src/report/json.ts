/**
 * The JSON reporter: a stable structure, documented in `docs/ci.md`.
 * Version 1: `{ version, tool, summary, files: [{ path, documentId,
 * messages: [{ ruleId, severity, message, line, column, endLine,
 * endColumn, url, fatal, source }], coverage? }] }`, `coverage` only for
 * a translation file (`TranslationCoverage`); positions are 1-based, end
 * column exclusive, 1:1 for a message about the whole file.
 */
import { type Reporter } from './types.ts'
import { summarize } from './vfile.ts'

/** Version of the JSON report structure; a breaking change increments it. */
export const JSON_REPORT_VERSION = 1

/** Formats the report as JSON. */
export const json: Reporter = (input) => {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: input.tool,
    summary: input.summary ?? summarize(input.files),
    files: input.files.map((file) => ({
      path: file.path,
      documentId: file.documentId,
      ...(file.coverage ? { coverage: file.coverage } : {}),
      messages: file.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        line: d.position?.start.line ?? 1,
        column: d.position?.start.column ?? 1,
        endLine: d.position?.end.line ?? 1,
        endColumn: d.position?.end.column ?? 1,
        url: d.url,
        fatal: d.fatal,
        source: d.source,
      })),
    })),
  }
  return `${JSON.stringify(report, null, 2)}\n`
}
