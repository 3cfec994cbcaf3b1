/** Document ids of a batch: colliding slugs get distinct ids that do not depend on the batch's order. */
import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assignDocumentIds, collisionWarning, documentIdsOf } from '../../src/pipeline/ids.ts'
import { documentId } from '../../src/pipeline/process.ts'

const runs = Number(process.env.FICHE_FUZZ_RUNS ?? 1000)
const hash6 = (file: string) => createHash('sha1').update(file).digest('hex').slice(0, 6)
const ids = (paths: string[]) => Object.fromEntries(assignDocumentIds(paths).ids)

describe('assignDocumentIds', () => {
  it('gives each note the slug of its file name when no two collide', () => {
    const { ids, collisions } = assignDocumentIds(['input/a.md', 'input/sub/B note.txt'])
    expect(Object.fromEntries(ids)).toEqual({ 'input/a.md': 'a', 'input/sub/B note.txt': 'b-note' })
    expect(collisions).toEqual([])
  })

  it.each([
    ['case and punctuation', ['x/Note A.md', 'y/note-a.md', 'z/NOTE_A.markdown']],
    ['NFC and NFD', ['a/\u00e9t\u00e9.md', 'b/e\u0301te\u0301.md']],
    ['extension', ['n/rapport.md', 'n/rapport.txt']],
  ])('keeps the slug for the first by path and hashes the others: %s', (_, paths) => {
    const { ids, collisions } = assignDocumentIds(paths)
    const sorted = [...paths].sort()
    const slug = documentId(sorted[0]!)
    expect(ids.get(sorted[0]!)).toBe(slug)
    for (const file of sorted.slice(1)) expect(ids.get(file)).toBe(`${slug}-${hash6(file)}`)
    expect(new Set(ids.values()).size).toBe(paths.length)
    expect(collisions).toEqual([{ slug, files: sorted, ids: sorted.map((f) => ids.get(f)) }])
  })

  it('does not depend on the order of the batch nor on unrelated notes', () => {
    const base = ids(['x/Note A.md', 'y/note-a.md'])
    expect(ids(['y/note-a.md', 'x/Note A.md'])).toEqual(base)
    expect(ids(['other.md', 'y/note-a.md', 'zz/z.md', 'x/Note A.md'])).toMatchObject(base)
  })

  it('lengthens the hash when the hashed id is the slug of another note', () => {
    const clash = `note-a-${hash6('y/note-a.md')}`
    const result = ids(['x/note-a.md', 'y/note-a.md', `${clash}.md`])
    expect(result[`${clash}.md`]).toBe(clash)
    expect(result['y/note-a.md']).toMatch(new RegExp(`^${clash}[0-9a-f]$`))
    expect(new Set(Object.values(result)).size).toBe(3)
  })

  it('warns once per collision, naming every file and its id', () => {
    const { collisions } = assignDocumentIds(['x/Note A.md', 'y/note-a.md', 'b.md'])
    expect(collisions.map(collisionWarning)).toEqual([
      `2 notes have the document id "note-a": x/Note A.md → note-a, y/note-a.md → note-a-${hash6('y/note-a.md')}`,
    ])
  })

  it('takes absolute paths relative to the root', () => {
    const { idOf, warnings } = documentIdsOf(['/p/notes/a/x.md', '/p/notes/b/X.md'], '/p')
    expect(idOf('/p/notes/a/x.md')).toBe('x')
    expect(idOf('/p/notes/b/X.md')).toBe(`x-${hash6('notes/b/X.md')}`)
    expect(idOf('/p/notes/other.md')).toBe('other')
    expect(warnings).toHaveLength(1)
  })

  it('property: distinct slug-shaped ids, each the slug or the slug and the hash of its path, whatever the order', () => {
    const name = fc.constantFrom(
      'Note A',
      'note-a',
      'NOTE a',
      'b',
      'B',
      'été',
      'e\u0301te\u0301',
      'con',
    )
    const file = fc
      .tuple(
        fc.constantFrom('', 'x/', 'y/z/', 'Y/'),
        name,
        fc.constantFrom('.md', '.txt', '.markdown'),
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(fc.uniqueArray(file, { maxLength: 12 }), (paths) => {
        const result = assignDocumentIds(paths).ids
        expect(result.size).toBe(paths.length)
        expect(new Set(result.values()).size).toBe(paths.length)
        for (const [path, id] of result) {
          expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
          const slug = documentId(path)
          expect([slug, `${slug}-${hash6(path)}`]).toContain(id)
        }
        expect(Object.fromEntries(assignDocumentIds([...paths].reverse()).ids)).toEqual(
          Object.fromEntries(result),
        )
      }),
      { numRuns: runs },
    )
  })
})
