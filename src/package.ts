/**
 * fiche's own package: its folder and version. This module sits one level
 * below the package root both as a source (src/) and once compiled (dist/),
 * so the same relative URL finds package.json in both.
 */
import { readFileSync } from 'node:fs'

/** The folder of fiche's package.json (file URL ending with a slash). */
export const packageRoot = new URL('../', import.meta.url)

/** fiche's version, from its package.json. */
export const version = (
  JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { version: string }
).version
