import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { root } from '../helpers.ts'
import { validateSarif } from '../report/validate-sarif.ts'

const markdown = path.join(root, 'input/cesia-note-2026-02-05.md')
const text = path.join(root, 'input/lignes-rouges-onu-2025-09-23.txt')

/** A temporary project whose config is `config`; returns the config file. */
function project(config: Record<string, unknown>): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-check-'))
  const file = path.join(dir, 'pipeline.config.ts')
  writeFileSync(file, `export default ${JSON.stringify(config)}\n`)
  return { dir, file }
}

/** Runs the CLI in-process; returns its exit code and what it wrote. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true))
  const code = await main(args)
  vi.restoreAllMocks()
  return { code, stdout, stderr }
}

interface JsonReport {
  files: Array<{
    path: string
    messages: Array<{
      ruleId: string
      line: number | null
      column: number | null
      endLine: number | null
      endColumn: number | null
    }>
  }>
}

afterEach(() => vi.restoreAllMocks())

describe('fiche check on the samples', () => {
  const { dir, file } = project({ sources: [] })
  const sample = path.join(dir, 'sample.md')
  writeFileSync(sample, readFileSync(markdown))

  it('reports the Markdown sample as the issue expects, exit code 1', async () => {
    const { code, stdout, stderr } = await run(['check', sample, '-c', file, '--format', 'json'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/^23 errors, \d+ warnings(?:, \d+ infos?)? in 1 file\n$/)
    const messages = (JSON.parse(stdout) as JsonReport).files[0]!.messages
    const by = (id: string) => messages.filter((m) => m.ruleId === id)
    const source = readFileSync(markdown, 'utf8').split('\n')
    const links = by('citation-has-url')
    expect(links).toHaveLength(23)
    for (const m of links) {
      expect(source[m.line! - 1]!.slice(m.column! - 1, m.endColumn! - 1)).toMatch(
        /^\[[^\]]+\]\(#\)$/,
      )
    }
    expect(by('heading-number-matches-depth').map((m) => m.line)).toEqual([21, 29, 35])
    expect(by('statistic-has-source').map((m) => m.line)).toEqual([54, 55])
    expect(by('claim-has-source').map((m) => m.line)).toEqual([25])
  })

  it('reports the plain-text sample without a title, and no attribution as a broken link', async () => {
    const { code, stdout } = await run(['check', text, '-c', file, '--format', 'json'])
    const messages = (JSON.parse(stdout) as JsonReport).files[0]!.messages
    expect(messages.map((m) => m.ruleId)).toContain('document-has-title')
    expect(messages.filter((m) => m.ruleId.startsWith('citation-'))).toEqual([])
    expect(code).toBe(0)
  })

  it('writes a valid SARIF file with --output, and GitHub workflow commands', async () => {
    const out = path.join(dir, 'report.sarif')
    expect(
      (await run(['check', sample, text, '-c', file, '-f', 'sarif', '--output-file', out])).code,
    ).toBe(1)
    const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: Array<{ results: unknown[] }> }
    expect(validateSarif(log)).toEqual([])
    expect(log.runs[0]!.results.length).toBeGreaterThan(23)
    const { stdout } = await run(['check', sample, '-c', file, '-f', 'github'])
    const lines = stdout.trimEnd().split('\n')
    expect(lines.filter((l) => l.startsWith('::error file=sample.md,line='))).toHaveLength(23)
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+::.+$/)
  })

  it('prints the pretty report without colours when piped', async () => {
    const { stdout } = await run(['check', sample, '-c', file])
    expect(stdout).not.toContain('\u001b[')
    expect(stdout).toMatch(/^sample\.md\n/)
    expect(stdout).toMatch(
      /\n7:60-7:147 +error +Unexpected placeholder target “#”.*citation-has-url\n/,
    )
    expect(stdout).toMatch(/\(✖ 23 errors, ⚠ \d+ warnings?\)\n1 file checked; \d+ infos? not shown/)
  })
})

describe('fiche check exit codes and options', () => {
  it('fails on warnings only beyond --max-warnings', async () => {
    const { dir, file } = project({})
    const note = path.join(dir, 'note.md')
    writeFileSync(
      note,
      '# Titre\n\nParis, le 5 février 2026.\n\n- Une affirmation assez longue et sans aucune source.\n',
    )
    expect((await run(['check', note, '-c', file])).code).toBe(0)
    expect((await run(['check', note, '-c', file, '--max-warnings', '1'])).code).toBe(0)
    const over = await run(['check', note, '-c', file, '--max-warnings', '0'])
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('more than --max-warnings 0')
  })

  it('exits 2 on usage and configuration errors', async () => {
    const { file } = project({})
    expect((await run(['check', '-c', file, '--format', 'xml'])).stderr).toContain(
      'unknown format "xml"',
    )
    expect((await run(['check', '-c', file, '--format', 'xml'])).code).toBe(2)
    expect((await run(['check', '-c', file, '--max-warnings', 'many'])).code).toBe(2)
    const bad = project({ rules: { 'citation-has-uri': 'error' } })
    const result = await run(['check', '-c', bad.file])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('"rules.citation-has-uri": unknown rule "citation-has-uri"')
  })
})

describe('fiche build with a sources registry', () => {
  it('adds rule messages to model.json and writes each cited source once to sources.csl.json', async () => {
    const { dir, file } = project({
      sources: [path.join(root, 'tests/fixtures/check/cesia-sources.json')],
    })
    const sample = path.join(dir, 'cesia.md')
    writeFileSync(sample, readFileSync(markdown))
    const out = path.join(dir, 'out')
    const { stderr } = await run(['build', sample, '-c', file, '--out', out])
    expect(stderr).toMatch(/check: 5 errors, \d+ warnings(?:, \d+ infos?)? in 1 file/)
    const model = JSON.parse(
      readFileSync(path.join(out, 'cesia/model.json'), 'utf8'),
    ) as DocumentModel
    const ruleIds = model.diagnostics.map((d) => d.ruleId)
    expect(ruleIds.filter((id) => id === 'citation-has-url')).toHaveLength(5)
    expect(ruleIds).not.toContain('citation-source-resolved')
    const csl = JSON.parse(
      readFileSync(path.join(out, 'cesia/sources.csl.json'), 'utf8'),
    ) as Array<{ id: string; URL?: string }>
    expect(new Set(csl.map((i) => i.id)).size).toBe(csl.length)
    expect(csl.filter((i) => i.URL?.startsWith('https://example.org/'))).toHaveLength(14)
  })
})

describe('fiche check noise controls', () => {
  const { dir, file } = project({ sources: [] })
  const sample = path.join(dir, 'sample.md')
  writeFileSync(sample, readFileSync(markdown))
  const severities = async (args: string[]) => {
    const { stdout } = await run(['check', sample, '-c', file, '-f', 'json', ...args])
    const messages = (
      JSON.parse(stdout) as { files: Array<{ messages: Array<{ severity: string }> }> }
    ).files[0]!.messages
    return new Set(messages.map((m) => m.severity))
  }

  it('hides infos unless --verbose; --quiet hides infos only; --severity sets the threshold', async () => {
    expect(await severities([])).toEqual(new Set(['error', 'warning']))
    expect(await severities(['--verbose'])).toEqual(new Set(['error', 'warning', 'info']))
    expect(await severities(['-q'])).toEqual(new Set(['error', 'warning']))
    expect(await severities(['--verbose', '-q'])).toEqual(new Set(['error', 'warning']))
    expect(await severities(['--severity', 'error'])).toEqual(new Set(['error']))
    expect(await severities(['--severity', 'info'])).toEqual(new Set(['error', 'warning', 'info']))
    const bad = await run(['check', sample, '-c', file, '--severity', 'fatal'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe('fiche check: --severity "fatal": expected error, warning or info\n')
  })
})
