/** Loading and resolving the configuration: defaults filled in, errors that name the key. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import type { PluggableList } from 'unified'
import { distance } from 'fastest-levenshtein'
import * as z from 'zod'
import { StatisticKind } from '../model/base.ts'
import { loadTermbase, type TermbaseStore } from '../glossary/load.ts'
import type { Termbase } from '../glossary/termbase.ts'
import { TermbaseError } from '../glossary/yaml.ts'
import { DEFAULT_ENCODING, type EncodingSettings, type ReadingOptions } from '../read/decode.ts'
import { DEFAULT_LIMITS, MAX_NESTING_DEPTH, type Limits } from '../read/limits.ts'
import { loadSources, SourcesError, type SourceRegistry } from '../sources/registry.ts'
import { resolveRules, RuleSettingError, type ResolvedRules } from '../validate/settings.ts'
import type { Translator } from '../translate/translate.ts'
import type { ExtractorOptions, FicheConfig } from './define.ts'
import { CONFIG_NAMES, importConfig } from './import.ts'

/** The configuration with every default filled in and paths made absolute. */
export interface ResolvedConfig {
  root: string
  /**
   * How to load this configuration again (in a worker thread): `file` is the
   * configuration file (absolute), or null for the defaults of `root`. Null
   * for a configuration given as a value to `resolveConfig`.
   */
  loaded: { file: string | null } | null
  input: string[]
  /** Paths never read as notes, in gitignore syntax (with those of `.ficheignore`). */
  ignore: string[]
  /** Whether symlinks pointing outside the project are followed. */
  followSymlinks: boolean
  output: string
  /** Whether the output folder may lie outside `root` (else the commands refuse it, exit 2). */
  allowOutputOutsideRoot: boolean
  /** The build cache's folder (absolute), or null when the cache is off (`cache: false`). */
  cache: string | null
  language: string
  remarkPlugins: PluggableList
  plugins: PluggableList
  extractors: ExtractorOptions
  /** Active validation rules with their severity and options. */
  rules: ResolvedRules
  /** The loaded sources registry (no files when none is configured). */
  sources: SourceRegistry
  /** The termbase files, absolute. */
  termbaseFiles: string[]
  /** The loaded termbase (merged from `termbaseFiles`; empty when there is none). */
  termbase: Termbase
  /** The Word brief: template path (absolute, or null for the built-in styles) and table of contents. */
  docx: {
    template: string | null
    toc: boolean
    keyFigures: number
    citations: 'footnote' | 'link'
    author: string | null
  }
  /** How files that are not UTF-8 are read. */
  encoding: EncodingSettings
  /** Limits of one note. */
  limits: Limits
  /** Seconds one note may take in a worker before it is stopped. */
  timeLimit: number
  /** Warnings found while loading the termbase and sources files (a guessed encoding…), each naming its file. */
  warnings: string[]
  /** Translation files: languages, folder (absolute), format of new files, memories (absolute). */
  translation: {
    languages: string[]
    folder: string
    format: 'xliff1.2' | 'xliff2'
    weblate: boolean
    memory: string[]
    fuzzyThreshold: number
    translator: Translator | null
    /** How the English handout writes the figures fiche generates: EU style guide or press. */
    style: 'eu' | 'press'
  }
}

/** A configuration that cannot be used; the CLI exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

const pluggable = z.custom<PluggableList[number]>(
  (value) =>
    typeof value === 'function' ||
    (Array.isArray(value) && typeof value[0] === 'function') ||
    (typeof value === 'object' && value !== null && ('plugins' in value || 'settings' in value)),
  { message: 'expected a unified plugin, [plugin, options] or a preset' },
)

/** The longest `timeLimit`, in seconds (a timer's delay must stay under 2^31 ms). */
const MAX_TIME_LIMIT = 86_400

/** What the `cache` key takes. */
const CACHE_EXPECTED = { message: 'expected the path of a folder, or false to turn the cache off' }

const ConfigSchema = z.strictObject({
  input: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  ignore: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  followSymlinks: z.boolean().optional(),
  output: z.string().min(1).optional(),
  allowOutputOutsideRoot: z.boolean().optional(),
  cache: z.union([z.string().min(1, CACHE_EXPECTED), z.literal(false)], CACHE_EXPECTED).optional(),
  language: z
    .string()
    .refine((value) => value === 'fr', {
      message:
        'only "fr" is supported: fiche reads French notes (set the target languages in translation.languages)',
    })
    .optional(),
  remarkPlugins: z.array(pluggable).optional(),
  plugins: z.array(pluggable).optional(),
  extractors: z
    .strictObject({
      citations: z.strictObject({ attributions: z.boolean().optional() }).optional(),
      statistics: z
        .strictObject({
          kinds: z.array(StatisticKind).optional(),
        })
        .optional(),
    })
    .optional(),
  rules: z.record(z.string(), z.unknown()).optional(),
  sources: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  termbase: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
  docx: z
    .strictObject({
      template: z
        .string()
        .regex(/\.(docx|dotx)$/i, 'expected the path of a .docx or .dotx file')
        .optional(),
      toc: z.boolean().optional(),
      keyFigures: z.number().int().min(0).optional(),
      citations: z.enum(['footnote', 'link']).optional(),
      author: z.string().min(1).optional(),
    })
    .optional(),
  encoding: z.strictObject({ fallback: z.enum(['windows-1252', 'error']).optional() }).optional(),
  limits: z
    .strictObject({
      fileBytes: z.number().int().positive().optional(),
      nestingDepth: z.number().int().positive().max(MAX_NESTING_DEPTH).optional(),
      links: z.number().int().positive().optional(),
      linksPerBlock: z.number().int().positive().optional(),
      blockChars: z.number().int().positive().optional(),
    })
    .optional(),
  timeLimit: z
    .number({ message: 'expected a number of seconds' })
    .positive('expected a number of seconds greater than 0')
    .max(MAX_TIME_LIMIT, `expected at most ${MAX_TIME_LIMIT} seconds (one day)`)
    .optional(),
  translation: z
    .strictObject({
      languages: z
        .array(
          z
            .string()
            .regex(
              /^[A-Za-z]{2,3}(-[A-Za-z0-9]+)*$/,
              'expected a BCP 47 language tag such as "en"',
            ),
        )
        .min(1)
        .optional(),
      folder: z.string().min(1).optional(),
      format: z.enum(['xliff1.2', 'xliff2']).optional(),
      weblate: z.boolean().optional(),
      memory: z.union([z.string().min(1), z.array(z.string().min(1))]).optional(),
      fuzzyThreshold: z.number().min(0).max(1).optional(),
      style: z.enum(['eu', 'press']).optional(),
      translator: z
        .custom<Translator>((value) => typeof value === 'function', {
          message: 'expected an async function',
        })
        .optional(),
    })
    .optional(),
})

/** The keys an object schema accepts at `at` (optional and union wrappers looked through). */
function keysAt(schema: z.ZodType, at: ReadonlyArray<PropertyKey>): string[] {
  let current: z.ZodType | undefined = schema
  for (let i = 0; i <= at.length && current; i++) {
    while (current instanceof z.ZodOptional || current instanceof z.ZodUnion) {
      current =
        current instanceof z.ZodOptional
          ? (current.unwrap() as z.ZodType)
          : (current.options as z.ZodType[]).find((o) => o instanceof z.ZodObject)
    }
    if (!(current instanceof z.ZodObject)) return []
    if (i === at.length) return Object.keys(current.shape)
    current = (current.shape as Record<string, z.ZodType>)[String(at[i])]
  }
  return []
}

/** "unknown key "languag" (did you mean "language"?); accepted keys: …". */
function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  const names = keys.map((key) => {
    const near = known
      .map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) }))
      .filter(({ d }) => d <= Math.max(1, Math.floor(key.length / 4)))
      .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))[0]
    return near ? `"${key}" (did you mean "${near.k}"?)` : `"${key}"`
  })
  const accepted = known.length > 0 ? `; accepted keys: ${known.join(', ')}` : ''
  return `unknown key ${names.join(', ')}${accepted}`
}

/** How a configuration is resolved. */
export interface ResolveOptions {
  /**
   * The store of parsed termbases in the cache folder (when the cache is
   * on): the CLI's, which writes files (see src/cli/cache.ts).
   */
  termbaseStore?: (cacheFolder: string) => TermbaseStore
}

/** Checks a user configuration and fills in the defaults. */
export function resolveConfig(
  config: unknown,
  root: string,
  options: ResolveOptions = {},
): ResolvedConfig {
  // Parsed once per run: zod's compiled fast path (code generated for each
  // object schema on its first parse) would cost more than it saves.
  const parsed = ConfigSchema.safeParse(config ?? {}, { jitless: true })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const key = issue.path.join('.') || '(root)'
    const detail =
      issue.code === 'unrecognized_keys'
        ? unknownKeys(issue.keys, keysAt(ConfigSchema, issue.path))
        : issue.message
    throw new ConfigError(`Configuration error at "${key}": ${detail}`)
  }
  const user: FicheConfig = parsed.data as FicheConfig
  const encoding: EncodingSettings = { ...DEFAULT_ENCODING, ...user.encoding }
  const warnings: string[] = []
  const cache =
    user.cache === false
      ? null
      : path.resolve(root, user.cache ?? path.join('node_modules', '.cache', 'fiche'))
  // User plugins turn the cache off (src/cli/cache.ts), the termbases' store too.
  const plugged = (user.plugins?.length ?? 0) + (user.remarkPlugins?.length ?? 0) > 0
  const store = cache === null || plugged ? undefined : options.termbaseStore?.(cache)
  return {
    root,
    loaded: null,
    input: [user.input ?? defaultInput(root)].flat().map((p) => path.resolve(root, p)),
    ignore: [user.ignore ?? []].flat(),
    followSymlinks: user.followSymlinks ?? false,
    output: path.resolve(root, user.output ?? 'output'),
    allowOutputOutsideRoot: user.allowOutputOutsideRoot ?? false,
    cache,
    language: user.language ?? 'fr',
    remarkPlugins: user.remarkPlugins ?? [],
    plugins: user.plugins ?? [],
    extractors: user.extractors ?? {},
    ...rulesAndSources(user, root, { encoding, warnings }),
    ...termbaseOf(user, root, { encoding, warnings }, store),
    docx: docxOf(user, root),
    encoding,
    limits: { ...DEFAULT_LIMITS, ...user.limits },
    timeLimit: user.timeLimit ?? 60,
    warnings,
    translation: {
      languages: user.translation?.languages ?? ['en'],
      folder: path.resolve(root, user.translation?.folder ?? 'input/translations'),
      format: user.translation?.format ?? 'xliff1.2',
      weblate: user.translation?.weblate ?? false,
      memory: [user.translation?.memory ?? []].flat().map((p) => path.resolve(root, p)),
      fuzzyThreshold: user.translation?.fuzzyThreshold ?? 0.75,
      translator: user.translation?.translator ?? null,
      style: user.translation?.style ?? 'eu',
    },
  }
}

/**
 * The notes' folder when the config names none: `notes/`, else `input/`
 * (fiche's own layout), else the project folder itself. The output folder is
 * never read back as input (see `findNotes`).
 */
function defaultInput(root: string): string {
  for (const folder of ['notes', 'input']) {
    if (existsSync(path.join(root, folder))) return folder
  }
  return '.'
}

/** The Word brief options; the template must exist. */
function docxOf(user: FicheConfig, root: string): ResolvedConfig['docx'] {
  const template = user.docx?.template ? path.resolve(root, user.docx.template) : null
  if (template && !existsSync(template)) {
    throw new ConfigError(
      `Configuration error at "docx.template": file not found: ${template}, expected a .docx or .dotx file`,
    )
  }
  return {
    template,
    toc: user.docx?.toc ?? false,
    keyFigures: user.docx?.keyFigures ?? 12,
    citations: user.docx?.citations ?? 'footnote',
    author: user.docx?.author ?? null,
  }
}

/** Loads the `termbase` files (default: `input/termbase.yaml` when it exists). */
function termbaseOf(
  user: FicheConfig,
  root: string,
  reading: ReadingOptions,
  store: TermbaseStore | undefined,
): Pick<ResolvedConfig, 'termbase' | 'termbaseFiles'> {
  const fallback = path.resolve(root, 'input/termbase.yaml')
  const files =
    user.termbase === undefined
      ? existsSync(fallback)
        ? [fallback]
        : []
      : [user.termbase].flat().map((p) => path.resolve(root, p))
  try {
    return { termbaseFiles: files, termbase: loadTermbase(files, reading, store) }
  } catch (error) {
    if (error instanceof TermbaseError) {
      throw new ConfigError(`Configuration error at "termbase": ${error.message}`)
    }
    throw error
  }
}

/** Resolves the `rules` and loads the `sources`, as configuration errors naming the key. */
function rulesAndSources(
  user: FicheConfig,
  root: string,
  reading: ReadingOptions,
): Pick<ResolvedConfig, 'rules' | 'sources'> {
  try {
    const files = user.sources === undefined ? [] : [user.sources].flat()
    return { rules: resolveRules(user.rules), sources: loadSources(files, root, reading) }
  } catch (error) {
    if (error instanceof RuleSettingError) throw new ConfigError(error.message)
    if (error instanceof SourcesError) {
      throw new ConfigError(`Configuration error at "sources": ${error.message}`)
    }
    throw error
  }
}

/**
 * Loads the given configuration file, or the first of `pipeline.config.ts`,
 * `.mts`, `.js`, `.mjs`, `.cjs`, `.json` in `cwd`, and resolves it. Without
 * a file, the defaults apply. The project root is the config file's folder.
 */
export async function loadConfig(
  file: string | null,
  cwd: string,
  options: ResolveOptions = {},
): Promise<ResolvedConfig> {
  const candidate = file
    ? path.resolve(cwd, file)
    : CONFIG_NAMES.map((name) => path.join(cwd, name)).find((p) => existsSync(p))
  if (candidate === undefined) return { ...resolveConfig({}, cwd, options), loaded: { file: null } }
  if (!existsSync(candidate)) throw new ConfigError(`Configuration file not found: ${candidate}`)
  let loaded: unknown
  try {
    loaded = await importConfig(candidate)
    // A config file compiled as CommonJS: unwrap its default.
    if (isObject(loaded) && Object.keys(loaded).length === 1 && 'default' in loaded) {
      loaded = loaded.default
    }
  } catch (error) {
    throw new ConfigError(
      `${candidate}: cannot load the configuration: ${(error as Error).message}`,
    )
  }
  try {
    return {
      ...resolveConfig(loaded, path.dirname(candidate), options),
      loaded: { file: candidate },
    }
  } catch (error) {
    throw new ConfigError(`${candidate}: ${(error as Error).message}`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
