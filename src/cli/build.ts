/** `fiche build`: runs the pipeline over the notes and writes the outputs. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import { emitJson } from '../emit/json.ts'
import { findNotes } from '../pipeline/files.ts'
import { buildNote, createProcessor, type NoteResult } from '../pipeline/process.ts'
import { createProgress } from './progress.ts'
import { writeAtomic } from './write.ts'

/** Options of `fiche build`. */
export interface BuildOptions {
  paths: string[]
  out: string | null
  quiet: boolean
}

/** Reads, builds and writes every note; returns the exit code (1 if any file failed). */
export async function runBuild(config: ResolvedConfig, options: BuildOptions): Promise<number> {
  const outDir = options.out ? path.resolve(options.out) : config.output
  const paths = options.paths.length > 0 ? options.paths.map((p) => path.resolve(p)) : config.input
  const files = findNotes(paths)
  const processor = createProcessor(config)
  const progress = createProgress(files.length, process.stderr, options.quiet)
  const results: NoteResult[] = []
  for (const file of files) {
    let result: NoteResult
    try {
      result = await buildNote({ path: file, bytes: readFileSync(file) }, config, processor)
    } catch (error) {
      const relativePath = path.relative(config.root, file)
      result = {
        path: file,
        relativePath,
        ok: false,
        error: {
          ruleId: 'fatal',
          source: 'fiche',
          severity: 'error',
          message: `${relativePath}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          position: null,
          url: null,
          fatal: true,
        },
      }
    }
    if (result.ok) {
      writeAtomic(path.join(outDir, result.model.id, 'model.json'), emitJson(result.model))
    }
    progress.step(result.ok ? `built ${result.relativePath}` : `failed ${result.relativePath}`)
    results.push(result)
  }
  progress.done()
  const failed = results.filter((r) => !r.ok)
  for (const result of failed)
    if (!result.ok) process.stderr.write(`error: ${result.error.message}\n`)
  const built = results.filter((r) => r.ok)
  const count = (key: 'headings' | 'bullets' | 'statistics' | 'citations' | 'acronyms') =>
    built.reduce((sum, r) => sum + r.model[key].length, 0)
  const diagnostics = built.reduce((sum, r) => sum + r.model.diagnostics.length, 0)
  process.stderr.write(
    `${built.length} document(s) built, ${failed.length} failed: ${count('headings')} headings, ${count('bullets')} bullets, ${count('statistics')} statistics, ${count('citations')} citations, ${count('acronyms')} acronyms; ${diagnostics} diagnostic(s)\n`,
  )
  return failed.length > 0 ? 1 : 0
}
