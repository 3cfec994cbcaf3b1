/**
 * Letting the heap settle between the phases of a note's build (after the
 * rules, after each output writer). V8 sets the size its heap may reach
 * before the next full collection from the live size at the last one, times
 * a factor of up to 4: when a long note's parse and analysis hold a few
 * hundred megabytes, the writers that follow may then pile up a gigabyte of
 * garbage before V8 collects it (a 5 MB note peaked at 1.3 GB this way,
 * though it never held more than about 450 MB at once). A full collection
 * at the end of a phase, once its data are garbage, sets that limit from
 * what is still live.
 *
 * It runs only when the heap grew by more than `SLACK` since the last one,
 * so a batch of short notes seldom pays for it (V8's own collections happen
 * far more often), and it costs a long note about 0.1–0.2 s a time.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Growth of the used heap (bytes) since the last settling that makes the next one collect. */
export const SLACK = 256 * 2 ** 20

/** What a heap settler uses: made to be replaced in tests. */
export interface SettlerOptions {
  slack?: number
  /** The used heap in bytes (default: V8's `used_heap_size`). */
  used?: () => number
  /** Collects the garbage (default: V8's `gc`, see `garbageCollector`); null to never collect. */
  collect?: (() => void) | null
}

/** A function that collects the garbage when the heap grew by more than `slack` since it last did. */
export function heapSettler(options: SettlerOptions = {}): () => void {
  const slack = options.slack ?? SLACK
  const used = options.used ?? (() => getHeapStatistics().used_heap_size)
  let collect = options.collect
  /** The used heap after the last collection made here. */
  let settled = 0
  return () => {
    if (used() - settled < slack) return
    if (collect === undefined) collect = garbageCollector()
    if (!collect) return
    collect()
    settled = used()
  }
}

/** The settler of this thread (see `heapSettler`). */
export const settleHeap = heapSettler()

/**
 * V8's `gc` function: the global one under `node --expose-gc`, else taken
 * from a new context made while the flag is on (the flag is turned off
 * again, so that no later context or user code sees a `gc` global). Null if
 * this runtime refuses the flag: the heap is then left to V8.
 */
export function garbageCollector(): (() => void) | null {
  const global = (globalThis as { gc?: unknown }).gc
  if (typeof global === 'function') return global as () => void
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    return null
  } finally {
    setFlagsFromString('--no-expose-gc')
  }
}
