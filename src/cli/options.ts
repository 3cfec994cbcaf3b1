/**
 * The CLI's commands and options as one typed table, from which both the
 * argument parser and `--help` are generated, so they cannot drift apart.
 */

/** One command-line option. */
export interface OptionSpec {
  type: 'string' | 'boolean'
  short?: string
  /** Shown in `--help`. */
  description: string
  /** Placeholder of the value in `--help`. */
  value?: string
  multiple?: boolean
}

/** One command. */
export interface CommandSpec {
  summary: string
  usage: string
  options: Record<string, OptionSpec>
}

/** Options every command takes. */
export const commonOptions: Record<string, OptionSpec> = {
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    description: 'configuration file (default: pipeline.config.ts)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
  version: { type: 'boolean', short: 'v', description: 'print the version' },
  quiet: { type: 'boolean', short: 'q', description: 'print less: no progress, no infos' },
}

/** The commands of `fiche`. */
export const commands: Record<string, CommandSpec> = {
  build: {
    summary: 'extract the model of each note, validate it and write the outputs',
    usage: 'fiche build [paths…] [options]',
    options: {
      out: {
        type: 'string',
        short: 'o',
        value: 'DIR',
        description: 'output folder (default: from the configuration, output/)',
      },
      final: {
        type: 'boolean',
        description: 'refuse a note whose brief still has sources to complete (exit 1)',
      },
      strict: {
        type: 'boolean',
        description: 'exit 1 when an English handout has untranslated units',
      },
      'allow-outside-root': {
        type: 'boolean',
        description: 'allow an output folder outside the project folder (refused otherwise)',
      },
      jobs: {
        type: 'string',
        short: 'j',
        value: 'N',
        description:
          'build at most N notes at once, in worker threads (default: the number of cores)',
      },
      'no-cache': {
        type: 'boolean',
        description: 'rebuild every note, without reading or writing the cache (see `cache`)',
      },
    },
  },
  watch: {
    summary:
      'build every note, then rebuild what changes (notes, termbase, sources, configuration)',
    usage: 'fiche watch [options]',
    options: {
      poll: {
        type: 'boolean',
        description: 'poll the files instead of file-system events (network drives, containers)',
      },
      out: {
        type: 'string',
        short: 'o',
        value: 'DIR',
        description: 'output folder (default: from the configuration, output/)',
      },
      'allow-outside-root': {
        type: 'boolean',
        description: 'allow an output folder outside the project folder (refused otherwise)',
      },
    },
  },
  check: {
    summary: 'validate the notes against the rules and report (exit 1 on errors)',
    usage: 'fiche check [paths…] [options]',
    options: {
      format: {
        type: 'string',
        short: 'f',
        value: 'NAME',
        description: 'report format: pretty (default), json, sarif or github',
      },
      'output-file': {
        type: 'string',
        value: 'FILE',
        description: 'write the report to FILE instead of stdout',
      },
      severity: {
        type: 'string',
        value: 'LEVEL',
        description: 'lowest severity shown: error, warning (default) or info',
      },
      verbose: {
        type: 'boolean',
        description: 'also show infos, and each message’s documentation page',
      },
      'max-warnings': {
        type: 'string',
        value: 'N',
        description: 'also fail (exit 1) when there are more than N warnings',
      },
      jobs: {
        type: 'string',
        short: 'j',
        value: 'N',
        description:
          'check at most N notes at once, in worker threads (default: the number of cores)',
      },
      'no-cache': {
        type: 'boolean',
        description: 'check every note again, without reading or writing the cache (see `cache`)',
      },
    },
  },
  translate: {
    summary:
      'create or update the translation files (XLIFF) of the notes, filling empty targets from memory',
    usage: 'fiche translate [paths…] [options]',
    options: {
      to: {
        type: 'string',
        value: 'LANG',
        description: 'target language (default: from the configuration, en)',
      },
      tm: {
        type: 'string',
        value: 'FILE.tmx',
        multiple: true,
        description: 'a TMX translation memory to fill empty targets from (repeatable)',
      },
      format: {
        type: 'string',
        short: 'f',
        value: 'NAME',
        description: 'version of a new file: xliff1.2 (default) or xliff2; a file keeps its own',
      },
      check: {
        type: 'boolean',
        description: 'write nothing; exit 1 when a translation file would change (for CI)',
      },
      'allow-outside-root': {
        type: 'boolean',
        description: 'allow an output folder outside the project folder (refused otherwise)',
      },
    },
  },
  init: {
    summary: 'write a commented pipeline.config.ts (or .js, .mjs, .json) with the defaults',
    usage: 'fiche init [options]',
    options: {
      format: {
        type: 'string',
        short: 'f',
        value: 'NAME',
        description: 'ts (default), js, mjs or json',
      },
    },
  },
  align: {
    summary:
      'align a French note with its English version: segment pairs (TMX) and proposed termbase entries',
    usage: 'fiche align <note.fr> <note.en> [options]',
    options: {
      out: {
        type: 'string',
        short: 'o',
        value: 'DIR',
        description: 'output folder (default: <output>/align/<fr-doc-id>/)',
      },
      'allow-outside-root': {
        type: 'boolean',
        description: 'allow an output folder outside the project folder (refused otherwise)',
      },
    },
  },
}

/** The text of `fiche --help` or `fiche <command> --help`. */
export function helpText(command: string | null): string {
  const lines: string[] = []
  const describe = (options: Record<string, OptionSpec>) => {
    for (const [name, spec] of Object.entries(options)) {
      const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.value ? ` ${spec.value}` : ''}`
      lines.push(`  ${flag.padEnd(28)} ${spec.description}`)
    }
  }
  const spec = command ? commands[command] : undefined
  if (spec) {
    lines.push(`Usage: ${spec.usage}`, '', spec.summary, '', 'Options:')
    describe(spec.options)
    describe(commonOptions)
  } else {
    lines.push('Usage: fiche <command> [paths…] [options]', '', 'Commands:')
    for (const [name, command] of Object.entries(commands))
      lines.push(`  ${name.padEnd(10)} ${command.summary}`)
    lines.push('', 'Options:')
    describe(commonOptions)
    lines.push('', 'Run `fiche help <command>` for the options of a command.')
  }
  return `${lines.join('\n')}\n`
}
