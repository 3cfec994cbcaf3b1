import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'claim-has-source'

const note = [
  '# Note de positionnement',
  '',
  '## 1. Constats',
  '',
  '- Les modèles récents dépassent les experts humains en virologie ([Smith, 2025](#)).',
  '- Les entreprises ont réhaussé leur évaluation des risques cette année.',
  '- Trois risques principaux :',
  '  - Un risque sourcé et décrit en détail ici ([Doe, 2024](#)).',
  '- Court constat.',
  '',
  '## 2. Recommandations',
  '',
  '- Le centre plaide pour des seuils décidés de façon indépendante.',
  '',
].join('\n')

describe('claim-has-source', () => {
  it('reports unsourced bullets of factual sections only', async () => {
    const { messages } = await checkText(note, { only })
    expect(lines(messages)).toEqual([6])
    expect(messages[0]!.message).toContain('Les entreprises ont réhaussé')
  })

  it('applies the configured exemptions instead of the defaults', async () => {
    const config = { rules: { 'claim-has-source': ['warn', { exemptSections: ['constats'] }] } }
    const { messages } = await checkText(note, { only, config })
    expect(lines(messages)).toEqual([13])
  })
})
