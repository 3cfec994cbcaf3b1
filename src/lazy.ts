/**
 * Libraries loaded on first use, synchronously, so that a command that does
 * not read BibTeX, TBX, CSV or a legacy encoding does not pay for loading
 * them at start-up. They stay out of the bundle (package.json
 * `dependencies`). Each is resolved as an ES module import would resolve it
 * and then required (Node ≥ 20.19 requires ES modules): the CommonJS build of
 * @retorquere/bibtex-parser's dependency unicode2latex needs `tslib`, which it
 * does not declare, and a package its ES build does not need.
 */
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const load = createRequire(import.meta.url)

/** A function returning the module `name`, loaded the first time it is called. */
export function lazy<T>(name: string): () => T {
  let loaded: T | undefined
  return () => (loaded ??= load(fileURLToPath(import.meta.resolve(name))) as T)
}
