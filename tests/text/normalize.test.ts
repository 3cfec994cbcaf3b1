/** Slugs become folder and file names: they must be safe on every system. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { documentId } from '../../src/pipeline/process.ts'
import { isReservedName, slugify } from '../../src/text/normalize.ts'

const runs = Number(process.env.FICHE_FUZZ_RUNS ?? 1000)
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const RESERVED = [
  'con',
  'prn',
  'aux',
  'nul',
  ...Array.from({ length: 10 }, (_, i) => `com${i}`),
  ...Array.from({ length: 10 }, (_, i) => `lpt${i}`),
]

/** Text with the characters that make slugs go wrong: dots, separators, marks, reserved names. */
const hostile = fc.array(
  fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom(
      ...RESERVED,
      'CON',
      'Nul',
      'LPT¹',
      '.',
      '..',
      '/',
      '\\',
      ':',
      ' ',
      '-',
      '.md',
      '.txt',
      'e\u0301',
      'é',
      '\u0000',
      '’',
      "'",
      '\u00a0',
    ),
  ),
  { maxLength: 8 },
)

describe('slugify', () => {
  it.each([
    ['Note CeSIA 2026', 'note-cesia-2026'],
    ['Kučinskas', 'kucinskas'],
    ["L'IA", 'lia'],
    ['', 'document'],
    ['...', 'document'],
    ['---', 'document'],
    ['.hidden', 'hidden'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a/b\\c:d', 'a-b-c-d'],
    ['a..b', 'a-b'],
    ['CON', 'con-note'],
    ['con', 'con-note'],
    ['Aux', 'aux-note'],
    ['nul', 'nul-note'],
    ['PRN', 'prn-note'],
    ['COM1', 'com1-note'],
    ['lpt9', 'lpt9-note'],
    ['con.txt', 'con-txt'],
    ['nul.tar.gz', 'nul-tar-gz'],
    ['com10', 'com10'],
    ['console', 'console'],
    ['LPT¹', 'lpt'],
  ])('%j → %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
    expect(slug).toMatch(SLUG)
  })

  it('never gives a reserved name, also as the stem of the files named after it', () => {
    for (const name of RESERVED) {
      for (const text of [name, name.toUpperCase(), ` ${name} `, `-${name}-`, `${name}.`]) {
        const slug = slugify(text)
        expect(isReservedName(slug), text).toBe(false)
        expect(isReservedName(`${slug}.en.xlf`), text).toBe(false)
      }
    }
  })

  it('names the document after the file, without its extension or folder', () => {
    expect(documentId('/notes/CON.md')).toBe('con-note')
    expect(documentId('/notes/aux.markdown')).toBe('aux-note')
    expect(documentId('/notes/nul.txt')).toBe('nul-note')
    expect(documentId('/notes/.md')).toBe('document')
    expect(documentId('/notes/.hidden.md')).toBe('hidden')
  })

  it('property: always a non-empty [a-z0-9-] slug, no dot, no separator, not reserved', () => {
    fc.assert(
      fc.property(hostile, (parts) => {
        const slug = slugify(parts.join(''))
        expect(slug).toMatch(SLUG)
        expect(slug).not.toContain('..')
        expect(slug.startsWith('.')).toBe(false)
        expect(slug).not.toMatch(/[/\\:]/)
        expect(isReservedName(slug)).toBe(false)
        expect(isReservedName(`${slug}.en.xlf`)).toBe(false)
      }),
      { numRuns: runs },
    )
  })
})

describe('isReservedName', () => {
  it.each([
    ['con', true],
    ['CON', true],
    ['con.txt', true],
    ['Nul.tar.gz', true],
    ['com1.en.xlf', true],
    ['aux .md', true],
    ['con-note', false],
    ['console', false],
    ['com10', false],
    ['lpt', false],
  ])('%j → %j', (name, reserved) => {
    expect(isReservedName(name)).toBe(reserved)
  })
})
