import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../src/config/resolve.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { modelOf, root } from '../helpers.ts'

describe('statistics plugin', () => {
  it('maps figures written with entities and no-break spaces back to the source', async () => {
    const source =
      '# T\n\nLe taux atteint 40&nbsp;% et 7\u202f851 emplois, selon *Le Monde* ([Dupont, 2024](#)).\n'
    const model = await modelOf(source)
    const spans = model.statistics.map((s) => [
      s.kind,
      s.value,
      source.slice(s.position.start.offset, s.position.end.offset),
    ])
    expect(spans).toEqual([
      ['percent', 40, '40&nbsp;%'],
      ['count', 7851, '7\u202f851 emplois'],
    ])
    expect(model.statistics[0]!.text).toBe('40\u00a0%')
  })

  it('ignores heading numbers and years in citation labels, links statistics to citations', async () => {
    const model = await modelOf(
      '## 2.3 Un budget de 12 M€\n\n- Une hausse de 5 % ([Martin et al., 2023](https://example.org/m)).\n',
    )
    expect(model.statistics.map((s) => s.text)).toEqual(['12 M€', '5 %'])
    const [, percent] = model.statistics
    expect(percent!.citationIds).toEqual([model.citations[0]!.id])
    expect(model.bullets[0]!.statisticIds).toEqual([percent!.id])
  })

  it('takes no figure from inline code (a real blog post writes `+ 6 %` as code)', async () => {
    const model = await modelOf(
      '# T\n\nLes émissions croissent de 6 % par an.\n\n`+ 6 %`, `- 7 %`&nbsp;: les deux sont énormes.\n',
    )
    expect(model.statistics.map((s) => [s.text, s.position.start.line])).toEqual([['6 %', 3]])
  })

  it('extracts only the configured kinds', async () => {
    const config = resolveConfig({ extractors: { statistics: { kinds: ['percent'] } } }, root)
    const bytes = new TextEncoder().encode('En 2024, 40 % des 300 communes.\n')
    const result = await buildNote({ path: `${root}/input/k.md`, bytes }, config)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.model.statistics.map((s) => s.kind)).toEqual(['percent'])
  })
})
