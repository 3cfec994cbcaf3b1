import { readFileSync } from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { alignNotes, segmentsToTmx } from '../../src/translate/align.ts'
import { readMarkdown } from '../../src/read/markdown.ts'
import { TranslationMemory } from '../../src/translate/memory.ts'
import { readTmx } from '../../src/translate/tmx.ts'
import { modelOf, root } from '../helpers.ts'
import { sync } from './helpers.ts'

const fixture = path.join(root, 'tests/fixtures/glossary/parallel')
const text = (name: string) => readFileSync(path.join(fixture, name), 'utf8')
const read = (name: string) => readMarkdown(new VFile({ path: name, value: text(name) }))

describe('translating a note with the memory fiche align made from its English version', () => {
  it('fills at least 90 % of the units, heading numbers aside', async () => {
    const tmx = segmentsToTmx(alignNotes(read('note.fr.md'), read('note.en.md')))
    const memory = new TranslationMemory(
      readTmx(tmx, 'aligned.tmx', 'fr', 'en').map((pair) => ({ ...pair, from: 'aligned.tmx' })),
    )
    const result = await sync(await modelOf(text('note.fr.md'), 'note.md'), null, { memory })
    expect(result.stats.fromMemory / result.stats.total).toBeGreaterThanOrEqual(0.9)
    expect(result.text).toContain(
      '<target state="needs-review-translation" state-qualifier="leveraged-tm">The European regulation</target>',
    )
  })
})
