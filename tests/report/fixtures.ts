/** A small report input shared by the reporter tests. */
import type { Diagnostic } from '../../src/model/schema.ts'
import type { ReportInput } from '../../src/report/types.ts'

const at = (line: number, column: number, endColumn: number) => ({
  start: { line, column, offset: 0 },
  end: { line, column: endColumn, offset: 0 },
})

const message = (
  ruleId: string,
  severity: Diagnostic['severity'],
  text: string,
  position: Diagnostic['position'],
): Diagnostic => ({
  ruleId,
  source: 'fiche',
  severity,
  message: text,
  position,
  url: `docs/rules/${ruleId}.md`,
  fatal: false,
})

/** Two files: one with an error, a warning and an info, one with a document-level warning. */
export const input: ReportInput = {
  tool: { name: 'fiche', version: '0.1.0' },
  rules: [
    {
      id: 'citation-has-url',
      description: 'A link without target.',
      docsUrl: 'docs/rules/citation-has-url.md',
      level: 'error',
      help: '# citation-has-url\n',
    },
    {
      id: 'document-has-title',
      description: 'A note without title.',
      docsUrl: 'https://example.org/docs/document-has-title',
      level: 'warning',
      help: null,
    },
    {
      id: 'document-has-date',
      description: 'A note without date.',
      docsUrl: 'docs/rules/document-has-date.md',
      level: 'off',
      help: null,
    },
  ],
  files: [
    {
      path: 'input/ma note.md',
      documentId: 'ma-note',
      diagnostics: [
        message(
          'citation-has-url',
          'error',
          'Unexpected placeholder target “#”, 100 %: a, b\nnext',
          at(7, 60, 147),
        ),
        message(
          'statistic-has-source',
          'warning',
          'Unexpected unsourced figure “10 %”',
          at(55, 29, 33),
        ),
        message('claim-has-source', 'info', 'Unexpected claim', at(25, 1, 10)),
      ],
    },
    {
      path: 'input/b.txt',
      documentId: 'b',
      diagnostics: [
        message('document-has-title', 'warning', 'Unexpected note without a title', null),
      ],
    },
    { path: 'input/clean.md', documentId: 'clean', diagnostics: [] },
  ],
}
