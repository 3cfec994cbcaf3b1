/**
 * The Word brief tests read stored models; these must be what the pipeline
 * produces today from the notes in `input/`, or the brief is tested on a
 * model the pipeline no longer makes. When this fails after a change to the
 * extraction, refresh the stored models (see the message) and review the
 * golden files' diff (`UPDATE=1 npx vitest run tests/emit/docx/golden.test.ts`).
 */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../src/config/resolve.ts'
import { buildFile, createProcessor } from '../../../src/pipeline/process.ts'
import type { DocumentModel } from '../../../src/model/schema.ts'
import { validateResult } from '../../../src/check.ts'
import { loadModel } from './helpers.ts'

const root = path.resolve(import.meta.dirname, '../../..')

/** The model `fiche build` writes for a note of `input/`, rule messages included. */
async function builtModel(note: string): Promise<DocumentModel> {
  const config = await loadConfig(null, root)
  const result = await buildFile(path.join(root, note), config, createProcessor(config))
  if (!result.ok) throw new Error(result.error.message)
  validateResult(result, config)
  return JSON.parse(JSON.stringify(result.model)) as DocumentModel
}

describe('the stored models of the brief tests', () => {
  it.each([
    ['cesia-note', 'input/cesia-note-2026-02-05.md'],
    ['lignes-rouges', 'input/lignes-rouges-onu-2025-09-23.txt'],
  ])('%s is the model the pipeline builds from %s', async (name, note) => {
    expect(loadModel(name), `refresh fixtures/${name}/model.json from ${note}`).toEqual(
      await builtModel(note),
    )
  })

  it('resolved-sources is the cesia model with resolved citations', () => {
    const resolved = loadModel('resolved-sources')
    const withoutResolution = {
      ...resolved,
      id: 'cesia-note-2026-02-05',
      citations: resolved.citations.map(({ resolved: _, ...citation }) => citation),
    }
    const plain = loadModel('cesia-note')
    expect(withoutResolution).toEqual({
      ...plain,
      citations: plain.citations.map(({ resolved: _, ...citation }) => citation),
    })
    expect(resolved.citations.some((c) => c.resolved)).toBe(true)
  })
})
