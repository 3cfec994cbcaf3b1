/**
 * The output folder's lock, so that two commands writing into one folder
 * (two builds, a build and a watch) take turns: `<out>/.fiche.lock`, created
 * exclusively, holding the pid of its holder. A second command waits for it
 * (polling, up to a timeout) and then fails with a one-line message naming
 * the lock and its holder; a lock whose holder no longer runs (a killed
 * build) is taken over. The lock is a dot-file: never read as a note, never
 * an output.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { constants } from 'node:os'
import path from 'node:path'
import { isRunning } from './write.ts'

/** Name of the lock file in the output folder. */
export const LOCK_FILE = '.fiche.lock'

/** Waiting for a lock longer than allowed. */
export class LockError extends Error {
  override name = 'LockError'
}

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

/** An empty lock older than this is stale: its holder died between creating and writing it. */
const EMPTY_STALE_MS = 2000

/** The default timeout: `FICHE_LOCK_TIMEOUT` (seconds) when it is a number, otherwise 30 s. */
export function defaultTimeoutMs(value = process.env.FICHE_LOCK_TIMEOUT): number {
  if (value !== undefined && /^\d+(\.\d+)?$/u.test(value)) return Number(value) * 1000
  return 30_000
}

/** Takes the lock of output folder `dir` (created if needed), waiting for another holder. */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<Lock> {
  const file = path.join(dir, LOCK_FILE)
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs()
  const pollMs = options.pollMs ?? 100
  mkdirSync(dir, { recursive: true })
  const start = Date.now()
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
    return await waitFor(file, dir, timeoutMs, pollMs, options, start, exitOnSignal)
  } finally {
    process.off('SIGINT', early)
    process.off('SIGTERM', early)
  }
}

/** The polling loop of `acquireLock`. */
async function waitFor(
  file: string,
  dir: string,
  timeoutMs: number,
  pollMs: number,
  options: LockOptions,
  start: number,
  exitOnSignal: boolean,
): Promise<Lock> {
  let waiting = false
  for (;;) {
    if (tryCreate(file)) return held(file, exitOnSignal)
    const holder = readHolder(file)
    if (holder === null) continue // released meanwhile: try again at once
    if (isStale(file, holder)) {
      takeOver(file)
      if (!existsSync(file)) continue
      // Another process is taking it over: wait and look again.
      await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, 10)))
      continue
    }
    const who = holder.pid === null ? 'a process starting' : `pid ${holder.pid}`
    if (Date.now() - start >= timeoutMs) {
      throw new LockError(
        `${file} is held by ${who} (another fiche command writing into ${dir}); gave up after ${timeoutMs / 1000} s (FICHE_LOCK_TIMEOUT)`,
      )
    }
    if (!waiting) {
      waiting = true
      options.onWait?.(`waiting for ${file} (held by ${who})`)
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
}

/** Creates the lock with this process's pid; false when it exists. */
function tryCreate(file: string): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${process.pid}\n`)
  } finally {
    closeSync(fd)
  }
  return true
}

/** What the lock holds: its text, pid (null if unreadable) and age; null when it is gone. */
function readHolder(file: string): { text: string; pid: number | null; ageMs: number } | null {
  let text: string
  let mtime: number
  try {
    text = readFileSync(file, 'utf8')
    mtime = statSync(file).mtimeMs
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  const pid = /^\d+\s*$/u.test(text) ? Number(text.trim()) : null
  return { text, pid, ageMs: Date.now() - mtime }
}

/** The lock files this process holds. */
const holding = new Set<string>()

/**
 * A lock whose holder no longer runs, or one left empty for too long. One
 * with this process's pid that it does not hold is stale too: left by a
 * killed process whose pid was reused.
 */
function isStale(file: string, holder: { pid: number | null; ageMs: number }): boolean {
  if (holder.pid === null) return holder.ageMs > EMPTY_STALE_MS
  if (holder.pid === process.pid) return !holding.has(path.resolve(file))
  return !isRunning(holder.pid)
}

/**
 * Removes a stale lock, atomically with respect to other processes taking it
 * over: only the process that creates the takeover marker
 * (`<lock>.takeover`, exclusively) may remove the lock, after checking again
 * under the marker that the lock is still stale; the others wait and try
 * again. A lock is only ever removed by its holder or under the marker, so
 * two processes can never both remove a lock and both run. A marker left by
 * a killed process (its pid no longer runs) is removed.
 */
function takeOver(file: string): void {
  const marker = `${file}.takeover`
  let fd: number
  try {
    fd = openSync(marker, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const owner = readHolder(marker)
    if (owner && isStaleMarker(owner)) rmSync(marker, { force: true })
    return
  }
  try {
    writeSync(fd, `${process.pid}\n`)
  } finally {
    closeSync(fd)
  }
  try {
    const holder = readHolder(file)
    if (holder !== null && isStale(file, holder)) rmSync(file, { force: true })
  } finally {
    rmSync(marker, { force: true })
  }
}

/** A takeover marker whose process no longer runs (or left empty for too long). */
function isStaleMarker(owner: { pid: number | null; ageMs: number }): boolean {
  if (owner.pid === null) return owner.ageMs > EMPTY_STALE_MS
  return owner.pid !== process.pid && !isRunning(owner.pid)
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
