import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'bin/fiche.js')

async function fiche(cwd: string, ...args: Array<string | Record<string, string>>) {
  const env = { ...process.env, ...args.find((a) => typeof a === 'object') }
  const argv = args.filter((a) => typeof a === 'string')
  try {
    const { stdout, stderr } = await run('node', [bin, ...argv], { cwd, env })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-cli-'))
  mkdirSync(path.join(dir, 'input'))
  return dir
}

describe('fiche build', () => {
  it('builds the good files, names the bad ones and exits 1', async () => {
    const dir = project()
    writeFileSync(
      path.join(dir, 'input', 'bonne-note.md'),
      '# Note\n\n- Un point, selon Le Monde.\n',
    )
    writeFileSync(path.join(dir, 'input', 'article.txt'), 'date 2025-01-02 Un texte.\n')
    writeFileSync(
      path.join(dir, 'input', 'illisible.md'),
      Buffer.from([0x23, 0x20, 0x8f, 0x74, 0x8d, 0x0a]),
    )
    symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'input', 'lien-casse.md'))
    const result = await fiche(dir, 'build')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/input\/illisible\.md: .*not UTF-8/)
    expect(result.stderr).toMatch(/input\/lien-casse\.md: cannot read the file \(ENOENT\)/)
    expect(result.stderr).toMatch(/2 document\(s\) built, 2 failed/)
    const model = JSON.parse(
      readFileSync(path.join(dir, 'output', 'bonne-note', 'model.json'), 'utf8'),
    )
    expect(model.meta.title).toBe('Note')
    expect(existsSync(path.join(dir, 'output', 'article', 'model.json'))).toBe(true)
    const folders = readdirSync(path.join(dir, 'output'), { withFileTypes: true })
    expect(
      folders
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    ).toEqual(['article', 'bonne-note'])
  })

  it('refuses with --final a note whose brief has sources to complete', async () => {
    const dir = project()
    writeFileSync(path.join(dir, 'input', 'a.md'), '# A\n\nUn fait ([Karnofsky, 2025](#)).\n')
    writeFileSync(
      path.join(dir, 'input', 'b.md'),
      '# B\n\nUn fait ([Insee, 2024](https://insee.fr)).\n',
    )
    const result = await fiche(dir, 'build', '--final')
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /input\/a\.md: --final: 1 source\(s\) to complete \(“Karnofsky, 2025”\)/u,
    )
    expect(existsSync(path.join(dir, 'output', 'a'))).toBe(false)
    expect(existsSync(path.join(dir, 'output', 'b', 'brief.fr.docx'))).toBe(true)
    expect((await fiche(dir, 'build')).code).toBe(0)
  })

  it('exits 0 on good files and honours --out and explicit paths', async () => {
    const dir = project()
    writeFileSync(path.join(dir, 'input', 'a.md'), '# A\n')
    writeFileSync(path.join(dir, 'input', 'b.md'), '# B\n')
    const result = await fiche(dir, 'build', 'input/a.md', '--out', 'ailleurs')
    expect(result.code).toBe(0)
    const written = readdirSync(path.join(dir, 'ailleurs'), { withFileTypes: true })
    expect(written.filter((e) => e.isDirectory()).map((e) => e.name)).toEqual(['a'])
    expect(existsSync(path.join(dir, 'output'))).toBe(false)
  })

  it('reports usage and configuration errors with exit code 2', async () => {
    const dir = project()
    expect((await fiche(dir, 'build', '--nope')).code).toBe(2)
    expect((await fiche(dir, 'frobnicate')).code).toBe(2)
    writeFileSync(path.join(dir, 'pipeline.config.ts'), 'export default { inputs: ["x"] }\n')
    const bad = await fiche(dir, 'build')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(
      /unknown key "inputs" \(did you mean "input"\?\); accepted keys: input, /,
    )
  })

  it('gives byte-identical outputs on a second build, whatever the time zone', async () => {
    const dir = project()
    cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
    expect((await fiche(dir, 'build', '--out', 'first')).code).toBe(0)
    expect((await fiche(dir, 'build', '--out', 'second', { TZ: 'Pacific/Auckland' })).code).toBe(0)
    const files = (base: string) =>
      readdirSync(path.join(dir, base), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) =>
          path.relative(path.join(dir, base), path.join(entry.parentPath, entry.name)),
        )
        .sort()
    expect(files('first')).toEqual(files('second'))
    expect(files('first')).toContain('cesia-note-2026-02-05/brief.fr.docx')
    for (const file of files('first')) {
      const a = readFileSync(path.join(dir, 'first', file))
      const b = readFileSync(path.join(dir, 'second', file))
      expect(a.equals(b), file).toBe(true)
    }
  })

  it('prints help and version', async () => {
    const dir = project()
    const help = await fiche(dir, 'build', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/--out DIR/)
    expect((await fiche(dir, '--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})
