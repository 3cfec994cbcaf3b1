/** What `fiche build` keeps of a built note (src/cli/outcome.ts, src/cli/builder.ts). */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNoteBuilder } from '../../src/cli/builder.ts'
import { summaryOf } from '../../src/cli/outcome.ts'
import { resolveConfig } from '../../src/config/resolve.ts'
import { glossaryRows } from '../../src/glossary/rows.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { root } from '../helpers.ts'

describe('the outcome of a built note', () => {
  it('holds its counts and glossary rows, not its model (which is its model.json)', async () => {
    const config = resolveConfig({}, root)
    const builder = await createNoteBuilder(config)
    const file = path.join(root, 'input/cesia-note-2026-02-05.md')
    const outcome = await builder.build(file, 'cesia-note-2026-02-05')
    const { result } = outcome
    if (!result.ok) throw new Error(result.error.message)
    expect(result).not.toHaveProperty('model')
    expect(Object.keys(result).sort()).toEqual([
      'glossary',
      'ok',
      'path',
      'relativePath',
      'summary',
    ])
    const model = JSON.parse(String(outcome.outputs!['model.json'])) as DocumentModel
    expect(result.summary).toEqual(summaryOf(model))
    expect(result.summary.diagnostics).toBe(model.diagnostics.length)
    expect(result.glossary).toEqual(glossaryRows(model, config.termbase))
    expect(result.glossary!.length).toBeGreaterThan(10)
  })
})
