/**
 * The GitHub reporter: one workflow command per message
 * (`::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`),
 * which GitHub Actions turns into annotations on the pull request.
 */
import type { Severity } from '../model/schema.ts'
import type { Reporter } from './types.ts'

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' }

/** Escapes the message of a workflow command. */
export const escapeData = (text: string) =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')

/** Escapes a property value of a workflow command. */
export const escapeProperty = (text: string) =>
  escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')

/** Formats the report as GitHub Actions workflow commands. */
export const github: Reporter = (input) => {
  const lines: string[] = []
  for (const file of input.files) {
    for (const d of file.diagnostics) {
      const properties: Array<[string, string | number]> = [['file', file.path]]
      // A message about the whole file stands at 1:1.
      if (d.position) {
        properties.push(
          ['line', d.position.start.line],
          ['endLine', d.position.end.line],
          ['col', d.position.start.column],
          ['endColumn', d.position.end.column],
        )
      } else properties.push(['line', 1], ['col', 1])
      properties.push(['title', `fiche ${d.ruleId}`])
      const list = properties
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
        .join(',')
      lines.push(`::${COMMAND[d.severity]} ${list}::${escapeData(d.message)}`)
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : ''
}
