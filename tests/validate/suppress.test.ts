import { describe, expect, it } from 'vitest'
import { checkText, lines } from './helpers.ts'

const note = [
  '# T', // 1
  '',
  'A ([X, 2020](#)).', // 3
  '',
  '<!-- fiche-disable-next-line citation-has-url -->',
  'B ([X, 2021](#)).', // 6
  '',
  '<!-- fiche-disable citation-has-url citation-label-format -->',
  '',
  'C ([X 2022](#)).', // 10
  '',
  '<!-- fiche-enable citation-has-url -->',
  '',
  'D ([X 2023](#)).', // 14
  '',
  '<!-- fiche-disable-next-line -->',
  'E ([X, 2024](#)).', // 17
  '',
].join('\n')

describe('in-document suppression', () => {
  it('honours disable-next-line, disable/enable ranges and comments without rule ids', async () => {
    const { messages } = await checkText(note)
    const of = (id: string) => lines(messages.filter((m) => m.ruleId === id))
    expect(of('citation-has-url')).toEqual([3, 14])
    expect(of('citation-label-format')).toEqual([])
  })

  it('suppresses messages about the whole document when disabled at the end', async () => {
    const plain = 'Texte sans titre.\n\n<!-- fiche-disable document-has-title -->\n'
    const { messages } = await checkText(plain)
    expect(messages.map((m) => m.ruleId)).not.toContain('document-has-title')
    expect((await checkText('Texte sans titre.\n')).messages.map((m) => m.ruleId)).toContain(
      'document-has-title',
    )
  })

  it('warns about unknown rule ids in comments', async () => {
    const { messages } = await checkText('# T\n\n<!-- fiche-disable citation-has-ulr -->\n')
    expect(messages).toContainEqual(
      expect.objectContaining({
        ruleId: 'fiche-directive',
        message: expect.stringContaining('“citation-has-ulr”'),
      }),
    )
  })
})
