/**
 * `check()`: what `fiche check` does for one note, as a library function. It
 * builds the note's model and runs the configured validation rules on it.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { resolveConfig, type ResolvedConfig } from './config/resolve.ts'
import type { Diagnostic, DocumentModel } from './model/schema.ts'
import {
  buildFile,
  buildNote,
  createProcessor,
  type NoteInput,
  type NoteResult,
} from './pipeline/process.ts'
import { translationInput } from './translate/qa.ts'
import { XmlError } from './translate/xml.ts'
import { compareDiagnostics, validateModel } from './validate/run.ts'
import { validateTranslation, type TranslationCoverage } from './validate/translation.ts'

/** The outcome of checking one translation file of a note. */
export interface TranslationCheck {
  /** The file's path relative to the project root, with forward slashes. */
  path: string
  /** The note's document id. */
  documentId: string
  /** The translation rules' messages, or the one fatal message of a file that cannot be read. */
  diagnostics: Diagnostic[]
  /** Null when the file cannot be read. */
  coverage: TranslationCoverage | null
}

/** The outcome of checking one note. */
export interface CheckResult {
  /** The note's path relative to the project root, with forward slashes. */
  path: string
  /** The document id, or null when the note could not be built. */
  documentId: string | null
  /** The extraction messages and the rules' messages, sorted by position; a note that could not be built has its one fatal message. */
  diagnostics: Diagnostic[]
  /** The model, its `diagnostics` including the rules' messages; null when the note could not be built. */
  model: DocumentModel | null
  /** The note's translation files (`<translation folder>/<id>.<language>.xlf`) that exist, checked. */
  translations: TranslationCheck[]
}

/**
 * Checks one note: a file path, or `{ path, bytes }` for a note that is not
 * on disk. Without `config`, the defaults apply with the note's folder as the
 * project root (`loadConfig` reads a project's pipeline.config.*). Never
 * throws for a bad note: an unreadable file comes back with a fatal message.
 */
export async function check(
  input: string | NoteInput,
  config?: ResolvedConfig,
  processor?: ReturnType<typeof createProcessor>,
): Promise<CheckResult> {
  const notePath = path.resolve(typeof input === 'string' ? input : input.path)
  const resolved = config ?? resolveConfig({}, path.dirname(notePath))
  const run = processor ?? createProcessor(resolved)
  const result =
    typeof input === 'string'
      ? await buildFile(notePath, resolved, run)
      : await buildNote({ path: notePath, bytes: input.bytes }, resolved, run)
  const report = validateResult(result, resolved)
  if (!result.ok) return { ...report, model: null, translations: [] }
  return {
    ...report,
    model: result.model,
    translations: checkTranslations(result.model, result.relativePath, resolved),
  }
}

/**
 * Runs the rules on a built note and adds their messages to the model's
 * diagnostics, sorted by position; gives the note's path, id and messages
 * (the one fatal message of a note that could not be built). What `check()`,
 * `fiche check` and `fiche build` report for a note.
 */
export function validateResult(
  result: NoteResult,
  config: ResolvedConfig,
): Pick<CheckResult, 'path' | 'documentId' | 'diagnostics'> {
  if (!result.ok)
    return { path: result.relativePath, documentId: null, diagnostics: [result.error] }
  result.model.diagnostics.push(...validateModel(result.model, result, config))
  result.model.diagnostics.sort(compareDiagnostics)
  return {
    path: result.relativePath,
    documentId: result.model.id,
    diagnostics: result.model.diagnostics,
  }
}

/**
 * Runs the translation rules on each translation file of a built note, one
 * per configured language, when it exists. A file that cannot be read (not
 * well-formed, another note's, other languages) gives one fatal message at
 * its line:column, never an exception.
 */
export function checkTranslations(
  model: DocumentModel,
  notePath: string,
  config: ResolvedConfig,
): TranslationCheck[] {
  const checks: TranslationCheck[] = []
  for (const language of config.translation.languages) {
    const file = path.join(config.translation.folder, `${model.id}.${language}.xlf`)
    if (!existsSync(file)) continue
    const reported = path.relative(config.root, file).split(path.sep).join('/')
    const expected = {
      original: notePath,
      sourceLanguage: config.language,
      targetLanguage: language,
    }
    try {
      const { input, coverage } = translationInput(
        model,
        readFileSync(file, 'utf8'),
        reported,
        reported,
        expected,
      )
      checks.push({
        path: reported,
        documentId: model.id,
        diagnostics: validateTranslation(input, model, config),
        coverage,
      })
    } catch (error) {
      const place = error instanceof XmlError ? { line: error.line, column: error.column } : null
      const reason =
        error instanceof XmlError
          ? error.message.slice(`${error.file}:${error.line}:${error.column}: `.length)
          : (error as Error).message
      checks.push({
        path: reported,
        documentId: model.id,
        diagnostics: [
          {
            ruleId: 'fatal',
            source: 'fiche',
            severity: 'error',
            message: `${reported}: cannot read the translation file (${reason})`,
            position: place
              ? { start: { ...place, offset: 0 }, end: { ...place, offset: 0 } }
              : null,
            url: null,
            fatal: true,
          },
        ],
        coverage: null,
      })
    }
  }
  return checks
}
