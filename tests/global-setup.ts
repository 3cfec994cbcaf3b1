/**
 * One temporary folder per test run: every `mkdtemp(tmpdir())` of the tests,
 * and of the processes they spawn, lands inside it, and it is removed when
 * the run ends, so that the suite leaves nothing behind in the system's
 * temporary folder. Set FICHE_KEEP_TMP=1 to keep it for a look after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export default function setup(): () => void {
  const previous = process.env.TMPDIR
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-tests-'))
  process.env.TMPDIR = dir
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    if (process.env.FICHE_KEEP_TMP) process.stderr.write(`kept the test files in ${dir}\n`)
    else rmSync(dir, { recursive: true, force: true })
  }
}
