import { describe, expect, it } from 'vitest'
import { contentOf, contentText, piecesToInlines } from '../../src/translate/content.ts'
import { unitsOf } from '../../src/translate/units.ts'
import { noteModel } from './helpers.ts'

describe('translation units of a note', () => {
  it('one unit per text block and prose front-matter field, each with its place in the note', async () => {
    const units = unitsOf(await noteModel())
    expect(
      units.map((u) => [u.kind, contentText(u.content), u.position?.start.line ?? null]),
    ).toEqual([
      ['meta', "Note d'essai", null],
      ['meta', 'Une note pour tester les fichiers de traduction.', null],
      ['heading', "Note d'essai", 7],
      ['dateline', 'Paris, le 15 janvier 2026.', 9],
      ['heading', 'Contexte', 11],
      [
        'paragraph',
        "Le taux est passé de 2,5 % à 3 % en 2025 (INSEE, 2025). M. Dupont l'a confirmé.",
        13,
      ],
      ['bullet', 'Premier point avec gras et italique.', 15],
      ['bullet', 'Deuxième point, voir p. 12 du rapport.', 16],
      ['bullet', 'Troisième point avec une note.', 17],
      ['heading', 'Recommandations', 19],
      ['paragraph', 'Premier paragraphe des recommandations.', 21],
      [
        'paragraph',
        'Deuxième paragraphe, plus long, qui explique les choses en détail pour le lecteur.',
        23,
      ],
      ['paragraph', 'Troisième paragraphe, avec  et une image .', 25],
      ['alt', 'Courbe des taux', 25],
      ['cell', 'Pays', 27],
      ['cell', 'Part', 27],
      ['cell', 'France', 29],
      ['cell', '2,5 %', 29],
      ['quote', 'Une citation. Elle a deux phrases.', 31],
      ['footnote', 'Une note de bas de page.', 33],
    ])
    const paragraph = units[5]!
    expect(paragraph.content.segments).toHaveLength(2)
    expect(paragraph.content.codes.get('1')).toEqual({
      kind: 'link',
      href: 'https://www.insee.fr',
      citationId: expect.any(String),
    })
  })

  it('cuts a paired code that spans two sentences into one per sentence', () => {
    const { content } = contentOf([
      { type: 'emphasis', children: [{ type: 'text', value: 'Une phrase. Une autre  phrase.' }] },
    ])
    expect(content.segments).toEqual([
      [{ type: 'pc', id: '1', children: [{ type: 'text', value: 'Une phrase.' }] }],
      [{ type: 'pc', id: '2', children: [{ type: 'text', value: 'Une autre phrase.' }] }],
    ])
    expect([...content.codes.values()]).toEqual([{ kind: 'emphasis' }, { kind: 'emphasis' }])
  })

  it('restores a target into model inlines with the codes of the source, whatever the target says', () => {
    const { content } = contentOf([
      { type: 'text', value: 'Voir ' },
      {
        type: 'link',
        href: 'https://example.org',
        citationId: 'c-1',
        children: [{ type: 'text', value: 'ici' }],
      },
      { type: 'footnoteReference', identifier: '2' },
    ])
    const { inlines, unknown } = piecesToInlines(
      [
        { type: 'ph', id: '2' },
        { type: 'text', value: 'See ' },
        { type: 'pc', id: '1', children: [{ type: 'text', value: 'here' }] },
        { type: 'ph', id: '9' },
      ],
      content.codes,
    )
    expect(inlines).toEqual([
      { type: 'footnoteReference', identifier: '2' },
      { type: 'text', value: 'See ' },
      {
        type: 'link',
        href: 'https://example.org',
        citationId: 'c-1',
        children: [{ type: 'text', value: 'here' }],
      },
    ])
    expect(unknown).toEqual(['9'])
  })
})
