/**
 * Files that prove their own bytes: a header line of JSON (a format number,
 * a key, and the sha256 of the rest), then a JSON body. The caches of fiche
 * (src/cli/cache.ts: notes and parsed termbases) write
 * them, so that reading one back costs a hash and a JSON parse, not a schema
 * check: a file truncated, edited or of another format or key is refused.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** The sha256 of some bytes, in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** The text of a digest file holding `value` under `format` and `key`. */
export function digestText(format: number, key: string, value: unknown): string {
  const body = JSON.stringify(value)
  return `${JSON.stringify({ format, key, digest: sha256(body) })}\n${body}`
}

/**
 * The value of the digest file `file` when it exists and is sound for
 * `format` and `key`, else null (missing, unreadable, truncated, edited, of
 * another format or key, or not JSON).
 */
export function readDigestFile(file: string, format: number, key: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const newline = text.indexOf('\n')
  if (newline < 0) return null
  const body = text.slice(newline + 1)
  try {
    const header: unknown = JSON.parse(text.slice(0, newline))
    if (
      typeof header !== 'object' ||
      header === null ||
      (header as { format?: unknown }).format !== format ||
      (header as { key?: unknown }).key !== key ||
      (header as { digest?: unknown }).digest !== sha256(body)
    )
      return null
    return JSON.parse(body) as unknown
  } catch {
    return null
  }
}
