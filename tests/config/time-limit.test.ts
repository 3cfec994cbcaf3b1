/** The `timeLimit` key: seconds per note, default 60, errors naming the key. */
import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'
import { root } from '../helpers.ts'

describe('timeLimit', () => {
  it('defaults to 60 seconds and takes fractions', () => {
    expect(resolveConfig({}, root).timeLimit).toBe(60)
    expect(resolveConfig({ timeLimit: 2.5 }, root).timeLimit).toBe(2.5)
  })

  it.each([
    [0, 'expected a number of seconds greater than 0'],
    [-3, 'expected a number of seconds greater than 0'],
    ['60', 'expected a number of seconds'],
    [100_000, 'expected at most 86400 seconds (one day)'],
  ])('refuses %j naming the key', (value, reason) => {
    expect(() => resolveConfig({ timeLimit: value }, root)).toThrow(ConfigError)
    expect(() => resolveConfig({ timeLimit: value }, root)).toThrow(
      `Configuration error at "timeLimit": ${reason}`,
    )
  })
})
