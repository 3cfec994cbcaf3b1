/** Output folders outside the project root are refused unless allowed. */
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { outsideRootRefusal, isInside } from '../../src/cli/root.ts'
import { ConfigError, resolveConfig } from '../../src/config/resolve.ts'

const base = mkdtempSync(path.join(tmpdir(), 'fiche-root-'))
const project = path.join(base, 'project')
const sibling = path.join(base, 'sibling')
mkdirSync(path.join(project, 'sub'), { recursive: true })
mkdirSync(sibling)
symlinkSync(sibling, path.join(project, 'escape'))

describe('isInside', () => {
  it.each([
    [project, true],
    [path.join(project, 'output'), true],
    [path.join(project, 'sub/deeper/not-yet'), true],
    [path.join(project, '..output'), true],
    [path.join(project, 'output/../../sibling'), false],
    [sibling, false],
    [base, false],
    [`${project}-other`, false],
    [path.join(project, 'escape'), false],
    [path.join(project, 'escape/new/folder'), false],
  ])('%s → %s', (dir, inside) => {
    expect(isInside(project, dir)).toBe(inside)
  })
})

describe('outsideRootRefusal', () => {
  const config = resolveConfig({}, project)
  it('refuses a folder outside the root in one line naming both', () => {
    const message = outsideRootRefusal('build', sibling, config)
    expect(message).toBe(
      `fiche build: the output folder ${sibling} is outside the project root ${project}; pass --allow-outside-root or set allowOutputOutsideRoot: true in the configuration`,
    )
    expect(message).not.toContain('\n')
  })
  it('accepts a folder inside, the flag, or the configuration key', () => {
    expect(outsideRootRefusal('build', config.output, config)).toBeNull()
    expect(outsideRootRefusal('build', sibling, config, true)).toBeNull()
    const allowing = resolveConfig({ allowOutputOutsideRoot: true }, project)
    expect(allowing.allowOutputOutsideRoot).toBe(true)
    expect(outsideRootRefusal('build', sibling, allowing)).toBeNull()
  })
  it('refuses a configured output outside the root too', () => {
    const outside = resolveConfig({ output: '../sibling/out' }, project)
    expect(outsideRootRefusal('build', outside.output, outside)).toMatch(/outside the project root/)
  })
  it('checks the type of the configuration key', () => {
    expect(() => resolveConfig({ allowOutputOutsideRoot: 'yes' }, project)).toThrow(ConfigError)
    expect(() => resolveConfig({ allowOutputOutsideRoot: 'yes' }, project)).toThrow(
      /allowOutputOutsideRoot/,
    )
  })
})
