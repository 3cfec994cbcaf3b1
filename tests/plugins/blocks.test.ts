import { describe, expect, it } from 'vitest'
import { modelOf } from '../helpers.ts'

describe('ficheBlocks', () => {
  it('keeps images as image inlines with their URL and alternative text', async () => {
    const model = await modelOf('# T\n\nVoir ![Un graphique](img/courbe.png) ci-dessus.\n')
    const paragraph = model.blocks.find((b) => b.type === 'paragraph')
    expect(paragraph?.type === 'paragraph' && paragraph.children).toEqual([
      { type: 'text', value: 'Voir ' },
      { type: 'image', url: 'img/courbe.png', alt: 'Un graphique' },
      { type: 'text', value: ' ci-dessus.' },
    ])
  })

  it('gives every table cell its position in the note', async () => {
    const model = await modelOf('# T\n\n| Pays | Part |\n|---|---|\n| France | 2,5 % |\n')
    const table = model.blocks.find((b) => b.type === 'table')
    if (table?.type !== 'table') throw new Error('no table')
    expect(
      table.cellPositions.map((row) => row.map((p) => [p.start.line, p.start.column])),
    ).toEqual([
      [
        [3, 1],
        [3, 8],
      ],
      [
        [5, 1],
        [5, 10],
      ],
    ])
  })
})
