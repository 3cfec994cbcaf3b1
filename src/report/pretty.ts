/**
 * The pretty reporter: messages grouped by file, one line each,
 * `line:col-line:col  severity  message  rule-id`, then the summary line.
 * Colours only when asked (the CLI asks on a terminal without NO_COLOR).
 */
import type { Diagnostic } from '../model/schema.ts'
import { summarize, summaryLine, type Reporter } from './types.ts'

const ANSI = { red: 31, yellow: 33, blue: 34, dim: 2, underline: 4, bold: 1 } as const

/** `7:59-7:136`, or `0:0` for a message about the whole file. */
export function place(diagnostic: Diagnostic): string {
  const p = diagnostic.position
  return p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : '0:0'
}

/** Formats the report for a human. */
export const pretty: Reporter = (input, { color }) => {
  const paint = (style: keyof typeof ANSI, text: string) =>
    color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text
  const severityColor = { error: 'red', warning: 'yellow', info: 'blue' } as const
  const lines: string[] = []
  for (const file of input.files) {
    if (file.diagnostics.length === 0) continue
    lines.push(paint('underline', file.path))
    const width = Math.max(...file.diagnostics.map((d) => place(d).length))
    for (const d of file.diagnostics) {
      const severity = paint(severityColor[d.severity], d.severity.padEnd(7))
      lines.push(
        `  ${paint('dim', place(d).padEnd(width))}  ${severity}  ${d.message.replace(/\s*\n\s*/g, ' ')}  ${paint('dim', d.ruleId)}`,
      )
    }
    lines.push('')
  }
  const summary = input.summary ?? summarize(input.files)
  const mark =
    summary.errors > 0 ? paint('red', '✖') : summary.warnings > 0 ? paint('yellow', '⚠') : '✔'
  lines.push(`${mark} ${paint('bold', summaryLine(summary))}`)
  return `${lines.join('\n')}\n`
}
