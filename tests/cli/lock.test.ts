import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { deadPid } from '../helpers.ts'
import {
  acquireLock,
  defaultTimeoutMs,
  LOCK_FILE,
  LockError,
  MARKER_STALE_MS,
  takeoverMarker,
  withLock,
} from '../../src/cli/lock.ts'

const folder = () => mkdtempSync(path.join(tmpdir(), 'fiche-lock-'))

const children: Array<ReturnType<typeof spawn>> = []
/** A live process other than this one (killed after the test). */
function livePid(): number {
  const child = spawn('node', ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' })
  children.push(child)
  return child.pid!
}
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

describe('output folder lock', () => {
  it('creates the lock with the pid, in a new folder, and removes it on release', async () => {
    const dir = path.join(folder(), 'out', 'deep')
    const lock = await acquireLock(dir)
    expect(lock.file).toBe(path.join(dir, LOCK_FILE))
    expect(readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid))
    lock.release()
    lock.release()
    expect(existsSync(lock.file)).toBe(false)
  })

  it('blocks a second holder in the same process until the timeout, naming the lock and pid', async () => {
    const dir = folder()
    const lock = await acquireLock(dir)
    try {
      const waited: string[] = []
      const start = Date.now()
      const second = acquireLock(dir, {
        timeoutMs: 300,
        pollMs: 20,
        onWait: (m) => waited.push(m),
      })
      await expect(second).rejects.toThrow(LockError)
      await expect(second).rejects.toThrow(
        `${path.join(dir, LOCK_FILE)} is held by pid ${process.pid}`,
      )
      expect(Date.now() - start).toBeGreaterThanOrEqual(290)
      expect(waited).toEqual([
        `waiting for ${path.join(dir, LOCK_FILE)} (held by pid ${process.pid})`,
      ])
      expect(readFileSync(lock.file, 'utf8').trim()).toBe(String(process.pid))
    } finally {
      lock.release()
    }
  })

  it('blocks while another live process holds it', async () => {
    const dir = folder()
    const pid = livePid()
    writeFileSync(path.join(dir, LOCK_FILE), `${pid}\n`)
    const error = await acquireLock(dir, { timeoutMs: 200, pollMs: 20 }).catch((e) => e)
    expect(error).toBeInstanceOf(LockError)
    expect((error as Error).message).toMatch(
      new RegExp(`held by pid ${pid} .*gave up after 0\\.2 s`),
    )
    expect(readFileSync(path.join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(pid))
  })

  it('waits for the holder and takes the lock once it is released', async () => {
    const dir = folder()
    const first = await acquireLock(dir)
    setTimeout(() => first.release(), 200)
    const second = await acquireLock(dir, { timeoutMs: 5000, pollMs: 20 })
    expect(readFileSync(second.file, 'utf8').trim()).toBe(String(process.pid))
    second.release()
  })

  it('takes over a stale lock: a dead pid, a reused pid of its own, an old empty file', async () => {
    for (const [text, old] of [
      [`${deadPid()}\n`, false],
      [`${process.pid}\n`, false],
      ['', true],
    ] as const) {
      const dir = folder()
      const file = path.join(dir, LOCK_FILE)
      writeFileSync(file, text)
      if (old) utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
      const lock = await acquireLock(dir, { timeoutMs: 0 })
      expect(readFileSync(file, 'utf8').trim()).toBe(String(process.pid))
      lock.release()
      expect(readdirSync(dir)).toEqual([])
    }
  })

  it('takes over past a leftover takeover marker (dead, or live and older than the bound), and clears the markers', async () => {
    for (const [pid, age] of [
      [deadPid(), 0],
      [livePid(), MARKER_STALE_MS + 1000],
    ] as const) {
      const dir = folder()
      const file = path.join(dir, LOCK_FILE)
      writeFileSync(file, `${deadPid()}\n`)
      writeFileSync(takeoverMarker(file), `${pid} ${Date.now() - age}\n`)
      // The marker of a lock file that is gone: garbage.
      writeFileSync(`${file}.takeover.1-2.0`, `${pid} ${Date.now()}\n`)
      const lock = await acquireLock(dir, { timeoutMs: 1000 })
      expect(readdirSync(dir)).toEqual([LOCK_FILE])
      expect(readFileSync(file, 'utf8').trim()).toBe(String(process.pid))
      lock.release()
      expect(readdirSync(dir)).toEqual([])
    }
  })

  it('waits for a fresh empty lock (a holder between creating and writing it)', async () => {
    const dir = folder()
    writeFileSync(path.join(dir, LOCK_FILE), '')
    await expect(acquireLock(dir, { timeoutMs: 150, pollMs: 20 })).rejects.toThrow(
      /held by a process starting/,
    )
  })

  it('leaves alone, on release, a lock that another process has taken', async () => {
    const dir = folder()
    const lock = await acquireLock(dir)
    const pid = livePid()
    writeFileSync(lock.file, `${pid}\n`)
    lock.release()
    expect(readFileSync(lock.file, 'utf8').trim()).toBe(String(pid))
  })

  it('releases the lock when the task fails', async () => {
    const dir = folder()
    await expect(
      withLock(dir, {}, async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false)
  })

  it('reads the timeout from FICHE_LOCK_TIMEOUT (seconds), 30 s otherwise', () => {
    expect(defaultTimeoutMs('2.5')).toBe(2500)
    expect(defaultTimeoutMs('0')).toBe(0)
    expect(defaultTimeoutMs('soon')).toBe(30_000)
    expect(defaultTimeoutMs(undefined)).toBe(30_000)
  })
})
