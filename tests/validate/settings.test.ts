import { describe, expect, it } from 'vitest'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'
import { rules } from '../../src/validate/registry.ts'
import { resolveRules } from '../../src/validate/settings.ts'
import { root } from '../helpers.ts'

const levels = (config: unknown) =>
  Object.fromEntries(resolveRules(config).active.map((a) => [a.rule.id, a.severity]))

describe('rule settings', () => {
  it('applies the recommended preset by default', () => {
    expect(levels(undefined)).toEqual(
      Object.fromEntries(rules.map((r) => [r.id, r.defaultSeverity])),
    )
  })

  it('makes every rule an error with the strict preset, then applies per-rule settings', () => {
    const active = levels({
      preset: 'strict',
      'document-has-date': 'off',
      'claim-has-source': 'warn',
    })
    expect(active['statistic-has-source']).toBe('error')
    expect(active['claim-has-source']).toBe('warning')
    expect(active).not.toHaveProperty('document-has-date')
  })

  it('fills in option defaults and reads [level, options]', () => {
    const found = resolveRules({ 'heading-number-sequence': ['error', { allowZero: true }] }).active
    const rule = found.find((a) => a.rule.id === 'heading-number-sequence')!
    expect(rule).toMatchObject({ severity: 'error', options: { allowZero: true } })
    const label = found.find((a) => a.rule.id === 'citation-label-format')!
    expect(label.options).toEqual({ minYear: 1900, yearsAhead: 1 })
  })

  it.each([
    [
      { 'no-such-rule': 'error' },
      /"rules\.no-such-rule": unknown rule "no-such-rule", expected one of: citation-has-url/,
    ],
    [
      { 'document-has-title': 'loud' },
      /"rules\.document-has-title": expected "off", "info", "warn" or "error"/,
    ],
    [
      { 'heading-number-sequence': ['error', { allowZero: 'yes' }] },
      /"rules\.heading-number-sequence\[1\]\.allowZero": .*boolean/,
    ],
    [
      { 'heading-number-sequence': ['error', { allowzero: true }] },
      /unknown option "allowzero" of rule "heading-number-sequence"/,
    ],
    [
      { preset: 'lax' },
      /"rules\.preset": unknown preset "lax", expected one of: recommended, strict/,
    ],
  ])('rejects %j as a configuration error naming the key', (setting, message) => {
    expect(() => resolveConfig({ rules: setting }, root)).toThrow(ConfigError)
    expect(() => resolveConfig({ rules: setting }, root)).toThrow(message)
  })

  it('reports a sources file that cannot be read as a configuration error', () => {
    expect(() => resolveConfig({ sources: 'nope.bib' }, root)).toThrow(
      /"sources": nope\.bib: cannot read the sources file \(ENOENT\)/,
    )
  })
})
