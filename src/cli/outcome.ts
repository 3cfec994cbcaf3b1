/** What building one note gives, as plain data: shared by `fiche build`, its workers and its cache. */
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
import type { NoteResult } from '../pipeline/result.ts'
import type { FileReport } from '../report/types.ts'

/** A built note as plain data: the result without its tree and text (what a worker can send). */
export type BuiltNote =
  | {
      path: string
      relativePath: string
      ok: true
      model: DocumentModel
      /** Given by the cache, whose model is read only when needed (see `summaryOf`). */
      summary?: NoteSummary
    }
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

/** What the messages of a build need of a built note: its id and how many items it has. */
export interface NoteSummary {
  id: string
  headings: number
  bullets: number
  statistics: number
  citations: number
  acronyms: number
  diagnostics: number
}

/** The summary of a built note (without reading its model when the cache gave it). */
export function summaryOf(result: Extract<BuiltNote, { ok: true }>): NoteSummary {
  if (result.summary) return result.summary
  const { model } = result
  return {
    id: model.id,
    headings: model.headings.length,
    bullets: model.bullets.length,
    statistics: model.statistics.length,
    citations: model.citations.length,
    acronyms: model.acronyms.length,
    diagnostics: model.diagnostics.length,
  }
}

/** A note's result without its tree and text. */
export function plainResult(result: NoteResult): BuiltNote {
  if (!result.ok) return result
  return { path: result.path, relativePath: result.relativePath, ok: true, model: result.model }
}
