/**
 * The SARIF 2.1.0 reporter, for GitHub code scanning and other SARIF
 * viewers: one run; the driver lists every rule with its description, its
 * documentation page as `help` and its configured level; results carry
 * physical locations relative to the repository root (`%SRCROOT%`).
 */
import type { Diagnostic, Severity } from '../model/schema.ts'
import type { RuleLevel } from '../validate/rule.ts'
import type { Reporter } from './types.ts'

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
}
const ruleLevel = (level: RuleLevel) => (level === 'off' ? 'none' : LEVEL[level])
const isAbsoluteUri = (uri: string) => /^[a-z][a-z0-9+.-]*:/i.test(uri)
const pascal = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())

/** A path relative to the root as a URI reference ("input/ma note.md" → "input/ma%20note.md"). */
const uriOf = (relative: string) => relative.split('/').map(encodeURIComponent).join('/')

/** Formats the report as a SARIF 2.1.0 log. */
export const sarif: Reporter = (input) => {
  const index = new Map(input.rules.map((rule, i) => [rule.id, i]))
  const location = (path: string, d: Diagnostic) => ({
    physicalLocation: {
      artifactLocation: { uri: uriOf(path), uriBaseId: '%SRCROOT%' },
      ...(d.position
        ? {
            region: {
              startLine: d.position.start.line,
              startColumn: d.position.start.column,
              endLine: d.position.end.line,
              endColumn: d.position.end.column,
            },
          }
        : {}),
    },
  })
  // Translation files' coverage, as run properties (SARIF 2.1.0 §3.8).
  const coverage = input.files.flatMap((file) =>
    file.coverage ? [{ path: file.path, documentId: file.documentId, ...file.coverage }] : [],
  )
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: input.tool.name,
            version: input.tool.version,
            rules: input.rules.map((rule) => ({
              id: rule.id,
              name: pascal(rule.id),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              ...(isAbsoluteUri(rule.docsUrl) ? { helpUri: rule.docsUrl } : {}),
              help: rule.help
                ? { text: rule.help, markdown: rule.help }
                : { text: `${rule.description} See ${rule.docsUrl}.` },
              defaultConfiguration: { level: ruleLevel(rule.level), enabled: rule.level !== 'off' },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: input.files.flatMap((file) =>
          file.diagnostics.map((d) => {
            const ruleIndex = index.get(d.ruleId)
            return {
              ruleId: d.ruleId,
              ...(ruleIndex === undefined ? {} : { ruleIndex }),
              level: LEVEL[d.severity],
              message: { text: d.message },
              locations: [location(file.path, d)],
            }
          }),
        ),
        ...(coverage.length > 0 ? { properties: { translationCoverage: coverage } } : {}),
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
