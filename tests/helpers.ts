/** Test helpers: build a model from a string, as the CLI would from a file. */
import path from 'node:path'
import type { PluggableList } from 'unified'
import { resolveConfig } from '../src/config/resolve.ts'
import type { DocumentModel } from '../src/model/schema.ts'
import { buildNote } from '../src/pipeline/process.ts'

/** Project root of the test builds. */
export const root = path.resolve(import.meta.dirname, '..')

/** Builds the model of `text` as if it were the file `name` in `input/`. */
export async function modelOf(
  text: string | Uint8Array,
  name = 'note.md',
  plugins: PluggableList = [],
): Promise<DocumentModel> {
  const config = resolveConfig({ plugins }, root)
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  const result = await buildNote({ path: path.join(root, 'input', name), bytes }, config)
  if (!result.ok) throw new Error(result.error.message)
  return result.model
}
