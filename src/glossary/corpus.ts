/**
 * The corpus glossary kept up to date note by note, for `fiche watch`: each
 * note's rows are kept, and a change of one note merges again only the
 * concepts that note has or had. The files are those `corpusGlossaryFiles`
 * gives for the notes in the order of their keys (code-unit order, as
 * `findNotes` sorts paths).
 */
import { corpusFilesOfRows } from './outputs.ts'
import { byFrenchTerm, corpusRowOf, type GlossaryRow, type NoteGlossary } from './rows.ts'
import type { Termbase } from './termbase.ts'

/** A corpus glossary that notes join, change and leave. */
export interface CorpusGlossary {
  /** Sets the id and rows of the note `key` (a path: keys order the documents), added or changed (see `noteGlossaryOf`). */
  set(key: string, note: NoteGlossary): void
  /** Removes the note `key`, if it is there. */
  delete(key: string): void
  /** The corpus glossary files, as name → content; null without notes. */
  files(): Record<string, string> | null
}

/** One note as the corpus sees it: its id and its rows by concept, with their rank. */
interface CorpusNote {
  id: string
  rows: Map<string, { row: GlossaryRow; rank: number }>
}

/** Where `key` is or would go in the sorted `keys` (binary search, code-unit order). */
function placeOf(keys: string[], key: string): number {
  let low = 0
  let high = keys.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (keys[middle]! < key) low = middle + 1
    else high = middle
  }
  return low
}

/** Inserts `key` into the sorted `keys` unless it is there. */
function insertSorted(keys: string[], key: string): void {
  const at = placeOf(keys, key)
  if (keys[at] !== key) keys.splice(at, 0, key)
}

/** Removes `key` from the sorted `keys` if it is there. */
function removeSorted(keys: string[], key: string): void {
  const at = placeOf(keys, key)
  if (keys[at] === key) keys.splice(at, 1)
}

/** Creates an empty corpus glossary for a termbase. */
export function createCorpusGlossary(termbase: Termbase): CorpusGlossary {
  const notes = new Map<string, CorpusNote>()
  /** The keys of the notes, sorted. */
  const keys: string[] = []
  /** Per concept, the sorted keys of the notes it occurs in. */
  const notesOf = new Map<string, string[]>()
  /** Per concept, its corpus row (merged again when one of its notes changes). */
  const merged = new Map<string, GlossaryRow>()
  const stale = new Set<string>()

  const leave = (key: string) => {
    const note = notes.get(key)
    if (!note) return
    for (const concept of note.rows.keys()) {
      removeSorted(notesOf.get(concept)!, key)
      stale.add(concept)
    }
    notes.delete(key)
    removeSorted(keys, key)
  }

  return {
    set(key, note) {
      leave(key)
      const rows = new Map(note.rows.map((row, rank) => [row.conceptId, { row, rank }]))
      notes.set(key, { id: note.id, rows })
      insertSorted(keys, key)
      for (const concept of rows.keys()) {
        let holders = notesOf.get(concept)
        if (!holders) notesOf.set(concept, (holders = []))
        insertSorted(holders, key)
        stale.add(concept)
      }
    },
    delete: leave,
    files() {
      if (notes.size === 0) return null
      for (const concept of stale) {
        const holders = notesOf.get(concept) ?? []
        if (holders.length === 0) {
          merged.delete(concept)
          notesOf.delete(concept)
          continue
        }
        const rows = holders.map((key) => {
          const note = notes.get(key)!
          return { document: note.id, row: note.rows.get(concept)!.row }
        })
        merged.set(concept, corpusRowOf(rows))
      }
      stale.clear()
      // Equal terms in order of first appearance, as corpusGlossaryRows: the
      // first note's rank, then the concept's rank in that note.
      const index = new Map(keys.map((key, at) => [key, at]))
      const ranked = [...merged].map(([concept, row]) => {
        const first = notesOf.get(concept)![0]!
        return { row, note: index.get(first)!, rank: notes.get(first)!.rows.get(concept)!.rank }
      })
      ranked.sort((a, b) => byFrenchTerm(a.row, b.row) || a.note - b.note || a.rank - b.rank)
      const rows = ranked.map(({ row }) => row)
      return corpusFilesOfRows(
        rows,
        termbase,
        keys.map((key) => notes.get(key)!.id),
      )
    },
  }
}
