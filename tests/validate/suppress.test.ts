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

describe('one message per problem', () => {
  it('silences exactly the next line, not the whole list after the comment', async () => {
    const list = [
      '# T',
      '',
      '<!-- fiche-disable-next-line statistic-has-source -->',
      '- Le budget atteint 200 milliards d’euros cette année selon nous.', // 4
      '- Le budget atteint 300 milliards d’euros cette année selon nous.', // 5
      '',
    ].join('\n')
    const { messages } = await checkText(list)
    expect(lines(messages.filter((m) => m.ruleId === 'statistic-has-source'))).toEqual([5])
  })

  it('reports an unsourced bullet with a figure once, by statistic-has-source', async () => {
    const note = '# T\n\n- Le budget atteint 200 milliards d’euros cette année selon nous.\n'
    const { messages } = await checkText(note)
    const ids = messages.filter((m) => m.position?.start.line === 3).map((m) => m.ruleId)
    expect(ids).toEqual(['statistic-has-source'])
    const alone = await checkText(note, { only: 'claim-has-source' })
    expect(alone.messages).toHaveLength(1)
  })

  it('merges the messages of two rules on the same span into one naming both', async () => {
    const { messages } = await checkText('# T\n\nA ([X 2022](#)).\n')
    const onLink = messages.filter((m) => m.position?.start.line === 3)
    expect(onLink).toHaveLength(1)
    expect(onLink[0]!.ruleId).toBe('citation-has-url')
    expect(onLink[0]!.message).toContain('(citation-label-format)')
  })
})
