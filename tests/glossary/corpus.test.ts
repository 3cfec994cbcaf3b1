/** The corpus glossary of fiche watch, updated note by note, against the one of a build. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCorpusGlossary } from '../../src/glossary/corpus.ts'
import { loadTermbase } from '../../src/glossary/load.ts'
import { corpusGlossaryFiles } from '../../src/glossary/outputs.ts'
import { noteGlossaryOf } from '../../src/glossary/rows.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { modelOf, root } from '../helpers.ts'

const termbase = loadTermbase([path.join(root, 'input/termbase.yaml')])

const texts = {
  a: "# A\n\nL'intelligence artificielle et les risques systémiques.\n",
  b: "# B\n\nLes lignes rouges de l'IA, puis l'intelligence artificielle.\n",
  b2: '# B\n\nLes risques systémiques, les lignes rouges.\n',
  c: "# C\n\nLe Bureau de l'IA et le Code de bonnes pratiques ; l'IA encore.\n",
  d: '# D\n\nRien du glossaire ici.\n',
}

describe('corpus glossary, note by note', () => {
  it('gives the files of a build of the same notes after each addition, change and removal', async () => {
    const model = async (name: keyof typeof texts, file: string) =>
      modelOf(texts[name], `${file}.md`)
    const corpus = createCorpusGlossary(termbase)
    const notes = new Map<string, DocumentModel>()
    const expectSame = () => {
      const sorted = [...notes].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, m]) => m)
      expect(corpus.files()).toEqual(
        sorted.length === 0 ? null : corpusGlossaryFiles(sorted, termbase),
      )
    }
    const set = async (key: string, name: keyof typeof texts, file = key) => {
      const built = await model(name, file)
      notes.set(key, built)
      corpus.set(key, noteGlossaryOf(built, termbase))
      expectSame()
    }
    const remove = (key: string) => {
      notes.delete(key)
      corpus.delete(key)
      expectSame()
    }
    expectSame()
    await set('/p/input/m.md', 'b')
    await set('/p/input/Z.md', 'a')
    await set('/p/input/a.md', 'c')
    await set('/p/input/q.md', 'd')
    // A change that drops a concept and brings another.
    await set('/p/input/m.md', 'b2')
    remove('/p/input/Z.md')
    await set('/p/input/Z.md', 'b')
    // The same path under another id (its slug taken by another note).
    await set('/p/input/a.md', 'a', 'a-123456')
    remove('/p/input/a.md')
    remove('/p/input/m.md')
    remove('/p/input/q.md')
    remove('/p/input/Z.md')
    remove('/p/input/nothing.md')
  })
})
