import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { planChanges } from '../../src/cli/watch.ts'
import { root, treeHashes } from '../helpers.ts'
import { startWatch, until } from './fiche.ts'

describe('watch plan', () => {
  const termbase = '/p/input/termbase.yaml'
  it('rebuilds a changed note alone and drops a deleted one', () => {
    expect(
      planChanges(
        [
          { event: 'change', path: '/p/input/a.md' },
          { event: 'add', path: '/p/input/b.txt' },
          { event: 'unlink', path: '/p/input/c.md' },
          { event: 'change', path: '/p/input/notes.csv' },
        ],
        [termbase],
      ),
    ).toEqual({
      reload: false,
      notes: ['/p/input/a.md', '/p/input/b.txt'],
      removed: ['/p/input/c.md'],
    })
  })

  it('rebuilds only the note whose translation file was saved', () => {
    const notes = new Map([['/p/input/translations/a.en.xlf', '/p/input/a.md']])
    const plan = planChanges(
      [
        { event: 'change', path: '/p/input/translations/a.en.xlf' },
        { event: 'change', path: '/p/input/translations/unknown.en.xlf' },
      ],
      [termbase],
      (file) => notes.get(file) ?? null,
    )
    expect(plan).toEqual({ reload: false, notes: ['/p/input/a.md'], removed: [] })
  })

  it('reloads everything when the termbase, sources or configuration change', () => {
    expect(planChanges([{ event: 'change', path: termbase }], [termbase]).reload).toBe(true)
  })

  it('keeps the last event of a path', () => {
    const plan = planChanges(
      [
        { event: 'add', path: '/p/input/a.md' },
        { event: 'unlink', path: '/p/input/a.md' },
      ],
      [],
    )
    expect(plan).toEqual({ reload: false, notes: [], removed: ['/p/input/a.md'] })
  })
})

describe('fiche watch', () => {
  it('rebuilds what changes and stops cleanly on SIGINT', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-watch-'))
    mkdirSync(path.join(dir, 'input'))
    const note = path.join(dir, 'input', 'note.md')
    writeFileSync(note, '# Première version\n\n- Un point.\n')
    const { child, printed, exited } = startWatch(dir)
    try {
      await until(() => printed().includes('watching'), printed)
      const model = path.join(dir, 'output', 'note', 'model.json')
      expect(JSON.parse(readFileSync(model, 'utf8')).meta.title).toBe('Première version')

      writeFileSync(note, '# Seconde version\n\n- Un point.\n')
      await until(() => readFileSync(model, 'utf8').includes('Seconde version'), printed)

      writeFileSync(path.join(dir, 'input', 'autre.md'), '# Autre\n')
      await until(() => existsSync(path.join(dir, 'output', 'autre', 'model.json')), printed)
      rmSync(path.join(dir, 'input', 'autre.md'))
      await until(() => !existsSync(path.join(dir, 'output', 'autre')), printed)
      // The log line follows the removal: wait for it rather than race it.
      await until(() => /removed the outputs of input\/autre\.md/.test(printed()), printed)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 180_000)

  it('moves the outputs of a note whose slug an added or removed note shares', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-watch-ids-'))
    mkdirSync(path.join(dir, 'input', 'sub'), { recursive: true })
    writeFileSync(path.join(dir, 'input', 'sub', 'note-a.md'), '# Sous-dossier\n\n- Un point.\n')
    const { child, printed, exited } = startWatch(dir)
    const output = (id: string) => path.join(dir, 'output', id, 'model.json')
    /** The title in a model, null while it is missing or being rewritten. */
    const title = (id: string): string | null => {
      try {
        return (JSON.parse(readFileSync(output(id), 'utf8')) as { meta: { title: string } }).meta
          .title
      } catch {
        return null
      }
    }
    const hashed = `note-a-${createHash('sha1').update('input/sub/note-a.md').digest('hex').slice(0, 6)}`
    try {
      await until(() => printed().includes('watching'), printed)
      expect(title('note-a')).toBe('Sous-dossier')
      // "input/Note A.md" sorts first: it takes the slug, the other note moves to its hashed id.
      writeFileSync(path.join(dir, 'input', 'Note A.md'), '# Racine\n\n- Un point.\n')
      await until(() => existsSync(output(hashed)) && title('note-a') === 'Racine', printed)
      expect(title(hashed)).toBe('Sous-dossier')
      expect(printed()).toContain(`input/Note A.md → note-a, input/sub/note-a.md → ${hashed}`)
      // A later edit of the moved note goes to its new folder; the other note keeps the slug.
      writeFileSync(path.join(dir, 'input', 'sub', 'note-a.md'), '# Modifiée\n\n- Un point.\n')
      await until(() => title(hashed) === 'Modifiée', printed)
      expect(title('note-a')).toBe('Racine')
      // Removed again: the other note gets the slug back.
      rmSync(path.join(dir, 'input', 'Note A.md'))
      await until(() => !existsSync(output(hashed)) && existsSync(output('note-a')), printed)
      await until(() => title('note-a') === 'Modifiée', printed)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 180_000)
})

describe('fiche watch, one edit among several notes', () => {
  it("rewrites only that note's outputs and the corpus glossary files whose bytes change", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-watch-only-'))
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(
      path.join(dir, 'pipeline.config.json'),
      JSON.stringify({ termbase: [path.join(root, 'input/termbase.yaml')] }),
    )
    const notes: Record<string, string> = {
      a: "# Note a\n\n- L'intelligence artificielle et les risques systémiques.\n",
      b: "# Note b\n\n- Les lignes rouges de l'intelligence artificielle.\n",
      c: "# Note c\n\n- Le Bureau de l'IA publie un Code de bonnes pratiques.\n",
    }
    for (const [name, text] of Object.entries(notes))
      writeFileSync(path.join(dir, 'input', `${name}.md`), text)
    const { child, printed, exited } = startWatch(dir)
    const output = path.join(dir, 'output')
    const mtimes = () =>
      Object.fromEntries(
        Object.keys(treeHashes(output)).map((name) => [
          name,
          statSync(path.join(output, name)).mtimeMs,
        ]),
      )
    const corpusFiles = new Set(
      ['csv', 'tbx', 'tbx2008.tbx', 'omegat.txt', 'json', 'md'].map((ext) => `glossary.${ext}`),
    )
    try {
      await until(() => printed().includes('watching'), printed)
      const hashesBefore = treeHashes(output)
      const mtimesBefore = mtimes()
      expect(Object.keys(hashesBefore)).toContain('glossary.csv')
      // One more occurrence of a concept note b already has: the counts change, not the concepts.
      await new Promise((resolve) => setTimeout(resolve, 50))
      writeFileSync(
        path.join(dir, 'input', 'b.md'),
        `${notes.b}- Encore l'intelligence artificielle.\n`,
      )
      await until(
        () =>
          readFileSync(path.join(output, 'b', 'model.json'), 'utf8').includes('Encore') &&
          treeHashes(output)['glossary.csv'] !== hashesBefore['glossary.csv'],
        printed,
      )
      // The glossary files are written after the note's: let a slower writer finish.
      await new Promise((resolve) => setTimeout(resolve, 500))
      const hashesAfter = treeHashes(output)
      const mtimesAfter = mtimes()
      expect(Object.keys(hashesAfter)).toEqual(Object.keys(hashesBefore))
      const changed = Object.keys(hashesAfter).filter(
        (name) => hashesAfter[name] !== hashesBefore[name],
      )
      expect(changed).toContain('b/model.json')
      expect(changed).toContain('glossary.json')
      expect(changed.filter((name) => !name.startsWith('b/') && !corpusFiles.has(name))).toEqual([])
      // A file whose bytes did not change was not written again.
      const touched = Object.keys(hashesAfter).filter(
        (name) => mtimesAfter[name] !== mtimesBefore[name],
      )
      expect(touched).toEqual(changed)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 180_000)
})

describe('fiche watch and the build cache', () => {
  it('does not build or write again, at start-up, the notes built before and unchanged', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-watch-cache-'))
    mkdirSync(path.join(dir, 'input'))
    for (const name of ['a', 'b'])
      writeFileSync(path.join(dir, 'input', `${name}.md`), `# Note ${name}\n\n- Un point.\n`)
    const output = path.join(dir, 'output')
    const start = async () => {
      const { child, printed, exited } = startWatch(dir)
      try {
        await until(
          () => printed().includes('watching'),
          () => printed(),
        )
      } finally {
        child.kill('SIGINT')
      }
      expect(await exited).toBe(0)
    }
    const mtimes = () =>
      Object.fromEntries(
        Object.keys(treeHashes(output)).map((name) => [
          name,
          statSync(path.join(output, name)).mtimeMs,
        ]),
      )
    await start()
    const hashes = treeHashes(output)
    const before = mtimes()
    expect(Object.keys(before)).toContain('a/model.json')
    await new Promise((resolve) => setTimeout(resolve, 50))
    await start()
    expect(treeHashes(output)).toEqual(hashes)
    expect(mtimes()).toEqual(before)
  }, 180_000)
})

describe('fiche watch with user plugins', () => {
  it('stops a note whose plugin loops (timeLimit), names a plugin that throws, keeps building', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-watch-limit-'))
    mkdirSync(path.join(dir, 'input'))
    for (const name of ['a', 'boucle', 'panne'])
      writeFileSync(path.join(dir, 'input', `${name}.md`), `# Note ${name}\n\n- Un point.\n`)
    writeFileSync(
      path.join(dir, 'pipeline.config.mjs'),
      `function remarkLoop() {
  return (tree, file) => {
    if (String(file.value).includes('BOUCLE')) for (;;) {}
  }
}
function ficheThrow() {
  return (tree, file) => {
    if (String(file.value).includes('PANNE')) throw new Error('panne du greffon')
  }
}
export default { remarkPlugins: [remarkLoop], plugins: [ficheThrow], timeLimit: 4 }
`,
    )
    const { child, printed, exited } = startWatch(dir)
    const model = (id: string) => path.join(dir, 'output', id, 'model.json')
    try {
      await until(() => printed().includes('watching'), printed)
      const before = readFileSync(model('boucle'))
      writeFileSync(path.join(dir, 'input', 'boucle.md'), '# BOUCLE\n\n- Un point.\n')
      await until(
        () =>
          printed().includes(
            'error: input/boucle.md: plugin remarkLoop did not finish within 4 s (timeLimit)',
          ),
        printed,
      )
      expect(readFileSync(model('boucle')).equals(before)).toBe(true)
      writeFileSync(path.join(dir, 'input', 'panne.md'), '# PANNE\n\n- Un point.\n')
      await until(
        () =>
          printed().includes('error: input/panne.md: plugin ficheThrow failed: panne du greffon'),
        printed,
      )
      expect(readFileSync(model('panne'), 'utf8')).toContain('Note panne')
      writeFileSync(path.join(dir, 'input', 'a.md'), '# Seconde version\n\n- Un point.\n')
      await until(() => readFileSync(model('a'), 'utf8').includes('Seconde version'), printed)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 180_000)
})
