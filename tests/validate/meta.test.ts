import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { rules } from '../../src/validate/registry.ts'
import { root } from '../helpers.ts'

const files = readdirSync(path.join(root, 'src/validate/rules'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''))

describe('rules (meta)', () => {
  it('registers every rule file, once', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...files].sort())
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length)
  })

  it.each(files)('%s: id equals the file name, kebab-case', async (file) => {
    const rule = (
      (await import(`../../src/validate/rules/${file}.ts`)) as { default: { id: string } }
    ).default
    expect(rule.id).toBe(file)
    expect(file).toMatch(/^[a-z]+(?:-[a-z]+)+$/)
  })

  it.each(files)('%s: has a doc page with what, why, a failing and a passing example', (id) => {
    const doc = path.join(root, 'docs/rules', `${id}.md`)
    expect(existsSync(doc)).toBe(true)
    const text = readFileSync(doc, 'utf8')
    expect(text).toMatch(new RegExp(`^# ${id}\\n`))
    for (const section of ['## What', '## Why', '## Fails', '## Passes', '## Options']) {
      expect(text).toContain(section)
    }
  })

  it.each(files)('%s: has a test file', (id) => {
    expect(existsSync(path.join(root, 'tests/validate/rules', `${id}.test.ts`))).toBe(true)
  })

  it.each(rules.map((r) => [r.id, r] as const))('%s: options all have defaults', (_id, rule) => {
    expect(() => rule.parseOptions(undefined)).not.toThrow()
  })
})
