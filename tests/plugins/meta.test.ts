import { describe, expect, it } from 'vitest'
import { parseDateline } from '../../plugins/meta.ts'
import { modelOf } from '../helpers.ts'

describe('dateline and metadata', () => {
  it.each([
    ['Paris, le 5 février 2026.', 'Paris', '2026-02-05'],
    ['Bruxelles, le 1er mars 2025', 'Bruxelles', '2025-03-01'],
    ['Le 12 décembre 2024.', null, '2024-12-12'],
    ['Saint-Denis, le lundi 22 septembre 2025.', 'Saint-Denis', '2025-09-22'],
  ])('%s', (text, place, date) => expect(parseDateline(text)).toEqual({ place, date }))

  it('is not a dateline when the date sits in a sentence', () => {
    expect(parseDateline('Le rapport publié le 5 février 2026 montre que tout va bien.')).toBeNull()
  })

  it('reads title, dateline and lead from a note', async () => {
    const model = await modelOf(
      '# Note\n\nLyon, le 3 avril 2026.\n\n*Le chapeau.*\n\n## 1. Partie\n\nTexte.\n',
    )
    expect(model.meta).toMatchObject({
      title: 'Note',
      place: 'Lyon',
      date: '2026-04-03',
      lead: 'Le chapeau.',
    })
    expect(model.blocks.map((b) => (b.type === 'paragraph' ? b.role : b.type))).toEqual([
      'heading',
      'dateline',
      'lead',
      'heading',
      'body',
    ])
  })

  it('reads a dateline that opens the first paragraph of an article', async () => {
    const model = await modelOf(
      'Le pacte est adopté\n\nBruxelles, le 10 avril 2024. Les députés ont voté.\n',
      'article.txt',
    )
    expect(model.meta).toMatchObject({ place: 'Bruxelles', date: '2024-04-10' })
    expect(model.meta.lead).toBe('Bruxelles, le 10 avril 2024. Les députés ont voté.')
  })

  it('keeps the title null when the first heading is not of depth 1', async () => {
    const model = await modelOf('## 1. Partie\n\nTexte.\n')
    expect(model.meta.title).toBeNull()
  })
})
