/** What building one note gives, as plain data: shared by `fiche build`, its workers and its cache. */
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
import type { FileReport } from '../report/types.ts'

/** A built note as plain data: the result without its tree and text (what a worker can send). */
export type BuiltNote =
  | { path: string; relativePath: string; ok: true; model: DocumentModel }
  | { path: string; relativePath: string; ok: false; error: Diagnostic }

/**
 * What building one note gives, as plain data (a worker thread sends it back
 * by structured clone): the outputs are computed, not yet written.
 */
export interface NoteOutcome {
  result: BuiltNote
  report: FileReport
  /** Units of the English handout left in French; null without a handout. */
  untranslated: number | null
  /** Output file name → contents, all computed before any is written; null for a failed note. */
  outputs: Record<string, string | Uint8Array> | null
  /** Warnings about the note, printed in the order of the notes. */
  warnings: string[]
}
