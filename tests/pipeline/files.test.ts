import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findNotes } from '../../src/pipeline/files.ts'

describe('findNotes', () => {
  it('never takes the lock, temporary files or the output folder for notes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-files-'))
    const out = path.join(dir, 'output')
    mkdirSync(path.join(out, 'note'), { recursive: true })
    writeFileSync(path.join(dir, 'note.md'), '# Note\n')
    // What a killed build leaves: a temporary file of a note-like name, the lock.
    writeFileSync(path.join(dir, '.note.md.1234.tmp'), '# Half')
    writeFileSync(path.join(dir, '.brouillon.md'), '# Hidden')
    writeFileSync(path.join(dir, '.fiche.lock'), '1234\n')
    writeFileSync(path.join(out, '.fiche.lock'), '1234\n')
    writeFileSync(path.join(out, 'note', 'glossary.md'), '# Glossaire\n')
    expect(findNotes([dir], [out])).toEqual([path.join(dir, 'note.md')])
  })
})
