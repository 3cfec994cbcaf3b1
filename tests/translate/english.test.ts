import { describe, expect, it } from 'vitest'
import { englishNote, FRENCH_CHANGED, NOT_TRANSLATED } from '../../src/translate/english.ts'
import { unitTranslations } from '../../src/translate/targets.ts'
import { noteModel, noteText, sync, translateAll } from './helpers.ts'

const expected = { original: 'input/note.md', sourceLanguage: 'fr', targetLanguage: 'en' }

describe('englishNote', () => {
  it('puts the translations in a copy of the model and marks the units left in French', async () => {
    const english: Record<string, string> = {
      "Note d'essai": 'Test note',
      '1. Contexte': 'Background',
      Contexte: 'Background',
      'Premier paragraphe des recommandations.': 'First paragraph of the recommendations.',
      France: 'France',
      'Une note de bas de page.': 'A footnote.',
    }
    const file = translateAll((await sync(await noteModel(), null)).text, (s) => english[s] ?? s)
    // Drop the target of one unit: it stays French, marked.
    const partial = file.replace(
      /(<source>Deuxième paragraphe[^<]*<\/source>)\s*<target[^>]*>[^<]*<\/target>/,
      '$1',
    )
    const edited = noteText.replace('Premier point avec', 'Le premier point avec')
    const model = await noteModel(edited)
    const before = JSON.stringify(model)
    const { model: en, untranslated } = englishNote(
      model,
      unitTranslations(model, partial, 'note.en.xlf', expected),
    )
    expect(JSON.stringify(model)).toBe(before)
    expect(en.meta.title).toBe('Test note')
    expect(en.headings.map((h) => h.text)).toEqual([
      'Test note',
      '1. Background',
      '2. Recommandations',
    ])
    const text = JSON.stringify(en.blocks)
    expect(text).toContain('First paragraph of the recommendations.')
    expect(text).toContain(`${NOT_TRANSLATED} Deuxième paragraphe`)
    expect(text).toContain(`${FRENCH_CHANGED} Le premier point`)
    expect(JSON.stringify(en.footnotes)).toContain('A footnote.')
    expect(untranslated).toBe(2)
  })
})
