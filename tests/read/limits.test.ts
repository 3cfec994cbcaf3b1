import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'
import { buildFile, buildNote } from '../../src/pipeline/process.ts'
import { DEFAULT_LIMITS } from '../../src/read/limits.ts'
import { root } from '../helpers.ts'

async function build(text: string, name = 'note.md', config = {}) {
  const bytes = new TextEncoder().encode(text)
  return buildNote({ path: path.join(root, 'input', name), bytes }, resolveConfig(config, root))
}

async function refusal(text: string, config = {}): Promise<string> {
  const result = await build(text, 'note.md', config)
  if (result.ok) throw new Error('expected the note to be refused')
  return result.error.message
}

const deep = 10_000

describe('limits', () => {
  it('refuses a note over limits.fileBytes before reading it, naming the limit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-limits-'))
    const file = path.join(dir, 'enorme.md')
    const paragraph =
      'Selon Le Monde, 30 % des entreprises ont investi en 2024. '.repeat(20) + '\n\n'
    writeFileSync(file, `# Titre\n\n${paragraph.repeat(Math.ceil(50_000_000 / paragraph.length))}`)
    const result = await buildFile(file, resolveConfig({}, dir))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message).toMatch(
      /^enorme\.md: Unexpected file of 50 MB \(\d+ bytes\), over the limit of 8000000 bytes \(limits\.fileBytes in pipeline\.config\.ts\)$/,
    )
  })

  it('refuses a 5 MB single line by limits.blockChars, and builds a long line under the limit', async () => {
    expect(await refusal('mot '.repeat(1_250_000))).toMatch(
      /^input\/note\.md: Unexpected stretch of 5000000 characters from line 1 without a blank line before a heading or a paragraph, over the limit of 1000000 \(limits\.blockChars in pipeline\.config\.ts\)$/,
    )
    const list = Array.from({ length: 200_000 }, (_, i) => `- point ${i}`).join('\n')
    expect(await refusal(`# Liste\n\n${list}\n`)).toMatch(/stretch of \d+ characters from line 1 /)
    const result = await build(`# Titre\n\n${'mot '.repeat(50_000)}fin.\n`)
    expect(result.ok).toBe(true)
  })

  it.each([
    ['block quotes', '> '.repeat(deep) + 'texte\n'],
    ['lists', '- '.repeat(deep) + 'texte\n'],
    ['quotes and lists', '> - '.repeat(deep / 2) + 'texte\n'],
    ['indented lists', Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
    ['emphasis', `${'*'.repeat(deep)}x${'*'.repeat(deep)}\n`],
  ])(
    'refuses nesting of %s past limits.nestingDepth, without a stack overflow',
    async (_, text) => {
      const message = await refusal(text)
      expect(message).toMatch(
        /^input\/note\.md: Unexpected nesting \d+ levels deep at line \d+, over the limit of 100 \(limits\.nestingDepth in pipeline\.config\.ts\)$/,
      )
    },
  )

  it('refuses nesting the line scan cannot see (links in emphasis) once parsed', async () => {
    const text = `${'*a [b '.repeat(150)}x${'](u) c*'.repeat(150)}\n`
    expect(await refusal(text)).toMatch(/Unexpected nesting \d+ levels deep at line 1/)
  })

  it('builds nesting up to the highest limit one may configure', async () => {
    for (const text of ['> '.repeat(190) + 'texte\n', '- '.repeat(190) + 'texte\n']) {
      const result = await build(text, 'note.md', { limits: { nestingDepth: 200 } })
      if (!result.ok) throw new Error(result.error.message)
    }
  })

  it('refuses more links than limits.linksPerBlock in a paragraph and limits.links in a note', async () => {
    const links = Array.from({ length: 1_500 }, (_, i) => `[lien ${i}](https://example.org/${i})`)
    expect(await refusal(`# Liens\n\n${links.join(' ')}\n`)).toMatch(
      /Unexpected link number 1001 of one paragraph at line 3, over the limit of 1000 links per paragraph \(limits\.linksPerBlock in pipeline\.config\.ts\)/,
    )
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Voir [lien ${i}](https://e.org/${i}).`)
    const result = await build(paragraphs.join('\n\n'), 'note.md', { limits: { links: 20 } })
    expect(result.ok ? null : result.error.message).toMatch(
      /Unexpected link number 21 at line 41, over the limit of 20 links \(limits\.links in pipeline\.config\.ts\)/,
    )
  })

  it('builds a table of 5,000 columns', async () => {
    const columns = Array.from({ length: 5_000 }, (_, i) => i)
    const table = [
      `| ${columns.map((i) => `c${i}`).join(' | ')} |`,
      `|${' --- |'.repeat(columns.length)}`,
      `| ${columns.map((i) => `${i} %`).join(' | ')} |`,
    ].join('\n')
    const result = await build(`# Tableau\n\n${table}\n`)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.model.statistics).toHaveLength(5_000)
  })

  it('checks the limits it is configured with', () => {
    expect(resolveConfig({}, root).limits).toEqual(DEFAULT_LIMITS)
    expect(resolveConfig({ limits: { fileBytes: 5 } }, root).limits.fileBytes).toBe(5)
    expect(() => resolveConfig({ limits: { nestingDepth: 10_000 } }, root)).toThrow(ConfigError)
    expect(() => resolveConfig({ limits: { nestingDepth: 10_000 } }, root)).toThrow(
      /"limits\.nestingDepth"/,
    )
    expect(() => resolveConfig({ limits: { size: 1 } }, root)).toThrow(
      /at "limits": unknown key "size"; accepted keys: fileBytes, /,
    )
  })

  it('builds the other notes of the batch', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-limits-cli-'))
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(path.join(dir, 'input', 'bonne.md'), '# Bonne note\n\nUn texte.\n')
    writeFileSync(path.join(dir, 'input', 'profonde.md'), '> '.repeat(deep) + 'texte\n')
    writeFileSync(path.join(dir, 'input', 'grosse.md'), 'x'.repeat(1_200_000))
    const run = promisify(execFile)
    const failed = await run('node', [path.join(root, 'bin/fiche.js'), 'build'], { cwd: dir }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed?.stderr).toMatch(/error: input\/profonde\.md: Unexpected nesting/)
    expect(failed?.stderr).toMatch(
      /error: input\/grosse\.md: Unexpected stretch of 1200000 characters/,
    )
    expect(failed?.stderr).toMatch(/1 document\(s\) built, 2 failed/)
    expect(existsSync(path.join(dir, 'output', 'bonne', 'brief.fr.docx'))).toBe(true)
    expect(existsSync(path.join(dir, 'output', 'profonde'))).toBe(false)
  })
})
