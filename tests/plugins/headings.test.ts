import { describe, expect, it } from 'vitest'
import { splitHeadingNumber } from '../../plugins/headings.ts'
import { modelOf } from '../helpers.ts'

describe('heading numbers', () => {
  it.each([
    ['1. Évolution des risques', '1', 'Évolution des risques'],
    ['1.0 Considérations générales', '1.0', 'Considérations générales'],
    ['1.2 Armes chimiques', '1.2', 'Armes chimiques'],
    ['2.3.1) Détail', '2.3.1', 'Détail'],
    ['II. Contexte', 'II', 'Contexte'],
    ['A) Annexe', 'A', 'Annexe'],
    ['3 – Conclusion', '3', 'Conclusion'],
    ['2025 : une année charnière', null, '2025 : une année charnière'],
    ['Conclusion', null, 'Conclusion'],
    ['G7 et IA', null, 'G7 et IA'],
  ])('%s', (text, number, title) => {
    expect(splitHeadingNumber(text)).toEqual({ number, title })
  })

  it('builds the section tree and keeps ids stable when content is inserted above', async () => {
    const base = '# T\n\n## 1. A\n\n### 1.1 B\n\n- point\n\n## 2. C\n'
    const model = await modelOf(base)
    expect(model.sections).toHaveLength(1)
    expect(model.sections[0]!.children.map((s) => s.title)).toEqual(['A', 'C'])
    expect(model.sections[0]!.children[0]!.children[0]!.number).toBe('1.1')
    expect(model.bullets[0]!.sectionId).toBe(model.headings[2]!.sectionId)
    const edited = await modelOf(base.replace('## 1. A\n', '## 1. A\n\nUn paragraphe ajouté.\n'))
    expect(edited.headings.map((h) => h.id)).toEqual(model.headings.map((h) => h.id))
    expect(edited.bullets[0]!.id).toBe(model.bullets[0]!.id)
  })
})
