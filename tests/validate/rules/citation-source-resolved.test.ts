import { describe, expect, it } from 'vitest'
import { checkText } from '../helpers.ts'

const only = 'citation-source-resolved'
const sources = 'tests/fixtures/check/cesia-sources.json'

describe('citation-source-resolved', () => {
  it('is silent without a sources registry', async () => {
    expect((await checkText('Voir ([Nobody, 2020](#)).\n', { only })).messages).toHaveLength(0)
  })

  it('reports author-year citations missing from the registry, not those in it', async () => {
    const text = 'Un ([Karnofsky, 2025](#)) et deux ([Nobody, 2020](#)).\n'
    const { messages, model } = await checkText(text, { only, config: { sources } })
    expect(messages).toHaveLength(1)
    expect(messages[0]!.message).toContain('Nobody, 2020')
    expect(messages[0]!.position).toEqual(model.citations[1]!.position)
  })
})
