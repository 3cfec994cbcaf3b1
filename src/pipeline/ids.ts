/**
 * Document ids of a batch of notes. A note's id is the slug of its file name
 * (`documentId`), and names its output folder and its translation files; two
 * notes whose slugs collide ("Note A.md" and "a/note-a.md", NFC and NFD
 * spellings…) would overwrite each other's outputs. The first of them by
 * relative path keeps the plain slug; each other one gets the slug, a dash
 * and the first 6 hex digits of the SHA-1 of its relative path, which does
 * not depend on the other files of the batch nor on their order.
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { documentId } from './result.ts'

/** Notes whose slugs collide, and the ids they got. */
export interface IdCollision {
  /** The slug they share. */
  slug: string
  /** Relative paths, sorted; the first keeps the slug. */
  files: string[]
  /** The id of each file, in the order of `files`. */
  ids: string[]
}

/** The ids of a batch: relative path → id, and the collisions found. */
export interface DocumentIds {
  ids: Map<string, string>
  collisions: IdCollision[]
}

/** SHA-1 of the relative path, as hex. */
function pathHash(relativePath: string): string {
  return createHash('sha1').update(relativePath).digest('hex')
}

/** Code-unit order: the same on every system and locale. */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Assigns a distinct id to each note of the batch, given their paths
 * relative to the project root (forward slashes). Pure; linear in the
 * number of notes (plus sorting).
 */
export function assignDocumentIds(relativePaths: readonly string[]): DocumentIds {
  const paths = [...new Set(relativePaths)].sort(byCodeUnit)
  const groups = new Map<string, string[]>()
  for (const file of paths) {
    const slug = documentId(file)
    const group = groups.get(slug)
    if (group) group.push(file)
    else groups.set(slug, [file])
  }
  const ids = new Map<string, string>()
  const taken = new Set(groups.keys())
  const collisions: IdCollision[] = []
  for (const [slug, files] of groups) {
    ids.set(files[0]!, slug)
    if (files.length === 1) continue
    const collision: IdCollision = { slug, files, ids: [slug] }
    for (const file of files.slice(1)) {
      // Six digits; more only if that id is itself taken (a note named "note-a-1b2c3d.md").
      const hash = pathHash(file)
      let length = 6
      while (taken.has(`${slug}-${hash.slice(0, length)}`) && length < hash.length) length++
      const id = `${slug}-${hash.slice(0, length)}`
      taken.add(id)
      ids.set(file, id)
      collision.ids.push(id)
    }
    collisions.push(collision)
  }
  return { ids, collisions }
}

/** The warning of a collision, naming every file and the id it got. */
export function collisionWarning(collision: IdCollision): string {
  const files = collision.files.map((file, i) => `${file} → ${collision.ids[i]}`)
  return `${collision.files.length} notes have the document id "${collision.slug}": ${files.join(', ')}`
}

/**
 * The ids of notes given by absolute path, relative to the project `root`
 * as the models name them; with one warning per collision.
 */
export function documentIdsOf(
  files: readonly string[],
  root: string,
): { idOf: (file: string) => string; warnings: string[] } {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/')
  const { ids, collisions } = assignDocumentIds(files.map(relative))
  return {
    idOf: (file) => ids.get(relative(file)) ?? documentId(file),
    warnings: collisions.map(collisionWarning),
  }
}
