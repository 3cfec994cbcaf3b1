/**
 * The steps of taking the output folder's lock, over injected file
 * operations (`LockSystem`), so that a test can run several "processes" on
 * an in-memory folder and interleave their steps deterministically
 * (tests/cli/lock-steps.test.ts); src/cli/lock.ts runs them on the real file
 * system and clock.
 *
 * The lock is a file created exclusively with its holder's pid. A lock is
 * stale when its holder no longer runs (or when it was left empty for too
 * long). A stale lock is removed only under a takeover marker: a file created
 * exclusively beside it, named after that very lock file (its identity, see
 * `LockFile.id`) and a generation, `<lock>.takeover.<id>.<generation>`,
 * holding the marker owner's pid and the time it was created. The marker
 * owner checks again that the lock is still that stale file, removes it and
 * its own marker, and tries to create the lock like everyone else.
 *
 * A marker whose owner no longer runs, or older than `MARKER_STALE_MS` (its
 * owner hangs), has expired: it is never removed while the stale lock is
 * there, the next generation is created instead (`.1`, `.2`, ...). So a
 * marker name is created at most once while it matters, and no two running
 * processes can both own a live marker of one lock file (removing an expired
 * marker and creating one of the same name would let a second process, which
 * had seen the expired one too, take the new one's place). A marker owner
 * that hung and resumes may have lost its marker to the next generation: it
 * removes the lock only if its marker is less than half the expiry old, so
 * the next generation, which waits for the whole expiry, cannot be acting
 * too. Markers of a lock file that is gone are garbage (that file never
 * comes back): the next holder of the lock removes them.
 */
import path from 'node:path'

/** A file as read: its text, its identity and when it was last written. */
export interface LockFile {
  text: string
  /**
   * Identifies this file among all files ever at its path (inode and
   * modification time in ns): a removed and re-created lock has another id.
   * Made of characters safe in a file name.
   */
  id: string
  mtimeMs: number
}

/** The operations the steps use: the real file system (src/cli/lock.ts) or a test's model. */
export interface LockSystem {
  /** This process's pid. */
  pid: number
  /** Creates the lock file exclusively with this process's pid; false when it exists. */
  createLock(file: string): boolean | Promise<boolean>
  /** Creates a takeover marker exclusively with `text`; false when it exists. */
  createMarker(file: string, text: string): boolean | Promise<boolean>
  /** The file, or null when it does not exist. */
  read(file: string): LockFile | null | Promise<LockFile | null>
  /** Removes a file (nothing when it is gone). */
  remove(file: string): void | Promise<void>
  /** The names of the files in a folder. */
  list(dir: string): string[] | Promise<string[]>
  /** Whether this process holds the lock or marker `file` (created it and has not removed it). */
  holds(file: string): boolean
  /** Whether process `pid` runs. */
  isRunning(pid: number): boolean | Promise<boolean>
  /** The time in ms. */
  now(): number | Promise<number>
  sleep(ms: number): Promise<void>
  /**
   * Called between seeing that the lock is stale (once the marker is created)
   * and checking it again and removing it: a test pauses there
   * (FICHE_TEST_LOCK_PAUSE in src/cli/lock.ts).
   */
  beforeRemove?(file: string): void | Promise<void>
}

/** Options of `takeLock`. */
export interface LockStepOptions {
  timeoutMs: number
  pollMs: number
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (message: string) => void
}

/** An empty lock or marker older than this is stale: its owner died between creating and writing it. */
export const EMPTY_STALE_MS = 2000

/**
 * A takeover marker older than this has expired even if its owner still runs:
 * the owner hangs (stopped, or killed without a chance to clean up and its
 * pid reused). Taking over is three file operations, well under a second.
 */
export const MARKER_STALE_MS = 5000

/** Waiting for a lock longer than allowed. */
export class LockError extends Error {
  override name = 'LockError'
}

/** The name of the generation `generation` takeover marker of lock `file` whose id is `id`. */
export function markerName(file: string, id: string, generation: number): string {
  return `${file}.takeover.${id}.${generation}`
}

/** Another process taking over the stale lock: its pid and marker. */
interface Taker {
  pid: number | null
  marker: string
}

/**
 * Creates lock `name` in folder `dir`, waiting for another holder and taking
 * over a stale lock; fails with a `LockError` naming the lock and its holder
 * after `timeoutMs`.
 */
export async function takeLock(
  dir: string,
  name: string,
  system: LockSystem,
  options: LockStepOptions,
): Promise<void> {
  const file = path.join(dir, name)
  const start = await system.now()
  let waiting = false
  for (;;) {
    if (await system.createLock(file)) {
      await removeOldMarkers(dir, name, system)
      return
    }
    const holder = await system.read(file)
    if (holder === null) continue // released meanwhile: try again at once
    let state = `held by ${describeHolder(holder)}`
    let pollMs = options.pollMs
    if (await isStale(file, holder, system)) {
      const taker = await takeOver(file, holder, system)
      if (taker === null) continue
      // Another process is taking it over: wait (briefly) and look again.
      const by = taker.pid === null ? 'a process starting' : `pid ${taker.pid}`
      state = `stale, left by ${describeHolder(holder)}, and being taken over by ${by} (${taker.marker}, which expires after ${MARKER_STALE_MS / 1000} s)`
      pollMs = Math.min(pollMs, 10)
    }
    if ((await system.now()) - start >= options.timeoutMs) {
      throw new LockError(
        `${file} is ${state} (another fiche command writing into ${dir}); gave up after ${options.timeoutMs / 1000} s (FICHE_LOCK_TIMEOUT)`,
      )
    }
    if (!waiting) {
      waiting = true
      options.onWait?.(`waiting for ${file} (${state})`)
    }
    await system.sleep(pollMs)
  }
}

/** The pid written in a lock or marker (its first number), or null if unreadable. */
function pidOf(text: string): number | null {
  const match = /^(\d+)(?: \d+)?\s*$/u.exec(text)
  return match ? Number(match[1]) : null
}

/** "pid N", or "a process starting" for an empty lock. */
function describeHolder(holder: LockFile): string {
  const pid = pidOf(holder.text)
  return pid === null ? 'a process starting' : `pid ${pid}`
}

/**
 * A lock whose holder no longer runs, or one left empty for too long. One
 * with this process's pid that it does not hold is stale too: left by a
 * killed process whose pid was reused.
 */
async function isStale(file: string, holder: LockFile, system: LockSystem): Promise<boolean> {
  const pid = pidOf(holder.text)
  if (pid === null) return (await system.now()) - holder.mtimeMs > EMPTY_STALE_MS
  if (pid === system.pid) return !system.holds(file)
  return !(await system.isRunning(pid))
}

/** A marker whose owner no longer runs, older than `MARKER_STALE_MS`, or left empty too long. */
async function isExpired(marker: string, owner: LockFile, system: LockSystem): Promise<boolean> {
  const now = await system.now()
  const match = /^(\d+) (\d+)\s*$/u.exec(owner.text)
  if (!match) return now - owner.mtimeMs > EMPTY_STALE_MS
  const pid = Number(match[1])
  if (Math.abs(now - Number(match[2])) > MARKER_STALE_MS) return true
  if (pid === system.pid) return !system.holds(marker)
  return !(await system.isRunning(pid))
}

/**
 * Takes over stale lock `file` as read (`stale`): creates the first marker
 * generation whose predecessors have all expired and, owning it, removes the
 * lock if it is still that file and still stale, and if the marker is less
 * than half its expiry old (a process that hung since creating it may have
 * lost it to the next generation: it then leaves the lock alone). Returns
 * null when the caller should try to create the lock again, or the process
 * taking it over when it is another.
 */
async function takeOver(file: string, stale: LockFile, system: LockSystem): Promise<Taker | null> {
  for (let generation = 0; ; generation++) {
    const marker = markerName(file, stale.id, generation)
    const created = await system.now()
    if (!(await system.createMarker(marker, `${system.pid} ${created}\n`))) {
      const owner = await system.read(marker)
      // Gone: its owner is done, the stale lock is gone too.
      if (owner === null) return null
      if (await isExpired(marker, owner, system)) continue
      return { pid: pidOf(owner.text), marker }
    }
    await system.beforeRemove?.(file)
    const current = await system.read(file)
    if (current?.id !== stale.id) {
      await system.remove(marker)
      return null
    }
    const stillStale = await isStale(file, current, system)
    if (stillStale && (await system.now()) - created < MARKER_STALE_MS / 2) {
      await system.remove(file)
      await system.remove(marker)
    }
    // Otherwise the marker stays until it expires: removed while that lock
    // file is there, its name could be created again by a process that had
    // seen it expired, beside the next generation's owner.
    return null
  }
}

/**
 * Removes the takeover markers of lock files that are gone (all but those of
 * lock `name` as it is now, held by this process): left by processes that
 * took over a lock, or died or hung while doing so.
 */
async function removeOldMarkers(dir: string, name: string, system: LockSystem): Promise<void> {
  const current = await system.read(path.join(dir, name))
  const prefix = `${name}.takeover.`
  const keep = current === null ? null : `${prefix}${current.id}.`
  for (const entry of await system.list(dir)) {
    if (!entry.startsWith(prefix) || (keep !== null && entry.startsWith(keep))) continue
    await system.remove(path.join(dir, entry))
  }
}
