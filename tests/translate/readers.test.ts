/**
 * Real readers of our files: Python's translate-toolkit (what Weblate uses)
 * reads our XLIFF 1.2 and TMX back with the same units and states, pofilter
 * checks them, and OmegaT in console mode applies our TMX to our XLIFF.
 * Each test is skipped, saying so, only when its tool is not installed.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitTmx } from '../../src/translate/tmx-write.ts'
import { memoryEntries } from '../../src/translate/memory.ts'
import { readTranslationFile } from '../../src/translate/read.ts'
import { modelOf, root } from '../helpers.ts'
import { memoryOf, noteModel, noteText, sync, translateAll } from './helpers.ts'

/** A Python that has translate-toolkit (Debian's, whatever python3 comes first on the PATH). */
const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import translate.storage.factory'], { stdio: 'ignore' }).status === 0,
)
const pofilter = spawnSync('pofilter', ['--version'], { stdio: 'ignore' }).status === 0
const omegat = '/usr/share/omegat/OmegaT.jar'
const java = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 && existsSync(omegat)

const skipped = (tool: string, present: unknown) =>
  present ? '' : ` (skipped: ${tool} is not installed)`

function temp(): string {
  return mkdtempSync(path.join(tmpdir(), 'fiche-readers-'))
}

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }

/** A file with a translated unit, a stale one, a memory draft and new ones. */
async function mixedFile(): Promise<string> {
  const translated = translateAll((await sync(await noteModel(), null)).text)
  const emptied = translated
    .replace(
      /(<source>Premier paragraphe des recommandations\.<\/source>)\s*<target[^>]*>.*?<\/target>/s,
      '$1',
    )
    .replace(
      /(<source>Une citation\..*?<\/source>(?:\s*<seg-source>.*?<\/seg-source>)?)\s*<target[^>]*>.*?<\/target>/s,
      '$1',
    )
  const edited = noteText.replace(
    'Deuxième point, voir p. 12 du rapport.',
    'Deuxième point, voir p. 14 du rapport.',
  )
  const memory = memoryOf([
    ['Premier paragraphe des recommandations.', 'First paragraph of the recommendations.'],
  ])
  return (await sync(await noteModel(edited), emptied, { memory })).text
}

describe(`translate-toolkit${skipped('translate-toolkit', python)}`, () => {
  it.skipIf(!python)('reads our XLIFF 1.2 with the same units, ids and states', async () => {
    const text = await mixedFile()
    const dir = temp()
    const file = path.join(dir, 'note.en.xlf')
    writeFileSync(file, text)
    const script = `
import json, sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
def name(u):
    n = u.get_state_n()
    return {u.S_UNTRANSLATED: "untranslated", u.S_NEEDS_REVIEW: "needs-review", u.S_TRANSLATED: "translated"}.get(n, str(n))
print(json.dumps([{"id": u.getid().split("\\x04")[-1], "source": u.source, "target": u.target,
  "state": name(u), "notes": u.getnotes()} for u in store.units]))
`
    const units = JSON.parse(
      execFileSync(python!, ['-c', script, file], { encoding: 'utf8' }),
    ) as Array<{
      id: string
      source: string
      target: string | null
      state: string
      notes: string
    }>
    const ours = readTranslationFile(text, 'note.en.xlf', expected).units
    expect(units.map((u) => u.id)).toEqual(ours.map((u) => u.id))
    const byId = new Map(units.map((u) => [u.id, u]))
    for (const unit of ours) {
      const theirs = byId.get(unit.id)!
      const state = {
        translated: 'translated',
        new: 'untranslated',
        stale: 'needs-review',
        draft: 'needs-review',
        review: 'needs-review',
      }[unit.status]
      expect([unit.id, theirs.state]).toEqual([unit.id, state])
    }
    const stale = ours.find((u) => u.status === 'stale')!
    expect(byId.get(stale.id)!.source).toBe('Deuxième point, voir p. 14 du rapport.')
    expect(byId.get(stale.id)!.notes).toContain('French changed')
    const draft = ours.find((u) => u.status === 'draft')!
    expect(byId.get(draft.id)!.target).toBe('First paragraph of the recommendations.')
  })

  it.skipIf(!python)(
    'saves a file (as Weblate does) that fiche then keeps byte for byte',
    async () => {
      const dir = temp()
      const file = path.join(dir, 'note.en.xlf')
      writeFileSync(file, (await sync(await noteModel(), null)).text)
      const script = `
import sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
for unit in store.units:
    if unit.source.startswith("Premier paragraphe") or unit.source.startswith("Deuxième point"):
        unit.settarget("EN " + unit.source)
        unit.markfuzzy(False)
        unit.addnote("checked by anna", origin="translator")
store.save()
`
      execFileSync(python!, ['-c', script, file])
      const saved = readFileSync(file, 'utf8')
      expect(saved).toContain('approved="yes"')
      const same = await sync(await noteModel(), saved)
      expect(same.text).toBe(saved)
      expect(same.stats.translated).toBe(2)
      const edited = noteText.replace(
        'Deuxième point, voir p. 12 du rapport.',
        'Deuxième point, voir p. 14 du rapport.',
      )
      const stale = await sync(await noteModel(edited), saved)
      const unit = readTranslationFile(stale.text, 'note.en.xlf', expected).units.find(
        (u) => u.status === 'stale',
      )!
      const xml = stale.text.slice(unit.element.start, unit.element.end)
      expect(xml).not.toContain('approved="yes"')
      expect(xml).toContain('<note from="translator">checked by anna</note>')
      expect(xml).toContain('state="needs-review-translation"')
    },
  )

  it.skipIf(!python)('reads our TMX with the same pairs', async () => {
    const translated = translateAll((await sync(await noteModel(), null)).text)
    const entries = memoryEntries(
      readTranslationFile(translated, 'note.en.xlf', expected),
      'note.en.xlf',
    )
    const dir = temp()
    const file = path.join(dir, 'memory.tmx')
    writeFileSync(file, emitTmx(entries, { sourceLanguage: 'fr', targetLanguage: 'en' }))
    const script = `
import json, sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
print(json.dumps([[u.source, u.target] for u in store.units]))
`
    const pairs = JSON.parse(
      execFileSync(python!, ['-c', script, file], { encoding: 'utf8' }),
    ) as string[][]
    expect(pairs).toHaveLength(entries.length)
    expect(pairs).toContainEqual([
      'Premier paragraphe des recommandations.',
      'EN Premier paragraphe des recommandations.',
    ])
  })
})

describe(`pofilter${skipped('pofilter (translate-toolkit)', pofilter)}`, () => {
  it.skipIf(!pofilter)('checks our XLIFF 1.2 and TMX without failing', async () => {
    const dir = temp()
    const xlf = path.join(dir, 'note.en.xlf')
    writeFileSync(xlf, await mixedFile())
    const run = spawnSync(
      'pofilter',
      ['--progress=none', '-t', 'untranslated', '-t', 'printf', xlf, path.join(dir, 'out.xlf')],
      {
        encoding: 'utf8',
      },
    )
    expect(run.stderr).not.toMatch(/Error|Traceback/)
    expect(run.status).toBe(0)
    // The new units are what pofilter's "untranslated" test reports.
    expect(readFileSync(path.join(dir, 'out.xlf'), 'utf8')).toContain('Une citation.')
  })
})

describe(`OmegaT console mode${skipped('OmegaT (or Java)', java)}`, () => {
  it.skipIf(!java)('applies our TMX to our XLIFF 1.2', async () => {
    const name = 'lignes-rouges-onu-2025-09-23.txt'
    const model = await modelOf(readFileSync(path.join(root, 'input', name)), name)
    const options = { original: `input/${name}` }
    const translated = translateAll((await sync(model, null, options)).text)
    const memory = emitTmx(
      memoryEntries(readTranslationFile(translated, 'x.xlf', { ...expected, ...options }), 'x.xlf'),
      { sourceLanguage: 'fr', targetLanguage: 'en' },
    )
    const project = temp()
    for (const folder of ['source', 'target', 'tm/auto', 'omegat', 'glossary', 'dictionary']) {
      mkdirSync(path.join(project, folder), { recursive: true })
    }
    writeFileSync(
      path.join(project, 'omegat.project'),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>source</source_dir>
    <target_dir>target</target_dir>
    <tm_dir>tm</tm_dir>
    <glossary_dir>glossary</glossary_dir>
    <glossary_file>glossary/glossary.txt</glossary_file>
    <dictionary_dir>dictionary</dictionary_dir>
    <source_lang>fr</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`,
    )
    // tm/auto: OmegaT inserts the exact matches of these memories.
    writeFileSync(path.join(project, 'tm/auto/memory.en.tmx'), memory)
    // OmegaT's XLIFF filter translates <target>: like other tools, pre-fill it with the source.
    const fresh = (await sync(model, null, options)).text
    writeFileSync(
      path.join(project, 'source/note.xlf'),
      fresh.replace(
        /<source>(.*?)<\/source>((?:\s*<seg-source>.*?<\/seg-source>)?)/gs,
        '<source>$1</source>$2<target>$1</target>',
      ),
    )
    const run = spawnSync(
      'java',
      [
        '-jar',
        omegat,
        project,
        '--mode=console-translate',
        `--config-dir=${path.join(project, '.config')}`,
        '--disable-project-locking',
        '--quiet',
      ],
      { encoding: 'utf8', timeout: 120_000 },
    )
    expect(run.status).toBe(0)
    const output = readFileSync(path.join(project, 'target/note.xlf'), 'utf8')
    const targets = [...output.matchAll(/<target>(.*?)<\/target>/gs)].map((m) => m[1]!)
    expect(targets).toHaveLength(
      readTranslationFile(fresh, 'x.xlf', { ...expected, ...options }).units.length,
    )
    expect(targets.length).toBeGreaterThan(5)
    expect(targets.every((t) => t.startsWith('EN '))).toBe(true)
  })
})
