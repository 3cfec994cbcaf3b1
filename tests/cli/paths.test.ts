/**
 * Output paths, end to end through the compiled CLI: notes whose slugs
 * collide get distinct folders and one warning, and nothing is written
 * outside the output folder (the whole temporary tree is listed, the
 * project's parent and its sibling folder included, before and after).
 */
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fiche } from './fiche.ts'

const sha1 = (text: string | Uint8Array) => createHash('sha1').update(text).digest('hex')
const hash6 = (relativePath: string) => sha1(relativePath).slice(0, 6)

/** Every file and folder under `dir` (relative, `/`-separated) with a hash of each file's bytes. */
function tree(dir: string): Map<string, string> {
  const entries = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name)
    const name = path.relative(dir, full).split(path.sep).join('/')
    entries.set(name, entry.isDirectory() ? 'dir' : sha1(readFileSync(full)))
  }
  return entries
}

/** What changed between two listings: entries added, and entries changed or removed. */
function diff(before: Map<string, string>, after: Map<string, string>) {
  const added = [...after.keys()].filter((name) => !before.has(name)).sort()
  const changed = [...before].filter(([name, hash]) => after.get(name) !== hash).map(([n]) => n)
  return { added, changed }
}

/** The colliding notes, by path relative to the project; a NFC and a NFD spelling included. */
const NOTES = {
  'input/Note A.md': '# Note A\n\n- Premier point.\n',
  'input/sub/note-a.md': '# Note a, sous-dossier\n\n- Deuxième point.\n',
  'input/other/NOTE_A.txt': 'Troisième note.\n',
  'input/x/\u00e9t\u00e9.md': '# Été NFC\n\n- Un point.\n',
  'input/y/e\u0301te\u0301.md': '# Été NFD\n\n- Un autre point.\n',
  'input/unique.md': '# Seule\n\n- Un point.\n',
}

/** `<base>/project` (the notes and a config), `<base>/sibling/keep.txt` and `<base>/beside.txt`. */
function layout(config: Record<string, unknown> = {}) {
  const base = mkdtempSync(path.join(tmpdir(), 'fiche-paths-'))
  const project = path.join(base, 'project')
  for (const [name, text] of Object.entries(NOTES)) {
    mkdirSync(path.dirname(path.join(project, name)), { recursive: true })
    writeFileSync(path.join(project, name), text)
  }
  writeFileSync(path.join(project, 'pipeline.config.json'), JSON.stringify(config))
  mkdirSync(path.join(base, 'sibling'))
  writeFileSync(path.join(base, 'sibling', 'keep.txt'), 'not fiche’s\n')
  writeFileSync(path.join(base, 'beside.txt'), 'not fiche’s either\n')
  return { base, project }
}

/** The expected id of each note: the first by path keeps the slug, the others get the hash. */
const ids = {
  'input/Note A.md': 'note-a',
  'input/other/NOTE_A.txt': `note-a-${hash6('input/other/NOTE_A.txt')}`,
  'input/sub/note-a.md': `note-a-${hash6('input/sub/note-a.md')}`,
  'input/x/\u00e9t\u00e9.md': 'ete',
  'input/y/e\u0301te\u0301.md': `ete-${hash6('input/y/e\u0301te\u0301.md')}`,
  'input/unique.md': 'unique',
}

describe('fiche build: output paths', () => {
  it('gives colliding notes distinct folders and one warning, and writes only in the output folder', async () => {
    const { base, project } = layout()
    const before = tree(base)
    const result = await fiche(project, 'build', '--quiet')
    expect(result.stderr).toMatch(/6 document\(s\) built, 0 failed/)
    expect(result.code).toBe(0)
    const after = tree(base)
    const { added, changed } = diff(before, after)
    expect(changed).toEqual([])
    expect(added.length).toBeGreaterThan(0)
    // Besides the outputs, only the build cache (src/cli/cache.ts).
    for (const name of added)
      expect(name, name).toMatch(
        /^project\/(output(\/|$)|node_modules(\/\.cache)?$|node_modules\/\.cache\/fiche(\/|$))/,
      )

    // One folder per note, named after the model's id, holding that note's model.
    const folders = [...after]
      .filter(([name, kind]) => kind === 'dir' && /^project\/output\/[^/]+$/.test(name))
      .map(([name]) => path.basename(name))
      .sort()
    expect(folders).toEqual(Object.values(ids).sort())
    for (const [note, id] of Object.entries(ids)) {
      const model = JSON.parse(
        readFileSync(path.join(project, 'output', id, 'model.json'), 'utf8'),
      ) as { id: string; source: { path: string } }
      expect(model.id).toBe(id)
      expect(model.source.path).toBe(note)
    }

    // One warning per collision, naming every file and its id.
    const warnings = result.stderr
      .split('\n')
      .filter((line) => line.includes('have the document id'))
    expect(warnings).toEqual([
      `warning: 3 notes have the document id "note-a": input/Note A.md → note-a, input/other/NOTE_A.txt → ${ids['input/other/NOTE_A.txt']}, input/sub/note-a.md → ${ids['input/sub/note-a.md']}`,
      `warning: 2 notes have the document id "ete": input/x/\u00e9t\u00e9.md → ete, input/y/e\u0301te\u0301.md → ${ids['input/y/e\u0301te\u0301.md']}`,
    ])

    // The same ids on a second run, for a subset of the notes given in another
    // order, and for one note alone: ids are assigned over the whole project.
    const again = await fiche(project, 'build', '--quiet', 'input/sub/note-a.md', 'input/Note A.md')
    expect(again.code).toBe(0)
    expect(again.stderr).toContain(warnings[0])
    const alone = await fiche(project, 'build', '--quiet', 'input/sub/note-a.md')
    expect(alone.code).toBe(0)
    const { added: none } = diff(after, tree(base))
    expect(none).toEqual([])
  })

  it('names the translation files after the same ids, and the handout finds its note', async () => {
    const { base, project } = layout()
    const before = tree(base)
    const translate = await fiche(project, 'translate', '--quiet')
    expect(translate.code).toBe(0)
    const translations = path.join(project, 'input', 'translations')
    expect(readdirSync(translations).sort()).toEqual(
      Object.values(ids)
        .map((id) => `${id}.en.xlf`)
        .sort(),
    )
    for (const [note, id] of Object.entries(ids)) {
      const xlf = readFileSync(path.join(translations, `${id}.en.xlf`), 'utf8')
      expect(xlf).toContain(`original="${note}"`)
    }
    for (const name of diff(before, tree(base)).added)
      expect(name, name).toMatch(/^project\/(output|input\/translations)(\/|$)/)
    const build = await fiche(project, 'build', '--quiet')
    expect(build.code).toBe(0)
    expect(build.stderr).not.toContain('no English handout')
    // Each handout is built from its own note's file: another note's would be refused (`original`).
    for (const id of Object.values(ids)) {
      expect(build.stderr).toMatch(new RegExp(`^${id}/handout\\.en\\.docx: \\d untranslated`, 'm'))
      expect(existsSync(path.join(project, 'output', id, 'handout.en.docx'))).toBe(true)
    }
  })
})

describe('output folders outside the project', () => {
  const refusal = (command: string, out: string, project: string, what = 'output folder') =>
    `fiche ${command}: the ${what} ${out} is outside the project root ${project}; pass --allow-outside-root or set allowOutputOutsideRoot: true in the configuration\n`

  it('refuses --out outside the root (build, watch, align) with exit 2 and writes nothing', async () => {
    const { base, project } = layout()
    const out = path.join(base, 'sibling', 'out')
    const before = tree(base)
    for (const argv of [
      ['build', '--out', '../sibling/out'],
      ['watch', '--out', '../sibling/out'],
      ['align', 'input/Note A.md', 'input/unique.md', '--out', '../sibling/out'],
    ]) {
      const result = await fiche(project, ...argv)
      expect(result.code, argv.join(' ')).toBe(2)
      expect(result.stderr).toBe(refusal(argv[0]!, out, project))
    }
    expect(diff(before, tree(base))).toEqual({ added: [], changed: [] })
  })

  it('refuses a configured output or translation folder outside the root (build, translate)', async () => {
    const { base, project } = layout({ output: '../sibling/out' })
    const before = tree(base)
    const out = path.join(base, 'sibling', 'out')
    expect((await fiche(project, 'build')).stderr).toBe(refusal('build', out, project))
    expect((await fiche(project, 'translate')).stderr).toBe(refusal('translate', out, project))
    // --check writes nothing: nothing to refuse.
    expect((await fiche(project, 'translate', '--check', '--quiet')).code).toBe(1)
    expect(diff(before, tree(base))).toEqual({ added: [], changed: [] })
    const other = layout({ translation: { folder: '../sibling/xlf' } })
    const translate = await fiche(other.project, 'translate')
    expect(translate.code).toBe(2)
    expect(translate.stderr).toBe(
      refusal(
        'translate',
        path.join(other.base, 'sibling', 'xlf'),
        other.project,
        'translation folder',
      ),
    )
  })

  it('writes outside the root with --allow-outside-root or allowOutputOutsideRoot, there only', async () => {
    const { base, project } = layout()
    const before = tree(base)
    const result = await fiche(
      project,
      'build',
      '-q',
      '--out',
      '../sibling/out',
      '--allow-outside-root',
    )
    expect(result.code).toBe(0)
    const { added, changed } = diff(before, tree(base))
    expect(changed).toEqual([])
    expect(added).toContain('sibling/out/note-a/model.json')
    for (const name of added)
      expect(name, name).toMatch(
        /^(sibling\/out(\/|$)|project\/node_modules(\/\.cache)?$|project\/node_modules\/\.cache\/fiche(\/|$))/,
      )

    const allowed = layout({ output: '../sibling/out', allowOutputOutsideRoot: true })
    const build = await fiche(allowed.project, 'build', '-q')
    expect(build.code).toBe(0)
    expect(tree(allowed.base).has('sibling/out/unique/model.json')).toBe(true)
  })
})
