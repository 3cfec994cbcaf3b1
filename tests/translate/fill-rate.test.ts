/**
 * Fill rate of the memory `fiche align` makes from a real French/English
 * pair (tests/fixtures/translate/pair, from 24eme/signaturepdf), whose units
 * carry inline code and links.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { alignNotes, segmentsToTmx } from '../../src/translate/align.ts'
import { readMarkdown } from '../../src/read/markdown.ts'
import { codeIds } from '../../src/translate/content.ts'
import { TranslationMemory } from '../../src/translate/memory.ts'
import { readTmx } from '../../src/translate/tmx.ts'
import { modelOf, root } from '../helpers.ts'
import { sync, validate } from './helpers.ts'

const fixture = path.join(root, 'tests/fixtures/translate/pair')
const text = (name: string) => readFileSync(path.join(fixture, name), 'utf8')
const read = (name: string) => readMarkdown(new VFile({ path: name, value: text(name) }))

async function fill(memory: TranslationMemory) {
  const result = await sync(await modelOf(text('signaturepdf.fr.md'), 'signaturepdf.md'), null, {
    memory,
  })
  const filled = result.units.filter((s) => s.draft?.origin === 'tm')
  return { result, filled }
}

/** Code ids of a unit's source and of its draft target, sorted. */
function codesOf(s: Awaited<ReturnType<typeof fill>>['filled'][number]) {
  const ids = (list: Parameters<typeof codeIds>[0][]) => [...new Set(list.flatMap(codeIds))].sort()
  return { source: ids(s.unit!.content.segments), target: ids(s.draft!.pieces) }
}

describe('the fill rate of an aligned memory on units with inline codes', () => {
  it('fills at least 90 % of the units, every target with its source codes', async () => {
    const tmx = segmentsToTmx(alignNotes(read('signaturepdf.fr.md'), read('signaturepdf.en.md')))
    const memory = new TranslationMemory(
      readTmx(tmx, 'aligned.tmx', 'fr', 'en').map((pair) => ({ ...pair, from: 'aligned.tmx' })),
    )
    expect(validate(tmx, 'tmx')).toBe('')
    expect(tmx).toContain('<ph x="1" type="x-code">`config/config.ini`</ph>')
    expect(tmx).toMatch(/<bpt i="1" x="1" type="link">\[<\/bpt>Weblate<ept i="1">/)
    const { result, filled } = await fill(memory)
    expect(result.stats.total).toBeGreaterThan(20)
    expect(result.stats.fromMemory / result.stats.total).toBeGreaterThanOrEqual(0.9)
    const withCodes = filled.filter((s) => codeIds(s.unit!.content.segments.flat()).length > 0)
    expect(withCodes.length).toBeGreaterThanOrEqual(5)
    // The codes are in the memory: exact matches, not the plain-text path.
    for (const s of withCodes) expect(s.draft?.score, s.id).toBe(100)
    for (const s of filled) {
      const { source, target } = codesOf(s)
      expect(target, s.id).toEqual(source)
    }
  })

  it('matches a plain-text TMX against units with codes, below exact', async () => {
    const memory = new TranslationMemory([
      {
        source: [
          {
            type: 'text',
            value:
              'Dans ce fichier config/config.ini, il suffit ce configurer la variable PDF_STORAGE_PATH avec le chemin vers lequel les fichiers pdf uploadés pourront être stockés :',
          },
        ],
        target: [
          {
            type: 'text',
            value:
              'In the config/config.ini file, configure the PDF_STORAGE_PATH variable with the path where uploaded PDF files can be stored:',
          },
        ],
        codes: new Map(),
        from: 'plain.tmx',
      },
      {
        // The link's text is not in the target: no plain match.
        source: [
          {
            type: 'text',
            value: 'Des traductions peuvent etre ajoutées sur Weblate.',
          },
        ],
        target: [{ type: 'text', value: 'Translations might be added on the translation site.' }],
        codes: new Map(),
        from: 'plain.tmx',
      },
    ])
    const { filled } = await fill(memory)
    const config = filled.find((s) =>
      s
        .unit!.content.segments.flat()
        .some((p) => p.type === 'text' && p.value.includes('il suffit')),
    )
    expect(config?.draft?.score).toBe(99)
    expect(config?.draft?.pieces).toEqual([
      [
        { type: 'text', value: 'In the ' },
        { type: 'ph', id: '1' },
        { type: 'text', value: ' file, configure the ' },
        { type: 'ph', id: '2' },
        {
          type: 'text',
          value: ' variable with the path where uploaded PDF files can be stored:',
        },
      ],
    ])
    // Only a fuzzy match (the link's code left out) is left for it, scored lower.
    const weblate = filled.find((s) =>
      s
        .unit!.content.segments.flat()
        .some((p) => p.type === 'text' && p.value.includes('ajoutées')),
    )
    expect(weblate?.draft?.score ?? 0).toBeLessThan(99)
  })
})
