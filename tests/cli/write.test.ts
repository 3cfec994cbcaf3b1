/** Atomic writes: folders made when missing (also when removed since), no temporary file left. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeAtomic } from '../../src/cli/write.ts'

const scratch = () => mkdtempSync(path.join(tmpdir(), 'fiche-write-'))

describe('writeAtomic', () => {
  it('makes the missing folders, and makes them again when they were removed', () => {
    const dir = scratch()
    const file = path.join(dir, 'out', 'note', 'model.json')
    writeAtomic(file, '{}')
    expect(readFileSync(file, 'utf8')).toBe('{}')
    rmSync(path.join(dir, 'out'), { recursive: true })
    writeAtomic(file, '{"a":1}')
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}')
    expect(readdirSync(path.dirname(file))).toEqual(['model.json'])
  })

  it('replaces a file whole and leaves no temporary file', () => {
    const dir = scratch()
    const file = path.join(dir, 'brief.fr.docx')
    writeFileSync(file, 'old')
    writeAtomic(file, new Uint8Array([1, 2, 3]))
    expect([...readFileSync(file)]).toEqual([1, 2, 3])
    expect(readdirSync(dir)).toEqual(['brief.fr.docx'])
  })

  it('throws what it cannot write, and leaves no temporary file', () => {
    const dir = scratch()
    writeFileSync(path.join(dir, 'blocker'), '')
    // A file where a folder should be: not a missing folder, so no retry.
    expect(() => writeAtomic(path.join(dir, 'blocker', 'model.json'), '{}')).toThrow(/ENOTDIR/)
    mkdirSync(path.join(dir, 'taken', 'model.json'), { recursive: true })
    expect(() => writeAtomic(path.join(dir, 'taken', 'model.json'), '{}')).toThrow()
    expect(readdirSync(path.join(dir, 'taken'))).toEqual(['model.json'])
  })
})
