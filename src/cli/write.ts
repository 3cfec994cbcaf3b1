/**
 * File output for the CLI: atomic writes (temporary file + rename). A
 * temporary file is named `.<name>.<pid>.tmp` beside its target: a dot-file,
 * never read as a note nor taken for an output. A process killed between the
 * write and the rename leaves one behind; the next write into that folder
 * removes the temporary files of processes that no longer run.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** The temporary file of `name` written by process `pid`. */
export const TEMP_FILE = /^\.(.+)\.(\d+)\.tmp$/u

/** Folders already cleared of stale temporary files by this process. */
const cleared = new Set<string>()

/** Writes `data` to `file` atomically, creating folders; a reader never sees half a file. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const dir = path.dirname(file)
  removeStaleTemps(dir)
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`)
  try {
    try {
      writeFileSync(temp, data)
    } catch (error) {
      // The folder is made only when it is missing: a note's ten outputs share one.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      mkdirSync(dir, { recursive: true })
      writeFileSync(temp, data)
    }
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

/**
 * Removes from `dir` (once per process) the temporary files left by killed
 * processes: those whose pid no longer runs. Returns the names removed.
 */
export function removeStaleTemps(dir: string): string[] {
  const key = path.resolve(dir)
  if (cleared.has(key)) return []
  cleared.add(key)
  const removed: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return removed
  }
  for (const name of names) {
    const match = TEMP_FILE.exec(name)
    // One of this process's pid is stale too: it writes nothing here before this clearing.
    if (!match) continue
    const pid = Number(match[2])
    if (pid !== process.pid && isRunning(pid)) continue
    rmSync(path.join(dir, name), { force: true })
    removed.push(name)
  }
  return removed
}

/** Whether process `pid` exists (one of another user counts: EPERM). */
export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
