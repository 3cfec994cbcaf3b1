/**
 * The output folder's lock, so that two commands writing into one folder
 * (two builds, a build and a watch) take turns: `<out>/.fiche.lock`, created
 * exclusively, holding the pid of its holder. A second command waits for it
 * (polling, up to a timeout) and then fails with a one-line message naming
 * the lock and its holder; a lock whose holder no longer runs (a killed
 * build) is taken over under a takeover marker (the steps, over injected
 * file operations: src/cli/lock-steps.ts). The lock and its markers are
 * dot-files: never read as notes, never outputs.
 */
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { constants } from 'node:os'
import path from 'node:path'
import { type LockFile, type LockSystem, markerName, takeLock } from './lock-steps.ts'
import { isRunning } from './write.ts'

export { LockError, MARKER_STALE_MS } from './lock-steps.ts'

/** Name of the lock file in the output folder. */
export const LOCK_FILE = '.fiche.lock'

/** A lock held by this process. */
export interface Lock {
  file: string
  /** Removes the lock (if it is still this process's); idempotent. */
  release(): void
}

/** Options of `acquireLock`. */
export interface LockOptions {
  /** How long to wait for another holder, in ms (default: `FICHE_LOCK_TIMEOUT` seconds, or 30 s). */
  timeoutMs?: number
  /** Interval between attempts, in ms (default 100). */
  pollMs?: number
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (message: string) => void
  /**
   * Release the lock on SIGINT and SIGTERM and exit (128 + signal number), as
   * a build does; false for a command that handles the signals itself (watch).
   */
  exitOnSignal?: boolean
}

/** The default timeout: `FICHE_LOCK_TIMEOUT` (seconds) when it is a number, otherwise 30 s. */
export function defaultTimeoutMs(value = process.env.FICHE_LOCK_TIMEOUT): number {
  if (value !== undefined && /^\d+(\.\d+)?$/u.test(value)) return Number(value) * 1000
  return 30_000
}

/** Takes the lock of output folder `dir` (created if needed), waiting for another holder. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  const file = path.join(dir, LOCK_FILE)
  mkdirSync(dir, { recursive: true })
  // Until `held` installs its own handlers, a signal still exits as a build
  // does: without a listener Node would die at once, between the lock file's
  // creation and its handlers, and leave the lock behind.
  const exitOnSignal = options.exitOnSignal !== false
  const early = (signal: NodeJS.Signals) => process.exit(128 + (constants.signals[signal] ?? 0))
  if (exitOnSignal) {
    process.on('SIGINT', early)
    process.on('SIGTERM', early)
  }
  try {
    await takeLock(dir, LOCK_FILE, fileSystem, {
      timeoutMs: options.timeoutMs ?? defaultTimeoutMs(),
      pollMs: options.pollMs ?? 100,
      onWait: options.onWait,
    })
    return held(file, exitOnSignal)
  } finally {
    process.off('SIGINT', early)
    process.off('SIGTERM', early)
  }
}

/** The lock files and takeover markers this process holds (resolved paths). */
const holding = new Set<string>()

/** Creates `file` exclusively with `text`; false when it exists. */
function createExclusive(file: string, text: string): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  // Held from its creation on, before its text is written (`isStale`).
  holding.add(path.resolve(file))
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
  return true
}

/** The file's text and identity (one open file: both of the same file); null when it is gone. */
function readFile(file: string): LockFile | null {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  try {
    const stat = fstatSync(fd, { bigint: true })
    return {
      text: readFileSync(fd, 'utf8'),
      id: `${stat.ino}-${stat.mtimeNs}`,
      mtimeMs: Number(stat.mtimeMs),
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * How long to pause, said on stderr, between seeing under the takeover marker
 * that the lock is stale and removing it: `FICHE_TEST_LOCK_PAUSE` ms, for
 * tests only (tests/cli/concurrency.test.ts), 0 otherwise.
 */
function testPauseMs(): number {
  const value = process.env.FICHE_TEST_LOCK_PAUSE
  return value !== undefined && /^\d+$/u.test(value) ? Number(value) : 0
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The steps of src/cli/lock-steps.ts on the real file system and clock. */
const fileSystem: LockSystem = {
  pid: process.pid,
  createLock: (file) => createExclusive(file, `${process.pid}\n`),
  createMarker: createExclusive,
  read: readFile,
  remove(file) {
    holding.delete(path.resolve(file))
    rmSync(file, { force: true })
  },
  list: (dir) => readdirSync(dir),
  holds: (file) => holding.has(path.resolve(file)),
  isRunning,
  now: () => Date.now(),
  sleep,
  async beforeRemove(file) {
    const ms = testPauseMs()
    if (ms === 0) return
    process.stderr.write(
      `FICHE_TEST_LOCK_PAUSE: ${file} is stale, pausing ${ms} ms before removing it\n`,
    )
    await sleep(ms)
  },
}

/**
 * The name of the generation `generation` takeover marker of the lock file
 * `file` as it is now (tests write leftover markers with it).
 */
export function takeoverMarker(file: string, generation = 0): string {
  const lock = readFile(file)
  if (lock === null) throw new Error(`${file}: no lock to name a takeover marker after`)
  return markerName(file, lock.id, generation)
}

/** The lock just created: released on exit, and on SIGINT/SIGTERM when asked. */
function held(file: string, exitOnSignal: boolean): Lock {
  let released = false
  holding.add(path.resolve(file))
  const onSignal = (signal: NodeJS.Signals) => {
    release()
    process.exit(128 + (constants.signals[signal] ?? 0))
  }
  const release = () => {
    if (released) return
    released = true
    holding.delete(path.resolve(file))
    process.off('exit', release)
    if (exitOnSignal) {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true })
    } catch {
      // Already gone.
    }
  }
  process.on('exit', release)
  if (exitOnSignal) {
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  }
  return { file, release }
}

/** The lock options of a command: waiting is reported on stderr unless `quiet`. */
export function lockOptions(quiet: boolean): LockOptions {
  return { onWait: quiet ? undefined : (message) => process.stderr.write(`${message}\n`) }
}

/** Runs `task` holding the lock of `dir`, released in every case. */
export async function withLock<T>(
  dir: string,
  options: LockOptions,
  task: () => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(dir, options)
  try {
    return await task()
  } finally {
    lock.release()
  }
}
