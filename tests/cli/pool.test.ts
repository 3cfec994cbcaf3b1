/** When the notes run in worker threads, and how `--jobs` is read. */
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { minPooledNotes, parseJobs, poolSize } from '../../src/cli/pool.ts'
import { root } from '../helpers.ts'

const loaded = (config: object) => ({ ...resolveConfig(config, root), loaded: { file: null } })
const plugin = () => undefined

describe('poolSize', () => {
  it('always uses workers with user plugins, at most one per note and per job', () => {
    expect(poolSize(loaded({ plugins: [plugin] }), 1, 5)).toBe(1)
    expect(poolSize(loaded({ remarkPlugins: [plugin] }), 4, 3)).toBe(3)
    expect(poolSize(loaded({ plugins: [plugin] }), 4, 0)).toBe(0)
  })

  it('without plugins, uses workers for 2 notes with --jobs 2, else for many notes', () => {
    const config = loaded({})
    expect(poolSize(config, 1, 100)).toBe(0)
    expect(poolSize(config, 2, 1)).toBe(0)
    expect(poolSize(config, 4, 2)).toBe(2)
    expect(poolSize(config, undefined, 2)).toBe(0)
    const cores = poolSize(config, undefined, 1000)
    expect(cores === 0 || cores >= 2).toBe(true)
  })

  it('by default, on 2 cores only from 96 notes, on more cores from 32, never on 1', () => {
    const config = loaded({})
    expect(minPooledNotes(2)).toBe(96)
    expect(poolSize(config, undefined, 95, 2)).toBe(0)
    expect(poolSize(config, undefined, 96, 2)).toBe(2)
    expect(poolSize(config, undefined, 31, 4)).toBe(0)
    expect(poolSize(config, undefined, 32, 4)).toBe(4)
    expect(poolSize(config, undefined, 1000, 1)).toBe(0)
    expect(poolSize(config, 2, 2, 1)).toBe(2)
  })

  it('never uses workers for a configuration given as a value', () => {
    expect(poolSize(resolveConfig({ plugins: [plugin] }, root), 4, 10)).toBe(0)
  })
})

describe('parseJobs', () => {
  it('reads whole numbers of 1 or more', () => {
    expect(parseJobs('3')).toBe(3)
    expect(parseJobs('0')).toBe('--jobs "0": expected a whole number of 1 or more')
    expect(parseJobs('2.5')).toBe('--jobs "2.5": expected a whole number of 1 or more')
  })
})
