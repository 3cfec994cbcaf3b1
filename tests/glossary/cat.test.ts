/**
 * The glossary formats of the translators' tools: TBX 2008 (`<martif>`, what
 * translate-toolkit and most CAT tools read) and the OmegaT glossary.
 * translate-toolkit and OmegaT read them back; each of those tests is
 * skipped, saying so, only when its tool is not installed.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportOmegatGlossary, exportTbx2008 } from '../../src/glossary/cat.ts'
import { loadTermbase } from '../../src/glossary/load.ts'
import { importTbx } from '../../src/glossary/tbx.ts'
import { termsOf } from '../../src/glossary/termbase.ts'
import { root } from '../helpers.ts'

const seed = loadTermbase([path.join(root, 'input/termbase.yaml')])
const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import translate.storage.tbx'], { stdio: 'ignore' }).status === 0,
)
const omegat = '/usr/share/omegat/OmegaT.jar'
const java = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0 && existsSync(omegat)
const skipped = (tool: string, present: unknown) =>
  present ? '' : ` (skipped: ${tool} is not installed)`
const temp = () => mkdtempSync(path.join(tmpdir(), 'fiche-cat-'))

const tbx = exportTbx2008(seed)

describe('TBX 2008', () => {
  it('is a TBX-Basic martif with one termEntry per concept and a tig per term', () => {
    expect(tbx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<martif type="TBX-Basic" /)
    expect(tbx).not.toContain('<!DOCTYPE')
    expect(tbx.match(/<termEntry /g)).toHaveLength(seed.concepts.length)
    const terms = seed.concepts.flatMap((c) => [...termsOf(c, 'fr'), ...termsOf(c, 'en')])
    expect(tbx.match(/<tig>/g)).toHaveLength(terms.length)
    expect(tbx).toContain(
      '<term>lignes rouges</term>'.replace(
        'lignes rouges',
        seed.concepts.find((c) => c.id === 'red-line')!.fr.term,
      ),
    )
  })

  it('reads back to the same termbase', () => {
    expect(importTbx(tbx, 'termbase.tbx')).toEqual(seed)
  })

  it('refuses a DOCTYPE (no entity is ever expanded)', () => {
    const hostile = tbx.replace(
      '<martif ',
      '<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<martif ',
    )
    expect(() => importTbx(hostile, 'evil.tbx')).toThrow(/^evil\.tbx:2:1: Unexpected <!DOCTYPE>/)
  })

  it.skipIf(!python)(
    `translate-toolkit reads the same French and English terms${skipped('translate-toolkit', python)}`,
    () => {
      const file = path.join(temp(), 'glossary.tbx')
      writeFileSync(file, tbx)
      const script = `
import json, sys
from translate.storage import tbx
store = tbx.tbxfile.parsefile(sys.argv[1])
print(json.dumps([[u.source, u.target] for u in store.units if u.source]))
`
      const run = spawnSync(python!, ['-c', script, file], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      const pairs = JSON.parse(run.stdout) as Array<[string, string]>
      expect(pairs).toEqual(seed.concepts.map((c) => [c.fr.term, c.en.term]))
    },
  )
})

describe('OmegaT glossary', () => {
  const text = exportOmegatGlossary(seed)
  const lines = text.trimEnd().split('\n')

  it('has one tab-separated line per French form with the approved English term', () => {
    for (const line of lines) expect(line.split('\t')).toHaveLength(3)
    const aiAct = lines.filter((l) => l.split('\t')[1] === 'AI Act').map((l) => l.split('\t')[0])
    expect(aiAct).toContain('RIA')
    expect(aiAct).toContain("règlement sur l'intelligence artificielle")
    const forbidden = lines.find(
      (l) => l.startsWith('loi sur l’IA\t') || l.startsWith("loi sur l'IA\t"),
    )
    expect(forbidden?.split('\t')[2]).toMatch(/^forbidden French form: write « /)
  })

  it('leaves out forbidden concepts and writes nothing for an empty termbase', () => {
    const forbidden = seed.concepts.filter((c) => c.status === 'forbidden')
    for (const concept of forbidden) expect(text).not.toContain(`\t${concept.en.term}\t`)
    expect(exportOmegatGlossary({ ...seed, concepts: [] })).toBe('')
  })

  it.skipIf(!java)(
    `OmegaT console mode loads it and the TBX 2008 without errors${skipped('OmegaT (or Java)', java)}`,
    () => {
      const project = temp()
      for (const folder of ['source', 'target', 'tm', 'omegat', 'glossary', 'dictionary'])
        mkdirSync(path.join(project, folder), { recursive: true })
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
      writeFileSync(path.join(project, 'glossary/glossary.txt'), text)
      writeFileSync(path.join(project, 'glossary/termbase.tbx'), tbx)
      writeFileSync(path.join(project, 'source/note.txt'), 'Les lignes rouges du RIA.\n')
      const config = path.join(project, '.config')
      const run = spawnSync(
        'java',
        [
          '-jar',
          omegat,
          project,
          '--mode=console-translate',
          `--config-dir=${config}`,
          '--disable-project-locking',
        ],
        { encoding: 'utf8', timeout: 120_000 },
      )
      expect(run.status).toBe(0)
      const output = `${run.stdout}\n${run.stderr}`
      expect(output).not.toMatch(/exception|error|cannot|failed/i)
      expect(readFileSync(path.join(project, 'target/note.txt'), 'utf8')).toContain('RIA')
    },
  )
})
