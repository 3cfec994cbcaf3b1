import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { matchCitation, normalizeName } from '../../src/sources/match.ts'
import { loadSources, SourcesError } from '../../src/sources/registry.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'fiche-sources-'))
const write = (name: string, text: string) => {
  writeFileSync(path.join(dir, name), text)
  return name
}
const cite = (authors: string[], year: number, yearSuffix: string | null = null) =>
  ({ kind: 'author-year', authors, year, yearSuffix }) as const

describe('sources registry', () => {
  it('reads CSL-JSON, BibTeX, YAML and CSV into the same entries', () => {
    const files = [
      write(
        'a.json',
        JSON.stringify([
          {
            id: 'k1',
            type: 'report',
            title: 'T1',
            author: [{ family: 'Kučinskas', given: 'A.' }],
            issued: { 'date-parts': [[2025]] },
            URL: 'https://example.org/1',
          },
        ]),
      ),
      write(
        'b.bib',
        '@article{k2, author={Karnofsky, Holden and Doe, J.}, title={T2}, year={2025}, url={https://example.org/2}}\n@misc{k3, author={{UK AISI}}, title={T3}, date={2024-05-01}}\n',
      ),
      write(
        'c.yaml',
        '- key: k4\n  authors: [The New York Times]\n  year: 2025\n  title: T4\n  url: https://example.org/4\n',
      ),
      write(
        'd.csv',
        'key,authors,year,title,url\nk5,"Smith, A.; Jones, B.",2024b,T5,https://example.org/5\n',
      ),
    ]
    const registry = loadSources(files, dir)
    expect(registry.files).toEqual(files)
    expect(
      registry.entries.map((e) => [e.key, e.authors, e.year, e.yearSuffix, e.title, e.url]),
    ).toEqual([
      ['k1', ['Kučinskas'], 2025, null, 'T1', 'https://example.org/1'],
      ['k2', ['Karnofsky', 'Doe'], 2025, null, 'T2', 'https://example.org/2'],
      ['k3', ['UK AISI'], 2024, null, 'T3', null],
      ['k4', ['The New York Times'], 2025, null, 'T4', 'https://example.org/4'],
      ['k5', ['Smith', 'Jones'], 2024, 'b', 'T5', 'https://example.org/5'],
    ])
    expect(registry.entries[1]!.csl).toMatchObject({
      id: 'k2',
      type: 'article-journal',
      author: [
        { family: 'Karnofsky', given: 'Holden' },
        { family: 'Doe', given: 'J.' },
      ],
    })
  })

  it('keeps the particle and suffix of a BibTeX name', () => {
    const registry = loadSources(
      [
        write(
          'p.bib',
          '@book{tour, author={de La Tour, Jean and Martin, Jr., Paul}, title={T}, year={2020}}\n',
        ),
      ],
      dir,
    )
    expect(registry.entries[0]!.csl.author).toEqual([
      { family: 'La Tour', given: 'Jean', 'non-dropping-particle': 'de' },
      { family: 'Martin', given: 'Paul', suffix: 'Jr.' },
    ])
  })

  it('matches by authors and year, ignoring case, accents, articles and et al.', () => {
    const registry = loadSources(
      [
        write(
          'm.yaml',
          '- { key: k, authors: "Kučinskas, A.; Roe, B.", year: 2025 }\n- { key: n, authors: New York Times, year: 2025 }\n',
        ),
      ],
      dir,
    )
    expect(matchCitation(registry, cite(['kucinskas', 'et al.'], 2025)).map((e) => e.key)).toEqual([
      'k',
    ])
    expect(matchCitation(registry, cite(['The New York Times'], 2025)).map((e) => e.key)).toEqual([
      'n',
    ])
    expect(matchCitation(registry, cite(['Kučinskas'], 2024))).toEqual([])
    expect(normalizeName('Kučinskas et al.')).toBe('kucinskas')
  })

  it('uses the year suffix to choose between entries of the same authors and year', () => {
    const registry = loadSources(
      [
        write(
          's.yaml',
          '- { key: a2025a, authors: Anthropic, year: 2025a }\n- { key: a2025b, authors: Anthropic, year: 2025b }\n',
        ),
      ],
      dir,
    )
    expect(matchCitation(registry, cite(['Anthropic'], 2025, 'b')).map((e) => e.key)).toEqual([
      'a2025b',
    ])
    expect(matchCitation(registry, cite(['Anthropic'], 2025))).toHaveLength(2)
  })

  it('names the file and the problem', () => {
    expect(() => loadSources([write('bad.json', '{"x":1}')], dir)).toThrow(
      new SourcesError('bad.json', 'expected a CSL-JSON array of items'),
    )
    expect(() => loadSources([write('nokey.yaml', '- { authors: X }\n')], dir)).toThrow(
      /nokey\.yaml: item 0: missing "key"/,
    )
    expect(() => loadSources([write('x.txt', '')], dir)).toThrow(/unknown registry format/)
    expect(() =>
      loadSources(
        [write('d1.yaml', '- { key: same }\n'), write('d2.yaml', '- { key: same }\n')],
        dir,
      ),
    ).toThrow(/d2\.yaml: duplicate key "same" \(first in d1\.yaml\)/)
  })
})
