/**
 * `fiche check`: runs the pipeline up to validation (no outputs written)
 * and reports the messages with the chosen reporter. Exit code 1 when any
 * error is found or there are more warnings than `--max-warnings`, 0
 * otherwise, 2 for a usage error.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { Severity } from '../model/schema.ts'
import { notesOf } from './notes.ts'
import { isReporterName, reporters } from '../report/registry.ts'
import { summaryLine, type FileReport, type RuleInfo } from '../report/types.ts'
import { summarize } from '../report/vfile.ts'
import { rules } from '../validate/registry.ts'
import type { Rule } from '../validate/rule.ts'
import { packageRoot, version } from '../package.ts'
import { openCheckCache } from './cache.ts'
import { createPool, poolSize } from './pool.ts'
import { writeAtomic } from './write.ts'

/** Options of `fiche check`. */
export interface CheckOptions {
  paths: string[]
  /** Reporter name: pretty, json, sarif or github. */
  format: string
  /** File to write the report to; stdout when null. */
  outputFile: string | null
  /** Fail when there are more warnings than this; null: no limit. */
  maxWarnings: string | null
  /** Lowest severity shown (`--severity`); null: warnings, or infos with `verbose`. */
  severity: string | null
  /** Show infos too (and, in the pretty report, each message's documentation page). */
  verbose: boolean
  /** Hide infos, even with `verbose`. */
  quiet: boolean
  /** `--jobs`: most worker threads (default: see `poolSize`). */
  jobs?: number
  /** `--no-cache`: check every note, read and write no cache entry. */
  noCache?: boolean
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }
const isSeverity = (value: string): value is Severity => Object.hasOwn(RANK, value)

/**
 * The lowest severity a report shows: `--severity`, else `info` with
 * `--verbose`, else `warning`; `--quiet` never shows infos.
 */
export function threshold(options: Pick<CheckOptions, 'severity' | 'verbose' | 'quiet'>): Severity {
  const chosen =
    options.severity !== null && isSeverity(options.severity)
      ? options.severity
      : options.verbose
        ? 'info'
        : 'warning'
  return options.quiet && chosen === 'info' ? 'warning' : chosen
}

/** The reports with only the messages at or above `lowest`. */
export function shownReports(files: FileReport[], lowest: Severity): FileReport[] {
  return files.map((f) => ({
    ...f,
    diagnostics: f.diagnostics.filter((d) => RANK[d.severity] <= RANK[lowest]),
  }))
}

/** The rules as reporters describe them, with their documentation pages. */
export function ruleInfos(config: ResolvedConfig): RuleInfo[] {
  const levels = new Map(config.rules.active.map((a) => [a.rule.id, a.severity]))
  return (rules as readonly Rule[]).map((rule) => {
    const doc = new URL(`docs/rules/${rule.id}.md`, packageRoot)
    let help: string | null | undefined
    return {
      id: rule.id,
      description: rule.description,
      docsUrl: rule.docsUrl,
      level: levels.get(rule.id) ?? 'off',
      // Read when a reporter asks for it (only SARIF does), once.
      get help() {
        return (help ??= existsSync(doc) ? readFileSync(doc, 'utf8') : null)
      },
    }
  })
}

/** True when the pretty reporter may use colours on this stream. */
export function useColor(
  stream: NodeJS.WriteStream,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true
  return stream.isTTY === true && env.TERM !== 'dumb'
}

/** Checks the notes and writes the report; returns the exit code. */
export async function runCheck(config: ResolvedConfig, options: CheckOptions): Promise<number> {
  if (!isReporterName(options.format)) {
    process.stderr.write(
      `fiche check: unknown format "${options.format}", expected one of: ${Object.keys(reporters).join(', ')}\n`,
    )
    return 2
  }
  if (options.severity !== null && !isSeverity(options.severity)) {
    process.stderr.write(
      `fiche check: --severity "${options.severity}": expected error, warning or info\n`,
    )
    return 2
  }
  for (const warning of config.warnings) process.stderr.write(`warning: ${warning}\n`)
  let maxWarnings: number | null = null
  if (options.maxWarnings !== null) {
    if (!/^\d+$/.test(options.maxWarnings)) {
      process.stderr.write(
        `fiche check: --max-warnings "${options.maxWarnings}": expected a whole number (0 or more)\n`,
      )
      return 2
    }
    maxWarnings = Number(options.maxWarnings)
  }
  // The same notes and document ids as `fiche build` gives them.
  const found = notesOf('check', config, options.paths)
  if (found === null) return 2
  const { files: notes, idOf } = found
  const files: FileReport[] = []
  // An unchanged note's reports come from the cache: it is not parsed again.
  const cache = openCheckCache(config, options.noCache === true)
  const keys = notes.map((file) => cache?.keyOf(file, idOf(file)) ?? null)
  const cached = keys.map((key) => (key === null ? null : cache!.lookup(key)))
  const toCheck = cached.filter((reports) => reports === null).length
  const size = poolSize(config, options.jobs, toCheck)
  const pool = size > 0 ? createPool<FileReport[]>(config, { command: 'check' }, size) : null
  // The parser, the plugins and the rules load only when a note has to be checked.
  const checking = toCheck > 0 ? await import('./checker.ts') : null
  const checkNote = pool || !checking ? null : checking.createNoteChecker(config)
  // Queued at once, taken in the order of the notes (see `fiche build`).
  const pending = notes.map((file, index) =>
    cached[index]
      ? Promise.resolve(cached[index])
      : pool
        ? pool
            .run(file, idOf(file))
            .then((answer) =>
              answer.ok ? answer.value : [checking!.unfinishedReport(config, file, answer.reason)],
            )
        : null,
  )
  try {
    for (const [index, file] of notes.entries()) {
      const reports = (await pending[index]) ?? (await checkNote!(file, idOf(file)))
      const key = keys[index]
      if (key && !cached[index]) cache!.store(key, reports)
      files.push(...reports)
    }
  } finally {
    await pool?.close()
  }
  const summary = summarize(files)
  const shown = shownReports(files, threshold(options))
  const color =
    options.outputFile === null && options.format === 'pretty' && useColor(process.stdout)
  const report = reporters[options.format](
    { tool: { name: 'fiche', version }, files: shown, rules: ruleInfos(config), summary },
    { color, verbose: options.verbose },
  )
  if (options.outputFile !== null) writeAtomic(path.resolve(options.outputFile), report)
  else process.stdout.write(report)
  if (options.outputFile !== null || options.format !== 'pretty') {
    process.stderr.write(`${summaryLine(summary)}\n`)
  }
  const tooManyWarnings = maxWarnings !== null && summary.warnings > maxWarnings
  if (tooManyWarnings) {
    process.stderr.write(
      `fiche check: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`,
    )
  }
  return summary.errors > 0 || tooManyWarnings ? 1 : 0
}
