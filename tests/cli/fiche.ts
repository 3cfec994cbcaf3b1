/** Runs the compiled CLI (`bin/fiche.js`) in a folder, for the command-line tests. */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The compiled CLI's entry point. */
export const bin = path.resolve(import.meta.dirname, '../../bin/fiche.js')

/** What a run of the CLI gave. */
export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `fiche …argv` in `cwd`; never throws for a non-zero exit. */
export async function fiche(cwd: string, ...argv: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...argv], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/**
 * Polls `check` every 100 ms until it holds or `ms` pass (generous: CI machines are loaded).
 * `log` gives what the command printed so far, shown when it times out.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  log: () => string,
  ms = 60_000,
): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for fiche; it printed:\n${log()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
