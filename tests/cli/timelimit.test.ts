/**
 * The time limit per note (`timeLimit`) and user plugins that fail: a plugin
 * that loops forever on one note, or throws, fails that note with one line
 * naming the file and the plugin; the other notes are built and nothing of
 * the failed note is written.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fiche } from './fiche.ts'

const NOTE = '# Note\n\nUn paragraphe, 12 % selon l’INSEE.\n'

/**
 * A project whose config has a plugin looping on `boucle.md` and one throwing on `panne.md`.
 * The limit leaves a good note time to build on a loaded machine (2 s was once too short there).
 */
function project(timeLimit: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-timelimit-'))
  mkdirSync(path.join(dir, 'notes'))
  for (const name of ['avant.md', 'boucle.md', 'panne.md', 'apres.md']) {
    writeFileSync(path.join(dir, 'notes', name), NOTE)
  }
  writeFileSync(
    path.join(dir, 'pipeline.config.mjs'),
    `function remarkLoop() {
  return (tree, file) => {
    if (file.path.endsWith('boucle.md')) for (;;) {}
  }
}
function ficheThrow() {
  return (tree, file) => {
    if (file.path.endsWith('panne.md')) throw new Error('panne du greffon')
  }
}
export default { remarkPlugins: [remarkLoop], plugins: [ficheThrow], timeLimit: ${timeLimit} }
`,
  )
  return dir
}

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

describe('timeLimit', () => {
  it('stops a note whose plugin loops, names the plugin, builds the others (build)', async () => {
    const dir = project(4)
    const started = Date.now()
    const result = await fiche(dir, 'build', '-q')
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.code).toBe(1)
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'))
    expect(errors).toEqual([
      'error: notes/boucle.md: plugin remarkLoop did not finish within 4 s (timeLimit)',
      'error: notes/panne.md: plugin ficheThrow failed: panne du greffon',
    ])
    expect(result.stderr).toContain('2 document(s) built, 2 failed')
    const written = files(path.join(dir, 'output'))
    expect(written).toContain('avant/model.json')
    expect(written).toContain('apres/brief.fr.docx')
    expect(written.filter((file) => /^(boucle|panne)\//.test(file))).toEqual([])
    expect(written.filter((file) => file.endsWith('.tmp'))).toEqual([])
  }, 60_000)

  it('does the same in fiche check, with one job', async () => {
    const dir = project(4)
    const result = await fiche(dir, 'check', '--jobs', '1', '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      files: { path: string; messages: { message: string; ruleId: string }[] }[]
    }
    const fatal = (name: string) =>
      report.files
        .find((file) => file.path === `notes/${name}`)!
        .messages.filter((d) => d.ruleId === 'fatal')
        .map((d) => d.message)
    expect(fatal('boucle.md')).toEqual([
      'notes/boucle.md: plugin remarkLoop did not finish within 4 s (timeLimit)',
    ])
    expect(fatal('panne.md')).toEqual([
      'notes/panne.md: plugin ficheThrow failed: panne du greffon',
    ])
    expect(fatal('avant.md')).toEqual([])
    expect(fatal('apres.md')).toEqual([])
  }, 60_000)

  it('does the same in fiche translate: the other notes get their translation files', async () => {
    const dir = project(4)
    const started = Date.now()
    const result = await fiche(dir, 'translate', '-q')
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.code).toBe(1)
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error:'))
    expect(errors).toEqual([
      'error: notes/boucle.md: plugin remarkLoop did not finish within 4 s (timeLimit)',
      'error: notes/panne.md: plugin ficheThrow failed: panne du greffon',
    ])
    const written = files(dir).filter((file) => file.endsWith('.xlf'))
    expect(written.some((file) => file.includes('avant'))).toBe(true)
    expect(written.some((file) => file.includes('apres'))).toBe(true)
    expect(written.filter((file) => /boucle|panne/.test(file))).toEqual([])
  }, 60_000)

  it('refuses a time limit that is not a positive number of seconds (exit 2)', async () => {
    const dir = project(0)
    const result = await fiche(dir, 'build')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /pipeline\.config\.mjs: Configuration error at "timeLimit": expected a number of seconds greater than 0/,
    )
  })
})
