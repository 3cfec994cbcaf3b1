import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'citation-has-url'

describe('citation-has-url', () => {
  it('reports placeholder targets of links and author-year citations at the link', async () => {
    const text = '# T\n\nUn fait ([Karnofsky, 2025](#)) et [un rapport](TODO).\n\nAutre [lien]().\n'
    const { messages, model } = await checkText(text, { only })
    expect(messages).toHaveLength(3)
    expect(messages.map((m) => m.position)).toEqual(model.citations.map((c) => c.position))
    expect(messages[0]!.severity).toBe('error')
    expect(messages[0]!.url).toBe('docs/rules/citation-has-url.md')
    expect(messages[0]!.message).toContain('Karnofsky, 2025')
  })

  it('accepts URLs and anchors that exist, reports anchors that do not', async () => {
    const text =
      '# T\n\n## Méthode et données\n\n<a id="annexe"></a>\n\nVoir [Smith, 2024](https://example.org), [la méthode](#méthode-et-données), [l’annexe](#annexe) et [rien](#absent).\n'
    const { messages } = await checkText(text, { only })
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('“#absent”')])
    expect(lines(messages)).toEqual([7])
  })

  it('reports relative targets only when allowRelative is false', async () => {
    const text = 'Voir [annexe](annexe.pdf).\n'
    expect((await checkText(text, { only })).messages).toHaveLength(0)
    const strict = { rules: { 'citation-has-url': ['error', { allowRelative: false }] } }
    expect((await checkText(text, { only, config: strict })).messages).toHaveLength(1)
  })

  it('does not report attributions of a plain-text note', async () => {
    const text = 'Selon Le Figaro avec AFP, la lettre a été publiée lundi.\n'
    const { messages, model } = await checkText(text, { only, name: 'note.txt' })
    expect(model.citations.some((c) => c.kind === 'attribution')).toBe(true)
    expect(messages).toHaveLength(0)
  })
})
