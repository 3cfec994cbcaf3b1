/**
 * Two commands writing into one output folder take turns through
 * `<out>/.fiche.lock` (src/cli/lock.ts).
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { deadPid } from '../helpers.ts'
import { acquireLock, MARKER_STALE_MS, takeoverMarker } from '../../src/cli/lock.ts'

const root = path.resolve(import.meta.dirname, '../..')
const bin = path.join(root, 'bin/fiche.js')
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' }

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-lock-cli-'))
  cpSync(path.join(root, 'input'), path.join(dir, 'input'), { recursive: true })
  return dir
}

interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
}

function fiche(cwd: string, args: string[], extra: Record<string, string> = {}) {
  const child = spawn('node', [bin, ...args], {
    cwd,
    env: { ...env, ...extra },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  )
  return { child, done, log: () => stderr }
}

/** Every file under `dir` and its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const result = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    result.set(path.relative(dir, full), readFileSync(full))
  }
  return new Map([...result].sort(([a], [b]) => a.localeCompare(b)))
}

const sleepers: Array<ReturnType<typeof spawn>> = []
function livePid(): number {
  const child = spawn('node', ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  sleepers.push(child)
  return child.pid!
}
afterEach(() => {
  for (const child of sleepers.splice(0)) child.kill('SIGKILL')
})

describe('concurrent commands on one output folder', () => {
  it('runs two builds at once one after the other, with the outputs of a single run', async () => {
    const alone = project()
    const single = await fiche(alone, ['build', '-q']).done
    expect(single.code, single.stderr).toBe(0)

    const dir = project()
    // Held by this process for a moment, so that both builds find it taken and wait.
    const held = await acquireLock(path.join(dir, 'output'))
    const a = fiche(dir, ['build'])
    const b = fiche(dir, ['build'])
    const waiting = `waiting for ${path.join(dir, 'output', '.fiche.lock')} (held by pid ${process.pid})`
    const end = Date.now() + 15_000
    while (!(a.log().includes(waiting) && b.log().includes(waiting)) && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 20))
    held.release()
    const [ra, rb] = await Promise.all([a.done, b.done])
    expect(ra.code, ra.stderr).toBe(0)
    expect(rb.code, rb.stderr).toBe(0)
    expect(ra.stderr).toContain(waiting)
    expect(rb.stderr).toContain(waiting)
    const outputs = snapshot(path.join(dir, 'output'))
    expect([...outputs.keys()]).toEqual([...snapshot(path.join(alone, 'output')).keys()])
    for (const [file, data] of snapshot(path.join(alone, 'output')))
      expect(outputs.get(file)!.equals(data), file).toBe(true)
  }, 40_000)

  it('fails with one line naming the lock and its holder when the wait times out', async () => {
    const dir = project()
    mkdirSync(path.join(dir, 'output'))
    const lock = path.join(dir, 'output', '.fiche.lock')
    const pid = livePid()
    writeFileSync(lock, `${pid}\n`)
    const run = await fiche(dir, ['build', '-q'], { FICHE_LOCK_TIMEOUT: '0.3' }).done
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `fiche build: ${lock} is held by pid ${pid} (another fiche command writing into ${path.join(dir, 'output')}); gave up after 0.3 s (FICHE_LOCK_TIMEOUT)\n`,
    )
    expect(readdirSync(path.join(dir, 'output'))).toEqual(['.fiche.lock'])

    const translate = await fiche(dir, ['translate', '-q'], { FICHE_LOCK_TIMEOUT: '0.3' }).done
    expect(translate.code).toBe(1)
    expect(translate.stderr).toMatch(/^fiche translate: .*\.fiche\.lock is held by pid \d+/u)
    const align = await fiche(
      dir,
      ['align', '-q', 'input/cesia-note-2026-02-05.md', 'input/lignes-rouges-onu-2025-09-23.txt'],
      { FICHE_LOCK_TIMEOUT: '0.3' },
    ).done
    expect(align.code).toBe(1)
    expect(align.stderr).toMatch(/^fiche align: .*\.fiche\.lock is held by pid \d+/u)
    expect(readdirSync(path.join(dir, 'output'))).toEqual(['.fiche.lock'])
    // --check writes nothing, so it does not wait.
    const check = await fiche(dir, ['translate', '--check', '-q'], { FICHE_LOCK_TIMEOUT: '0' }).done
    expect(check.stderr).not.toMatch(/fiche\.lock/u)
  }, 20_000)

  it('takes over the lock of a build that is gone', async () => {
    const dir = project()
    mkdirSync(path.join(dir, 'output'))
    writeFileSync(path.join(dir, 'output', '.fiche.lock'), `${deadPid()}\n`)
    const run = await fiche(dir, ['build', '-q'], { FICHE_LOCK_TIMEOUT: '0' }).done
    expect(run.code, run.stderr).toBe(0)
    expect(existsSync(path.join(dir, 'output', '.fiche.lock'))).toBe(false)
  })

  it('releases the lock on SIGTERM', async () => {
    const dir = project()
    const lock = path.join(dir, 'output', '.fiche.lock')
    const { child, done } = fiche(dir, ['build', '-q'])
    const end = Date.now() + 10_000
    while (!existsSync(lock) && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 5))
    expect(existsSync(lock)).toBe(true)
    child.kill('SIGTERM')
    const run = await done
    expect(run.code).toBe(143)
    expect(existsSync(lock)).toBe(false)
  })
})

describe('taking over a stale lock', () => {
  /** src/cli/lock.ts bundled for plain node, and a racer that holds the lock for a moment. */
  function racer(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-lock-race-'))
    const lockJs = path.join(dir, 'lock.mjs')
    spawnSync(
      path.join(root, 'node_modules/.bin/esbuild'),
      [
        path.join(root, 'src/cli/lock.ts'),
        '--bundle',
        '--platform=node',
        '--format=esm',
        `--outfile=${lockJs}`,
      ],
      { stdio: 'ignore' },
    )
    const script = path.join(dir, 'racer.mjs')
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs'
import { acquireLock } from ${JSON.stringify(lockJs)}
const [out, log] = process.argv.slice(2)
const onWait = (message) => process.stderr.write(message + '\\n')
const lock = await acquireLock(out, { timeoutMs: 30000, pollMs: 5, onWait })
appendFileSync(log, 'enter ' + process.pid + '\\n')
await new Promise((resolve) => setTimeout(resolve, 150))
appendFileSync(log, 'leave ' + process.pid + '\\n')
lock.release()
`,
    )
    return script
  }

  function race(script: string, out: string, log: string, extra: Record<string, string> = {}) {
    const child = spawn('node', [script, out, log], {
      env: { ...process.env, ...extra },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const done = new Promise<{ code: number | null; stderr: string }>((resolve) =>
      child.on('close', (code) => resolve({ code, stderr })),
    )
    return { pid: child.pid!, done, log: () => stderr }
  }

  it('makes a process wait while another, paused under the takeover marker, removes the stale lock', async () => {
    // FICHE_TEST_LOCK_PAUSE holds the first process between seeing that the
    // lock is stale and removing it: the moment when a second process taking
    // it over too must wait, or one of them would remove the lock the other
    // then takes.
    const script = racer()
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-lock-stale-'))
    const out = path.join(dir, 'output')
    mkdirSync(out)
    const lock = path.join(out, '.fiche.lock')
    writeFileSync(lock, `${deadPid()}\n`)
    const marker = takeoverMarker(lock)
    const log = path.join(dir, 'log')
    writeFileSync(log, '')
    const first = race(script, out, log, { FICHE_TEST_LOCK_PAUSE: '1500' })
    const pausing = `FICHE_TEST_LOCK_PAUSE: ${lock} is stale, pausing 1500 ms before removing it\n`
    const end = Date.now() + 10_000
    while (!first.log().includes(pausing) && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 5))
    expect(first.log()).toBe(pausing)
    const second = race(script, out, log)
    const [a, b] = await Promise.all([first.done, second.done])
    expect(a.code, a.stderr).toBe(0)
    expect(b.code, b.stderr).toBe(0)
    expect(a.stderr.startsWith(pausing), a.stderr).toBe(true)
    // Once the first has removed the stale lock and its marker, both try to
    // create the lock "like everyone else" (src/cli/lock-steps.ts): either may
    // win (on a loaded machine the second, polling, sometimes does), but they
    // never hold it together.
    const held = (p: number, q: number) => `enter ${p}\nleave ${p}\nenter ${q}\nleave ${q}\n`
    expect([held(first.pid, second.pid), held(second.pid, first.pid)]).toContain(
      readFileSync(log, 'utf8'),
    )
    expect(b.stderr).toMatch(
      new RegExp(
        `^waiting for ${escape(lock)} \\(stale, left by pid \\d+, and being taken over by pid ${first.pid} \\(${escape(marker)}, which expires after 5 s\\)\\)\\n`,
        'u',
      ),
    )
    expect(readdirSync(out)).toEqual([])
  }, 30_000)

  it('builds past the takeover marker left by a dead process and by a live one older than the bound', async () => {
    for (const owner of ['dead', 'hung'] as const) {
      const dir = project()
      const out = path.join(dir, 'output')
      mkdirSync(out)
      const lock = path.join(out, '.fiche.lock')
      writeFileSync(lock, `${deadPid()}\n`)
      const pid = owner === 'dead' ? deadPid() : livePid()
      const time = owner === 'dead' ? Date.now() : Date.now() - MARKER_STALE_MS - 1000
      writeFileSync(takeoverMarker(lock), `${pid} ${time}\n`)
      const run = await fiche(dir, ['build', '-q'], { FICHE_LOCK_TIMEOUT: '2' }).done
      expect(run.code, `${owner}: ${run.stderr}`).toBe(0)
      expect(
        readdirSync(out).filter((name) => name.startsWith('.fiche.lock')),
        owner,
      ).toEqual([])
    }
  }, 40_000)

  it('waits for the fresh takeover marker of a live process, naming the lock, its holder and the taker', async () => {
    const dir = project()
    const out = path.join(dir, 'output')
    mkdirSync(out)
    const lock = path.join(out, '.fiche.lock')
    const dead = deadPid()
    writeFileSync(lock, `${dead}\n`)
    const marker = takeoverMarker(lock)
    const pid = livePid()
    writeFileSync(marker, `${pid} ${Date.now()}\n`)
    const run = await fiche(dir, ['build', '-q'], { FICHE_LOCK_TIMEOUT: '0.3' }).done
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `fiche build: ${lock} is stale, left by pid ${dead}, and being taken over by pid ${pid} (${marker}, which expires after 5 s) (another fiche command writing into ${out}); gave up after 0.3 s (FICHE_LOCK_TIMEOUT)\n`,
    )
    expect(readFileSync(lock, 'utf8')).toBe(`${dead}\n`)
    expect(existsSync(marker)).toBe(true)
  }, 20_000)
})

/** `text` as a literal in a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}
