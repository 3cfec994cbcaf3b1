/** What reporters receive: the messages of every checked file, and the rules that ran. */
import type { Diagnostic } from '../model/schema.ts'
import type { RuleLevel } from '../validate/rule.ts'
import type { TranslationCoverage } from '../validate/translation.ts'

/** The messages of one file; `path` is relative to the project (repository) root. */
export interface FileReport {
  path: string
  /** The document id, or null when the file could not be built. */
  documentId: string | null
  diagnostics: Diagnostic[]
  /** For a translation file: how much of its note it covers (null when it cannot be read). */
  coverage?: TranslationCoverage | null
}

/** A rule as reporters describe it. */
export interface RuleInfo {
  id: string
  description: string
  docsUrl: string
  /** Level in this run's configuration. */
  level: RuleLevel
  /** The rule's documentation page (Markdown), when available. */
  help: string | null
}

/** Everything a reporter writes about. */
export interface ReportInput {
  tool: { name: string; version: string }
  files: FileReport[]
  rules: RuleInfo[]
  /** Counts to print when `files` is filtered (`--quiet`); default: counted from `files`. */
  summary?: Summary
}

/** Options shared by reporters. */
export interface ReporterOptions {
  /** Use ANSI colours (pretty only). */
  color: boolean
  /** Show each message's documentation page (pretty only). */
  verbose?: boolean
}

/** A reporter: pure, from the messages to the text written to stdout or `--output`. */
export type Reporter = (input: ReportInput, options: ReporterOptions) => string

/** Counts of a report. */
export interface Summary {
  files: number
  errors: number
  warnings: number
  infos: number
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "3 errors, 2 warnings in 2 files" — the line `fiche check` and `fiche build` end with. */
export function summaryLine(summary: Summary): string {
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')]
  if (summary.infos > 0) parts.push(plural(summary.infos, 'info'))
  return `${parts.join(', ')} in ${plural(summary.files, 'file')}`
}

/** "en: 36/38 units translated (95 %), 1 under review, 1 stale, 0 missing; 12 words to translate". */
export function coverageLine(coverage: TranslationCoverage): string {
  const percent =
    coverage.units === 0 ? 100 : Math.floor((coverage.translated / coverage.units) * 100)
  return `${coverage.language}: ${coverage.translated}/${coverage.units} units translated (${percent} %), ${coverage.review} under review, ${coverage.stale} stale, ${coverage.missing} missing; ${plural(coverage.wordsToTranslate, 'word')} to translate`
}
