/** Letting the heap settle between the phases of a build (src/cli/heap.ts). */
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { garbageCollector, heapSettler } from '../../src/cli/heap.ts'

describe('heap settling', () => {
  it('collects only once the heap grew by more than the slack since the last collection', () => {
    let heap = 100
    let collections = 0
    const settle = heapSettler({
      slack: 50,
      used: () => heap,
      collect: () => {
        collections++
        heap = 80
      },
    })
    settle() // 100 − 0 ≥ 50: collects, 80 are left
    expect(collections).toBe(1)
    heap = 120 // 40 since
    settle()
    expect(collections).toBe(1)
    heap = 131 // 51 since
    settle()
    expect(collections).toBe(2)
    settle()
    expect(collections).toBe(2)
  })

  it('takes V8’s collector without leaving a gc global to later contexts', () => {
    const gc = garbageCollector()
    expect(typeof gc).toBe('function')
    gc!()
    expect(runInNewContext('typeof gc')).toBe('undefined')
  })

  it('never collects when told there is no collector', () => {
    let reads = 0
    const settle = heapSettler({ slack: 0, used: () => ++reads, collect: null })
    settle()
    settle()
    // One read each: none after a collection.
    expect(reads).toBe(2)
  })
})
