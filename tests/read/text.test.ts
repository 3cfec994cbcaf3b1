import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { isHeadingLine, readText } from '../../src/read/text.ts'
import { modelOf } from '../helpers.ts'

const article = [
  ' date 2025-09-23 Alors que débute la session, une lettre a été publiée.',
  '',
  'Dans une lettre ouverte, les signataires réclament des règles.',
  '',
  'Des garde-fous jugés urgents',
  '',
  'Selon Le Monde, la démarche est inédite.',
  '',
].join('\n')

describe('plain-text reader', () => {
  it('recovers the date line and starts the first paragraph after it', async () => {
    const model = await modelOf(article, 'article.txt')
    expect(model.meta.date).toBe('2025-09-23')
    expect(model.meta.title).toBeNull()
    expect(model.meta.lead).toBe('Alors que débute la session, une lettre a été publiée.')
    const first = model.blocks[0]
    expect(first).toMatchObject({ type: 'paragraph', role: 'lead' })
    if (first?.type !== 'paragraph') throw new Error('expected a paragraph')
    expect(first.position.start).toEqual({ line: 1, column: 18, offset: 17 })
  })

  it('finds sub-headings between paragraphs and every paragraph', async () => {
    const model = await modelOf(article, 'article.txt')
    expect(model.headings.map((h) => [h.depth, h.text])).toEqual([
      [2, 'Des garde-fous jugés urgents'],
    ])
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(3)
  })

  it('takes a short first line before a paragraph as the title, never invents one', async () => {
    const titled = await modelOf('Une lettre pour l’IA\n\nLe texte commence ici.\n', 'a.txt')
    expect(titled.meta.title).toBe('Une lettre pour l’IA')
    const untitled = await modelOf('Le texte commence ici, sans titre.\n\nEt continue.\n', 'b.txt')
    expect(untitled.meta.title).toBeNull()
  })

  it('reads bullet lines as a list and CRLF line endings', async () => {
    const model = await modelOf(
      'Intro du texte.\r\n\r\n- premier point ;\r\n- second point.\r\n',
      'c.txt',
    )
    expect(model.bullets.map((b) => [b.text, b.position.start.line])).toEqual([
      ['premier point ;', 3],
      ['second point.', 4],
    ])
  })

  it('tells heading lines from sentences', () => {
    expect(isHeadingLine('Des soutiens issus de la recherche')).toBe(true)
    expect(isHeadingLine('Une phrase qui se termine.')).toBe(false)
    expect(isHeadingLine('minuscule au début')).toBe(false)
    expect(isHeadingLine('Mot '.repeat(30))).toBe(false)
  })
})

describe('plain text with one paragraph per line', () => {
  it('splits the lines into paragraphs and finds the sub-headings between them', async () => {
    const text = [
      'Le Parlement adopte le pacte',
      'Bruxelles, le 10 avril 2024. Les députés ont adopté le texte par 301 voix contre 272.',
      'Selon Reuters, le texte prévoit un mécanisme de solidarité.',
      'Une réforme contestée',
      'Plusieurs ONG dénoncent un recul.',
      '',
    ].join('\n')
    const model = await modelOf(text, 'pasted.txt')
    expect(model.meta).toMatchObject({
      title: 'Le Parlement adopte le pacte',
      date: '2024-04-10',
      place: 'Bruxelles',
    })
    expect(model.headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'Le Parlement adopte le pacte'],
      [2, 'Une réforme contestée'],
    ])
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(3)
  })

  it('keeps a hard-wrapped paragraph whole', async () => {
    const text =
      'Les députés européens ont adopté mercredi le pacte sur la migration\net l’asile, par 301 voix contre 272, après des mois de négociations\ndifficiles.\n'
    const model = await modelOf(text, 'wrapped.txt')
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(1)
    expect(model.headings).toEqual([])
  })
})

describe('bare links in plain text', () => {
  it('makes bare URLs and e-mail addresses links, without the punctuation after them', async () => {
    const text = [
      'Le rapport (https://example.org/rapport), publié sur www.example.fr.',
      'Écrire à contact@example.org ; voir « https://example.org/a_(b) » et https://x.example.org/c?d=1.',
      '',
      '- liste : https://liste.example.org, fin',
      '',
    ].join('\n')
    const model = await modelOf(text, 'liens.txt')
    expect(model.citations.map((c) => [c.href, c.role])).toEqual([
      ['https://example.org/rapport', 'citation'],
      ['http://www.example.fr', 'citation'],
      ['mailto:contact@example.org', 'contact'],
      ['https://example.org/a_(b)', 'citation'],
      ['https://x.example.org/c?d=1', 'citation'],
      ['https://liste.example.org', 'citation'],
    ])
    const [first, second] = readText(new VFile({ value: text })).children
    if (first?.type !== 'paragraph' || second?.type !== 'paragraph') throw new Error('paragraphs')
    expect(
      first.children
        .map((n) => (n.type === 'text' ? n.value : n.type === 'link' ? `<${n.url}>` : ''))
        .join(''),
    ).toBe('Le rapport (<https://example.org/rapport>), publié sur <http://www.example.fr>.')
    expect(first.children[3]).toMatchObject({
      type: 'link',
      url: 'http://www.example.fr',
      children: [{ type: 'text', value: 'www.example.fr' }],
      position: { start: { line: 1, column: 54, offset: 53 }, end: { line: 1, column: 68 } },
    })
    expect(second.children[1]).toMatchObject({
      url: 'mailto:contact@example.org',
      position: { start: { line: 2, column: 10, offset: 78 }, end: { line: 2, column: 29 } },
    })
  })

  it('leaves words with @ or dots that are not addresses as text', async () => {
    const model = await modelOf('Le score @home, le fichier note.txt et www seul.\n', 'd.txt')
    expect(model.citations.filter((c) => c.kind === 'link')).toEqual([])
  })
})
