/**
 * The build cache (src/cli/cache.ts): an unchanged note is neither built nor
 * written again; the outputs and messages are the same with and without the
 * cache, with one job or two; a corrupt entry is rebuilt.
 */
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CACHE_FORMAT } from '../../src/cli/cache.ts'
import { root, tempProject, treeHashes } from '../helpers.ts'
import { fiche } from './fiche.ts'

const CACHE = 'node_modules/.cache/fiche/build'

/** `input/` with each note copied once more under another name (4 notes), and `config`. */
function project(config: Record<string, unknown> = {}): string {
  const dir = tempProject(
    {
      'pipeline.config.json': JSON.stringify({
        input: ['input'],
        termbase: ['input/termbase.yaml'],
        ...config,
      }),
    },
    'fiche-cache-',
  )
  cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
  for (const name of readdirSync(path.join(root, 'input'))) {
    if (/\.(md|txt)$/.test(name))
      cpSync(path.join(root, 'input', name), path.join(dir, 'input', `b-${name}`))
  }
  return dir
}

/** A date long past, given to every output so that a rewrite shows. */
const PAST = new Date('2001-01-01T00:00:00Z')

/** Sets every file under `dir` to `PAST`. */
function age(dir: string): void {
  for (const name of Object.keys(treeHashes(dir))) utimesSync(path.join(dir, name), PAST, PAST)
}

/** The files under `dir` written since `age` (their mtime is no longer `PAST`). */
function rewritten(dir: string): string[] {
  return Object.keys(treeHashes(dir)).filter(
    (name) => statSync(path.join(dir, name)).mtimeMs !== PAST.getTime(),
  )
}

/** The cache entries of a project. */
function entries(dir: string): string[] {
  const folder = path.join(dir, CACHE)
  return existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : []
}

/** `fiche build` into `out`, with the folder's name masked in the messages. */
async function build(dir: string, out: string, ...argv: string[]) {
  const run = await fiche(dir, 'build', '--out', out, ...argv)
  return { ...run, stderr: run.stderr.replaceAll(`in ${out}/`, 'in OUT/') }
}

describe('the build cache', () => {
  it('writes nothing on an unchanged rebuild, with the bytes and messages of a build without cache', async () => {
    const dir = project()
    const first = await build(dir, 'out', '-j', '2')
    expect(entries(dir)).toHaveLength(4)
    const out = path.join(dir, 'out')
    age(out)
    const second = await build(dir, 'out', '-j', '1')
    expect(rewritten(out)).toEqual([])
    expect(second.code).toBe(first.code)
    expect(second.stderr).toBe(first.stderr)
    const fresh = await build(dir, 'fresh', '--no-cache', '-j', '1')
    expect(fresh.code).toBe(first.code)
    expect(fresh.stderr).toBe(first.stderr)
    const reference = treeHashes(path.join(dir, 'fresh'))
    expect(Object.keys(reference)).toContain('b-cesia-note-2026-02-05/brief.fr.docx')
    expect(Object.keys(reference).some((name) => !name.includes('/'))).toBe(true)
    expect(treeHashes(out)).toEqual(reference)
  }, 120_000)

  it('makes the corpus glossary again from the rows kept beside the entries, or from model.json when they are gone', async () => {
    const dir = project()
    await build(dir, 'out')
    const folder = path.join(dir, 'node_modules/.cache/fiche/glossary')
    const kept = readdirSync(folder).sort()
    expect(kept).toHaveLength(4)
    rmSync(path.join(folder, kept[0]!))
    const text = readFileSync(path.join(folder, kept[1]!), 'utf8')
    writeFileSync(path.join(folder, kept[1]!), text.replace('"occurrences":', '"occurrences":1'))
    // The edit adds occurrences of termbase concepts: the corpus glossary changes.
    const note = path.join(dir, 'input/b-cesia-note-2026-02-05.md')
    writeFileSync(note, `${readFileSync(note, 'utf8')}\nLes lignes rouges du RIA, encore.\n`)
    const edited = await build(dir, 'out')
    const fresh = await build(dir, 'fresh', '--no-cache')
    expect(edited.stderr).toBe(fresh.stderr)
    const reference = treeHashes(path.join(dir, 'fresh'))
    expect(treeHashes(path.join(dir, 'out'))).toEqual(reference)
    // The edited note's rows are kept beside its new entry.
    expect(readdirSync(folder)).toHaveLength(4)
    expect(readdirSync(folder)).not.toContain(kept[0])
  }, 120_000)

  it('rebuilds only the edited note, and every note when the termbase changes', async () => {
    const dir = project()
    await build(dir, 'out')
    const out = path.join(dir, 'out')
    age(out)
    const note = path.join(dir, 'input/b-cesia-note-2026-02-05.md')
    writeFileSync(note, `${readFileSync(note, 'utf8')}\nUn paragraphe ajouté en fin de note.\n`)
    const edited = await build(dir, 'out')
    expect(entries(dir)).toHaveLength(5)
    const changed = rewritten(out)
    expect(changed).toContain('b-cesia-note-2026-02-05/model.json')
    expect(changed.filter((name) => name.includes('/') && !name.startsWith('b-cesia-'))).toEqual([])
    const fresh = await build(dir, 'fresh', '--no-cache')
    expect(edited.stderr).toBe(fresh.stderr)
    expect(treeHashes(out)).toEqual(treeHashes(path.join(dir, 'fresh')))

    const termbase = path.join(dir, 'input/termbase.yaml')
    writeFileSync(termbase, `${readFileSync(termbase, 'utf8')}\n# une remarque\n`)
    await build(dir, 'out')
    expect(entries(dir)).toHaveLength(9)

    // A note's translation file is in its key: the handout's warning comes back.
    writeFileSync(path.join(dir, 'input/translations/cesia-note-2026-02-05.en.xlf'), '<xliff')
    const broken = await build(dir, 'out')
    expect(broken.stderr).toContain('warning: no English handout')
    expect(broken.stderr).toBe((await build(dir, 'fresh', '--no-cache')).stderr)
  }, 120_000)

  it('ignores corrupt, foreign or outdated entries and rebuilds them cleanly', async () => {
    const dir = project()
    const first = await build(dir, 'out')
    const out = path.join(dir, 'out')
    const reference = treeHashes(out)
    const names = entries(dir)
    expect(names).toHaveLength(4)
    const file = (index: number) => path.join(dir, CACHE, names[index]!)
    const text = readFileSync(file(0), 'utf8')
    writeFileSync(file(0), text.slice(0, text.length / 2))
    writeFileSync(file(2), text.replace(`{"format":${CACHE_FORMAT},`, '{"format":999,'))
    writeFileSync(file(3), Buffer.from([0xff, 0xfe, 0, 1, 2]))
    // Well-formed JSON of the right shape whose bytes were edited: its digest no longer matches.
    const edited = readFileSync(file(1), 'utf8')
    expect(edited).toMatch(/"relativePath":"[^"]+"/)
    writeFileSync(
      file(1),
      edited.replace(/"relativePath":"[^"]+"/, '"relativePath":"input/autre.md"'),
    )
    age(out)
    const again = await build(dir, 'out')
    expect(again.code).toBe(first.code)
    expect(again.stderr).toBe(first.stderr)
    expect(treeHashes(out)).toEqual(reference)
    // Rebuilt with the same bytes: not rewritten; the entries are sound again.
    expect(rewritten(out)).toEqual([])
    for (const index of [0, 1, 2, 3])
      expect(JSON.parse(readFileSync(file(index), 'utf8').split('\n')[0]!).format).toBe(
        CACHE_FORMAT,
      )
  }, 120_000)

  it('writes an output again when it is missing or changed in the output folder', async () => {
    const dir = project()
    await build(dir, 'out')
    const out = path.join(dir, 'out')
    const reference = treeHashes(out)
    writeFileSync(path.join(out, 'b-cesia-note-2026-02-05/model.json'), '{}')
    age(out)
    await build(dir, 'out')
    expect(treeHashes(out)).toEqual(reference)
    expect(rewritten(out)).toEqual(['b-cesia-note-2026-02-05/model.json'])
    // The corpus glossary too, though every note comes from the cache.
    const corpus = path.join(out, 'glossary.csv')
    expect(existsSync(corpus)).toBe(true)
    writeFileSync(corpus, 'x')
    age(out)
    await build(dir, 'out')
    expect(treeHashes(out)).toEqual(reference)
    expect(rewritten(out)).toEqual(['glossary.csv'])
    rmSync(corpus)
    await build(dir, 'out')
    expect(treeHashes(out)).toEqual(reference)
  }, 120_000)

  it('keeps the parsed termbase, and parses it again when its entry is broken or the termbase changes', async () => {
    const dir = project()
    const first = await build(dir, 'out', '--no-cache')
    const folder = path.join(dir, 'node_modules/.cache/fiche/termbase')
    expect(existsSync(folder)).toBe(false)
    expect((await build(dir, 'fresh')).stderr).toBe(first.stderr.replaceAll('out/', 'fresh/'))
    const [entry] = readdirSync(folder)
    expect(readdirSync(folder)).toHaveLength(1)
    // A stored termbase gives the same outputs; an edited entry is refused, not used.
    const stored = readFileSync(path.join(folder, entry!), 'utf8')
    expect(stored).toContain('"AI Act"')
    writeFileSync(path.join(folder, entry!), stored.replace('"AI Act"', '"AI Law"'))
    const again = await build(dir, 'again')
    expect(again.stderr).toBe(first.stderr.replaceAll('out/', 'again/'))
    expect(treeHashes(path.join(dir, 'again'))).toEqual(treeHashes(path.join(dir, 'out')))
    expect(readFileSync(path.join(folder, entry!), 'utf8')).toBe(stored)
    // Another termbase text is another entry.
    const termbase = path.join(dir, 'input/termbase.yaml')
    writeFileSync(termbase, `${readFileSync(termbase, 'utf8')}\n# une remarque\n`)
    await build(dir, 'again')
    expect(readdirSync(folder)).toHaveLength(2)
  }, 120_000)

  it('writes no cache with `cache: false` or `--no-cache`, and uses the configured folder', async () => {
    const off = project({ cache: false })
    expect((await build(off, 'out')).code).toBe(0)
    expect(existsSync(path.join(off, 'node_modules'))).toBe(false)
    const flag = project()
    expect((await build(flag, 'out', '--no-cache')).code).toBe(0)
    expect(existsSync(path.join(flag, 'node_modules'))).toBe(false)
    // User plugins turn the cache off: their code cannot be hashed.
    const plugged = project()
    writeFileSync(
      path.join(plugged, 'pipeline.config.mjs'),
      "function remarkNothing() {}\nexport default { input: ['input'], termbase: ['input/termbase.yaml'], remarkPlugins: [remarkNothing] }\n",
    )
    expect((await build(plugged, 'out', '-c', 'pipeline.config.mjs')).code).toBe(0)
    expect(existsSync(path.join(plugged, 'out/cesia-note-2026-02-05/model.json'))).toBe(true)
    expect(existsSync(path.join(plugged, 'node_modules'))).toBe(false)
    const elsewhere = project({ cache: '.fiche-cache' })
    await build(elsewhere, 'out')
    expect(readdirSync(path.join(elsewhere, '.fiche-cache/build'))).toHaveLength(4)
    expect(existsSync(path.join(elsewhere, 'node_modules'))).toBe(false)
  }, 120_000)

  it('refuses a `cache` that is neither a folder nor false (exit 2, one line)', async () => {
    for (const value of [42, true, '']) {
      const dir = project({ cache: value })
      const run = await fiche(dir, 'build')
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(
        `fiche: ${path.join(dir, 'pipeline.config.json')}: Configuration error at "cache": expected the path of a folder, or false to turn the cache off\n`,
      )
    }
  }, 120_000)

  it('gives `fiche check` the same report from its cache, and checks an edited translation again', async () => {
    const dir = project()
    const argv = ['check', '--format', 'json', '--verbose']
    const first = await fiche(dir, ...argv)
    const checkEntries = () => readdirSync(path.join(dir, 'node_modules/.cache/fiche/check'))
    expect(checkEntries()).toHaveLength(4)
    const again = await fiche(dir, ...argv)
    const fresh = await fiche(dir, ...argv, '--no-cache')
    expect(JSON.parse(first.stdout).files.length).toBeGreaterThan(4)
    for (const run of [again, fresh]) {
      expect(run.code).toBe(first.code)
      expect(run.stdout).toBe(first.stdout)
      expect(run.stderr).toBe(first.stderr)
    }
    const pretty = await fiche(dir, 'check')
    expect((await fiche(dir, 'check', '--no-cache')).stdout).toBe(pretty.stdout)
    for (const name of checkEntries())
      writeFileSync(path.join(dir, 'node_modules/.cache/fiche/check', name), '{"format":1')
    expect((await fiche(dir, ...argv)).stdout).toBe(first.stdout)

    const [translation] = readdirSync(path.join(dir, 'input/translations'))
    writeFileSync(path.join(dir, 'input/translations', translation!), '<xliff')
    const broken = await fiche(dir, ...argv)
    expect(broken.stdout).not.toBe(first.stdout)
    expect(broken.stdout).toBe((await fiche(dir, ...argv, '--no-cache')).stdout)
  }, 120_000)
})
