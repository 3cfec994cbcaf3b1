/** User plugins are blamed by name for what they throw, and the monitor knows which one runs. */
import path from 'node:path'
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { PluginError, wrapUserPlugins } from '../../src/pipeline/user-plugins.ts'
import { root } from '../helpers.ts'

const NOTE = new TextEncoder().encode('# Note\n\nUn paragraphe.\n')

async function failure(config: object): Promise<string> {
  const resolved = resolveConfig(config, root)
  const result = await buildNote(
    { path: path.join(root, 'input', 'note.md'), bytes: NOTE },
    resolved,
  )
  if (result.ok) throw new Error('expected the note to fail')
  return result.error.message
}

describe('user plugins', () => {
  it('name the plugin that throws, rejects or passes an error to its callback', async () => {
    function ficheThrows() {
      return () => {
        throw new Error('boom')
      }
    }
    function ficheRejects() {
      return async () => {
        throw new Error('refusé')
      }
    }
    function ficheCallback() {
      return (_tree: Root, _file: unknown, next: (error: Error) => void) => {
        next(new Error('rappel'))
      }
    }
    function remarkAttacher(): undefined {
      throw new TypeError('mauvaise option')
    }
    expect(await failure({ plugins: [ficheThrows] })).toBe(
      'input/note.md: plugin ficheThrows failed: boom',
    )
    expect(await failure({ plugins: [[ficheRejects, {}]] })).toBe(
      'input/note.md: plugin ficheRejects failed: refusé',
    )
    expect(await failure({ plugins: [ficheCallback] })).toBe(
      'input/note.md: plugin ficheCallback failed: rappel',
    )
    expect(await failure({ remarkPlugins: [remarkAttacher] })).toBe(
      'input/note.md: plugin remarkAttacher failed: mauvaise option',
    )
  })

  it('names an anonymous plugin by its place, inside presets too', async () => {
    const anonymous = [
      () => () => {
        throw new Error('x')
      },
    ][0]!
    expect(await failure({ plugins: [{ plugins: [anonymous] }] })).toBe(
      'input/note.md: plugin plugins[0].plugins[0] failed: x',
    )
  })

  it('tells the monitor which plugin runs, and wraps a plugin listed twice once', async () => {
    const seen: string[] = []
    const fiche: Plugin<[{ n?: number }?], Root> = function ficheSeen() {
      return () => {
        seen.push(`running ${wrapped.names[Atomic.current]}`)
      }
    }
    const Atomic = { current: -1 }
    const wrapped = wrapUserPlugins(
      { remarkPlugins: [], plugins: [fiche, [fiche, { n: 1 }]] },
      {
        enter: (index) => {
          Atomic.current = index
        },
        leave: () => {
          seen.push('left')
          Atomic.current = -1
        },
      },
    )
    expect(wrapped.names).toEqual(['ficheSeen'])
    expect(wrapped.plugins[0]).toBe((wrapped.plugins[1] as unknown[])[0])
    const config = { ...resolveConfig({}, root), plugins: wrapped.plugins }
    const result = await buildNote(
      { path: path.join(root, 'input', 'note.md'), bytes: NOTE },
      config,
    )
    expect(result.ok).toBe(true)
    // unified merges the two entries: one attacher call, one transformer run.
    expect(seen).toEqual(['left', 'running ficheSeen', 'left'])
    expect(Atomic.current).toBe(-1)
  })

  it('keeps the cause of a plugin error', () => {
    const cause = new Error('origine')
    const error = new PluginError('remarkX', cause)
    expect(error.message).toBe('plugin remarkX failed: origine')
    expect(error.cause).toBe(cause)
    expect(error.plugin).toBe('remarkX')
  })
})
