/**
 * Libraries loaded on first use, synchronously, so that a command that does
 * not read BibTeX, TBX, CSV, YAML or a legacy encoding does not pay for
 * loading them at start-up.
 *
 * - In the command (dist/cli.js and its workers), each is bundled in a file
 *   of its own, `cli-lib-<name>.js` (scripts/build.mjs), required from there:
 *   one file instead of the package's own modules (yaml's are 73).
 * - Elsewhere (the library, the sources), the package is resolved as an ES
 *   module import would resolve it and then required (Node ≥ 20.19 requires
 *   ES modules): the CommonJS build of @retorquere/bibtex-parser's dependency
 *   unicode2latex needs `tslib`, which it does not declare, and a package its
 *   ES build does not need. They stay out of the library's bundle (package.json
 *   `dependencies`).
 */
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const load = createRequire(import.meta.url)

/**
 * In the command's bundle (scripts/build.mjs), the file beside this one that
 * bundles each library, as `{ default: namespace }`; elsewhere undefined.
 */
declare const __FICHE_LIBRARIES__: Record<string, string> | undefined
const bundled: Record<string, string> =
  typeof __FICHE_LIBRARIES__ === 'object' ? __FICHE_LIBRARIES__ : {}

/** A function returning the module `name`, loaded the first time it is called. */
export function lazy<T>(name: string): () => T {
  let loaded: T | undefined
  return () => {
    if (loaded !== undefined) return loaded
    const file = Object.hasOwn(bundled, name) ? bundled[name] : undefined
    loaded =
      file === undefined
        ? (load(fileURLToPath(import.meta.resolve(name))) as T)
        : (load(fileURLToPath(new URL(file, import.meta.url))) as { default: T }).default
    return loaded
  }
}
