/**
 * The CSL-JSON export: only bibliographic citations, authors split into
 * family and given names, "et al." kept, types inferred, no internal notes;
 * checked by formatting it with pandoc's citeproc.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { citedSources, emitCsl } from '../../src/emit/csl.ts'
import { emptyRegistry } from '../../src/sources/registry.ts'
import { parseName } from '../../src/sources/names.ts'
import { modelOf } from '../helpers.ts'

const NOTE = `# Note

## Faits

- La hausse est nette ([Karnofsky, 2025](https://example.org/k)) selon [Kučinskas et al., 2025](https://arxiv.org/abs/2501.1).
- [Le Monde, 2025](https://www.lemonde.fr/a.html) et [UK AISI, 2025](https://aisi.gov.uk/r.pdf) le confirment.
- Le [Règlement (UE) 2024/1689, 2024](https://eur-lex.europa.eu/eli/reg/2024/1689/oj) s'applique.
- [Charles de Gaulle (1954)](https://example.org/memoires) et [Vincent van Gogh, 1888](https://example.org/lettres).
- Selon Le Figaro, 40 % des cas ; écrire à [l'équipe](mailto:equipe@example.org), rejoindre le [salon](https://discord.gg/abc).
- Voir la [section suivante](#faits) et [ce site](https://example.org/page) ; il rapporte 3 millions d'euros.
- Lire [La recherche au défi de la sobriété énergétique du numérique][a], [cet article](https://www.lefigaro.fr/sciences/2024/01/x.php) et le [rapport du Haut Conseil pour le climat](https://www.hautconseilclimat.fr/wp-content/uploads/2020/10/hcc_rapport.pdf).
- Les présidents [apprennent](http://www.liberation.fr/societe/2014/11/06/l-etat-tranche_1138001) la baisse \\[[lire le document PDF](http://rue89.nouvelobs.com/files/marche.pdf)\\] [PDF](http://example.org/r.pdf).

[a]: https://www.lemonde.fr/sciences/article/2023/05/01/la-recherche_6171677_1650684.html
`

describe('CSL-JSON', async () => {
  const model = await modelOf(NOTE)
  const items = citedSources(model, emptyRegistry)
  const byId = new Map(items.map((item) => [item.id, item]))

  it('lists only bibliographic citations', () => {
    expect(items.map((item) => item.id)).toEqual([
      'karnofsky-2025',
      'kucinskas-2025',
      'le-monde-2025',
      'uk-aisi-2025',
      'reglement-ue-2024-1689-2024',
      'charles-de-gaulle-1954',
      'vincent-van-gogh-1888',
      'le-figaro',
      'la-recherche-au-defi-de-la-sobriete-energetique-du-numerique',
      'le-figaro-2',
      'rapport-du-haut-conseil-pour-le-climat',
      'liberation',
      'rue89',
      'pdf',
    ])
    const json = emitCsl(model, emptyRegistry)
    expect(json).not.toMatch(/mailto:|discord|#faits|example\.org\/page/u)
    expect(json).not.toMatch(/"(?:note|extra)"/u)
  })

  it('splits authors, keeps "et al." and particles, infers the type', () => {
    expect(byId.get('karnofsky-2025')).toMatchObject({
      type: 'report',
      author: [{ family: 'Karnofsky' }],
      issued: { 'date-parts': [[2025]] },
    })
    expect(byId.get('kucinskas-2025')!.author).toEqual([
      { family: 'Kučinskas' },
      { literal: 'others' },
    ])
    expect(byId.get('le-monde-2025')).toMatchObject({
      type: 'article-newspaper',
      author: [{ literal: 'Le Monde' }],
    })
    expect(byId.get('uk-aisi-2025')).toMatchObject({
      type: 'report',
      author: [{ literal: 'UK AISI' }],
    })
    expect(byId.get('reglement-ue-2024-1689-2024')).toMatchObject({
      type: 'legislation',
      title: 'Règlement (UE) 2024/1689',
      issued: { 'date-parts': [[2024]] },
    })
    expect(byId.get('charles-de-gaulle-1954')!.author).toEqual([
      { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' },
    ])
    expect(byId.get('vincent-van-gogh-1888')!.author).toEqual([
      { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' },
    ])
    expect(byId.get('le-figaro')).toMatchObject({ type: 'article-newspaper' })
  })

  it('takes a plain link to a news article or a PDF document as a publication', () => {
    expect(byId.get('la-recherche-au-defi-de-la-sobriete-energetique-du-numerique')).toEqual({
      id: 'la-recherche-au-defi-de-la-sobriete-energetique-du-numerique',
      type: 'article-newspaper',
      title: 'La recherche au défi de la sobriété énergétique du numérique',
      'container-title': 'Le Monde',
      issued: { 'date-parts': [[2023, 5, 1]] },
      language: 'fr',
      URL: 'https://www.lemonde.fr/sciences/article/2023/05/01/la-recherche_6171677_1650684.html',
    })
    // "cet article" points at the document, it does not name it: no title.
    expect(byId.get('le-figaro-2')).toEqual({
      id: 'le-figaro-2',
      type: 'article-newspaper',
      'container-title': 'Le Figaro',
      issued: { 'date-parts': [[2024, 1]] },
      language: 'fr',
      URL: 'https://www.lefigaro.fr/sciences/2024/01/x.php',
    })
    // Link texts that are words of the sentence or point at the file are not titles.
    for (const id of ['liberation', 'rue89', 'pdf'])
      expect(byId.get(id)).not.toHaveProperty('title')
    expect(byId.get('liberation')).toMatchObject({
      'container-title': 'Libération',
      issued: { 'date-parts': [[2014, 11, 6]] },
    })
    expect(byId.get('rapport-du-haut-conseil-pour-le-climat')).toMatchObject({
      type: 'report',
      title: 'rapport du Haut Conseil pour le climat',
    })
  })

  it('formats as a bibliography with pandoc citeproc', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-csl-'))
    writeFileSync(path.join(dir, 'sources.csl.json'), emitCsl(model, emptyRegistry))
    writeFileSync(
      path.join(dir, 'cite.md'),
      `${items.map((item) => `[@${item.id}]`).join(' ')}\n\n# Bibliographie\n`,
    )
    const text = execFileSync(
      'pandoc',
      ['--citeproc', '--bibliography', 'sources.csl.json', '-t', 'plain', '--wrap=none', 'cite.md'],
      { cwd: dir, encoding: 'utf8' },
    )
    const bibliography = text.slice(text.indexOf('Bibliographie'))
    expect(bibliography).toContain('Karnofsky. 2025.')
    expect(bibliography).toContain('Kučinskas et al. 2025. https://arxiv.org/abs/2501.1.')
    expect(bibliography).toContain('Gaulle, Charles de. 1954.')
    expect(bibliography).toContain('Gogh, Vincent van. 1888.')
    expect(bibliography).toMatch(/Le Monde\. 2025.*https:\/\/www\.lemonde\.fr\/a\.html\./u)
    expect(bibliography).toContain('Règlement (UE) 2024/1689. 2024. https://eur-lex.europa.eu/')
    expect(bibliography).toContain('Le Figaro. n.d.')
    expect(text).toContain('(Kučinskas et al. 2025)')
    expect(bibliography).toContain('UK AISI. 2025.')
    expect(bibliography).toContain('https://eur-lex.europa.eu/eli/reg/2024/1689/oj')
    expect(bibliography).toContain('Le Monde')
    expect(bibliography).toContain(
      'Le Monde. 2023. “La recherche au défi de la sobriété énergétique du numérique,” May 1, 2023. https://www.lemonde.fr/',
    )
    expect(text).not.toMatch(/\?\?\?|not found/u)
  })
})

describe('parseName', () => {
  it.each([
    ['Karnofsky', { family: 'Karnofsky' }],
    ['Holden Karnofsky', { family: 'Karnofsky', given: 'Holden' }],
    ['Karnofsky, Holden', { family: 'Karnofsky', given: 'Holden' }],
    ['Gaulle, Charles de', { family: 'Gaulle', given: 'Charles', 'non-dropping-particle': 'de' }],
    ['van Gogh, Vincent', { family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }],
    [
      'Jean de La Fontaine',
      { family: 'La Fontaine', given: 'Jean', 'non-dropping-particle': 'de' },
    ],
    ['The New York Times', { literal: 'The New York Times' }],
    ['OCDE', { literal: 'OCDE' }],
    ['Apollo Research', { literal: 'Apollo Research' }],
  ])('%s', (name, expected) => {
    expect(parseName(name)).toEqual(expected)
  })
})
