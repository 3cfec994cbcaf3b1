/**
 * `kill -9` at any moment of a build leaves every output either its previous
 * complete version or its new complete version: outputs are written through
 * a temporary file and a rename (src/cli/write.ts), and the temporary files
 * a killed build leaves are dot-files that the next build removes.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'bin/fiche.js')
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' }
const TEMP = /^\.(.+)\.(\d+)\.tmp$/u

/** A project with the sample notes of input/ and copies of them: enough for a build to take a while. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-kill-'))
  cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
  for (const name of ['cesia-note-2026-02-05.md', 'lignes-rouges-onu-2025-09-23.txt']) {
    const text = readFileSync(path.join(dir, 'input', name), 'utf8')
    for (let i = 1; i <= 2; i++) {
      const [base, ext] = [name.replace(/\.[^.]+$/u, ''), path.extname(name)]
      writeFileSync(path.join(dir, 'input', `${base}-copie-${i}${ext}`), text)
    }
  }
  return dir
}

/** Every file under `dir`, relative paths, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()
}

/** The outputs (not dot-files) and their bytes. */
function snapshot(out: string): Map<string, Buffer> {
  const result = new Map<string, Buffer>()
  for (const file of files(out)) {
    if (path.basename(file).startsWith('.')) continue
    result.set(file, readFileSync(path.join(out, file)))
  }
  return result
}

/** Runs a build to the end; resolves to its exit code and duration. */
function build(cwd: string): Promise<{ code: number | null; ms: number; stderr: string }> {
  const start = performance.now()
  const child = spawn('node', [bin, 'build', '-q'], {
    cwd,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, ms: performance.now() - start, stderr })),
  )
}

/** Starts a build and kills it with SIGKILL after `ms`; resolves when it is gone. */
function buildKilledAfter(cwd: string, ms: number): Promise<void> {
  const child = spawn('node', [bin, 'build', '-q'], { cwd, env, stdio: 'ignore' })
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  return new Promise((resolve) =>
    child.on('close', () => {
      clearTimeout(timer)
      resolve()
    }),
  )
}

/** A deterministic generator in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Fails unless every output parses as its format says. */
async function expectWellFormed(out: string, outputs: Map<string, Buffer>): Promise<void> {
  for (const [file, data] of outputs) {
    if (file.endsWith('.docx')) {
      const zip = await JSZip.loadAsync(data)
      const xml = await zip.file('word/document.xml')?.async('string')
      expect(xml, `${file}: word/document.xml`).toBeDefined()
      expect(XMLValidator.validate(xml ?? ''), file).toBe(true)
    } else if (file.endsWith('.json')) {
      expect(() => JSON.parse(data.toString('utf8')), file).not.toThrow()
    } else if (/\.(xlf|tbx|tmx|xml)$/u.test(file)) {
      expect(XMLValidator.validate(data.toString('utf8')), file).toBe(true)
    }
  }
  for (const file of files(out)) {
    const name = path.basename(file)
    // Only the lock and temporary files are dot-files; neither is an output.
    if (name.startsWith('.')) expect(name === '.fiche.lock' || TEMP.test(name), file).toBe(true)
  }
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

describe('fiche build killed with SIGKILL', () => {
  it('leaves every output complete, old or new, and the next build clears the temporary files', async () => {
    const dir = project()
    const out = path.join(dir, 'output')
    const first = await build(dir)
    expect(first.code, first.stderr).toBe(0)
    const before = snapshot(out)
    expect(before.size).toBeGreaterThan(50)
    expect([...before.keys()].some((f) => f.endsWith('handout.en.docx'))).toBe(true)

    for (const name of readdirSync(path.join(dir, 'input'))) {
      if (/\.(md|txt)$/u.test(name))
        appendFileSync(
          path.join(dir, 'input', name),
          '\n\nUn paragraphe ajouté : 42 % des cas, selon l’Insee.\n',
        )
    }
    const runs = 12
    const next = random(20260205)
    const states: Map<string, Buffer>[] = []
    for (let i = 0; i < runs; i++) {
      // Spread over the whole build: one delay in each twelfth of its duration.
      await buildKilledAfter(dir, (first.ms * (i + next())) / runs)
      const state = snapshot(out)
      await expectWellFormed(out, state)
      states.push(state)
    }

    // A stale temporary file (of a process that has gone) and one of a live process.
    const noteDir = path.join(out, 'cesia-note-2026-02-05')
    const stale = `.model.json.${deadPid()}.tmp`
    const live = `.model.json.${process.pid}.tmp`
    writeFileSync(path.join(noteDir, stale), '{"half')
    writeFileSync(path.join(noteDir, live), '{"being written')
    const last = await build(dir)
    expect(last.code, last.stderr).toBe(0)
    const after = snapshot(out)
    expect([...after.keys()]).toEqual([...before.keys()])
    const changed = [...after.keys()].filter((f) => !after.get(f)!.equals(before.get(f)!))
    expect(changed.length).toBeGreaterThan(10)

    for (const state of states) {
      expect([...state.keys()]).toEqual([...before.keys()])
      for (const [file, data] of state) {
        const old = data.equals(before.get(file)!)
        expect(old || data.equals(after.get(file)!), `${file}: neither old nor new`).toBe(true)
      }
    }
    const leftovers = files(out).filter((f) => path.basename(f).startsWith('.'))
    expect(leftovers).toEqual([path.join('cesia-note-2026-02-05', live)])
    rmSync(dir, { recursive: true, force: true })
  }, 60_000)
})
