import { describe, expect, it } from 'vitest'
import { readTranslationFile } from '../../src/translate/read.ts'
import { noteModel, noteText, sync, translateAll, unitsById, validate } from './helpers.ts'

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }
const read = (text: string) => readTranslationFile(text, 'note.en.xlf', expected)

/** The file of the note, translated by a tool, for each version. */
async function translatedFile(version: '1.2' | '2.0') {
  const first = await sync(await noteModel(), null, { version })
  return translateAll(first.text)
}

describe.each(['1.2', '2.0'] as const)('resync of an XLIFF %s file', (version) => {
  it('writes a valid file whose units all start new, and a second sync changes nothing', async () => {
    const model = await noteModel()
    const first = await sync(model, null, { version })
    expect(validate(first.text, version)).toBe('')
    expect(first.stats).toMatchObject({
      total: first.units.length,
      new: first.units.length,
      translated: 0,
    })
    const kinds = read(first.text).units.map((u) => u.kind)
    expect(new Set(kinds)).toEqual(
      new Set([
        'meta',
        'heading',
        'dateline',
        'paragraph',
        'bullet',
        'cell',
        'quote',
        'footnote',
        'alt',
      ]),
    )
    const again = await sync(model, first.text, { version })
    expect(again.changed).toBe(false)
    expect(again.text).toBe(first.text)
  })

  it('editing one bullet leaves exactly one stale unit with its previous French and English', async () => {
    const file = await translatedFile(version)
    const edited = noteText.replace(
      'Deuxième point, voir p. 12 du rapport.',
      'Deuxième point, voir p. 14 du rapport annuel.',
    )
    const result = await sync(await noteModel(edited), file, { version })
    expect(result.stats.stale).toBe(1)
    expect(result.stats.new).toBe(0)
    expect(result.stats.obsolete).toBe(0)
    expect(validate(result.text, version)).toBe('')
    const units = read(result.text).units
    const stale = units.filter((u) => u.status === 'stale')
    expect(stale).toHaveLength(1)
    const [unit] = stale
    expect(unit!.kind).toBe('bullet')
    expect(unit!.previous?.targetText).toBe('EN Deuxième point, voir p. 12 du rapport.')
    const xml = unitsById(result.text).get(unit!.id)!
    expect(xml).toContain('Deuxième point, voir p. 14 du rapport annuel.')
    if (version === '1.2') {
      expect(xml).toContain('state="needs-review-translation"')
      expect(xml).toMatch(
        /<alt-trans alttranstype="previous-version" origin="fiche"><source>Deuxième point, voir p. 12 du rapport.<\/source><target>EN Deuxième point, voir p. 12 du rapport.<\/target><\/alt-trans>/,
      )
      expect(xml).toContain('<note from="fiche" annotates="source">French changed')
    } else {
      expect(xml).toContain('state="initial" subState="fiche:stale"')
      expect(xml).toContain(
        '<note category="fiche:previous-source">Deuxième point, voir p. 12 du rapport.</note>',
      )
    }
    // Every other unit is as the tool saved it.
    const before = unitsById(file)
    for (const [id, text] of unitsById(result.text))
      if (id !== unit!.id) expect(text).toBe(before.get(id))
  })

  it('a unit edited twice keeps the French its translation was made from', async () => {
    const file = await translatedFile(version)
    const once = noteText.replace(
      'Premier paragraphe des recommandations.',
      'Premier paragraphe des recommandations finales.',
    )
    const twice = noteText.replace(
      'Premier paragraphe des recommandations.',
      'Le premier paragraphe des recommandations finales.',
    )
    const first = await sync(await noteModel(once), file, { version })
    const second = await sync(await noteModel(twice), first.text, { version })
    const stale = read(second.text).units.filter((u) => u.status === 'stale')
    expect(stale).toHaveLength(1)
    expect(stale[0]!.previous?.targetText).toBe('EN Premier paragraphe des recommandations.')
    expect(validate(second.text, version)).toBe('')
  })

  it('weblate writes needs-translation for a stale unit (1.2)', async () => {
    if (version === '2.0') return
    const file = await translatedFile(version)
    const edited = noteText.replace(
      'Troisième paragraphe, avec',
      'Troisième et dernier paragraphe, avec',
    )
    const result = await sync(await noteModel(edited), file, { version, weblate: true })
    expect(result.text).toContain('state="needs-translation"')
    expect(result.text).not.toContain('state="needs-review-translation"')
  })

  it('inserting a paragraph adds exactly one new unit and changes no other unit', async () => {
    const file = await translatedFile(version)
    const inserted = noteText.replace(
      'Premier paragraphe des recommandations.',
      'Un paragraphe ajouté au-dessus.\n\nPremier paragraphe des recommandations.',
    )
    const result = await sync(await noteModel(inserted), file, { version })
    expect(result.stats).toMatchObject({ new: 1, stale: 0, obsolete: 0 })
    const before = unitsById(file)
    const after = unitsById(result.text)
    const added = [...after.keys()].filter((id) => !before.has(id))
    expect(added).toHaveLength(1)
    expect(after.get(added[0]!)).toContain('Un paragraphe ajouté au-dessus.')
    for (const [id, text] of before) expect(after.get(id)).toBe(text)
    expect(validate(result.text, version)).toBe('')
  })

  it('moving a paragraph within its section keeps every id', async () => {
    const file = await translatedFile(version)
    const moved = noteText.replace(
      'Premier paragraphe des recommandations.\n\nDeuxième paragraphe, plus long, qui explique les choses en détail pour le lecteur.',
      'Deuxième paragraphe, plus long, qui explique les choses en détail pour le lecteur.\n\nPremier paragraphe des recommandations.',
    )
    const result = await sync(await noteModel(moved), file, { version })
    expect(result.stats).toMatchObject({ new: 0, stale: 0, obsolete: 0 })
    const before = unitsById(file)
    const after = unitsById(result.text)
    expect(new Set(after.keys())).toEqual(new Set(before.keys()))
    for (const [id, text] of before) expect(after.get(id)).toBe(text)
    const order = [...after.values()]
      .map((u) =>
        u.includes('Premier paragraphe') ? 1 : u.includes('Deuxième paragraphe') ? 2 : 0,
      )
      .filter(Boolean)
    expect(order).toEqual([2, 1])
  })

  it('deleting a paragraph keeps its unit, with its translation, as obsolete; restoring it brings it back', async () => {
    const file = await translatedFile(version)
    const deleted = noteText.replace('Premier paragraphe des recommandations.\n\n', '')
    const result = await sync(await noteModel(deleted), file, { version })
    expect(result.stats).toMatchObject({ new: 0, stale: 0, obsolete: 1 })
    expect(validate(result.text, version)).toBe('')
    const obsolete = read(result.text).units.filter((u) => u.obsolete)
    expect(obsolete).toHaveLength(1)
    expect(obsolete[0]!.status).toBe('translated')
    expect(result.text).toContain('EN Premier paragraphe des recommandations.')
    expect(result.text).toContain('translate="no"')
    const restored = await sync(await noteModel(), result.text, { version })
    expect(restored.stats).toMatchObject({ new: 0, stale: 0, obsolete: 0 })
    expect(read(restored.text).units.find((u) => u.id === obsolete[0]!.id)?.status).toBe(
      'translated',
    )
    expect(validate(restored.text, version)).toBe('')
  })

  it('keeps ids when a heading is edited and text is inserted above', async () => {
    const file = await translatedFile(version)
    const edited = noteText
      .replace('## 2. Recommandations', '## 2. Nos recommandations')
      .replace('## 1. Contexte', 'Un chapeau ajouté.\n\n## 1. Contexte')
    const result = await sync(await noteModel(edited), file, { version })
    expect(result.stats).toMatchObject({ new: 1, stale: 1, obsolete: 0 })
    const before = new Set(unitsById(file).keys())
    const after = [...unitsById(result.text).keys()]
    expect(after.filter((id) => !before.has(id))).toHaveLength(1)
  })
})

describe("a translator's edits", () => {
  it('survive a resync byte for byte (1.2): attributes reordered, foreign elements and attributes, notes, indentation', async () => {
    const first = await sync(await noteModel(), null)
    const tool = translateAll(first.text)
      .replace(
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:mq="urn:example:memoq" version="1.2">',
      )
      .replace(
        /<trans-unit id="([^"]+)" resname="([^"]+)" restype="([^"]+)">/g,
        '<trans-unit restype="$3" mq:status="ManuallyConfirmed" resname="$2" id="$1">',
      )
      .replace(
        /<\/target>/g,
        '</target>\n\t\t<note from="translator">checked</note>\n\t\t<mq:history><mq:entry who="anna"/></mq:history>',
      )
      .replace(/\n {6}<trans-unit/g, '\n\t\t<trans-unit')
    const result = await sync(await noteModel(), tool)
    expect(result.changed).toBe(false)
    expect(result.text).toBe(tool)
    // An edited unit keeps the translator's note and extension element.
    const edited = noteText.replace('Troisième paragraphe, avec', 'Le troisième paragraphe, avec')
    const stale = await sync(await noteModel(edited), tool)
    const unit = read(stale.text).units.find((u) => u.status === 'stale')!
    const xml = stale.text.slice(unit.element.start, unit.element.end)
    expect(xml).toContain('mq:status="ManuallyConfirmed"')
    expect(xml).toContain('<note from="translator">checked</note>')
    expect(xml).toContain('<mq:history><mq:entry who="anna"/></mq:history>')
    const others = unitsById(stale.text)
    for (const [id, text] of unitsById(tool)) if (id !== unit.id) expect(others.get(id)).toBe(text)
  })

  it('keep Windows line endings: unchanged units byte for byte, rewritten ones in CRLF too', async () => {
    const crlf = translateAll((await sync(await noteModel(), null)).text).replace(/\n/g, '\r\n')
    expect((await sync(await noteModel(), crlf)).text).toBe(crlf)
    const edited = noteText
      .replace('Troisième paragraphe, avec', 'Le troisième paragraphe, avec')
      .replace('Premier paragraphe des recommandations.\n\n', 'Un nouveau paragraphe.\n\n')
    const result = await sync(await noteModel(edited), crlf)
    expect(result.stats).toMatchObject({ stale: 1, new: 1, obsolete: 1 })
    expect(result.text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(validate(result.text, '1.2')).toBe('')
  })

  it('survive a resync byte for byte (2.0): states, extension elements, notes', async () => {
    const first = await sync(await noteModel(), null, { version: '2.0' })
    const tool = translateAll(first.text)
      .replace(
        /<unit id="([^"]+)" name="([^"]+)" type="([^"]+)">/g,
        '<unit type="$3" xmlns:my="urn:example:tool" my:flag="1" name="$2" id="$1">\n      <my:meta>x</my:meta>',
      )
      .replace(/\n {4}<unit/g, '\n  <unit')
    const result = await sync(await noteModel(), tool, { version: '2.0' })
    expect(result.text).toBe(tool)
  })
})

describe('a file fiche cannot use', () => {
  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    ['malformed XML', (x) => x.replace('</source>', '</sourc>'), /^note\.en\.xlf:\d+:\d+: /],
    [
      'another note',
      (x) => x.replace('original="input/note.md"', 'original="input/other.md"'),
      /translates "input\/other\.md", expected "input\/note\.md"/,
    ],
    [
      'other languages',
      (x) => x.replace('target-language="en"', 'target-language="de"'),
      /languages fr → de, expected fr → en/,
    ],
    [
      'duplicate ids',
      (x) =>
        x.replace(
          /id="(h[0-9a-f]+\.p[0-9a-f]+)"([\s\S]*?)id="h[0-9a-f]+\.p[0-9a-f]+"/,
          'id="$1"$2id="$1"',
        ),
      /duplicate unit id ".*" \(first at \d+:\d+\)/,
    ],
    [
      'not XLIFF',
      () => '<?xml version="1.0"?>\n<html/>',
      /note\.en\.xlf:2:1: expected an XLIFF 1\.2 or 2\.0 document/,
    ],
    [
      'an XXE payload',
      (x) =>
        x
          .replace('<xliff', '<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<xliff')
          .replace('Note d&apos;essai', '&xxe;'),
      /DOCTYPE is not allowed/,
    ],
  ]
  it.each(cases)('%s is an error naming the file and line:column', async (_, corrupt, message) => {
    const first = await sync(await noteModel(), null)
    const bad = corrupt(first.text)
    expect(bad).not.toBe(first.text)
    await expect(sync(await noteModel(), bad, { file: 'note.en.xlf' })).rejects.toThrow(message)
  })

  it('an internal entity is never expanded', async () => {
    const first = await sync(await noteModel(), null)
    const bad = first.text
      .replace('<xliff', '<!DOCTYPE xliff [<!ENTITY boom "BOOM">]>\n<xliff')
      .replace('<source>Note', '<source>&boom;Note')
    await expect(sync(await noteModel(), bad, { file: 'note.en.xlf' })).rejects.toThrow(
      /note\.en\.xlf:\d+:\d+: a DOCTYPE is not allowed/,
    )
  })
})
