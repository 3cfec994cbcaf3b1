/**
 * What the translation rules check: a note's translation file matched to the
 * current note the way `fiche translate` matches them (`planSync`), as the
 * `TranslationInput` of `validateTranslation`, with the file's coverage.
 * Linear in the size of the note and of the file, apart from `planSync`'s
 * fuzzy pass (bounded, see `sync.ts`).
 */
import type { DocumentModel, Position } from '../model/schema.ts'
import type {
  TranslationCode,
  TranslationCoverage,
  TranslationInput,
  TranslationStatus,
  TranslationUnitInput,
} from '../validate/translation.ts'
import {
  contentText,
  joinSegments,
  piecesText,
  wordCount,
  type Code,
  type Piece,
} from './content.ts'
import { readTranslationFile, type Expected, type TranslationFile } from './read.ts'
import { planSync, type SyncedUnit } from './sync.ts'
import { unitsOf } from './units.ts'
import type { XmlElement } from './xml.ts'

/** The data a code carries (link target, footnote identifier, image, code); null for markup. */
function codeTarget(code: Code | undefined): string | null {
  switch (code?.kind) {
    case 'link':
      return code.href
    case 'footnote':
      return code.identifier
    case 'image':
      return code.url
    case 'code':
      return code.value
    case 'foreign':
      return code.data
    default:
      return null
  }
}

/** The codes of pieces, once per occurrence in reading order, described from the source's code table. */
function codesOf(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): TranslationCode[] {
  const out: TranslationCode[] = []
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.type === 'text') continue
      const code = codes.get(piece.id)
      out.push({
        id: piece.id,
        target: codeTarget(code),
        ...(code ? { kind: code.kind } : {}),
        paired: piece.type === 'pc',
      })
      if (piece.type === 'pc') walk(piece.children)
    }
  }
  walk(pieces)
  return out
}

function elementPosition(file: TranslationFile, element: XmlElement): Position {
  const start = file.doc.place(element.start)
  const end = file.doc.place(element.end)
  return {
    start: { ...start, offset: element.start },
    end: { ...end, offset: element.end },
  }
}

function statusOf(synced: SyncedUnit): TranslationStatus {
  const old = synced.old
  if (!old?.target) return 'missing'
  if (synced.change === 'stale') return 'stale'
  return old.status === 'new' ? 'missing' : old.status
}

/**
 * The units of a note with their translation in `file`, for the rules:
 * every unit of the current note (a unit the file lacks is `missing`, at the
 * file's `<body>` or `<file>` element, since it has no element of its own).
 */
export function translationUnits(
  model: DocumentModel,
  file: TranslationFile,
): TranslationUnitInput[] {
  const plan = planSync(unitsOf(model), file)
  const containerPosition = elementPosition(file, file.container)
  return plan.units.map((synced) => {
    const unit = synced.unit!
    const codes = unit.content.codes
    const targetPieces = synced.old?.target ? joinSegments(synced.old.target) : []
    return {
      id: synced.id,
      status: statusOf(synced),
      source: contentText(unit.content),
      target: piecesText(targetPieces),
      sourceCodes: codesOf(joinSegments(unit.content.segments), codes),
      targetCodes: codesOf(targetPieces, codes),
      position: synced.old ? elementPosition(file, synced.old.element) : containerPosition,
      notePosition: unit.position,
    }
  })
}

/** Counts of a translation file against its note. */
export function coverageOf(
  language: string,
  units: readonly TranslationUnitInput[],
): TranslationCoverage {
  const coverage: TranslationCoverage = {
    language,
    units: units.length,
    translated: 0,
    review: 0,
    stale: 0,
    missing: 0,
    words: 0,
    wordsToTranslate: 0,
  }
  for (const unit of units) {
    const words = wordCount(unit.source)
    coverage.words += words
    switch (unit.status) {
      case 'translated':
        coverage.translated++
        break
      case 'review':
      case 'draft':
        coverage.review++
        break
      case 'stale':
        coverage.stale++
        coverage.wordsToTranslate += words
        break
      case 'missing':
        coverage.missing++
        coverage.wordsToTranslate += words
        break
    }
  }
  return coverage
}

/**
 * Reads a note's translation file and matches it to the note; throws the
 * reader's `XmlError` or `TranslationFileError` (file, line, column) for a
 * file it cannot use.
 */
export function translationInput(
  model: DocumentModel,
  text: string,
  file: string,
  reportedPath: string,
  expected: Expected,
): { input: TranslationInput; coverage: TranslationCoverage } {
  const read = readTranslationFile(text, file, expected)
  const units = translationUnits(model, read)
  return {
    input: { path: reportedPath, units },
    coverage: coverageOf(expected.targetLanguage, units),
  }
}
