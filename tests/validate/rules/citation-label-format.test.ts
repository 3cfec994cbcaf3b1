import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'citation-label-format'

describe('citation-label-format', () => {
  it('reports malformed labels with the expected form', async () => {
    const text = 'A ([Karnofsky 2025](#)), B ([(2025)](#)), C ([Karnofsky, 25](#)).\n'
    const { messages } = await checkText(text, { only })
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('expected “Karnofsky, 2025”'),
      expect.stringContaining('“(2025)”'),
      expect.stringContaining('“Karnofsky, 25”'),
    ])
  })

  it('reports implausible years relative to the document date', async () => {
    const text =
      'Paris, le 5 février 2026.\n\nA ([Smith, 1850](#)), B ([Smith, 2030](#)), C ([Smith, 2027](#)).\n'
    const { messages } = await checkText(text, { only })
    expect(messages.map((m) => m.message)).toEqual([
      expect.stringContaining('year 1850'),
      expect.stringContaining('year 2030'),
    ])
  })

  it('accepts well-formed labels', async () => {
    const text = 'A ([Kučinskas et al., 2025a](#)) et ([Smith & Jones, 2024](#)).\n'
    expect((await checkText(text, { only })).messages).toHaveLength(0)
  })
})
