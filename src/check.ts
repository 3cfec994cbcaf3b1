/**
 * `check()`: what `fiche check` does for one note, as a library function. It
 * builds the note's model and runs the configured validation rules on it.
 */
import path from 'node:path'
import { resolveConfig, type ResolvedConfig } from './config/resolve.ts'
import type { Diagnostic, DocumentModel } from './model/schema.ts'
import { buildFile, buildNote, createProcessor, type NoteInput } from './pipeline/process.ts'
import { compareDiagnostics, validateModel } from './validate/run.ts'

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
  if (!result.ok) {
    return { path: result.relativePath, documentId: null, diagnostics: [result.error], model: null }
  }
  result.model.diagnostics.push(...validateModel(result.model, result, resolved))
  result.model.diagnostics.sort(compareDiagnostics)
  return {
    path: result.relativePath,
    documentId: result.model.id,
    diagnostics: result.model.diagnostics,
    model: result.model,
  }
}
