import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'glossary-missing-term'

describe('glossary-missing-term', () => {
  it('reports an acronym definition the termbase lacks, at its first occurrence', async () => {
    const { messages } = await checkText(
      "# Note\n\nL'Agence nationale de la sécurité des systèmes d'information (ANSSI) publie un guide.\n",
      { only },
    )
    expect(messages).toHaveLength(1)
    expect(messages[0]!.message).toBe(
      "Unexpected acronym “Agence nationale de la sécurité des systèmes d'information (ANSSI)” (1 occurrence) missing from the termbase, expected a termbase entry with its English equivalent",
    )
    expect(messages[0]!.severity).toBe('info')
    expect(lines(messages)).toEqual([3])
  })

  it('accepts a note whose terms are all in the termbase', async () => {
    const { messages } = await checkText(
      "# Note\n\nLe Bureau de l'IA publie le code de bonnes pratiques.\n",
      { only },
    )
    expect(messages).toHaveLength(0)
  })

  it('reports only the configured kinds', async () => {
    const text =
      '# Note\n\nLa Convention sur la cybercriminalité (CCC) et la Convention sur la cybercriminalité.\n'
    const config = { rules: { [only]: ['warn', { kinds: ['name'] }] } }
    const { messages } = await checkText(text, { only, config })
    expect(messages.map((m) => m.severity)).toEqual(['warning'])
    expect(messages[0]!.message).toContain('name “Convention sur la cybercriminalité”')
  })
})
