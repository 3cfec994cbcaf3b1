/**
 * What a run the cache answers loads: an unchanged `fiche check` loads
 * neither the Markdown parser nor the plugins, and an unchanged `fiche build`
 * neither them, nor the Word writer, nor the YAML library (the cache holds
 * the parsed termbase); neither constructs the model's schema. The first runs load them all, which shows that the
 * record (tests/fixtures/loading/record.mjs) sees them.
 */
import { execFile } from 'node:child_process'
import { cpSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { root, tempProject } from '../helpers.ts'
import { bin } from './fiche.ts'

const run = promisify(execFile)
const record = path.join(root, 'tests/fixtures/loading/record.mjs')
const NOTE = 'cesia-note-2026-02-05.md'
const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//gu
const SOURCE = /^\/\/ (src\/\S+\.ts)$/gmu

/** A project with one note of `input/` and the termbase. */
function project(): string {
  const dir = tempProject(
    {
      'pipeline.config.json': JSON.stringify({
        input: ['input'],
        termbase: ['input/termbase.yaml'],
      }),
    },
    'fiche-loading-',
  )
  for (const name of [NOTE, 'termbase.yaml'])
    cpSync(path.join(root, 'input', name), path.join(dir, 'input', name))
  return dir
}

/**
 * Runs `fiche …argv` in `cwd` and gives the packages it loaded: those
 * required, and those bundled into the compiled chunks it imported or
 * required (esbuild
 * heads each bundled module with a `// node_modules/<package>/…` comment).
 */
async function loadedBy(
  cwd: string,
  ...argv: string[]
): Promise<{ packages: Set<string>; sources: Set<string>; stdout: string }> {
  const list = path.join(tmpdir(), `fiche-loaded-${process.pid}-${Date.now()}.txt`)
  let stdout = ''
  try {
    const done = await run('node', ['--import', record, bin, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', FICHE_LOADED: list },
    })
    stdout = done.stdout
  } catch (error) {
    stdout = (error as { stdout: string }).stdout
  }
  const packages = new Set<string>()
  const sources = new Set<string>()
  for (const line of readFileSync(list, 'utf8').split('\n')) {
    const [how, what = ''] = line.split(' ')
    // A compiled chunk: imported by URL, or required by path (src/lazy.ts's libraries).
    const chunk = !what.includes('/dist/') ? null : how === 'import' ? fileURLToPath(what) : what
    const text = chunk === null ? what : readFileSync(chunk, 'utf8')
    for (const match of text.matchAll(PACKAGE)) packages.add(match[1]!)
    for (const match of text.matchAll(SOURCE)) sources.add(match[1]!)
  }
  rmSync(list, { force: true })
  return { packages, sources, stdout }
}

describe('what a run the cache answers loads', () => {
  it('an unchanged fiche check loads no parser, plugin or YAML library, and reports the same', async () => {
    const dir = project()
    const first = await loadedBy(dir, 'check', `input/${NOTE}`)
    expect(first.packages).toContain('micromark')
    expect(first.packages).toContain('chrono-node')
    expect(first.packages).toContain('yaml')
    expect(first.sources).toContain('src/model/schema.ts')
    const again = await loadedBy(dir, 'check', `input/${NOTE}`)
    expect(again.sources).not.toContain('src/model/schema.ts')
    for (const name of ['micromark', 'chrono-node', 'mdast-util-from-markdown', 'yaml', 'saxes'])
      expect(again.packages).not.toContain(name)
    expect(again.stdout).toBe(first.stdout)
    expect(again.stdout).toContain('citation-has-url')
  })

  it('an unchanged fiche build loads no parser, Word writer or YAML library', async () => {
    const dir = project()
    const first = await loadedBy(dir, 'build', '-q')
    expect(first.packages).toContain('docx')
    expect(first.packages).toContain('yaml')
    const again = await loadedBy(dir, 'build', '-q')
    expect(again.sources).not.toContain('src/model/schema.ts')
    for (const name of ['micromark', 'chrono-node', 'docx', 'yaml', 'jszip'])
      expect(again.packages).not.toContain(name)
  })
})
