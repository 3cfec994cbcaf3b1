/**
 * The English translations shipped in input/translations/: every unit of both
 * notes translated, with the termbase's approved terms, the source's inline
 * codes, the source's segmentation and English typography.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Piece } from '../../src/translate/content.ts'
import { readTranslationFile, type FileUnit } from '../../src/translate/read.ts'
import { root } from '../helpers.ts'

const NOTES = [
  { original: 'input/cesia-note-2026-02-05.md', units: 38 },
  { original: 'input/lignes-rouges-onu-2025-09-23.txt', units: 11 },
]

/** The text of pieces, codes dropped. */
function text(pieces: readonly Piece[]): string {
  return pieces
    .map((piece) =>
      piece.type === 'text' ? piece.value : piece.type === 'pc' ? text(piece.children) : '',
    )
    .join('')
}

/** The ids of the codes in pieces, sorted (English may reorder them). */
function codeIds(pieces: readonly Piece[]): string[] {
  const ids: string[] = []
  const walk = (list: readonly Piece[]) => {
    for (const piece of list) {
      if (piece.type === 'text') continue
      ids.push(`${piece.type}:${piece.id}`)
      if (piece.type === 'pc') walk(piece.children)
    }
  }
  walk(pieces)
  return ids.sort()
}

const sourceText = (unit: FileUnit) => unit.source.segments.map(text).join(' ')
const targetText = (unit: FileUnit) => (unit.target ?? []).map(text).join(' ')

function unitsOf(original: string): FileUnit[] {
  const file = path.join('input', 'translations', `${path.parse(original).name}.en.xlf`)
  const xml = readFileSync(path.join(root, file), 'utf8')
  return readTranslationFile(xml, file, {
    original,
    sourceLanguage: 'fr',
    targetLanguage: 'en',
  }).units
}

describe.each(NOTES)('English translation of $original', ({ original, units: count }) => {
  const units = unitsOf(original)

  it('has every unit of the note, each with a translated target', () => {
    expect(units).toHaveLength(count)
    for (const unit of units) {
      expect(unit.obsolete, unit.id).toBe(false)
      expect(unit.status, unit.id).toBe('translated')
      expect(unit.targetAttributes[0], unit.id).toContain('state="translated"')
      expect(targetText(unit).trim(), unit.id).not.toBe('')
    }
  })

  it('translates every unit: no target equals its source', () => {
    for (const unit of units) expect(targetText(unit), unit.id).not.toBe(sourceText(unit))
  })

  it('keeps the segmentation and the inline codes of the source', () => {
    for (const unit of units) {
      const segmented = unit.source.segments.length > 1
      expect(unit.target!.length, unit.id).toBe(segmented ? unit.source.segments.length : 1)
      expect(codeIds(unit.target!.flat()), unit.id).toEqual(codeIds(unit.source.segments.flat()))
    }
  })

  /** Source and target segment pairs (the targets mirror the source's segments). */
  const pairs = units.flatMap((unit) =>
    unit.source.segments.map((segment, i) => ({
      id: `${unit.id}#${i + 1}`,
      french: text(segment),
      english: text(unit.target?.[i] ?? []),
    })),
  )

  it('writes "AI Act" where the French names the règlement sur l’IA (RIA)', () => {
    const act = /\bRIA\b|règlement (européen )?sur l'(IA|intelligence artificielle)/i
    const checked = pairs.filter((pair) => act.test(pair.french))
    if (original.endsWith('.md')) expect(checked.length).toBeGreaterThan(0)
    for (const pair of checked) expect(pair.english, pair.id).toContain('AI Act')
  })

  it('writes "red line" where the French has ligne(s) rouge(s)', () => {
    const checked = pairs.filter((pair) => /lignes? rouges?/i.test(pair.french))
    expect(checked.length).toBeGreaterThan(0)
    for (const pair of checked) expect(pair.english, pair.id).toMatch(/\bred lines?\b/)
  })

  it('uses English typography and EU style figures', () => {
    for (const unit of units) {
      const english = targetText(unit)
      expect(english, unit.id).not.toMatch(/[«»]|[ \u00a0\u202f][:;!?](\s|$)/)
      expect(english, unit.id).not.toMatch(/\d,\d|\d %/)
      expect(english, unit.id).not.toMatch(/février|septembre|novembre|juillet|janvier/)
    }
  })
})

describe('termbase terms in the English translations', () => {
  const all = NOTES.flatMap(({ original }) => unitsOf(original))
  const english = all.map(targetText).join('\n')

  it('uses the approved English terms, not forbidden or French variants', () => {
    for (const term of ['AI Act', 'red line', 'AI Office', 'Code of Practice', 'frontier model'])
      expect(english).toContain(term)
    expect(english).not.toMatch(/IA Act|AI law|loi sur l|Règlement|lignes rouges/)
    expect(english).toContain('EUR\u00a0200 billion')
    expect(english).toContain('10\u00a0%')
    expect(english).toContain('5 February 2026')
    expect(english).toContain('Monday 22 September')
  })
})
