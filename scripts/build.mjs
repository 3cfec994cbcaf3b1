#!/usr/bin/env node
/**
 * `npm run build` (run by `npm ci` and `npm pack` through `prepare`): compiles
 * the TypeScript sources into dist/ so that the `fiche` command and the
 * library never load a TypeScript compiler at run time.
 *
 * - dist/cli.js (the command) and dist/index.js (the library), bundled by
 *   esbuild with code splitting: each command's modules, and heavy libraries
 *   such as docx, load in their own chunks only when the command needs them.
 *   The command bundles every library but esbuild; the library keeps the
 *   packages of package.json `dependencies` external (a program using fiche
 *   shares them, and their types appear in fiche's own). Measured on 2
 *   cores, bundling them into the command took `fiche check --no-cache` of
 *   the sample from 839–851 ms to 665–704 ms, and an unchanged rebuild of
 *   50 notes from 583–785 ms to 505–511 ms.
 * - dist/worker.js, the entry of the worker threads that build notes in
 *   parallel (src/cli/pool.ts loads it by its path).
 * - dist/types/, the declarations of the public API (tsc --emitDeclarationOnly).
 *
 * `node scripts/build.mjs --js` skips the declarations (what `npm test` needs).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const jsOnly = process.argv.includes('--js')

/** The TypeScript, JavaScript and JSON files under `dir`, relative to the root. */
function sources(dir) {
  const files = []
  const walk = (folder) => {
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const name = `${folder}/${entry.name}`
      if (entry.isDirectory()) walk(name)
      else if (/\.(?:ts|mts|js|mjs|json)$/u.test(entry.name)) files.push(name)
    }
  }
  walk(dir)
  return files
}

const srcFiles = sources('src')

/**
 * The build's id: a hash of the sources, package.json and the lockfile, so
 * that the cache (src/cli/cache.ts) never serves what another build of the
 * same version made.
 */
function buildId() {
  const hash = createHash('sha256')
  const files = ['package.json', 'package-lock.json', ...srcFiles, ...sources('plugins')]
  for (const file of files.sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(root, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true })
const common = {
  define: { __FICHE_BUILD__: JSON.stringify(buildId()) },
  absWorkingDir: root,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // ES module builds of dual packages (jsonc-parser's CommonJS one is UMD).
  mainFields: ['module', 'main'],
  // Bundled CommonJS libraries require Node's built-in modules.
  banner: {
    js: "import { createRequire as __ficheRequire } from 'node:module'; const require = __ficheRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
}
// The library: its dependencies stay external, so that a program using fiche
// shares their modules (and the types of the public API name theirs). It is
// split as it would be with the command's entries beside it, so that a
// compiled pipeline.config.ts (src/config/import.ts) bundles only the chunks
// of what it imports (`defineConfig` alone does not read package.json);
// only the files index.js reaches are written.
const library = await build({
  ...common,
  entryPoints: { index: 'src/index.ts', cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  // Every chunk sits directly in dist/, one level below package.json, like
  // src/package.ts in the sources.
  chunkNames: '[name]-[hash]',
  external: Object.keys(pkg.dependencies ?? {}),
  write: false,
  metafile: true,
})
const reached = new Set()
const reach = (file) => {
  if (reached.has(file)) return
  reached.add(file)
  for (const { path: target } of library.metafile.outputs[file]?.imports ?? []) reach(target)
  const legal = `${file}.LEGAL.txt`
  if (library.metafile.outputs[legal]) reached.add(legal)
}
reach('dist/index.js')
mkdirSync(path.join(root, 'dist'), { recursive: true })
for (const file of library.outputFiles) {
  if (reached.has(path.relative(root, file.path).split(path.sep).join('/')))
    writeFileSync(file.path, file.contents)
}
// The command and its workers: everything but esbuild (a native binary,
// loaded only to compile a pipeline.config.ts) is bundled, so that Node reads
// a few dozen files at start instead of some three hundred (zod alone is 99
// modules, yaml 73).
//
// The libraries src/lazy.ts loads on first use (found by their `lazy(...)`
// calls) get an entry each, `cli-lib-<name>.js`, whose default export is the
// library's namespace: the command requires that file, bundled like the rest,
// instead of the package's own files (yaml's CommonJS build is 73 modules,
// about 40 ms to read and compile on the first termbase parse).
const lazyLibraries = new Map()
for (const file of srcFiles) {
  const text = readFileSync(path.join(root, file), 'utf8')
  for (const [, name] of text.matchAll(/\blazy<[^\n]*?>\('([^']+)'\)/gu))
    lazyLibraries.set(name, `cli-lib-${name.replace(/[^a-z0-9]+/giu, '-').replace(/^-+/u, '')}`)
}
await build({
  ...common,
  define: {
    ...common.define,
    __FICHE_LIBRARIES__: JSON.stringify(
      Object.fromEntries([...lazyLibraries].map(([name, entry]) => [name, `./${entry}.js`])),
    ),
  },
  entryPoints: {
    cli: 'src/cli/main.ts',
    worker: 'src/cli/worker.ts',
    ...Object.fromEntries([...lazyLibraries].map(([name, entry]) => [entry, `fiche-lib:${name}`])),
  },
  chunkNames: 'cli-[name]-[hash]',
  external: ['esbuild'],
  plugins: [
    {
      name: 'fiche-lazy-libraries',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^fiche-lib:/ }, (args) => ({
          path: args.path.slice('fiche-lib:'.length),
          namespace: 'fiche-lib',
        }))
        esbuild.onLoad({ filter: /.*/, namespace: 'fiche-lib' }, (args) => ({
          contents: `import * as library from ${JSON.stringify(args.path)}\nexport default library\n`,
          resolveDir: root,
        }))
      },
    },
  ],
})
if (!jsOnly) {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  )
}
