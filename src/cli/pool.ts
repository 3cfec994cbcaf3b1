/**
 * A small pool of worker threads (src/cli/worker.ts, compiled to
 * dist/worker.js) that build or check one note at a time each. A note that
 * takes longer than the configuration's `timeLimit` has its worker
 * terminated (a fresh one takes its place) and comes back as unfinished,
 * naming the user plugin that was running: the worker writes the index of
 * the running plugin to shared memory, which the main thread reads even
 * while the worker is stuck in a loop. Workers send back plain data only
 * (structured clone); nothing is written by a worker.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { ResolvedConfig } from '../config/resolve.ts'
import { packageRoot } from '../package.ts'

/**
 * The young generation of each worker (V8's default is 48 MB: semi-spaces of
 * 16 MB). A note's tree and analysis live through its whole build, so with
 * the default much of each scavenge copies objects that are still live:
 * building 50 notes of 9 KB on two workers spent 1.49 s in scavenges with
 * the default and 1.09 s with 96 MB (summed `--trace-gc` pauses).
 */
const YOUNG_GENERATION_MB = 96

/** What the workers do with each note. */
export type PoolCommand =
  | { command: 'build'; final: boolean; sourceDateEpoch: number | null }
  | { command: 'check' }
  | { command: 'model' }

/** What a worker is started with (its `workerData`). */
export interface WorkerSetup {
  /** How to load the configuration again: see `ResolvedConfig.loaded`. */
  config: { file: string | null; root: string }
  task: PoolCommand
  /** One Int32: the index of the user plugin running, or -1. */
  running: SharedArrayBuffer
}

/** A job sent to a worker. */
export interface WorkerJob {
  file: string
  id: string
}

/** A message from a worker. */
export type WorkerMessage<T> =
  | { type: 'ready'; names: string[] }
  | { type: 'done'; value: T }
  | { type: 'failed'; reason: string }

/** A note's answer: the worker's value, or why the note did not finish. */
export type PoolAnswer<T> = { ok: true; value: T } | { ok: false; reason: string }

/** Worker threads building or checking notes. */
export interface NotePool<T> {
  /** Queues one note; resolves when it is done or stopped (never rejects). */
  run(file: string, id: string): Promise<PoolAnswer<T>>
  /** Stops the workers. */
  close(): Promise<void>
}

/** The default of `--jobs`: the number of cores. */
export function defaultJobs(): number {
  return availableParallelism()
}

/** `--jobs N`: a whole number of 1 or more, or the message of a usage error. */
export function parseJobs(value: string): number | string {
  if (/^\d+$/.test(value) && Number(value) >= 1) return Number(value)
  return `--jobs "${value}": expected a whole number of 1 or more`
}

/**
 * Without user plugins and without `--jobs`, the fewest notes that are built
 * in workers on a machine of `cores` cores. Measured on a 2-core machine
 * (README, "Workers and the time limit"), 2 workers were slower than the
 * main thread for 50 and 66 notes (372 and 502 KB), level for 60 notes of
 * 1.3 MB, and faster (by 10–20 %) only for 150 notes: V8's collector and
 * compiler threads already keep the second core busy during a
 * single-threaded build. With more cores, 32.
 */
export function minPooledNotes(cores: number): number {
  return cores <= 2 ? 96 : 32
}

/**
 * How many workers a run of `notes` notes uses, with `--jobs` (undefined
 * when not given: the number of cores) on a machine of `cores` cores; 0
 * builds in the main thread.
 *
 * - With user plugins (`plugins`, `remarkPlugins`): always workers, at most
 *   `jobs`, so that the time limit can stop a plugin that loops.
 * - Otherwise, `--jobs N` with N ≥ 2 uses workers for 2 notes or more; by
 *   default only for `minPooledNotes(cores)` notes or more on a machine of
 *   2 cores or more: starting a worker (loading fiche, the configuration
 *   and the termbase again) costs about 0.5 s, and its first notes run
 *   before the JIT has compiled the pipeline.
 *
 * A configuration given as a value (not loaded from a file or the defaults)
 * cannot be loaded again in a worker: it is always built in the main thread.
 */
export function poolSize(
  config: ResolvedConfig,
  jobs: number | undefined,
  notes: number,
  cores: number = defaultJobs(),
): number {
  if (config.loaded === null || notes === 0) return 0
  const chosen = jobs ?? cores
  if (config.plugins.length + config.remarkPlugins.length > 0) return Math.min(chosen, notes)
  const enough = jobs === undefined ? minPooledNotes(cores) : 2
  return chosen >= 2 && notes >= enough ? Math.min(chosen, notes) : 0
}

interface Job<T> {
  file: string
  id: string
  resolve(answer: PoolAnswer<T>): void
}

interface Slot<T> {
  worker: Worker
  running: Int32Array
  names: string[] | null
  job: Job<T> | null
  timer: NodeJS.Timeout | null
}

/** Starts a pool of `size` workers for `config`. */
export function createPool<T>(
  config: ResolvedConfig,
  task: PoolCommand,
  size: number,
): NotePool<T> {
  const limit = config.timeLimit
  const queue: Job<T>[] = []
  const slots = new Set<Slot<T>>()
  let closed = false
  /** Why no worker can start (the configuration cannot be loaded in one), once known. */
  let broken: string | null = null

  const finish = (slot: Slot<T>, answer: PoolAnswer<T>) => {
    const job = slot.job
    if (slot.timer) clearTimeout(slot.timer)
    slot.job = null
    slot.timer = null
    job?.resolve(answer)
  }
  const next = (slot: Slot<T>) => {
    const job = queue.shift()
    if (!job) return
    slot.job = job
    slot.timer = setTimeout(() => stop(slot), limit * 1000)
    slot.worker.postMessage({ file: job.file, id: job.id } satisfies WorkerJob)
  }
  /** Stops a worker past the time limit; the note fails naming the plugin that was running. */
  const stop = (slot: Slot<T>) => {
    const name = slot.names?.[Atomics.load(slot.running, 0)]
    const reason = `${name === undefined ? '' : `plugin ${name} `}did not finish within ${limit} s (timeLimit)`
    retire(slot)
    finish(slot, { ok: false, reason })
    replace()
  }
  const retire = (slot: Slot<T>) => {
    slots.delete(slot)
    slot.worker.removeAllListeners()
    // A worker that fails after this is already replaced.
    slot.worker.on('error', () => {})
    void slot.worker.terminate()
  }
  /** Starts a worker for the queued notes, if any are left without one. */
  const replace = () => {
    const starting = [...slots].filter((slot) => slot.names === null).length
    if (!closed && slots.size < size && queue.length > starting) spawn()
  }
  const spawn = () => {
    const running = new Int32Array(new SharedArrayBuffer(4))
    running[0] = -1
    const setup: WorkerSetup = {
      config: { file: config.loaded?.file ?? null, root: config.root },
      task,
      running: running.buffer as SharedArrayBuffer,
    }
    const worker = new Worker(new URL('dist/worker.js', packageRoot), {
      workerData: setup,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    })
    const slot: Slot<T> = { worker, running, names: null, job: null, timer: null }
    slots.add(slot)
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'ready') {
        slot.names = message.names
        next(slot)
      } else if (message.type === 'done') {
        finish(slot, { ok: true, value: message.value })
        next(slot)
      } else if (slot.names === null) {
        // The worker could not start: no worker will.
        broken = message.reason
        retire(slot)
        for (const job of queue.splice(0)) job.resolve({ ok: false, reason: broken })
      } else {
        finish(slot, { ok: false, reason: message.reason })
        next(slot)
      }
    })
    const died = (reason: string) => {
      retire(slot)
      finish(slot, { ok: false, reason })
      replace()
    }
    worker.on('error', (error) => died(`stopped with an error (${error.message})`))
    worker.on('exit', (code) => died(`stopped (the worker exited with code ${code})`))
  }

  return {
    run(file, id) {
      return new Promise((resolve) => {
        if (broken !== null) return resolve({ ok: false, reason: broken })
        queue.push({ file, id, resolve })
        const idle = [...slots].find((slot) => slot.names !== null && slot.job === null)
        if (idle) next(idle)
        else if (slots.size < size) spawn()
      })
    },
    async close() {
      closed = true
      const workers = [...slots].map((slot) => slot.worker)
      for (const slot of [...slots]) retire(slot)
      await Promise.all(workers.map((worker) => worker.terminate()))
    },
  }
}
