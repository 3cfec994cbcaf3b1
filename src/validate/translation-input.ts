/**
 * What the rules of scope `translation` read: a note's translation file,
 * unit by unit, as the caller (the CLI) built it from the XLIFF file and
 * the note. Types only, so that rules and the runner share them.
 */
import type { Position } from '../model/schema.ts'

/** Where a unit stands: no target, translated, under review, a draft, or its source changed since. */
export type TranslationStatus = 'missing' | 'translated' | 'review' | 'draft' | 'stale'

/** An inline code of a unit (link, emphasis…), by id, with its link target if any. */
export interface TranslationCode {
  id: string
  /** What the code points to: a link's URL, a footnote's identifier, an image's URL. */
  target: string | null
  /** What the code stands for (`link`, `footnote`, `emphasis`, `strong`, `image`, `code`, `break`…), when known. */
  kind?: string
  /** A paired code (`<pc>`, `<g>`) around text, or a placeholder (`<ph>`, `<x/>`), when known. */
  paired?: boolean
}

/** One translation unit as the rules see it. */
export interface TranslationUnitInput {
  id: string
  status: TranslationStatus
  /** The French source text (codes left out). */
  source: string
  /** The English target text (codes left out); empty when missing. */
  target: string
  /** The codes of the source, one entry per occurrence, in text order. */
  sourceCodes: TranslationCode[]
  /** The codes of the target, one entry per occurrence (a code written twice is listed twice). */
  targetCodes: TranslationCode[]
  /** The unit's place in the XLIFF file. */
  position: Position | null
  /** The unit's place in the note. */
  notePosition: Position | null
}

/** A note's translation file, for the rules of scope `translation`. */
export interface TranslationInput {
  /** The XLIFF file's path, as reported. */
  path: string
  units: TranslationUnitInput[]
}

/** How much of a note a translation file covers, in units and in words of the French. */
export interface TranslationCoverage {
  /** The target language. */
  language: string
  units: number
  /** Translated or approved by a person. */
  translated: number
  /** Filled in by memory or a machine, or marked for review. */
  review: number
  /** Translated from an older version of the French. */
  stale: number
  /** No target, or not in the file yet. */
  missing: number
  /** Words of the French source, as translation tools count them. */
  words: number
  /** Words of the stale and missing units. */
  wordsToTranslate: number
}
