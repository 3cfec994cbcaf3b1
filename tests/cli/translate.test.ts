import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fiche } from './fiche.ts'

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-translate-'))
  mkdirSync(path.join(dir, 'input'))
  writeFileSync(
    path.join(dir, 'input', 'a.md'),
    '# Titre A\n\nPremier paragraphe. Deuxième phrase.\n\n- Un point.\n',
  )
  writeFileSync(path.join(dir, 'input', 'b.md'), '# Titre B\n\nUn autre texte.\n')
  return dir
}

const xlf = (dir: string, id: string, lang = 'en') =>
  path.join(dir, 'input', 'translations', `${id}.${lang}.xlf`)

describe('fiche translate', () => {
  it('creates the files, prints the counts, and --check passes until the note changes', async () => {
    const dir = project()
    const first = await fiche(dir, 'translate')
    expect(first.code).toBe(0)
    expect(first.stdout).toContain(
      'input/a.md → input/translations/a.en.xlf (XLIFF 1.2, written): 3 units, 0 translated, 3 new, 0 stale, 0 obsolete, 0 filled from memory; 8 words to translate',
    )
    expect(readFileSync(xlf(dir, 'a'), 'utf8')).toContain(
      '<file original="input/a.md" source-language="fr" target-language="en"',
    )
    expect(existsSync(path.join(dir, 'output', 'memory.en.tmx'))).toBe(true)
    expect((await fiche(dir, 'translate', '--check')).code).toBe(0)
    writeFileSync(
      path.join(dir, 'input', 'a.md'),
      '# Titre A\n\nPremier paragraphe. Deuxième phrase.\n\n- Un point.\n- Un autre point.\n',
    )
    const before = readFileSync(xlf(dir, 'a'), 'utf8')
    const check = await fiche(dir, 'translate', '--check')
    expect(check.code).toBe(1)
    expect(check.stdout).toMatch(/input\/a\.md → .*would change\): 4 units, 0 translated, 4 new/)
    expect(check.stderr).toContain('1 translation file(s) out of date')
    expect(readFileSync(xlf(dir, 'a'), 'utf8')).toBe(before)
  })

  it('names a broken file with its line and column, leaves it as it is, and still writes the others', async () => {
    const dir = project()
    mkdirSync(path.join(dir, 'input', 'translations'))
    writeFileSync(
      xlf(dir, 'a'),
      '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n  <file>\n</xliff>\n',
    )
    const result = await fiche(dir, 'translate')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /error: input\/translations\/a\.en\.xlf:4:\d+: .*\(the file is left as it is\)/,
    )
    expect(readFileSync(xlf(dir, 'a'), 'utf8')).toContain('<file>\n</xliff>')
    expect(existsSync(xlf(dir, 'b'))).toBe(true)
  })

  it('fills empty targets from --tm, writes XLIFF 2.0 on request and keeps a file in its version', async () => {
    const dir = project()
    writeFileSync(
      path.join(dir, 'memory.tmx'),
      `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="fr-FR" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="fr-FR"><seg>Un autre texte.</seg></tuv><tuv xml:lang="en-GB"><seg>Another text.</seg></tuv></tu>
  </body>
</tmx>
`,
    )
    const result = await fiche(
      dir,
      'translate',
      'input/b.md',
      '--tm',
      'memory.tmx',
      '--format',
      'xliff2',
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      '(XLIFF 2.0, written): 2 units, 0 translated, 1 new, 0 stale, 0 obsolete, 1 filled from memory',
    )
    const text = readFileSync(xlf(dir, 'b'), 'utf8')
    expect(text).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">',
    )
    expect(text).toContain('subState="fiche:tm"')
    const again = await fiche(dir, 'translate', 'input/b.md')
    expect(again.stdout).toContain('(XLIFF 2.0, unchanged)')
    expect((await fiche(dir, 'translate', '--format', 'po')).code).toBe(2)
  })

  it('takes its languages from the configuration', async () => {
    const dir = project()
    writeFileSync(
      path.join(dir, 'pipeline.config.ts'),
      "export default { translation: { languages: ['en', 'de'] } }\n",
    )
    const result = await fiche(dir, 'translate', 'input/b.md')
    expect(result.code).toBe(0)
    expect(readFileSync(xlf(dir, 'b', 'de'), 'utf8')).toContain('target-language="de"')
    expect(existsSync(xlf(dir, 'b', 'en'))).toBe(true)
    writeFileSync(
      path.join(dir, 'pipeline.config.ts'),
      'export default { translation: { fuzzyThreshold: 2 } }\n',
    )
    const bad = await fiche(dir, 'translate')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('translation.fuzzyThreshold')
  })
})
