import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'glossary-forbidden-term'

describe('glossary-forbidden-term', () => {
  it('reports a forbidden form with the preferred term, whatever its case and elision', async () => {
    const { messages } = await checkText(
      '# Note\n\nLa Loi européenne sur l’IA entre en application.\n',
      { only },
    )
    expect(messages.map((m) => m.message)).toEqual([
      "Unexpected forbidden term “Loi européenne sur l’IA”, expected “règlement sur l'intelligence artificielle”",
    ])
    expect(messages[0]!.severity).toBe('warning')
    expect(lines(messages)).toEqual([3])
  })

  it('accepts the approved terms', async () => {
    const { messages } = await checkText(
      "# Note\n\nLe règlement européen sur l'IA (RIA) entre en application.\n",
      { only },
    )
    expect(messages).toHaveLength(0)
  })
})
