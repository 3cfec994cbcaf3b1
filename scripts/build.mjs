#!/usr/bin/env node
/**
 * `npm run build` (run by `npm ci` and `npm pack` through `prepare`): compiles
 * the TypeScript sources into dist/ so that the `fiche` command and the
 * library never load a TypeScript compiler at run time.
 *
 * - dist/cli.js (the command) and dist/index.js (the library), bundled by
 *   esbuild with code splitting: each command's modules, and heavy libraries
 *   such as docx, load in their own chunks only when the command needs them.
 *   The packages in package.json `dependencies` stay external (they are
 *   installed with fiche, and their types appear in fiche's own); the other
 *   libraries are bundled, which saves Node the resolution of hundreds of
 *   small files at every start.
 * - dist/worker.js, the entry of the worker threads that build notes in
 *   parallel (src/cli/pool.ts loads it by its path).
 * - dist/types/, the declarations of the public API (tsc --emitDeclarationOnly).
 *
 * `node scripts/build.mjs --js` skips the declarations (what `npm test` needs).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const jsOnly = process.argv.includes('--js')

/**
 * The build's id: a hash of the sources, package.json and the lockfile, so
 * that the cache (src/cli/cache.ts) never serves what another build of the
 * same version made.
 */
function buildId() {
  const hash = createHash('sha256')
  const files = ['package.json', 'package-lock.json']
  const walk = (dir) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const name = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(name)
      else if (/\.(?:ts|mts|js|mjs|json)$/u.test(entry.name)) files.push(name)
    }
  }
  walk('src')
  walk('plugins')
  for (const file of files.sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(path.join(root, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

rmSync(path.join(root, 'dist'), { recursive: true, force: true })
await build({
  define: { __FICHE_BUILD__: JSON.stringify(buildId()) },
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist',
  // Every chunk sits directly in dist/, one level below package.json, like
  // src/package.ts in the sources.
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // ES module builds of dual packages (jsonc-parser's CommonJS one is UMD).
  mainFields: ['module', 'main'],
  external: process.env.EXT ? process.env.EXT.split(',') : Object.keys(pkg.dependencies ?? {}),
  // Bundled CommonJS libraries require Node's built-in modules.
  banner: {
    js: "import { createRequire as __ficheRequire } from 'node:module'; const require = __ficheRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
})
if (!jsOnly) {
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: root, stdio: 'inherit' },
  )
}
