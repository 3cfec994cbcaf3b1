/**
 * Glossary rows: one per concept that occurs in a note (or in a corpus of
 * notes), with the French term and the forms found, the English term, the
 * acronyms, the number of occurrences and the first one. The glossary files
 * and the brief's annex are made from these rows.
 */
import type { DocumentModel } from '../model/schema.ts'
import { termsExtensionOf } from './extension.ts'
import {
  conceptsById,
  originLabel,
  type Concept,
  type ConceptStatus,
  type Termbase,
} from './termbase.ts'

/** Where a concept first occurs. */
export interface FirstOccurrence {
  /** The document id (corpus glossaries only). */
  document?: string
  line: number
  column: number
  sentence: string
}

/** One row of a glossary. */
export interface GlossaryRow {
  conceptId: string
  status: ConceptStatus
  french: string
  /** The forms found in the text, in order of first appearance. */
  forms: string[]
  english: string
  /** French then English acronyms, without duplicates ("TNP", "NPT"). */
  acronyms: string[]
  acronymsByLanguage: { fr: string[]; en: string[] }
  occurrences: number
  first: FirstOccurrence
  /** The documents the concept occurs in (corpus glossaries only). */
  documents?: string[]
  /** The definition, or an empty string. */
  definition: string
  /** The French definition (`fr.definition`), or an empty string: the French brief shows it. */
  definitionFr: string
  origin: string
}

function rowOf(concept: Concept): Omit<GlossaryRow, 'forms' | 'occurrences' | 'first'> {
  return {
    conceptId: concept.id,
    status: concept.status,
    french: concept.fr.term,
    english: concept.en.term,
    acronyms: [...new Set([...concept.fr.acronyms, ...concept.en.acronyms])],
    acronymsByLanguage: { fr: concept.fr.acronyms, en: concept.en.acronyms },
    definition: concept.en.definition ?? concept.definition ?? '',
    definitionFr: concept.fr.definition ?? '',
    origin: originLabel(concept.origin),
  }
}

/** Rows already computed, per model and termbase: the build, the note's glossary files and the corpus glossary all ask. */
const computed = new WeakMap<DocumentModel, WeakMap<Termbase, GlossaryRow[]>>()

/**
 * The glossary rows of one note, in order of first occurrence. Concepts
 * missing from the termbase are skipped. Computed once per note and
 * termbase (O(t log t) in its term occurrences); each caller gets its own
 * copy of the rows, so that none sees another's changes.
 */
export function glossaryRows(model: DocumentModel, termbase: Termbase): GlossaryRow[] {
  let byTermbase = computed.get(model)
  if (!byTermbase) {
    byTermbase = new WeakMap()
    computed.set(model, byTermbase)
  }
  let rows = byTermbase.get(termbase)
  if (!rows) {
    rows = computeRows(model, termbase)
    byTermbase.set(termbase, rows)
  }
  return rows.map(copyRow)
}

/** A copy of a row that shares nothing changeable with it (faster than `structuredClone`). */
function copyRow(row: GlossaryRow): GlossaryRow {
  const copy: GlossaryRow = {
    ...row,
    forms: [...row.forms],
    acronyms: [...row.acronyms],
    acronymsByLanguage: { fr: [...row.acronymsByLanguage.fr], en: [...row.acronymsByLanguage.en] },
    first: { ...row.first },
  }
  if (row.documents) copy.documents = [...row.documents]
  return copy
}

function computeRows(model: DocumentModel, termbase: Termbase): GlossaryRow[] {
  const concepts = conceptsById(termbase)
  const extension = termsExtensionOf(model)
  const rows = new Map<string, GlossaryRow>()
  const terms = [...model.terms].sort((a, b) => a.position.start.offset - b.position.start.offset)
  for (const term of terms) {
    const concept = concepts.get(term.conceptId)
    if (!concept) continue
    const row = rows.get(concept.id)
    if (row) {
      row.occurrences++
      if (!row.forms.includes(term.form)) row.forms.push(term.form)
      continue
    }
    rows.set(concept.id, {
      ...rowOf(concept),
      forms: [term.form],
      occurrences: 1,
      first: {
        line: term.position.start.line,
        column: term.position.start.column,
        sentence: extension.first[concept.id]?.sentence ?? term.form,
      },
    })
  }
  return [...rows.values()]
}

/** One note's row of a concept, with the note's id: what a corpus row is made from. */
export interface NoteRow {
  document: string
  row: GlossaryRow
}

/**
 * The corpus row of one concept from the rows of the notes it occurs in, in
 * document order (at least one): occurrences added up, the forms in order of
 * first appearance, the first occurrence in the first document. The notes'
 * rows are not changed.
 */
export function corpusRowOf(rows: NoteRow[]): GlossaryRow {
  const [head, ...rest] = rows
  if (!head) throw new Error('corpusRowOf: a concept without rows')
  const forms = new Set(head.row.forms)
  const merged: GlossaryRow = {
    ...head.row,
    first: { document: head.document, ...head.row.first },
    documents: [head.document],
  }
  for (const { document, row } of rest) {
    merged.occurrences += row.occurrences
    merged.documents!.push(document)
    for (const form of row.forms) forms.add(form)
  }
  merged.forms = [...forms]
  return merged
}

const french = new Intl.Collator('fr')

/** The order of corpus rows: by French term (as `localeCompare(…, 'fr')`). */
export function byFrenchTerm(a: GlossaryRow, b: GlossaryRow): number {
  return french.compare(a.french, b.french)
}

/** The glossary rows of several notes: occurrences added up, the first occurrence in the first document. */
export function corpusGlossaryRows(models: DocumentModel[], termbase: Termbase): GlossaryRow[] {
  return corpusRowsOfNotes(models.map((model) => noteGlossaryOf(model, termbase)))
}

/**
 * What the corpus glossary needs of one note: its id and its glossary rows.
 * `fiche build` keeps this of each note, not the model, so that a batch's
 * memory does not grow with its notes.
 */
export interface NoteGlossary {
  id: string
  rows: GlossaryRow[]
}

/** The id and glossary rows of a note's model. */
export function noteGlossaryOf(model: DocumentModel, termbase: Termbase): NoteGlossary {
  return { id: model.id, rows: glossaryRows(model, termbase) }
}

/** `corpusGlossaryRows` from the notes' rows, in document order. */
export function corpusRowsOfNotes(notes: readonly NoteGlossary[]): GlossaryRow[] {
  const byConcept = new Map<string, NoteRow[]>()
  for (const note of notes) {
    for (const row of note.rows) {
      const rows = byConcept.get(row.conceptId)
      if (rows) rows.push({ document: note.id, row })
      else byConcept.set(row.conceptId, [{ document: note.id, row }])
    }
  }
  // A stable sort: equal terms stay in order of first appearance.
  return [...byConcept.values()].map(corpusRowOf).sort(byFrenchTerm)
}

/** The termbase restricted to the concepts of the rows, in the rows' order. */
export function termbaseOfRows(rows: GlossaryRow[], termbase: Termbase): Termbase {
  const concepts = conceptsById(termbase)
  return {
    version: termbase.version,
    concepts: rows
      .map((row) => concepts.get(row.conceptId))
      .filter((c): c is Concept => c !== undefined),
  }
}
