/**
 * One note's translation file brought up to date: units from the model,
 * matched against the file as it is (`sync.ts`), empty targets filled from
 * the translation memory, then by the `translator` hook when there is one,
 * and the file's new text. Pure apart from the hook: no file I/O.
 */
import type { Draft } from './xliff-unit.ts'
import type { DocumentModel } from '../model/schema.ts'
import { codeIds, contentText, wordCount, type Content, type Piece } from './content.ts'
import type { TranslationMemory } from './memory.ts'
import { pieces12 } from './xliff12.ts'
import {
  parseInline12,
  readTranslationFile,
  type TranslationFile,
  type UnitStatus,
} from './read.ts'
import { planSync, writeSync, type SyncedUnit } from './sync.ts'
import { unitsOf } from './units.ts'

/** A segment handed to a machine translator. */
export interface TranslatorSegment {
  /** The unit's id and the segment's index in it. */
  unitId: string
  index: number
  /** The French, with its inline codes in XLIFF 1.2 syntax (`<g id="1">…</g>`, `<x id="2"/>`). */
  text: string
}

/** What a `translator` hook receives. */
export interface TranslatorRequest {
  sourceLanguage: string
  targetLanguage: string
  segments: TranslatorSegment[]
  /** Approved termbase terms to use. */
  terms: Array<{ source: string; target: string }>
}

/**
 * A machine translator: from segments to their translations (same order, same
 * codes in the same syntax, in any order the language needs), or an `Error`
 * for a segment it could not translate.
 */
export type Translator = (request: TranslatorRequest) => Promise<Array<string | Error>>

/** Options of one note's sync. */
export interface TranslateOptions {
  /** The file path used in messages. */
  file: string
  /** The note's path as written in `original`. */
  original: string
  sourceLanguage: string
  targetLanguage: string
  /** Version of a new file. */
  version: '1.2' | '2.0'
  weblate: boolean
  memory: TranslationMemory | null
  translator: Translator | null
  terms: Array<{ source: string; target: string }>
}

/** Counts of one note's file after the sync. */
export interface TranslateStats {
  total: number
  translated: number
  new: number
  stale: number
  obsolete: number
  fromMemory: number
  fromMachine: number
  /** Words of the units still to translate or review. */
  words: number
}

/** The outcome for one note. */
export interface TranslateResult {
  text: string
  version: '1.2' | '2.0'
  changed: boolean
  units: SyncedUnit[]
  stats: TranslateStats
  /** Units the translator hook failed on. */
  failures: Array<{ unitId: string; message: string }>
}

/** The status of a unit after the sync. */
export function statusAfter(s: SyncedUnit): UnitStatus {
  if (s.draft) return 'draft'
  if (s.change === 'stale') return 'stale'
  if (!s.old || !s.old.target) return 'new'
  return s.old.status
}

/** Reads (when given) and syncs one note's translation file. Throws on a file it cannot use. */
export async function translateNote(
  model: DocumentModel,
  existing: string | null,
  options: TranslateOptions,
): Promise<TranslateResult> {
  const file: TranslationFile | null =
    existing === null
      ? null
      : readTranslationFile(existing, options.file, {
          original: options.original,
          sourceLanguage: options.sourceLanguage,
          targetLanguage: options.targetLanguage,
        })
  const plan = planSync(unitsOf(model), file)
  const empty = () => plan.units.filter((s) => s.unit && statusAfter(s) === 'new')
  if (options.memory) {
    for (const s of empty()) {
      const match = options.memory.lookup(s.unit!.content)
      if (match)
        s.draft = { origin: 'tm', score: match.score, from: match.from, pieces: match.pieces }
    }
  }
  const failures = options.translator ? await machineDrafts(empty(), options) : []
  const version = file?.version ?? options.version
  const text = writeSync(plan, file, {
    version: options.version,
    weblate: options.weblate,
    header: {
      original: options.original,
      documentId: model.id,
      sourceLanguage: options.sourceLanguage,
      targetLanguage: options.targetLanguage,
      format: model.source.format,
    },
  })
  const stats: TranslateStats = {
    total: plan.units.length,
    translated: 0,
    new: 0,
    stale: 0,
    obsolete: plan.obsolete.length,
    fromMemory: 0,
    fromMachine: 0,
    words: 0,
  }
  for (const s of plan.units) {
    const status = statusAfter(s)
    if (status === 'translated') stats.translated++
    else stats.words += wordCount(contentText(s.unit!.content))
    if (status === 'new') stats.new++
    if (status === 'stale') stats.stale++
    if (s.draft?.origin === 'tm') stats.fromMemory++
    if (s.draft?.origin === 'mt') stats.fromMachine++
  }
  return { text, version, changed: text !== existing, units: plan.units, stats, failures }
}

/** Asks the translator for the segments of the empty units; a unit's failure leaves it empty. */
async function machineDrafts(
  units: SyncedUnit[],
  options: TranslateOptions,
): Promise<Array<{ unitId: string; message: string }>> {
  if (units.length === 0 || !options.translator) return []
  const segments: TranslatorSegment[] = units.flatMap((s) =>
    s.unit!.content.segments.map((segment, index) => ({
      unitId: s.id,
      index,
      text: pieces12(segment, s.unit!.content.codes),
    })),
  )
  let results: Array<string | Error>
  try {
    results = await options.translator({
      sourceLanguage: options.sourceLanguage,
      targetLanguage: options.targetLanguage,
      segments,
      terms: options.terms,
    })
  } catch (error) {
    return units.map((s) => ({
      unitId: s.id,
      message: `translator failed: ${(error as Error).message}`,
    }))
  }
  const failures: Array<{ unitId: string; message: string }> = []
  let at = 0
  for (const s of units) {
    const content: Content = s.unit!.content
    const pieces: Piece[][] = []
    let failure: string | null = null
    for (let i = 0; i < content.segments.length; i++) {
      const result = results[at++]
      if (result === undefined) failure ??= 'translator returned no translation'
      else if (result instanceof Error) failure ??= result.message
      else {
        try {
          const segment = parseInline12(
            result,
            `${options.file} (translator output for ${s.id})`,
            true,
          )
          // A code the source does not have would be written with nothing behind it.
          const unknown = [...new Set(codeIds(segment))].filter((id) => !content.codes.has(id))
          if (unknown.length > 0)
            failure ??= `translator output has inline code${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `id="${id}"`).join(', ')} that the source does not have`
          else pieces.push(segment)
        } catch (error) {
          failure ??= (error as Error).message
        }
      }
    }
    if (failure) failures.push({ unitId: s.id, message: failure })
    else s.draft = { origin: 'mt', score: 0, from: 'translator', pieces } satisfies Draft
  }
  return failures
}
