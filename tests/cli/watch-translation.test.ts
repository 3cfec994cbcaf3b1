/**
 * `fiche watch` and the translation files: saving a translation file rebuilds
 * that note's handout and nothing else; saving the note marks the changed
 * unit in the handout ("[French changed]").
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { part } from '../emit/docx/helpers.ts'
import { tempProject, treeHashes } from '../helpers.ts'
import { translateAll } from '../translate/helpers.ts'
import { fiche, startWatch, until } from './fiche.ts'

/** Gives the units whose source is in `english` their English, as a translator's tool does. */
const fill = (xml: string, english: Record<string, string>) =>
  translateAll(xml, (source) => english[source] ?? null)

/** The text of a handout's body, '' while it is missing or being written. */
async function handoutText(file: string): Promise<string> {
  try {
    const xml = await part(readFileSync(file), 'word/document.xml')
    return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('')
  } catch {
    return ''
  }
}

describe('fiche watch with translation files', () => {
  it('rebuilds only the handout of a saved translation file, and marks a changed French unit', async () => {
    const dir = tempProject({
      'input/a.md': '# Titre A\n\nLe premier paragraphe.\n\nLe second paragraphe.\n',
      'input/b.md': '# Titre B\n\nUn autre texte.\n',
    })
    expect((await fiche(dir, 'translate', '-q')).code).toBe(0)
    const xlfA = path.join(dir, 'input', 'translations', 'a.en.xlf')
    const xlfB = path.join(dir, 'input', 'translations', 'b.en.xlf')
    const english = {
      'Titre A': 'Title A',
      'Le premier paragraphe.': 'The first paragraph.',
      'Le second paragraphe.': 'The second paragraph.',
    }
    writeFileSync(xlfA, fill(readFileSync(xlfA, 'utf8'), english))
    writeFileSync(
      xlfB,
      fill(readFileSync(xlfB, 'utf8'), {
        'Titre B': 'Title B',
        'Un autre texte.': 'Another text.',
      }),
    )

    const { child, printed, exited } = startWatch(dir)
    const handoutA = path.join(dir, 'output', 'a', 'handout.en.docx')
    const output = path.join(dir, 'output')
    try {
      await until(() => printed().includes('watching'), printed)
      expect(await handoutText(handoutA)).toContain('The second paragraph.')
      const before = treeHashes(output)

      // The translator revises one target: only a's handout (and its English Markdown) change.
      writeFileSync(
        xlfA,
        readFileSync(xlfA, 'utf8').replace(
          'The second paragraph.',
          'The second, revised paragraph.',
        ),
      )
      await until(
        async () => (await handoutText(handoutA)).includes('The second, revised paragraph.'),
        printed,
      )
      // "built" is printed once the note's outputs are written: its second time is this rebuild.
      const builds = () => printed().split('built input/a.md').length - 1
      await until(() => builds() === 2, printed)
      const after = treeHashes(output)
      const changed = Object.keys(after).filter((file) => after[file] !== before[file])
      expect(changed.sort()).toEqual(['a/handout.en.docx', 'a/note.en.md'])

      // The French of one unit changes: the handout shows it, marked, with the new French.
      writeFileSync(
        path.join(dir, 'input', 'a.md'),
        '# Titre A\n\nLe premier paragraphe.\n\nLe second paragraphe, modifié.\n',
      )
      await until(async () => (await handoutText(handoutA)).includes('[French changed]'), printed)
      const handout = await handoutText(handoutA)
      expect(handout).toContain('The first paragraph.')
      expect(handout).toContain('Le second paragraphe, modifié.')
      expect(handout).not.toContain('The second, revised paragraph.')
      // The translation file itself is the translator's: watch does not rewrite it.
      expect(readFileSync(xlfA, 'utf8')).toContain('The second, revised paragraph.')
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 180_000)
})
