import { describe, expect, it } from 'vitest'
import { unitTranslations } from '../../src/translate/targets.ts'
import { noteModel, noteText, sync, translateAll } from './helpers.ts'

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }

describe('unitTranslations', () => {
  it('gives each unit its target as model inlines, codes restored from the note', async () => {
    const english: Record<string, string> = {
      'Le taux est passé de 2,5 % à 3 % en 2025 (<g id="1" ctype="link">INSEE, 2025</g>). M. Dupont l\'a confirmé.':
        'Mr Dupont confirmed that the rate rose to 3% (<g id="1" ctype="link" xml:lang="fr">INSEE, 2025</g>) <x id="7"/>.',
      'Courbe des taux': 'Rate curve',
    }
    const file = translateAll((await sync(await noteModel(), null)).text, (s) => english[s] ?? s)
    const edited = noteText.replace('Premier point avec', 'Le premier point avec')
    const units = unitTranslations(await noteModel(edited), file, 'note.en.xlf', expected)
    const paragraph = units.find((u) => u.unit.kind === 'paragraph')!
    expect(paragraph.status).toBe('translated')
    expect(paragraph.inlines).toEqual([
      { type: 'text', value: 'Mr Dupont confirmed that the rate rose to 3% (' },
      {
        type: 'link',
        href: 'https://www.insee.fr',
        citationId: expect.any(String),
        children: [{ type: 'text', value: 'INSEE, 2025' }],
      },
      { type: 'text', value: ') ' },
      { type: 'text', value: '.' },
    ])
    expect(paragraph.unknownCodes).toEqual(['7'])
    const withImage = units.find(
      (u) => u.unit.kind === 'paragraph' && JSON.stringify(u.inlines).includes('image'),
    )!
    expect(withImage.inlines).toContainEqual({
      type: 'image',
      url: 'img/courbe.png',
      alt: 'Rate curve',
    })
    expect(units.find((u) => u.unit.kind === 'bullet')?.status).toBe('stale')
  })
})
