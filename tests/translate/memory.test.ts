import { describe, expect, it } from 'vitest'
import { emitTmx } from '../../src/translate/tmx-write.ts'
import { contentOf } from '../../src/translate/content.ts'
import { memoryEntries, TranslationMemory } from '../../src/translate/memory.ts'
import { readTranslationFile } from '../../src/translate/read.ts'
import { readTmx } from '../../src/translate/tmx.ts'
import type { Translator } from '../../src/translate/translate.ts'
import { memoryOf, noteModel, sync, translateAll, unitsById, validate } from './helpers.ts'

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }

describe('translation memory', () => {
  const memory = memoryOf([
    ['Premier paragraphe des recommandations.', 'First paragraph of the recommendations.'],
    [
      'Deuxième point, voir p. 12 du rapport annuel.',
      'Second point, see p. 12 of the annual report.',
    ],
  ])

  it('fills empty targets with exact and fuzzy matches as drafts with their score', async () => {
    const result = await sync(await noteModel(), null, { memory })
    expect(result.stats.fromMemory).toBe(2)
    expect(validate(result.text, '1.2')).toBe('')
    const units = [...unitsById(result.text).values()]
    const exact = units.find((u) => u.includes('<source>Premier paragraphe des recommandations.'))!
    expect(exact).toContain(
      '<target state="needs-review-translation" state-qualifier="leveraged-tm">First paragraph of the recommendations.</target>',
    )
    expect(exact).toContain('match-quality="100"')
    const fuzzy = units.find((u) => u.includes('<source>Deuxième point'))!
    expect(fuzzy).toMatch(/match-quality="(8\d|9\d)"/)
    expect(fuzzy).toContain('state-qualifier="leveraged-tm"')
    expect(fuzzy).not.toContain('state="translated"')
    const v2 = await sync(await noteModel(), null, { memory, version: '2.0' })
    expect(v2.text).toContain('state="initial" subState="fiche:tm"')
    expect(v2.text).toContain(
      '<note category="fiche:match">Draft from translation memory (test.tmx), match 100%: review it.</note>',
    )
    expect(validate(v2.text, '2.0')).toBe('')
  })

  it('leaves a match below the threshold out', async () => {
    const strict = memoryOf(
      [['Deuxième point, voir p. 12 du rapport annuel.', 'Second point.']],
      0.95,
    )
    const result = await sync(await noteModel(), null, { memory: strict })
    expect(result.stats.fromMemory).toBe(0)
  })

  it('never writes over a target a person wrote', async () => {
    const translated = translateAll((await sync(await noteModel(), null)).text)
    const result = await sync(await noteModel(), translated, { memory })
    expect(result.changed).toBe(false)
    expect(result.stats.fromMemory).toBe(0)
  })

  it('matches with inline codes: same codes give an exact match whose codes are the unit’s', () => {
    const inlines = (word: string) => [
      { type: 'text' as const, value: 'Voir ' },
      {
        type: 'link' as const,
        href: 'https://www.insee.fr',
        citationId: null,
        children: [{ type: 'text' as const, value: word }],
      },
      { type: 'text' as const, value: ' pour le détail.' },
    ]
    const { content } = contentOf(inlines("l'étude"))
    const memory = new TranslationMemory([
      {
        source: content.segments[0]!,
        target: [
          { type: 'text', value: 'See ' },
          { type: 'pc', id: '1', children: [{ type: 'text', value: 'the study' }] },
          { type: 'text', value: ' for details.' },
        ],
        codes: content.codes,
        from: 'm.tmx',
      },
    ])
    expect(memory.lookup(content)).toMatchObject({ score: 100 })
    const other = contentOf([{ type: 'text', value: "Voir l'étude pour le détail." }]).content
    expect(memory.lookup(other)?.score ?? 0).toBeLessThan(100)
  })

  it('TMX round trip: written valid against the DTD, read back with the same pairs and codes', async () => {
    const translated = translateAll((await sync(await noteModel(), null)).text)
    const entries = memoryEntries(
      readTranslationFile(translated, 'note.en.xlf', expected),
      'note.en.xlf',
    )
    const tmx = emitTmx(entries, { sourceLanguage: 'fr', targetLanguage: 'en' })
    expect(validate(tmx, 'tmx')).toBe('')
    const pairs = readTmx(tmx, 'memory.tmx', 'fr', 'en')
    expect(pairs).toHaveLength(entries.length)
    const back = new TranslationMemory(pairs.map((p) => ({ ...p, from: 'memory.tmx' })))
    const model = await noteModel()
    const result = await sync(model, null, { memory: back })
    expect(result.stats.fromMemory).toBe(result.stats.total)
    // The link keeps its code and its target comes from the note.
    const unit = [...unitsById(result.text).values()].find((u) => u.includes('INSEE, 2025'))!
    expect(unit).toMatch(/<target[^>]*>.*<g id="1" ctype="link">INSEE, 2025<\/g>/)
  })
})

describe('reading TMX', () => {
  it('reads a CAT tool export: region subtags, foreign codes, several pairs', () => {
    const pairs = readTmx(
      `<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr-FR" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="fr-FR"><seg>Voir <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph></seg></tuv><tuv xml:lang="en-GB"><seg>See <bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept><ph>&lt;br/&gt;</ph></seg></tuv></tu>
<tu><tuv xml:lang="de"><seg>Nein</seg></tuv><tuv xml:lang="en"><seg>No</seg></tuv></tu>
</body></tmx>`,
      'export.tmx',
      'fr',
      'en',
    )
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.source).toEqual([
      { type: 'text', value: 'Voir ' },
      { type: 'pc', id: 's1', children: [{ type: 'text', value: 'ici' }] },
      { type: 'ph', id: 's2' },
    ])
    expect(pairs[0]!.codes.get('s1')).toEqual({ kind: 'foreign', paired: true, data: '<b></b>' })
  })

  it('refuses a DOCTYPE (no entity expansion) and names the file and place', () => {
    expect(() =>
      readTmx(
        '<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx>&x;</tmx>',
        'evil.tmx',
        'fr',
        'en',
      ),
    ).toThrow(/^evil\.tmx:1:\d+: a DOCTYPE is not allowed/)
  })
})

describe('machine drafts', () => {
  it('fill what memory leaves empty, marked as machine drafts; failures are reported per unit', async () => {
    const seen: string[] = []
    const translator: Translator = async (request) => {
      expect(request.terms).toEqual([{ source: 'ligne rouge', target: 'red line' }])
      return request.segments.map((segment) => {
        seen.push(segment.text)
        return segment.text.startsWith('Premier paragraphe')
          ? new Error('quota exceeded')
          : `MT ${segment.text}`
      })
    }
    const result = await sync(await noteModel(), null, {
      translator,
      terms: [{ source: 'ligne rouge', target: 'red line' }],
    })
    expect(seen).toContain(
      'Le taux est passé de 2,5 % à 3 % en 2025 (<g id="1" ctype="link">INSEE, 2025</g>).',
    )
    expect(result.failures).toEqual([
      { unitId: expect.stringMatching(/\.p/), message: 'quota exceeded' },
    ])
    expect(result.stats.fromMachine).toBe(result.stats.total - 1)
    expect(result.text).toContain('state-qualifier="leveraged-mt"')
    expect(result.text).toContain('<g id="1" ctype="link">INSEE, 2025</g>).</mrk>')
    expect(validate(result.text, '1.2')).toBe('')
    const translated = translateAll((await sync(await noteModel(), null)).text)
    const again = await sync(await noteModel(), translated, { translator })
    expect(again.changed).toBe(false)
  })

  it('a translator that throws leaves every unit empty and reports each', async () => {
    const translator: Translator = async () => {
      throw new Error('service unavailable')
    }
    const result = await sync(await noteModel(), null, { translator })
    expect(result.failures).toHaveLength(result.stats.total)
    expect(result.stats.new).toBe(result.stats.total)
  })
})
