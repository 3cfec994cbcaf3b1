import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fiche } from './fiche.ts'
import { part } from '../emit/docx/helpers.ts'
import { translateAll } from '../translate/helpers.ts'

const english: Record<string, string> = {
  'Titre A': 'Title A',
  'Premier paragraphe. Deuxième phrase.': 'First paragraph. Second sentence.',
}

describe('fiche build: the English handout', () => {
  it('writes handout.en.docx in English, marks and counts the untranslated units, fails with --strict', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-handout-'))
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(
      path.join(dir, 'input', 'a.md'),
      '# Titre A\n\nPremier paragraphe. Deuxième phrase.\n\n- Un point.\n',
    )
    writeFileSync(path.join(dir, 'input', 'b.md'), '# Titre B\n\nUn autre texte.\n')
    expect((await fiche(dir, 'translate')).code).toBe(0)
    const xlf = path.join(dir, 'input', 'translations', 'a.en.xlf')
    writeFileSync(
      xlf,
      translateAll(readFileSync(xlf, 'utf8'), (source) => english[source] ?? null),
    )
    // b has no translation file: no handout.
    rmSync(path.join(dir, 'input', 'translations', 'b.en.xlf'))

    const build = await fiche(dir, 'build', '--quiet')
    expect(build.code).toBe(0)
    expect(build.stderr).toContain('a/handout.en.docx: 1 untranslated unit(s)')
    const handout = path.join(dir, 'output', 'a', 'handout.en.docx')
    expect(existsSync(handout)).toBe(true)
    expect(existsSync(path.join(dir, 'output', 'b', 'handout.en.docx'))).toBe(false)
    const markdown = readFileSync(path.join(dir, 'output', 'a', 'note.en.md'), 'utf8')
    expect(markdown).toBe(
      '---\nlang: en\n---\n\n# Title A\n\nFirst paragraph. Second sentence.\n\n- \\[not translated] Un point.\n',
    )
    expect(existsSync(path.join(dir, 'output', 'b', 'note.en.md'))).toBe(false)
    expect(existsSync(path.join(dir, 'output', 'a', 'brief.fr.docx'))).toBe(true)

    const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', handout], {
      encoding: 'utf8',
    })
    expect(text).toContain('Title A')
    expect(text).toContain('First paragraph. Second sentence.')
    expect(text).toContain('[not translated] Un point.')
    expect(text).toContain('Key figures')
    expect(text).not.toContain('Chiffres clés')
    const bytes = readFileSync(handout)
    expect(await part(bytes, 'word/styles.xml')).toContain('<w:lang w:val="en-GB"')
    expect(await part(bytes, 'word/document.xml')).toMatch(
      /<w:highlight w:val="yellow"\/>.*?<w:t[^>]*>\[not translated\]<\/w:t>/,
    )
    expect(await part(bytes, 'docProps/core.xml')).toContain('<dc:language>en-GB</dc:language>')

    expect((await fiche(dir, 'build', '--quiet')).code).toBe(0)
    expect(readFileSync(handout)).toEqual(bytes)
    const strict = await fiche(dir, 'build', '--quiet', '--strict')
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('1 handout(s) with untranslated units (--strict)')
  })
})
