/** `fiche build` glossary outputs and `fiche align`, end to end on temporary folders. */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { runAlign } from '../../src/cli/align.ts'
import { runBuild } from '../../src/cli/build.ts'
import { resolveConfig } from '../../src/config/resolve.ts'
import { parseTermbase } from '../../src/glossary/load.ts'
import { root } from '../helpers.ts'

const rng = path.join(root, 'tests/standards/tbx/TBXcoreStructV03.rng')

describe('fiche build: glossaries', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-glossary-'))
  const input = path.join(dir, 'input')
  mkdirSync(input)
  for (const name of ['cesia-note-2026-02-05.md', 'lignes-rouges-onu-2025-09-23.txt']) {
    copyFileSync(path.join(root, 'input', name), path.join(input, name))
  }
  writeFileSync(
    path.join(input, 'anssi.md'),
    "# Note\n\nL'Agence nationale de la sécurité des systèmes d'information (ANSSI) publie un guide sur l'IA.\n",
  )
  const out = path.join(dir, 'output')
  const config = resolveConfig(
    { input: [input], output: out, termbase: path.join(root, 'input/termbase.yaml') },
    dir,
  )
  const stderr = process.stderr.write
  process.stderr.write = () => true
  const code = await runBuild(config, { paths: [], out: null, quiet: true }).finally(() => {
    process.stderr.write = stderr
  })

  it('writes the glossary files of each document and of the corpus', () => {
    expect(code).toBe(0)
    for (const id of ['cesia-note-2026-02-05', 'lignes-rouges-onu-2025-09-23', 'anssi']) {
      for (const name of [
        'glossary.csv',
        'glossary.tbx',
        'glossary.tbx2008.tbx',
        'glossary.omegat.txt',
        'glossary.json',
        'glossary.md',
        'glossary.candidates.csv',
      ]) {
        expect(existsSync(path.join(out, id, name)), `${id}/${name}`).toBe(true)
      }
    }
    for (const name of [
      'glossary.csv',
      'glossary.tbx',
      'glossary.tbx2008.tbx',
      'glossary.omegat.txt',
      'glossary.json',
      'glossary.md',
    ]) {
      expect(existsSync(path.join(out, name)), name).toBe(true)
    }
  })

  it('writes CSV that a spreadsheet reads with its accents', () => {
    const bytes = readFileSync(path.join(out, 'cesia-note-2026-02-05', 'glossary.csv'))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<
      Record<string, string>
    >
    expect(rows.find((r) => r.concept === 'red-line')).toMatchObject({
      french: 'ligne rouge',
      english: 'red line',
      occurrences: '3',
      first: '45:65',
    })
    expect(rows.find((r) => r.concept === 'systemic-risk')!.forms).toBe('risques systémiques')
  })

  it('writes TBX that validates and reads back', () => {
    const file = path.join(out, 'glossary.tbx')
    expect(() =>
      execFileSync('xmllint', ['--noout', '--relaxng', rng, file], { stdio: 'pipe' }),
    ).not.toThrow()
    const ids = parseTermbase(readFileSync(file, 'utf8'), file).concepts.map((c) => c.id)
    expect(ids).toContain('ai-act')
  })

  it('writes the corpus glossary and the candidates', () => {
    const corpus = JSON.parse(readFileSync(path.join(out, 'glossary.json'), 'utf8')) as {
      rows: Array<{ conceptId: string; occurrences: number; documents: string[] }>
    }
    expect(corpus.rows.find((r) => r.conceptId === 'artificial-intelligence')).toMatchObject({
      occurrences: 29,
      documents: ['anssi', 'cesia-note-2026-02-05', 'lignes-rouges-onu-2025-09-23'],
    })
    const candidates = readFileSync(path.join(out, 'anssi', 'glossary.candidates.csv'), 'utf8')
    expect(candidates).toContain(
      "Agence nationale de la sécurité des systèmes d'information (ANSSI),acronym,ANSSI,",
    )
    expect(readFileSync(path.join(out, 'glossary.md'), 'utf8')).toMatch(
      /^# Glossary of the corpus\n/,
    )
  })
})

describe('fiche align', () => {
  it('writes the translation memory, the term pairs and the proposed entries', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'fiche-align-'))
    const config = resolveConfig({}, root)
    const fixture = path.join(root, 'tests/fixtures/glossary/parallel')
    const writes = [process.stdout.write, process.stderr.write] as const
    process.stdout.write = process.stderr.write = () => true
    const code = await runAlign(config, {
      paths: [path.join(fixture, 'note.fr.md'), path.join(fixture, 'note.en.md')],
      out,
      quiet: true,
      // The temporary folder is outside the project (the repository).
      allowOutsideRoot: true,
    }).finally(() => {
      ;[process.stdout.write, process.stderr.write] = writes
    })
    expect(code).toBe(0)
    expect(readFileSync(path.join(out, 'aligned.tmx'), 'utf8')).toContain('<tmx version="1.4">')
    expect(readFileSync(path.join(out, 'terms.csv'), 'utf8')).toContain(
      'lignes rouges,red lines,termbase',
    )
    const proposed = path.join(out, 'termbase.proposed.yaml')
    const terms = parseTermbase(readFileSync(proposed, 'utf8'), proposed).concepts.map(
      (c) => c.en.term,
    )
    expect(terms).toContain('safety evaluations')
  })

  it('refuses an output folder outside the project without --allow-outside-root, and writes nothing', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'fiche-align-')), 'out')
    const fixture = path.join(root, 'tests/fixtures/glossary/parallel')
    let stderr = ''
    const write = process.stderr.write
    process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true)
    const code = await runAlign(resolveConfig({}, root), {
      paths: [path.join(fixture, 'note.fr.md'), path.join(fixture, 'note.en.md')],
      out,
      quiet: true,
    }).finally(() => {
      process.stderr.write = write
    })
    expect(code).toBe(2)
    expect(stderr).toBe(
      `fiche align: the output folder ${out} is outside the project root ${root}; pass --allow-outside-root or set allowOutputOutsideRoot: true in the configuration\n`,
    )
    expect(existsSync(out)).toBe(false)
  })

  it('needs two files', async () => {
    const stderr = process.stderr.write
    process.stderr.write = () => true
    const code = await runAlign(resolveConfig({}, root), {
      paths: ['a.md'],
      out: null,
      quiet: true,
    }).finally(() => {
      process.stderr.write = stderr
    })
    expect(code).toBe(2)
  })
})
