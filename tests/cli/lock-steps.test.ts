/**
 * The lock's takeover steps (src/cli/lock-steps.ts) run by several simulated
 * processes on an in-memory folder, one file operation at a time, in an
 * order chosen by a seeded random scheduler: the races that real processes
 * hit only by chance are played here deterministically, over many orders.
 */
import { describe, expect, it } from 'vitest'
import {
  EMPTY_STALE_MS,
  LockError,
  type LockFile,
  type LockSystem,
  MARKER_STALE_MS,
  markerName,
  takeLock,
} from '../../src/cli/lock-steps.ts'

const DIR = '/out'
const NAME = '.fiche.lock'
const FILE = `${DIR}/${NAME}`
/** A pid that never runs. */
const DEAD = 99

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The in-memory folder, the clock and the processes that run. */
class World {
  files = new Map<string, LockFile>()
  running = new Set<number>()
  clock = 1_000_000
  private serial = 0

  /** Writes `path` as a new file (a new id), as `open(wx)` then `write` does. */
  write(path: string, text: string, mtimeMs = this.clock): void {
    this.files.set(path, { text, id: `f${++this.serial}`, mtimeMs })
  }
}

/** One file operation waiting for the scheduler: what it is, and running it. */
interface Step {
  label: string
  run(): void
}

/** A simulated process: its pending step, whether it is done, whether it holds the lock. */
class Proc {
  pending: Step | null = null
  done = false
  inside = false
  error: unknown = null
  private owned = new Set<string>()

  constructor(
    readonly pid: number,
    readonly world: World,
  ) {
    world.running.add(pid)
    this.system.pid = pid
  }

  /** A step run when the scheduler picks this process; each one takes 1 ms of the clock. */
  private step<T>(label: string, action: () => T): Promise<T> {
    return new Promise<T>((resolve) => {
      this.pending = {
        label,
        run: () => {
          this.pending = null
          this.world.clock += 1
          resolve(action())
        },
      }
    })
  }

  private create(path: string, text: string): boolean {
    if (this.world.files.has(path)) return false
    this.world.write(path, text)
    this.owned.add(path)
    return true
  }

  /** The steps' file operations, each one a step of this process. */
  readonly system: LockSystem = {
    pid: 0,
    createLock: (file) => this.step(`create ${file}`, () => this.create(file, `${this.pid}\n`)),
    createMarker: (file, text) => this.step(`create ${file}`, () => this.create(file, text)),
    read: (file) => this.step(`read ${file}`, () => this.world.files.get(file) ?? null),
    remove: (file) =>
      this.step(`remove ${file}`, () => {
        this.owned.delete(file)
        this.world.files.delete(file)
      }),
    list: (dir) =>
      this.step(`list ${dir}`, () =>
        [...this.world.files.keys()]
          .filter((file) => file.startsWith(`${dir}/`))
          .map((file) => file.slice(dir.length + 1)),
      ),
    holds: (file) => this.owned.has(file),
    isRunning: (pid) => this.step(`isRunning ${pid}`, () => this.world.running.has(pid)),
    now: () => this.step('now', () => this.world.clock),
    sleep: (ms) => this.step(`sleep ${ms}`, () => void (this.world.clock += ms)),
    beforeRemove: (file) => this.step(`beforeRemove ${file}`, () => undefined),
  }

  /** Releases the lock as src/cli/lock.ts does: removes it if it holds its pid. */
  private release(): Promise<void> {
    return this.step(`release ${FILE}`, () => {
      if (this.world.files.get(FILE)?.text === `${this.pid}\n`) this.world.files.delete(FILE)
      this.owned.delete(FILE)
    })
  }

  /** Takes the lock, holds it for a few steps (`inside`), releases it and exits. */
  async run(onEnter: (proc: Proc) => void, timeoutMs: number): Promise<void> {
    try {
      await takeLock(DIR, NAME, this.system, { timeoutMs, pollMs: 10 })
      this.inside = true
      onEnter(this)
      for (let i = 0; i < 3; i++) await this.system.sleep(1)
      this.inside = false
      await this.release()
    } catch (error) {
      this.error = error
    } finally {
      // A build exits once done: its pid no longer runs.
      this.world.running.delete(this.pid)
      this.done = true
    }
  }

  /** Killed: never runs again, its files stay. */
  kill(): void {
    this.world.running.delete(this.pid)
    this.pending = null
    this.inside = false
    this.done = true
  }
}

/** Lets every process run until it waits for its next step or ends. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

interface Outcome {
  world: World
  procs: Proc[]
  /** Pids in the order they took the lock. */
  entered: number[]
  /** Pids found holding the lock together, at each entry that overlapped. */
  overlaps: number[][]
  steps: number
}

/**
 * Runs processes `pids` on `world` until all are done, picking the next step
 * at random (seed `seed`); `kill` stops one process for good at a given step.
 */
async function play(
  world: World,
  pids: number[],
  seed: number,
  options: { kill?: { pid: number; step: number }; timeoutMs?: number; maxSteps?: number } = {},
): Promise<Outcome> {
  const next = random(seed)
  const procs = pids.map((pid) => new Proc(pid, world))
  const entered: number[] = []
  const overlaps: number[][] = []
  const onEnter = (proc: Proc) => {
    entered.push(proc.pid)
    const inside = procs.filter((other) => other.inside).map((other) => other.pid)
    if (inside.length > 1) overlaps.push(inside)
  }
  for (const proc of procs) void proc.run(onEnter, options.timeoutMs ?? Number.POSITIVE_INFINITY)
  let steps = 0
  for (; steps < (options.maxSteps ?? 20_000); steps++) {
    await settle()
    if (options.kill?.step === steps) procs.find((proc) => proc.pid === options.kill!.pid)!.kill()
    const ready = procs.filter((proc) => proc.pending !== null)
    if (ready.length === 0) break
    ready[Math.floor(next() * ready.length)]!.pending!.run()
  }
  return { world, procs, entered, overlaps, steps }
}

/** A world with a stale lock (its holder, `DEAD`, is gone) and the given files. */
function staleWorld(extra: (world: World) => void = () => {}): World {
  const world = new World()
  world.write(FILE, `${DEAD}\n`, world.clock - 60_000)
  extra(world)
  return world
}

const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1)

describe('taking over a stale lock, step by step', () => {
  it('lets one process at a time hold it, in every explored order of three racing processes', async () => {
    for (const seed of SEEDS) {
      const outcome = await play(staleWorld(), [1, 2, 3], seed)
      const where = `seed ${seed}, entered ${outcome.entered.join(' ')}`
      expect(outcome.overlaps, where).toEqual([])
      expect(outcome.procs.map((proc) => proc.error)).toEqual([null, null, null])
      expect(
        outcome.entered.sort((a, b) => a - b),
        where,
      ).toEqual([1, 2, 3])
      expect([...outcome.world.files.keys()], where).toEqual([])
    }
  })

  it('removes the stale lock only under the marker, after checking again that it is stale', async () => {
    // Process 1 pauses with the marker, just before removing the stale lock;
    // process 2 then runs alone for a while: it must wait, not take the lock.
    const world = staleWorld()
    const first = new Proc(1, world)
    const second = new Proc(2, world)
    const entered: number[] = []
    void first.run((proc) => entered.push(proc.pid), Number.POSITIVE_INFINITY)
    void second.run((proc) => entered.push(proc.pid), Number.POSITIVE_INFINITY)
    await settle()
    while (!first.pending!.label.startsWith('beforeRemove')) {
      first.pending!.run()
      await settle()
    }
    expect([...world.files.keys()]).toEqual([FILE, markerName(FILE, 'f1', 0)])
    for (let i = 0; i < 200; i++) {
      second.pending!.run()
      await settle()
    }
    expect(entered).toEqual([])
    expect(world.files.get(FILE)?.text).toBe(`${DEAD}\n`)
    while (!first.done || !second.done) {
      ;(first.pending ?? second.pending)!.run()
      await settle()
    }
    expect(entered).toEqual([1, 2])
  })

  it.each([
    ['before checking the lock again', ['beforeRemove']],
    ['after reading the lock again', ['beforeRemove', `isRunning ${DEAD}`]],
  ])(
    'leaves alone the lock taken meanwhile when a marker owner hangs past the bound %s',
    async (_, holdAt) => {
      const world = staleWorld()
      const first = new Proc(1, world)
      const second = new Proc(2, world)
      const entered: number[] = []
      let overlap = false
      const onEnter = (proc: Proc) => {
        entered.push(proc.pid)
        overlap ||= first.inside && second.inside
      }
      void first.run(onEnter, Number.POSITIVE_INFINITY)
      void second.run(onEnter, Number.POSITIVE_INFINITY)
      await settle()
      // Process 1 hangs holding the marker, at the step `holdAt` ends with.
      for (const [i, label] of holdAt.entries()) {
        while (!first.pending!.label.startsWith(label)) {
          first.pending!.run()
          await settle()
        }
        if (i < holdAt.length - 1) {
          first.pending!.run()
          await settle()
        }
      }
      // Process 2 waits until the marker expires, then takes the lock over.
      for (let i = 0; i < 5000 && !second.inside; i++) {
        second.pending!.run()
        await settle()
      }
      expect(second.inside).toBe(true)
      expect(world.files.get(FILE)?.text).toBe('2\n')
      // Process 1 resumes while 2 holds the lock: it must leave it alone and wait.
      for (let i = 0; i < 100 && first.pending; i++) {
        first.pending.run()
        await settle()
      }
      expect(world.files.get(FILE)?.text).toBe('2\n')
      expect(first.inside).toBe(false)
      while (!first.done || !second.done) {
        ;(second.pending ?? first.pending)!.run()
        await settle()
      }
      expect(overlap).toBe(false)
      expect(entered).toEqual([2, 1])
      expect([first.error, second.error]).toEqual([null, null])
      expect([...world.files.keys()]).toEqual([])
    },
  )

  it('is not stopped by the marker of a process that died taking over (killed at any step)', async () => {
    for (const seed of SEEDS) {
      // Process 3 is killed at a step between 0 and 40, leaving what it had created.
      const kill = { pid: 3, step: seed % 41 }
      const outcome = await play(staleWorld(), [1, 2, 3], seed, { kill })
      const where = `seed ${seed}, kill at ${kill.step}, entered ${outcome.entered.join(' ')}`
      expect(outcome.overlaps, where).toEqual([])
      expect(
        outcome.procs.slice(0, 2).map((proc) => proc.error),
        where,
      ).toEqual([null, null])
      expect(
        outcome.entered.filter((pid) => pid !== 3).sort((a, b) => a - b),
        where,
      ).toEqual([1, 2])
      // What remains, if anything, is the dead process's: its lock, or a
      // marker created after the last holder cleared them.
      for (const file of outcome.world.files.values()) expect(file.text, where).toMatch(/^3\b/u)
    }
  })

  it('takes over past a leftover marker: of a dead pid, of a live one older than the bound, empty and old', async () => {
    const leftovers = [
      `${DEAD + 1} ${1_000_000}\n`, // its owner is gone
      `${DEAD + 2} ${1_000_000 - MARKER_STALE_MS - 1}\n`, // its owner runs, but hangs
      '', // its owner died before writing it
    ]
    for (const text of leftovers) {
      for (const seed of SEEDS.slice(0, 50)) {
        const world = staleWorld((w) => {
          w.running.add(DEAD + 2)
          w.write(markerName(FILE, 'f1', 0), text, w.clock - EMPTY_STALE_MS - 1)
        })
        const outcome = await play(world, [1, 2, 3], seed)
        const where = `${JSON.stringify(text)}, seed ${seed}`
        expect(outcome.overlaps, where).toEqual([])
        expect(
          outcome.entered.sort((a, b) => a - b),
          where,
        ).toEqual([1, 2, 3])
        expect([...outcome.world.files.keys()], where).toEqual([])
      }
    }
  })

  it('waits for the fresh marker of a live process, naming the lock, the holder and the taker', async () => {
    const world = staleWorld((w) => {
      w.running.add(7)
      w.write(markerName(FILE, 'f1', 0), `7 ${w.clock}\n`)
    })
    const waited: string[] = []
    const proc = new Proc(1, world)
    const done = takeLock(DIR, NAME, proc.system, {
      timeoutMs: 300,
      pollMs: 10,
      onWait: (message) => waited.push(message),
    }).catch((error: unknown) => error)
    let settled = false
    void done.then(() => (settled = true))
    for (await settle(); !settled; await settle()) proc.pending!.run()
    const marker = markerName(FILE, 'f1', 0)
    const state = `stale, left by pid ${DEAD}, and being taken over by pid 7 (${marker}, which expires after ${MARKER_STALE_MS / 1000} s)`
    expect(waited).toEqual([`waiting for ${FILE} (${state})`])
    const error = await done
    expect(error).toBeInstanceOf(LockError)
    expect((error as Error).message).toBe(
      `${FILE} is ${state} (another fiche command writing into ${DIR}); gave up after 0.3 s (FICHE_LOCK_TIMEOUT)`,
    )
    expect(world.files.get(FILE)?.text).toBe(`${DEAD}\n`)
  })

  it('takes over once the fresh marker of a live process that hangs is older than the bound', async () => {
    const world = staleWorld((w) => {
      w.running.add(7)
      w.write(markerName(FILE, 'f1', 0), `7 ${w.clock}\n`)
    })
    const outcome = await play(world, [1, 2], 1, { maxSteps: 100_000 })
    expect(outcome.overlaps).toEqual([])
    expect(outcome.entered.sort((a, b) => a - b)).toEqual([1, 2])
    expect(outcome.world.clock).toBeGreaterThan(1_000_000 + MARKER_STALE_MS)
    expect([...outcome.world.files.keys()]).toEqual([])
  })
})
