/**
 * The glossary files of a build, as name → content (the CLI writes them):
 * per document `glossary.{csv,tbx,json,md}`, `glossary.tbx2008.tbx` and
 * `glossary.omegat.txt` and `glossary.candidates.csv`, and for the corpus the
 * same but the candidates.
 */
import type { DocumentModel } from '../model/schema.ts'
import {
  candidatesCsv,
  glossaryCsv,
  glossaryJson,
  glossaryMarkdown,
  glossaryOmegat,
  glossaryTbx,
  glossaryTbx2008,
  type GlossaryScope,
} from './emit.ts'
import { termsExtensionOf } from './extension.ts'
import {
  corpusRowsOfNotes,
  glossaryRows,
  noteGlossaryOf,
  type GlossaryRow,
  type NoteGlossary,
} from './rows.ts'
import type { Termbase } from './termbase.ts'

function glossaryFiles(
  rows: GlossaryRow[],
  termbase: Termbase,
  scope: GlossaryScope,
): Record<string, string> {
  return {
    'glossary.csv': glossaryCsv(rows),
    'glossary.tbx': glossaryTbx(rows, termbase, scope),
    'glossary.tbx2008.tbx': glossaryTbx2008(rows, termbase, scope),
    'glossary.omegat.txt': glossaryOmegat(rows, termbase),
    'glossary.json': glossaryJson(rows, scope),
    'glossary.md': glossaryMarkdown(rows, scope),
  }
}

/** The glossary files of one document, to write in `output/<doc-id>/`. */
export function documentGlossaryFiles(
  model: DocumentModel,
  termbase: Termbase,
): Record<string, string> {
  const rows = glossaryRows(model, termbase)
  const candidates = termsExtensionOf(model).candidates
  return {
    ...glossaryFiles(rows, termbase, { id: model.id, documents: [model.id] }),
    'glossary.candidates.csv': candidatesCsv(candidates),
  }
}

/** The corpus glossary files, to write in `output/`. */
export function corpusGlossaryFiles(
  models: DocumentModel[],
  termbase: Termbase,
): Record<string, string> {
  return corpusFilesOfNotes(
    models.map((model) => noteGlossaryOf(model, termbase)),
    termbase,
  )
}

/** The corpus glossary files from the notes' ids and rows, in document order. */
export function corpusFilesOfNotes(
  notes: readonly NoteGlossary[],
  termbase: Termbase,
): Record<string, string> {
  return corpusFilesOfRows(
    corpusRowsOfNotes(notes),
    termbase,
    notes.map((note) => note.id),
  )
}

/** The corpus glossary files of corpus rows and the ids of the documents they cover. */
export function corpusFilesOfRows(
  rows: GlossaryRow[],
  termbase: Termbase,
  documents: string[],
): Record<string, string> {
  return glossaryFiles(rows, termbase, { id: 'corpus', documents })
}
