/** What building one note gives, as plain data: shared by `fiche build`, its workers and its cache. */
import type { GlossaryRow } from '../glossary/rows.ts'
import type { DocumentModel } from '../model/schema.ts'
import type { FailedNoteResult, NoteResult } from '../pipeline/result.ts'
import type { Summary } from '../report/types.ts'

/** A note that did not build, as plain data. */
export type FailedNote = FailedNoteResult

/** A built note as plain data: the result without its tree and text (what a worker can send). */
export type BuiltNote =
  { path: string; relativePath: string; ok: true; model: DocumentModel } | FailedNote

/**
 * What `fiche build` keeps of a built note: its counts and its glossary rows
 * (for the corpus glossary), not its model, which is in its outputs as
 * `model.json`. So a worker does not send the model back, the cache stores no
 * model, and a batch's memory does not grow with its notes.
 */
export type BuildResult =
  | {
      path: string
      relativePath: string
      ok: true
      summary: NoteSummary
      /**
       * The note's glossary rows (see `glossaryRows`), in the note's order;
       * null when the cache gave the note (they are read, only when the
       * corpus glossary is made again, by `glossaryOfWritten`).
       */
      glossary: GlossaryRow[] | null
    }
  | FailedNote

/**
 * What building one note gives, as plain data (a worker thread sends it back
 * by structured clone): the outputs are computed, not yet written.
 */
export interface NoteOutcome {
  result: BuildResult
  /**
   * What the rules found, counted (the note's share of the "check:" line):
   * `fiche build` prints no message, so neither a worker nor the cache
   * carries them (`fiche check` keeps its own reports).
   */
  checked: Summary
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

/** The summary of a model (once its rules' messages are in it). */
export function summaryOf(model: DocumentModel): NoteSummary {
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
