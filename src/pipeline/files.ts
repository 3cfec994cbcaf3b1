/** Finding the notes to build under the configured input folders. */
import { readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { formatOf } from '../read/index.ts'

/**
 * Every `.md`, `.markdown` and `.txt` file under `paths` (files are taken
 * as they are), sorted, without duplicates. Hidden folders and
 * `node_modules` are skipped, and so are the `excluded` folders (absolute:
 * the output folder, so that outputs are never read back as notes). A path
 * that does not exist is returned as is, so that the build reports it as an
 * unreadable file.
 */
export function findNotes(paths: string[], excluded: string[] = []): string[] {
  const found = new Set<string>()
  const skipped = new Set(excluded.map((p) => path.resolve(p)))
  const walk = (dir: string): void => {
    if (skipped.has(path.resolve(dir))) return
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (formatOf(entry.name)) found.add(full)
    }
  }
  for (const p of paths) {
    let isDirectory = false
    try {
      isDirectory = statSync(p).isDirectory()
    } catch {
      found.add(p)
      continue
    }
    if (isDirectory) walk(p)
    else found.add(p)
  }
  return [...found].sort()
}
