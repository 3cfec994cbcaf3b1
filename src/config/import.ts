/**
 * Importing a configuration file without a TypeScript compiler at start-up.
 *
 * - `.json`: parsed.
 * - `.js`, `.mjs`, `.cjs`: imported by Node as they are.
 * - `.ts`, `.mts`, `.cts`: compiled on demand by esbuild (loaded only then),
 *   the result cached by content hash in `node_modules/.cache/fiche/` (the
 *   nearest `node_modules` above the config, else the system's temporary
 *   folder), so an unchanged config costs one file read and one import.
 *   Relative imports (a local plugin in TypeScript) are bundled into the
 *   compiled file and their hashes kept in its first line, so that editing
 *   them recompiles. `fiche` is bundled from this very package's dist/ (its
 *   `sideEffects: false` lets esbuild keep only what the config uses, so
 *   `defineConfig` does not load the whole library); other packages resolve
 *   to absolute URLs as seen from the config's folder, so the compiled file
 *   works from the cache folder.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { packageRoot, version } from '../package.ts'

/** Extensions of configuration files, in the order they are looked for. */
export const CONFIG_NAMES = [
  'pipeline.config.ts',
  'pipeline.config.mts',
  'pipeline.config.js',
  'pipeline.config.mjs',
  'pipeline.config.cjs',
  'pipeline.config.json',
] as const

const TS = /\.[mc]?ts$/i
const requireCache = createRequire(import.meta.url).cache
const INPUTS_PREFIX = '// fiche-config-inputs '
/** Changes when the compiled form changes, so that older cache entries are not used. */
const CACHE_FORMAT = 3

/** The module's default export (or the parsed JSON) of a configuration file. */
export async function importConfig(file: string): Promise<unknown> {
  if (/\.json$/i.test(file)) return JSON.parse(readFileSync(file, 'utf8')) as unknown
  const url = TS.test(file) ? await compiledConfig(file) : pathToFileURL(file).href
  const source = readFileSync(file)
  // A changed file (fiche watch) is a new URL, so Node imports it again; a
  // CommonJS one is also in require's cache, which Node would reuse.
  delete requireCache[file]
  const module = (await import(`${url}?v=${hash(source).slice(0, 16)}`)) as { default?: unknown }
  return module.default
}

function hash(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The cache folder of compiled configurations for a config in `dir`. */
export function configCacheDir(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    const modules = path.join(current, 'node_modules')
    if (existsSync(modules)) return path.join(modules, '.cache', 'fiche')
    if (path.dirname(current) === current) break
  }
  return path.join(tmpdir(), 'fiche-cache')
}

/** The file URL of the compiled configuration, compiling it when the cache has none that is current. */
async function compiledConfig(file: string): Promise<string> {
  const source = readFileSync(file)
  const key = hash(`${CACHE_FORMAT}\0${version}\0${file}\0${hash(source)}`).slice(0, 32)
  const cached = path.join(configCacheDir(path.dirname(file)), `config-${key}.mjs`)
  if (existsSync(cached) && inputsCurrent(cached)) return pathToFileURL(cached).href
  const code = await compile(file)
  mkdirSync(path.dirname(cached), { recursive: true })
  const temporary = `${cached}.${process.pid}.tmp`
  writeFileSync(temporary, code)
  renameSync(temporary, cached)
  return pathToFileURL(cached).href
}

/** Whether the local files bundled into a compiled config are unchanged. */
function inputsCurrent(cached: string): boolean {
  const firstLine = readFileSync(cached, 'utf8').split('\n', 1)[0] ?? ''
  if (!firstLine.startsWith(INPUTS_PREFIX)) return false
  try {
    const inputs = JSON.parse(firstLine.slice(INPUTS_PREFIX.length)) as Record<string, string>
    return Object.entries(inputs).every(
      ([input, digest]) => existsSync(input) && hash(readFileSync(input)) === digest,
    )
  } catch {
    return false
  }
}

/** Compiles a TypeScript config with esbuild into one ES module. */
async function compile(file: string): Promise<string> {
  const { build } = await import('esbuild')
  const ficheEntry = fileURLToPath(new URL('dist/index.js', packageRoot))
  const ficheDist = path.dirname(ficheEntry)
  const builtins = new Set(builtinModules)
  const result = await build({
    entryPoints: [file],
    absWorkingDir: path.dirname(file),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    sourcemap: 'inline',
    logLevel: 'silent',
    // Plugins keep their function names, which messages about them show.
    keepNames: true,
    plugins: [
      {
        name: 'fiche-config-packages',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === 'fiche-config-resolve') return undefined
            const name = args.path.startsWith('@')
              ? args.path.split('/').slice(0, 2).join('/')
              : args.path.split('/')[0]!
            if (args.path.startsWith('node:') || builtins.has(name)) return { external: true }
            if (args.path === 'fiche') return { path: ficheEntry }
            const resolved = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              pluginData: 'fiche-config-resolve',
            })
            if (resolved.errors.length > 0) return { errors: resolved.errors }
            return { path: pathToFileURL(resolved.path).href, external: true }
          })
        },
      },
    ],
  })
  const inputs: Record<string, string> = {}
  for (const input of Object.keys(result.metafile.inputs)) {
    const absolute = path.resolve(path.dirname(file), input)
    if (absolute !== file && !absolute.startsWith(ficheDist) && existsSync(absolute)) {
      inputs[absolute] = hash(readFileSync(absolute))
    }
  }
  return `${INPUTS_PREFIX}${JSON.stringify(inputs)}\n${result.outputFiles[0]!.text}`
}
