import { describe, expect, it } from 'vitest'
import { checkText, lines } from '../helpers.ts'

const only = 'statistic-has-source'

const note = [
  '# Note',
  '',
  '## Constats',
  '',
  '- Le taux a atteint 94 % des experts ([Götting et al., 2025](#)).',
  '- Le budget est de 200 millions d’euros et 10 % des postes sont vacants.',
  '- Aucune donnée chiffrée ici, seulement une affirmation.',
  '',
  'Les effectifs sont passés à 25 personnes. Une phrase sourcée : 40 % ([Smith, 2024](#)).',
  '',
  '## Recommandations',
  '',
  '- Porter le budget à 300 millions d’euros.',
  '',
].join('\n')

describe('statistic-has-source', () => {
  it('reports once per unsourced bullet or sentence, listing its figures', async () => {
    const { messages } = await checkText(note, { only })
    expect(lines(messages)).toEqual([6, 9, 13])
    expect(messages[0]!.message).toMatch(/figures “200 millions d’euros”, “10 %”/)
    expect(messages[0]!.severity).toBe('warning')
  })

  it('skips sections exempted by heading pattern', async () => {
    const config = {
      rules: { 'statistic-has-source': ['warn', { exemptSections: ['^recommandations'] }] },
    }
    const { messages } = await checkText(note, { only, config })
    expect(lines(messages)).toEqual([6, 9])
  })

  it('never asks a source for dates and years: they are not figures', async () => {
    const dated = '# Note\n\nEn 2023, puis le 5 février 2025 et fin 2026, le texte a changé.\n'
    expect((await checkText(dated, { only })).messages).toEqual([])
    const config = { rules: { 'statistic-has-source': ['warn', { kinds: ['date'] }] } }
    await expect(checkText(dated, { only, config })).rejects.toThrow(
      /rules\.statistic-has-source\[1\]\.kinds\.0/,
    )
  })

  it('rejects an invalid pattern as a configuration error naming the option', async () => {
    const config = { rules: { 'statistic-has-source': ['warn', { exemptSections: ['('] }] } }
    await expect(checkText(note, { only, config })).rejects.toThrow(
      /rules\.statistic-has-source\[1\]\.exemptSections\.0.*regular expression/,
    )
  })
})

describe('statistic-has-source in tables', () => {
  it('reports a table once per column with a count; a citation in the row sources its figures', async () => {
    const table = [
      '# T',
      '',
      '| Pays | Budget | Part |',
      '| --- | --- | --- |',
      '| France | 200 millions d’euros | 12 % |', // 5
      '| Italie | 150 millions d’euros | 10 % |',
      '| Espagne | 90 millions d’euros | 8 % |',
      '| Grèce | 40 millions d’euros ([Eurostat](https://ec.europa.eu)) | 2 % |',
      '',
    ].join('\n')
    const { messages } = await checkText(table, { only })
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected 3 unsourced figures in table column “Budget”, expected a source in their row',
      'Unexpected 3 unsourced figures in table column “Part”, expected a source in their row',
    ])
    expect(lines(messages)).toEqual([5, 5])
  })

  it('reports a wide table along its rows when that gives fewer messages', async () => {
    const columns = Array.from({ length: 40 }, (_, i) => `c${i}`)
    const table = [
      '# T',
      '',
      `| Année | ${columns.join(' | ')} |`,
      `| --- | ${columns.map(() => '---').join(' | ')} |`,
      `| 2024 | ${columns.map((_, i) => `${i + 1} %`).join(' | ')} |`,
      `| 2025 | ${columns.map((_, i) => `${i + 2} %`).join(' | ')} |`,
      '',
    ].join('\n')
    const { messages } = await checkText(table, { only })
    expect(messages.map((m) => m.message)).toEqual([
      'Unexpected 40 unsourced figures in table row “2024”, expected a source in the row',
      'Unexpected 40 unsourced figures in table row “2025”, expected a source in the row',
    ])
    expect(lines(messages)).toEqual([5, 6])
  })
})
