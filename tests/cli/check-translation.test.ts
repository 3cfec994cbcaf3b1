import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { validateSarif } from '../report/validate-sarif.ts'
import { fiche } from './fiche.ts'

const note = [
  '# Titre',
  '',
  'Le marché atteint 15 000 emplois en 2026.',
  '',
  'Un deuxième paragraphe sans chiffre.',
  '',
  'Un troisième paragraphe.',
  '',
].join('\n')

const english: Record<string, string> = {
  Titre: 'Title',
  // A wrong number: 16,000 for 15 000.
  'Le marché atteint 15 000 emplois en 2026.': 'The market reaches 16,000 jobs in 2026.',
  'Un deuxième paragraphe sans chiffre.': 'A second paragraph without figures.',
}

/** Fills the targets of the units whose source is in `english`, as a translator's tool does. */
function fill(xml: string): string {
  return xml.replace(
    /<source>(.*?)<\/source>((?:\s*<seg-source>.*?<\/seg-source>)?)/gs,
    (all, source: string, seg: string) =>
      english[source]
        ? `<source>${source}</source>${seg}<target state="translated">${english[source]}</target>`
        : all,
  )
}

/** The 1-based line of the first occurrence of `text` in `file`. */
const lineOf = (file: string, text: string) =>
  readFileSync(file, 'utf8').slice(0, readFileSync(file, 'utf8').indexOf(text)).split('\n').length

describe('fiche check: translation files', () => {
  let dir = ''
  let xlf = ''
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fiche-check-tr-'))
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(path.join(dir, 'input', 'a.md'), note)
    expect((await fiche(dir, 'translate', '--quiet')).code).toBe(0)
    xlf = path.join(dir, 'input', 'translations', 'a.en.xlf')
    writeFileSync(xlf, fill(readFileSync(xlf, 'utf8')))
  })

  it('reports the translation file as its own entry, at the unit’s line, with its coverage', async () => {
    const result = await fiche(dir, 'check', '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      files: Array<{
        path: string
        coverage?: Record<string, number | string>
        messages: Array<{ ruleId: string; line: number; message: string }>
      }>
    }
    expect(report.files.map((f) => f.path)).toEqual(['input/a.md', 'input/translations/a.en.xlf'])
    const translation = report.files[1]!
    expect(translation.coverage).toEqual({
      language: 'en',
      units: 4,
      translated: 3,
      review: 0,
      stale: 0,
      missing: 1,
      words: 17,
      wordsToTranslate: 3,
    })
    const byRule = (id: string) => translation.messages.filter((m) => m.ruleId === id)
    expect(byRule('translation-number-mismatch').map((m) => m.line)).toEqual([
      lineOf(xlf, '15 000 emplois') - 1,
      lineOf(xlf, '15 000 emplois') - 1,
    ])
    expect(byRule('translation-number-mismatch')[0]!.message).toContain('“15000”')
    expect(byRule('translation-missing').map((m) => m.line)).toEqual([
      lineOf(xlf, 'Un troisième paragraphe.') - 1,
    ])
  })

  it('prints one coverage line per translation file, and SARIF run properties', async () => {
    const pretty = await fiche(dir, 'check')
    expect(pretty.stdout).toContain(
      'input/translations/a.en.xlf: en: 3/4 units translated (75 %), 0 under review, 0 stale, 1 missing; 3 words to translate',
    )
    expect(pretty.stdout).toMatch(/input\/translations\/a\.en\.xlf\n\s*\d+:\d+-\d+:\d+\s+error/)
    const sarif = JSON.parse((await fiche(dir, 'check', '--format', 'sarif')).stdout) as {
      runs: Array<{
        properties?: { translationCoverage: Array<{ path: string; missing: number }> }
      }>
    }
    expect(validateSarif(sarif)).toEqual([])
    expect(sarif.runs[0]!.properties!.translationCoverage).toEqual([
      expect.objectContaining({ path: 'input/translations/a.en.xlf', missing: 1, translated: 3 }),
    ])
  })

  it('marks the units whose French changed as stale, pointing at the note', async () => {
    const edited = path.join(mkdtempSync(path.join(tmpdir(), 'fiche-check-tr-')), 'p')
    mkdirSync(path.join(edited, 'input', 'translations'), { recursive: true })
    writeFileSync(
      path.join(edited, 'input', 'a.md'),
      note.replace('sans chiffre.', 'sans aucun chiffre.'),
    )
    writeFileSync(path.join(edited, 'input', 'translations', 'a.en.xlf'), readFileSync(xlf))
    const report = JSON.parse((await fiche(edited, 'check', '--format', 'json')).stdout) as {
      files: Array<{ coverage?: { stale: number }; messages: Array<{ ruleId: string }> }>
    }
    expect(report.files[1]!.coverage!.stale).toBe(1)
    expect(report.files[1]!.messages.map((m) => m.ruleId)).toContain('translation-stale')
  })

  it('reports a malformed translation file at its line:column and still checks the note', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'fiche-check-tr-'))
    mkdirSync(path.join(broken, 'input', 'translations'), { recursive: true })
    writeFileSync(path.join(broken, 'input', 'a.md'), note)
    writeFileSync(
      path.join(broken, 'input', 'translations', 'a.en.xlf'),
      '<?xml version="1.0"?>\n<xliff version="1.2">\n  <file>\n</xliff>\n',
    )
    const result = await fiche(broken, 'check', '--format', 'json')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as {
      files: Array<{
        path: string
        messages: Array<{ ruleId: string; line: number; message: string }>
      }>
    }
    expect(report.files.map((f) => f.path)).toEqual(['input/a.md', 'input/translations/a.en.xlf'])
    const [fatal] = report.files[1]!.messages
    expect(fatal!.ruleId).toBe('fatal')
    expect(fatal!.line).toBe(4)
    expect(fatal!.message).toMatch(
      /^input\/translations\/a\.en\.xlf: cannot read the translation file/,
    )
  })

  it('reports a missing approved term and a dropped link, with their rule ids', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'fiche-check-tr-'))
    mkdirSync(path.join(project, 'input'))
    writeFileSync(
      path.join(project, 'input', 'termbase.yaml'),
      [
        'version: 1',
        'concepts:',
        '  - id: red-lines',
        '    fr: { term: lignes rouges }',
        '    en: { term: red lines }',
        "    origin: { kind: usage, reference: 'Global Call for AI Red Lines' }",
        '',
      ].join('\n'),
    )
    writeFileSync(
      path.join(project, 'input', 'b.md'),
      '# Titre\n\nLes lignes rouges sont publiées par [le CeSIA](https://cesia.org).\n',
    )
    expect((await fiche(project, 'translate', '--quiet')).code).toBe(0)
    const file = path.join(project, 'input', 'translations', 'b.en.xlf')
    const xml = readFileSync(file, 'utf8').replace(
      /(<source>Les lignes rouges[^]*?<\/source>)/,
      '$1<target state="translated">The limits are published by CeSIA.</target>',
    )
    writeFileSync(file, xml)
    const result = await fiche(project, 'check', '--format', 'json')
    const report = JSON.parse(result.stdout) as {
      files: Array<{ path: string; messages: Array<{ ruleId: string; message: string }> }>
    }
    const rules = report.files[1]!.messages.map((m) => m.ruleId)
    expect(rules).toContain('translation-term-mismatch')
    expect(rules).toContain('translation-codes-mismatch')
    expect(result.code).toBe(1)
  })
})
