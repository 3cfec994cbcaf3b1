/**
 * Determinism across machines: the same notes built under different time
 * zones, locales and file creation orders give byte-identical outputs.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { root, treeHashes } from '../helpers.ts'

const run = promisify(execFile)
const bin = path.join(root, 'bin/fiche.js')

/** Copies `input/` file by file in the given order of names. */
function project(order: 'forward' | 'reverse'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-det-'))
  const names = readdirSync(path.join(root, 'input')).sort()
  if (order === 'reverse') names.reverse()
  for (const name of names) {
    cpSync(path.join(root, 'input', name), path.join(dir, 'input', name), { recursive: true })
  }
  writeFileSync(
    path.join(dir, 'pipeline.config.json'),
    JSON.stringify({ input: ['input'], termbase: ['input/termbase.yaml'] }),
  )
  return dir
}

async function build(order: 'forward' | 'reverse', env: Record<string, string>) {
  const dir = project(order)
  await run('node', [bin, 'build', '-q'], { cwd: dir, env: { ...process.env, ...env } }).catch(
    (error: { code?: number }) => {
      // Findings (exit 1) still write every output; anything else is a failure.
      if (error.code !== 1) throw error
    },
  )
  return treeHashes(path.join(dir, 'output'))
}

describe('determinism', () => {
  it('gives byte-identical outputs whatever TZ, LANG/LC_ALL and file order', async () => {
    const reference = await build('forward', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' })
    expect(Object.keys(reference).length).toBeGreaterThan(10)
    expect(Object.keys(reference)).toContain('cesia-note-2026-02-05/brief.fr.docx')
    const variants = await Promise.all([
      build('reverse', {
        TZ: 'Pacific/Kiritimati',
        LANG: 'fr_FR.UTF-8',
        LC_ALL: 'fr_FR.UTF-8',
      }),
      build('forward', { TZ: 'America/St_Johns', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' }),
    ])
    for (const variant of variants) expect(variant).toEqual(reference)
  }, 120_000)
})
