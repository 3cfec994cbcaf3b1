import { execFile } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'
import { loadTermbase, serializeTermbase } from '../../src/glossary/load.ts'
import type { Concept, Termbase } from '../../src/glossary/termbase.ts'
import { root } from '../helpers.ts'

const HOSTILE = path.join(root, 'tests/fixtures/hostile')
const dir = mkdtempSync(path.join(tmpdir(), 'fiche-termbase-'))

const concept = (i: number, extra = ''): Concept => ({
  id: `c${i}`,
  status: 'approved',
  fr: { term: `terme ${i}${extra}`, variants: [], acronyms: [], abbreviations: [], forbidden: [] },
  en: { term: `term ${i}`, variants: [], acronyms: [], abbreviations: [], forbidden: [] },
  origin: { kind: 'usage', reference: 'test' },
})

/** Writes a generated termbase in the format of `name`'s extension. */
function generated(name: string, concepts: Concept[]): string {
  const file = path.join(dir, name)
  const termbase: Termbase = { version: 1, concepts }
  writeFileSync(file, serializeTermbase(termbase, file))
  return file
}

const message = (file: string): string => {
  try {
    loadTermbase([path.join(HOSTILE, file)])
  } catch (error) {
    return (error as Error).message
  }
  throw new Error(`expected ${file} to be refused`)
}

describe('hostile termbases', () => {
  it.each([
    [
      'xxe.tbx',
      /xxe\.tbx:2:1: Unexpected <!DOCTYPE> declaration, expected a TBX document without a DTD/,
    ],
    ['billion-laughs.tbx', /billion-laughs\.tbx:2:1: Unexpected <!DOCTYPE> declaration/],
    ['malformed.tbx', /malformed\.tbx:4:48: not well-formed XML \(Expected closing tag 'term'/],
    [
      'alias-bomb.yaml',
      /alias-bomb\.yaml:1:1: Unexpected aliases expanding to more than 100 nodes/,
    ],
    [
      'custom-tags.yaml',
      /custom-tags\.yaml:5:13: Unresolved tag: .*js\/function, expected plain YAML/,
    ],
    ['malformed.csv', /malformed\.csv:2: Invalid Closing Quote.*\(field "fr_term"\)/],
  ])('refuses %s with its file, line and column', (file, expected) => {
    const text = message(file)
    expect(text).toMatch(expected)
    expect(text).not.toMatch(/root:/)
  })

  it('would not read external entities even past the DOCTYPE check (fast-xml-parser refuses them)', () => {
    const parser = new XMLParser({ processEntities: true })
    expect(() => parser.parse(readFileSync(path.join(HOSTILE, 'xxe.tbx'), 'utf8'))).toThrow(
      /External entities are not supported/,
    )
  })

  it('reads a Windows-1252 CSV as Excel saves it, with a warning naming the file', () => {
    const warnings: string[] = []
    const termbase = loadTermbase([path.join(HOSTILE, 'cp1252.csv')], {
      encoding: { fallback: 'windows-1252' },
      warnings,
    })
    expect(termbase.concepts[0]?.fr.term).toBe('cœur du système')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /cp1252\.csv: Unexpected bytes that are not UTF-8 at 2:14: decoded as Windows-1252/,
    )
    expect(() =>
      loadTermbase([path.join(HOSTILE, 'cp1252.csv')], {
        encoding: { fallback: 'error' },
        warnings,
      }),
    ).toThrow(
      /cp1252\.csv: Unexpected bytes that are not UTF-8 at 2:14 \(the text looks like Windows-1252\)/,
    )
  })

  it('reads 100,000 CSV rows and 10,000 YAML and TBX concepts', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => concept(i))
    expect(loadTermbase([generated('many.csv', many)]).concepts).toHaveLength(100_000)
    for (const name of ['many.yaml', 'many.tbx']) {
      const loaded = loadTermbase([generated(name, many.slice(0, 10_000))])
      expect(loaded.concepts).toHaveLength(10_000)
      expect(loaded.concepts.at(-1)?.fr.term).toBe('terme 9999')
    }
  })

  it('reads a 1 MB field in every format', () => {
    const long = ` ${'long '.repeat(200_000)}fin`
    for (const name of ['long.yaml', 'long.csv', 'long.tbx']) {
      const loaded = loadTermbase([generated(name, [concept(1, long)])])
      expect(loaded.concepts[0]?.fr.term.length).toBeGreaterThan(1_000_000)
    }
  })

  it('makes a broken termbase a configuration error', () => {
    expect(() => resolveConfig({ termbase: 'tests/fixtures/hostile/xxe.tbx' }, root)).toThrow(
      ConfigError,
    )
  })

  it('leaves the previous outputs untouched when the termbase breaks, and exits 2', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'fiche-broken-termbase-'))
    mkdirSync(path.join(project, 'input'))
    writeFileSync(path.join(project, 'input', 'note.md'), '# Note\n\nUn terme 1 ici.\n')
    generated('good.csv', [concept(1)])
    copyFileSync(path.join(dir, 'good.csv'), path.join(project, 'termbase.csv'))
    writeFileSync(
      path.join(project, 'pipeline.config.ts'),
      "export default { termbase: 'termbase.csv' }\n",
    )
    const run = promisify(execFile)
    const fiche = () =>
      run('node', [path.join(root, 'bin/fiche.js'), 'build', '--quiet'], { cwd: project }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      )
    expect((await fiche()).code).toBe(0)
    const snapshot = () => {
      const out = path.join(project, 'output')
      return readdirSync(out, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((name) => {
          const file = path.join(out, name)
          return statSync(file).isFile()
            ? [name, statSync(file).mtimeMs, readFileSync(file).toString('base64')]
            : [name]
        })
    }
    const before = snapshot()
    copyFileSync(path.join(HOSTILE, 'xxe.tbx'), path.join(project, 'termbase.tbx'))
    writeFileSync(
      path.join(project, 'pipeline.config.ts'),
      "export default { termbase: 'termbase.tbx' }\n",
    )
    const broken = await fiche()
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(/termbase\.tbx:2:1: Unexpected <!DOCTYPE> declaration/)
    expect(`${broken.stdout}${broken.stderr}`).not.toMatch(/root:/)
    expect(snapshot()).toEqual(before)
  })
})
