/**
 * fiche's own package: its folder and version. This module sits one level
 * below the package root both as a source (src/) and once compiled (dist/),
 * so the same relative URL finds package.json in both.
 */
import { readFileSync } from 'node:fs'

/** The folder of fiche's package.json (file URL ending with a slash). */
export const packageRoot = new URL('../', import.meta.url)

declare const __FICHE_BUILD__: string | undefined

/**
 * The id of this build of fiche (a hash of its sources and lockfile, set by
 * scripts/build.mjs); `source` when run from the TypeScript sources.
 */
export const buildId = typeof __FICHE_BUILD__ === 'string' ? __FICHE_BUILD__ : 'source'

/** fiche's version, from its package.json. */
export const version = (
  JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { version: string }
).version
