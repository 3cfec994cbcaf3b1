/**
 * Stable ids: derived from an item's kind, its place in the tree and its
 * content, so inserting a paragraph above an item does not change its id.
 */
import { createHash } from 'node:crypto'

/** Hashes the parts into a short hexadecimal digest. */
export function digest(...parts: string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 10)
}

/**
 * Hands out ids unique within one document: two items with the same prefix,
 * scope and content get `-2`, `-3`… in document order.
 */
export class IdFactory {
  readonly #seen = new Map<string, number>()

  /** An id such as `b-3f2a9c01de` for a bullet of that scope and text. */
  make(prefix: string, ...parts: string[]): string {
    const base = `${prefix}-${digest(...parts)}`
    const count = (this.#seen.get(base) ?? 0) + 1
    this.#seen.set(base, count)
    return count === 1 ? base : `${base}-${count}`
  }
}
