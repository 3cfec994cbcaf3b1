/** Test helpers: build a model from a string, as the CLI would from a file; temporary projects. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PluggableList } from 'unified'
import { LOCK_FILE } from '../src/cli/lock.ts'
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

/** A temporary folder (real path) holding the given files (relative path → content). */
export function tempProject(files: Record<string, string>, prefix = 'fiche-test-'): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

/** Path → SHA-256 of every file under `dir` but the output lock, sorted by path. */
export function treeHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // The lock of a running fiche (src/cli/lock.ts) is no output: a watch takes it to write.
    if (!entry.isFile() || entry.name === LOCK_FILE) continue
    const file = path.join(entry.parentPath, entry.name)
    out[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex')
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)))
}

/** The pid of a process that has exited (a lock or marker left by it is stale). */
export function deadPid(): number {
  return Number(spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))']).stdout)
}
