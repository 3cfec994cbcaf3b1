/** Runs the compiled CLI (`bin/fiche.js`) in a folder, for the command-line tests. */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
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

/** A running `fiche watch --poll` (or other long command): what it printed so far, and its exit. */
export interface Running {
  child: ChildProcess
  /** stdout and stderr so far, interleaved as they came. */
  printed: () => string
  exited: Promise<number | null>
}

/** Starts `fiche watch --poll …argv` in `cwd`. */
export function startWatch(cwd: string, ...argv: string[]): Running {
  const child = spawn('node', [bin, 'watch', '--poll', ...argv], { cwd })
  let log = ''
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, printed: () => log, exited }
}
