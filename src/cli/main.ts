/**
 * The `fiche` command line: parses arguments from the option table and
 * dispatches to the commands. Heavy modules load only with their command.
 * Exit codes: 0 success, 1 failed files or errors found, 2 usage or
 * configuration error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { closest, distance } from 'fastest-levenshtein'
import { version } from '../package.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import { LockError } from './lock.ts'
import { commands, commonOptions, helpText } from './options.ts'

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(helpText(null))
    return first === undefined ? 2 : 0
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version}\n`)
    return 0
  }
  if (first === 'help') {
    const [topic] = rest
    if (topic !== undefined && !commands[topic]) return unknownCommand(topic)
    process.stdout.write(helpText(topic ?? null))
    return 0
  }
  const spec = commands[first]
  if (!spec) return unknownCommand(first)
  let parsed
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...spec.options, ...commonOptions } as ParseArgsConfig['options'],
    })
  } catch (error) {
    // One line naming the flag, as parseArgs words it, and where the options are listed.
    // Its first sentence only: the advice about '--' that follows does not help here.
    const { code, message: raw } = error as Error & { code?: string }
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(raw)?.[1] : null
    const message = unknown
      ? `unknown option ${unknown}`
      : raw
          .split('\n')[0]!
          .split(/(?<=\.) /)[0]!
          .replace(/\.$/, '')
    process.stderr.write(`fiche ${first}: ${message} (see \`fiche help ${first}\`)\n`)
    return 2
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>
  if (values.help) {
    process.stdout.write(helpText(first))
    return 0
  }
  if (values.version) {
    process.stdout.write(`${version}\n`)
    return 0
  }
  if (first === 'init') {
    const { runInit } = await import('./init.ts')
    return runInit({ format: typeof values.format === 'string' ? values.format : 'ts' })
  }
  const { loadConfig, ConfigError } = await import('../config/resolve.ts')
  let config
  try {
    // `--no-cache` reads and writes no cache entry, parsed termbases included.
    const { termbaseStore } = await import('./cache.ts')
    config = await loadConfig(
      typeof values.config === 'string' ? values.config : null,
      process.cwd(),
      values['no-cache'] === true ? {} : { termbaseStore },
    )
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`fiche: ${error.message}\n`)
      return 2
    }
    throw error
  }
  try {
    return await dispatch(first, config, parsed.positionals, values)
  } catch (error) {
    if (error instanceof LockError) {
      process.stderr.write(`fiche ${first}: ${error.message}\n`)
      return 1
    }
    throw error
  }
}

/** Reports an unknown command, with the closest one when it is near; exit code 2. */
function unknownCommand(name: string): number {
  const names = Object.keys(commands)
  const near = closest(name, names)
  const hint =
    distance(name, near) <= Math.max(2, Math.floor(near.length / 3))
      ? ` Did you mean "${near}"?`
      : ''
  process.stderr.write(
    `fiche: unknown command "${name}", expected one of: ${names.join(', ')}, help.${hint}\n`,
  )
  return 2
}

/** Runs command `first` with its configuration, positionals and option values. */
async function dispatch(
  first: string,
  config: ResolvedConfig,
  positionals: string[],
  values: Record<string, string | boolean | string[] | undefined>,
): Promise<number> {
  let jobs: number | undefined
  if (typeof values.jobs === 'string') {
    const { parseJobs } = await import('./pool.ts')
    const parsed = parseJobs(values.jobs)
    if (typeof parsed === 'string') {
      process.stderr.write(`fiche ${first}: ${parsed}\n`)
      return 2
    }
    jobs = parsed
  }
  switch (first) {
    case 'build': {
      const { runBuild } = await import('./build.ts')
      return runBuild(config, {
        jobs,
        final: values.final === true,
        paths: positionals,
        out: typeof values.out === 'string' ? values.out : null,
        quiet: values.quiet === true,
        strict: values.strict === true,
        noCache: values['no-cache'] === true,
        allowOutsideRoot: values['allow-outside-root'] === true,
      })
    }
    case 'watch': {
      const { runWatch } = await import('./watch.ts')
      return runWatch(config, {
        configFile: typeof values.config === 'string' ? values.config : null,
        out: typeof values.out === 'string' ? values.out : null,
        quiet: values.quiet === true,
        poll: values.poll === true,
        allowOutsideRoot: values['allow-outside-root'] === true,
      })
    }
    case 'check': {
      const { runCheck } = await import('./check.ts')
      return runCheck(config, {
        jobs,
        paths: positionals,
        format: typeof values.format === 'string' ? values.format : 'pretty',
        outputFile: typeof values['output-file'] === 'string' ? values['output-file'] : null,
        maxWarnings: typeof values['max-warnings'] === 'string' ? values['max-warnings'] : null,
        severity: typeof values.severity === 'string' ? values.severity : null,
        verbose: values.verbose === true,
        quiet: values.quiet === true,
        noCache: values['no-cache'] === true,
      })
    }
    case 'translate': {
      const { runTranslate } = await import('./translate.ts')
      return runTranslate(config, {
        paths: positionals,
        to: typeof values.to === 'string' ? values.to : null,
        tm: Array.isArray(values.tm) ? values.tm : [],
        format: typeof values.format === 'string' ? values.format : null,
        check: values.check === true,
        quiet: values.quiet === true,
        allowOutsideRoot: values['allow-outside-root'] === true,
      })
    }
    case 'align': {
      const { runAlign } = await import('./align.ts')
      return runAlign(config, {
        paths: positionals,
        out: typeof values.out === 'string' ? values.out : null,
        quiet: values.quiet === true,
        allowOutsideRoot: values['allow-outside-root'] === true,
      })
    }
    default:
      return 2
  }
}
