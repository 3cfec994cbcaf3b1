import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'
import { modelOf, root } from '../helpers.ts'
import { loadSources, MAX_BIBTEX_ENTRY } from '../../src/sources/registry.ts'

const HOSTILE = path.join(root, 'tests/fixtures/hostile')
const dir = mkdtempSync(path.join(tmpdir(), 'fiche-hostile-sources-'))
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text)
  return name
}
const fixture = (name: string, as = name) => {
  copyFileSync(path.join(HOSTILE, name), path.join(dir, as))
  return as
}
const refusal = (file: string): string => {
  try {
    loadSources([file], dir)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected ${file} to be refused`)
}

describe('hostile sources files', () => {
  it.each([
    [
      'malformed.json',
      /^malformed\.json: 3:25: Unexpected JSON \(ValueExpected\), expected valid JSON$/,
    ],
    ['malformed.bib', /^malformed\.bib: BibTeX: Unterminated brace-value .* at line 6, column 1/],
    ['malformed.csv', /^malformed\.csv: 2: Invalid Closing Quote/],
    [
      'alias-bomb.yaml',
      /^alias-bomb\.yaml: 1:1: Unexpected aliases expanding to more than 100 nodes/,
    ],
    ['custom-tags.yaml', /^custom-tags\.yaml: 5:13: Unresolved tag: .*, expected plain YAML/],
  ])('refuses %s with its line and column', (name, expected) => {
    expect(refusal(fixture(name))).toMatch(expected)
  })

  it('refuses data nested deeper than the emitters can write', () => {
    const deep = write(
      'deep.json',
      `[{"id": "k", "note": ${'['.repeat(100_000)}${']'.repeat(100_000)}}]`,
    )
    expect(refusal(deep)).toMatch(/^deep\.json: Unexpected nesting deeper than 64 levels$/)
    const yaml = write('deep.yaml', `- key: k\n  authors: ${'['.repeat(500)}x${']'.repeat(500)}\n`)
    expect(refusal(yaml)).toMatch(/^deep\.yaml: /)
  })

  it('refuses a BibTeX entry too long for the parser, before parsing it', () => {
    const bib = write('long.bib', `@misc{k,\n  title = {${'mot '.repeat(250_000)}}\n}\n`)
    expect(refusal(bib)).toMatch(
      new RegExp(
        `^long\\.bib: 1:1: Unexpected BibTeX entry of \\d+ characters, over the ${MAX_BIBTEX_ENTRY}`,
      ),
    )
  })

  it('reads 100,000 entries and 1 MB fields', () => {
    const items = Array.from({ length: 100_000 }, (_, i) => ({
      id: `k${i}`,
      type: 'report',
      title: `Titre ${i}`,
    }))
    expect(loadSources([write('many.json', JSON.stringify(items))], dir).entries).toHaveLength(
      100_000,
    )
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `k${i},Dupont,2020,Titre ${i},https://e.org/${i}`,
    )
    const csv = write('many.csv', `key,authors,year,title,url\n${rows.join('\n')}\n`)
    expect(loadSources([csv], dir).entries).toHaveLength(100_000)
    const long = 'mot '.repeat(250_000)
    for (const file of [
      write('long.json', JSON.stringify([{ id: 'k', title: long }])),
      write('long.csv', `key,title\nk,${long}\n`),
      write('long.yaml', `- key: k\n  title: ${long}\n`),
    ]) {
      expect(loadSources([file], dir).entries[0]?.title?.length).toBeGreaterThan(999_000)
    }
  })

  it('reads a Windows-1252 CSV with a warning in the configuration, or refuses it', () => {
    const csv = write('excel.csv', '')
    writeFileSync(
      path.join(dir, csv),
      iconv.encode('key,authors,year,title\nk,Lefèvre,2024,Le cœur du problème\n', 'windows-1252'),
    )
    const config = resolveConfig({ sources: csv }, dir)
    expect(config.sources.entries[0]?.title).toBe('Le cœur du problème')
    expect(config.warnings).toEqual([
      expect.stringMatching(
        /^excel\.csv: Unexpected bytes that are not UTF-8 at 2:6: decoded as Windows-1252/,
      ),
    ])
    expect(() => resolveConfig({ sources: csv, encoding: { fallback: 'error' } }, dir)).toThrow(
      ConfigError,
    )
  })

  it('reads no YAML tags in front matter either', async () => {
    const model = await modelOf('---\ntitle: !!js/function "x"\n---\n\n# Titre\n')
    expect(model.meta.frontmatter).toEqual({})
    expect(model.diagnostics.map((d) => d.message)).toContainEqual(
      expect.stringMatching(/front matter that is not valid YAML \(1:8: Unresolved tag/),
    )
  })
})
