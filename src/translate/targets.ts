/**
 * The translation of each unit of a note, for writers (the English handout):
 * the units of the current model matched to a translation file the way
 * `fiche translate` matches them, each with its status and its target as
 * model inlines, codes restored from the note (link targets, citations,
 * footnotes, images) by code id. A unit whose French changed since its
 * translation comes back `stale`, one never translated `new`, with no inlines.
 */
import type { DocumentModel, Inline } from '../model/schema.ts'
import { joinSegments, piecesText, piecesToInlines } from './content.ts'
import { readTranslationFile, type Expected, type UnitStatus } from './read.ts'
import { planSync } from './sync.ts'
import { unitsOf, type SourceUnit } from './units.ts'

/** One unit of the note with its translation. */
export interface UnitTranslation {
  unit: SourceUnit
  /** The unit's id in the file (null when the file does not have it yet). */
  id: string | null
  status: UnitStatus
  /** The target as inlines, or null without a target. */
  inlines: Inline[] | null
  /** Code ids of the target that the source does not have (dropped from `inlines`). */
  unknownCodes: string[]
  /** Plain text of each target segment (one when the target is not segmented); null without a target. */
  segments: string[] | null
}

/** The translations of a note's units from a translation file's text; throws on a file it cannot use. */
export function unitTranslations(
  model: DocumentModel,
  text: string,
  file: string,
  expected: Expected,
): UnitTranslation[] {
  const plan = planSync(unitsOf(model), readTranslationFile(text, file, expected))
  // Images take the translation of their alternative text, a unit of its own.
  const alts = new Map<string, string>()
  for (const s of plan.units) {
    if (s.unit?.kind === 'alt' && s.old?.target) {
      alts.set(
        piecesText(joinSegments(s.unit.content.segments)),
        piecesText(joinSegments(s.old.target)),
      )
    }
  }
  return plan.units.map((s) => {
    const unit = s.unit!
    const old = s.old
    if (!old?.target)
      return {
        unit,
        id: old?.id ?? null,
        status: 'new',
        inlines: null,
        unknownCodes: [],
        segments: null,
      }
    const status: UnitStatus = s.change === 'stale' ? 'stale' : old.status
    const pieces = joinSegments(old.target)
    const { inlines, unknown } = piecesToInlines(
      pieces,
      unit.content.codes,
      (image) => alts.get(image.alt) ?? image.alt,
    )
    return {
      unit,
      id: old.id,
      status,
      inlines,
      unknownCodes: unknown,
      segments: old.target.map((segment) => piecesText(segment)),
    }
  })
}
