/**
 * YAML as fiche reads it everywhere (front matter, termbases, sources): the
 * YAML 1.2 core schema with no custom or language-specific tags (`!!js/…`,
 * `!!binary`, `!foo` are errors, not strings or objects), no merge keys,
 * unique keys, and at most `MAX_YAML_ALIASES` alias expansions, so that an
 * alias bomb ("billion laughs") fails fast instead of filling memory.
 */
import type { Document, DocumentOptions, LineCounter, ParseOptions, SchemaOptions } from 'yaml'
import { lazy } from '../lazy.ts'
import { checkDepth } from './json.ts'

/**
 * The `yaml` library, loaded the first time a YAML text is read or written:
 * a run that the cache answers (its termbase already parsed in the cache's
 * termbase store) does not load it.
 */
export const yamlLibrary = lazy<typeof import('yaml')>('yaml')

/** Most alias nodes a document may expand (the `yaml` package's resource check). */
export const MAX_YAML_ALIASES = 100

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  resolveKnownTags: false,
  merge: false,
  uniqueKeys: true,
  prettyErrors: false,
}

/** A YAML text that cannot be read: `line` and `column` are 1-based. */
export class YamlError extends Error {
  override name = 'YamlError'
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${line}:${column}: ${reason}`)
  }
}

/** Parses a YAML document; the first error or unknown tag becomes a `YamlError`. */
export function parseYaml(source: string): { document: Document; lines: LineCounter } {
  const { LineCounter: Lines, parseDocument } = yamlLibrary()
  const lines = new Lines()
  const document = parseDocument(source, { ...OPTIONS, lineCounter: lines })
  const problem = document.errors[0] ?? document.warnings[0]
  if (problem) {
    const { line, col } = lines.linePos(problem.pos[0])
    const reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '')
    const tag =
      problem.code === 'TAG_RESOLVE_FAILED' ? ', expected plain YAML (fiche reads no tags)' : ''
    throw new YamlError(line, col, reason + tag)
  }
  return { document, lines }
}

/** The value of a parsed document, with aliases bounded; errors become `YamlError`s at 1:1. */
export function yamlValue(document: Document): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES })
  } catch (error) {
    const message = (error as Error).message
    const reason =
      error instanceof RangeError
        ? 'Unexpected nesting too deep to read'
        : /alias count/u.test(message)
          ? `Unexpected aliases expanding to more than ${MAX_YAML_ALIASES} nodes (an alias bomb?), expected plain YAML`
          : `Unexpected content (${message})`
    throw new YamlError(1, 1, reason)
  }
}

/** Parses YAML text into a value (`parseYaml` then `yamlValue`), nesting bounded like JSON's. */
export function readYaml(source: string): unknown {
  const value = yamlValue(parseYaml(source).document)
  try {
    checkDepth(value)
  } catch (error) {
    throw new YamlError(1, 1, (error as Error).message)
  }
  return value
}
