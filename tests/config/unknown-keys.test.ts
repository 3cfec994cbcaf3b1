/** Unknown configuration keys: the nearest accepted key is named, and the accepted ones listed. */
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { root } from '../helpers.ts'

describe('unknown keys', () => {
  it('name the nearest accepted key and list the accepted ones, nested keys too', () => {
    expect(() => resolveConfig({ languag: 'fr' }, root)).toThrow(
      /at "\(root\)": unknown key "languag" \(did you mean "language"\?\); accepted keys: input, /,
    )
    expect(() => resolveConfig({ translation: { langages: ['en'] } }, root)).toThrow(
      /at "translation": unknown key "langages" \(did you mean "languages"\?\)/,
    )
    expect(() => resolveConfig({ zzz: 1 }, root)).toThrow(/unknown key "zzz"; accepted/)
  })
})
