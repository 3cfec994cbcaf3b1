/** Which notes a command reads, and what the command line says when it cannot. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempProject } from '../helpers.ts'
import { fiche } from './fiche.ts'

const NOTE = '# Note\n\nUn paragraphe sur le RIA.\n'

/** A temporary project with the given files (path → content). */
const project = (files: Record<string, string>) => tempProject(files, 'fiche-notes-')

describe('fiche: which notes', () => {
  it('exits 2 with one line for a path that names nothing, an empty glob or an empty folder', async () => {
    const dir = project({ 'notes/readme.rst': 'x' })
    for (const [argv, line] of [
      [['build', 'absent.md'], 'fiche build: no such file or folder: absent.md\n'],
      [['check', 'notes/*.md'], 'fiche check: no file matches notes/*.md\n'],
      [['build'], 'fiche build: no note (.md, .markdown or .txt) in notes\n'],
      [['translate', 'notes'], 'fiche translate: no note (.md, .markdown or .txt) in notes\n'],
    ] as const) {
      const run = await fiche(dir, ...argv)
      expect(run.code, argv.join(' ')).toBe(2)
      expect(run.stderr, argv.join(' ')).toBe(line)
    }
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
  })

  it('expands a glob argument, and skips what .ficheignore and the ignore key name', async () => {
    const dir = project({
      '.ficheignore': 'brouillons/\n',
      'notes/a.md': NOTE,
      'notes/b.md': NOTE,
      'notes/brouillons/c.md': NOTE,
      'notes/vieux/d.md': NOTE,
      'pipeline.config.mjs': "export default { input: 'notes', ignore: 'notes/vieux/**' }\n",
    })
    const glob = await fiche(dir, 'build', '--quiet', 'notes/a*.md')
    expect(glob.code, glob.stderr).toBe(0)
    expect(existsSync(path.join(dir, 'output/a/model.json'))).toBe(true)
    expect(existsSync(path.join(dir, 'output/b'))).toBe(false)
    // `input` as one string; .ficheignore holds notes/brouillons, the ignore key notes/vieux.
    const all = await fiche(dir, 'check', '--format', 'json')
    expect(all.code, all.stderr).toBe(0)
    const report = JSON.parse(all.stdout) as { files: { path: string }[] }
    expect(report.files.map((f) => f.path)).toEqual(['notes/a.md', 'notes/b.md'])
  })

  it('refuses a language other than French, naming the key', async () => {
    const dir = project({
      'notes/a.md': NOTE,
      'pipeline.config.mjs': "export default { language: 'en' }\n",
    })
    const run = await fiche(dir, 'build')
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(
      `fiche: ${path.join(dir, 'pipeline.config.mjs')}: Configuration error at "language": only "fr" is supported: fiche reads French notes (set the target languages in translation.languages)\n`,
    )
  })

  it('ends a build by saying where the outputs are', async () => {
    const dir = project({ 'notes/a.md': NOTE, 'notes/b.txt': 'Un article.\n' })
    const run = await fiche(dir, 'build')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('outputs in output/ (2 note(s))')
  })
})

describe('fiche: help and usage errors', () => {
  it('prints the help of fiche and of a command with `fiche help`', async () => {
    const dir = project({})
    const general = await fiche(dir, 'help')
    expect(general.code).toBe(0)
    expect(general.stdout).toMatch(/^Usage: fiche <command>/)
    expect(general.stdout).toContain('Run `fiche help <command>`')
    const build = await fiche(dir, 'help', 'build')
    expect(build.code).toBe(0)
    expect(build.stdout).toBe((await fiche(dir, 'build', '--help')).stdout)
    expect(build.stdout).toMatch(/^Usage: fiche build/)
  })

  it('names an unknown command in one line, with the closest one', async () => {
    const dir = project({})
    const typo = await fiche(dir, 'biuld')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(
      /^fiche: unknown command "biuld", expected one of: .*Did you mean "build"\?\n$/,
    )
    const far = await fiche(dir, 'help', 'zzzzzz')
    expect(far.code).toBe(2)
    expect(far.stderr).not.toContain('Did you mean')
    expect(far.stderr.split('\n')).toHaveLength(2)
  })

  it('reports a bad flag in one line naming it, with where to look', async () => {
    const dir = project({ 'notes/a.md': NOTE })
    const run = await fiche(dir, 'build', '--frobnicate')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.split('\n')).toHaveLength(2)
    expect(run.stderr).toBe('fiche build: unknown option --frobnicate (see `fiche help build`)\n')
    const missing = await fiche(dir, 'build', '--out')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      "fiche build: Option '-o, --out <value>' argument missing (see `fiche help build`)\n",
    )
  })
})
