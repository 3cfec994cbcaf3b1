/**
 * `--jobs`: building or checking the notes in worker threads gives the same
 * outputs, byte for byte, and the same messages in the same order as in the
 * main thread (`--jobs 1`, no user plugins).
 */
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, treeHashes } from '../helpers.ts'
import { fiche } from './fiche.ts'

/** `input/` with each note copied three times under other names (6 notes and more). */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-jobs-'))
  cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
  for (const name of readdirSync(path.join(root, 'input'))) {
    if (!/\.(md|txt)$/.test(name)) continue
    for (const copy of ['b', 'c']) {
      cpSync(path.join(root, 'input', name), path.join(dir, 'input', `${copy}-${name}`))
    }
  }
  writeFileSync(
    path.join(dir, 'pipeline.config.json'),
    JSON.stringify({ input: ['input'], termbase: ['input/termbase.yaml'] }),
  )
  return dir
}

describe('--jobs', () => {
  it('builds the same outputs and messages with 1 and 4 jobs', async () => {
    const dir = project()
    const one = await fiche(dir, 'build', '--jobs', '1', '--out', 'out-1')
    const four = await fiche(dir, 'build', '-j', '4', '--out', 'out-4')
    expect(four.code).toBe(one.code)
    expect(four.stderr.replaceAll('out-4', 'out-1')).toBe(one.stderr)
    const reference = treeHashes(path.join(dir, 'out-1'))
    expect(Object.keys(reference).length).toBeGreaterThan(30)
    expect(Object.keys(reference)).toContain('b-cesia-note-2026-02-05/brief.fr.docx')
    expect(treeHashes(path.join(dir, 'out-4'))).toEqual(reference)
  }, 120_000)

  it('checks with the same report with 1 and 4 jobs', async () => {
    const dir = project()
    const one = await fiche(dir, 'check', '-j', '1', '--format', 'json', '--verbose')
    const four = await fiche(dir, 'check', '--jobs', '4', '--format', 'json', '--verbose')
    expect(four.code).toBe(one.code)
    expect(JSON.parse(one.stdout).files.length).toBeGreaterThanOrEqual(6)
    expect(four.stdout).toBe(one.stdout)
    expect(four.stderr).toBe(one.stderr)
  }, 120_000)

  it('refuses a number of jobs that is not a whole number of 1 or more (exit 2)', async () => {
    const dir = project()
    for (const value of ['0', 'deux', '-1']) {
      const result = await fiche(dir, 'build', `--jobs=${value}`)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(
        `fiche build: --jobs "${value}": expected a whole number of 1 or more`,
      )
    }
  })
})
