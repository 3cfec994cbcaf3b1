/**
 * What the XLIFF writers (1.2 and 2.0) are given for one unit. A unit is
 * either written whole by fiche or rewritten around parts kept as the
 * translator's tool saved them (their target, attributes, notes, extension
 * elements), which the writers copy verbatim.
 */
import type { Content, Piece } from './content.ts'
import type { UnitKind } from './units.ts'

/** A target kept as written: per segment (2.0) or whole (1.2), with its raw attributes. */
export interface KeptTarget {
  /** Raw attributes of `<target>` (1.2) or of `<segment>` (2.0, per segment), leading space included. */
  attributes: string[]
  /** Inner XML of each `<target>`, as written (one for 1.2). */
  xml: string[]
}

/** A draft fiche wrote from memory or a machine. */
export interface Draft {
  origin: 'tm' | 'mt'
  /** 0–100. */
  score: number
  /** Where it comes from (a TMX file, "other notes", the translator hook). */
  from: string
  pieces: Piece[][]
}

/** One unit for the writers. */
export interface XliffUnit {
  id: string
  kind: UnitKind
  source: Content
  /**
   * `new`: no target. `kept`: the target and its state as written.
   * `stale`: the target kept, marked for review, with the previous French and
   * English. `draft`: a target fiche filled from memory or a machine.
   */
  status: 'new' | 'kept' | 'stale' | 'draft'
  kept: KeptTarget | null
  draft: Draft | null
  /** For `stale`: the French the kept target translates (with that English as text), and what changed. */
  previous: { source: Content; targetText: string; note: string } | null
  /** A unit whose French was deleted from the note, kept with its translation. */
  obsolete: boolean
  /** Weblate: write `needs-translation` where review is needed (1.2). */
  weblate: boolean
  /** Raw attributes of the unit element kept from the file (leading space included). */
  attributes: string
  /**
   * Raw child elements kept from the file, in order: in 1.2 everything after
   * `<target>` that fiche did not write (translators' notes, context groups,
   * alternatives, extensions); in 2.0 the extension elements before `<notes>`.
   */
  children: string[]
  /** 2.0: the `<note>` elements kept from the file's `<notes>`. */
  notes: string[]
}

/** The French passage of a unit that was deleted. */
export const OBSOLETE_NOTE =
  'Obsolete: this French passage is no longer in the note; kept with its translation.'

/** What is in a unit's note when a draft is written. */
export function draftNote(draft: Draft): string {
  return draft.origin === 'tm'
    ? `Draft from translation memory (${draft.from}), match ${draft.score}%: review it.`
    : `Draft from machine translation (${draft.from}): review it.`
}
