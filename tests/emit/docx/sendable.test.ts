/**
 * A brief you can send: key figures chosen (sourced or marked, once, at
 * most `keyFigures`), each citation once in the text (footnote or link),
 * one Sources entry per source in a French bibliography style, missing
 * sources apart, the author and hyphenation set.
 */
import { describe, expect, it } from 'vitest'
import { buildBrief } from '../../../src/emit/docx/index.ts'
import { keyFigures } from '../../../src/emit/docx/tables.ts'
import type { DocumentModel } from '../../../src/model/schema.ts'
import { modelOf } from '../../helpers.ts'
import { briefBytes, part } from './helpers.ts'

const NOTE = `---
author: Camille Durand
chiffres-cles: ["3 millions"]
---

# Note

## Faits

- Le chômage atteint 7,5 % en 2024 selon [Insee, 2024](https://insee.fr/chomage).
- Le chômage atteint 7,5 % en 2024, rappelle [Insee, 2024](https://insee.fr/chomage).
- Une hausse de 12 % sans source, en 2023.
- Environ 3 millions de personnes sont concernées.
- Écrire à [l'équipe](mailto:equipe@example.org) : 40 % des réponses.
- Le rapport d'[Une source manquante](#) cite 18 %.
`

const text = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/gu)].map((m) => m[1]).join('')

describe('the sendable brief', async () => {
  const model: DocumentModel = await modelOf(NOTE)

  it('keeps sourced or marked figures, once, never dates or years', () => {
    const figures = keyFigures(model, 12).map((s) => s.text)
    expect(figures).toEqual(['7,5 %', 'Environ 3 millions de personnes', '18 %'])
    expect(keyFigures(model, 1).map((s) => s.text)).toEqual(['7,5 %'])
  })

  it('shows each citation once in the text: a footnote by default, else a link', async () => {
    const bytes = await briefBytes(model)
    const document = await part(bytes, 'word/document.xml')
    const footnotes = await part(bytes, 'word/footnotes.xml')
    const body = document.slice(0, document.indexOf('Chiffres clés'))
    expect(body.match(/<w:hyperlink /gu)).toHaveLength(1) // the mailto: contact only
    expect(body.match(/<w:footnoteReference /gu)).toHaveLength(2)
    expect(text(footnotes)).toContain('Insee, 2024, https://insee.fr/chomage.')
    const linked = await part(await briefBytes(model, { citations: 'link' }), 'word/document.xml')
    const linkedBody = linked.slice(0, linked.indexOf('Chiffres clés'))
    expect(linkedBody.match(/<w:hyperlink /gu)).toHaveLength(3)
    expect(linkedBody).not.toContain('<w:footnoteReference ')
  })

  it('lists each source once, and the missing ones under "À compléter"', async () => {
    const document = text(await part(await briefBytes(model), 'word/document.xml'))
    const sources = document.slice(document.lastIndexOf('Sources'))
    expect(sources.match(/insee\.fr/gu)).toHaveLength(1)
    expect(sources).not.toContain('mailto:')
    expect(sources).toMatch(
      /Sources\[1\]Insee, 2024, https:\/\/insee\.fr\/chomage\.À compléter\[2\]/u,
    )
    expect(sources).toContain('Une source manquante, source manquante')
    expect(buildBrief(model).missingSources).toEqual(['Une source manquante'])
  })

  it('numbers the Sources and "À compléter" entries without gaps, as the key figures cite them', async () => {
    const mixed = await modelOf(
      '# Note\n\nSelon [Dupont, 2024](https://example.org/dupont), le chômage baisse de 2 %. ' +
        '[Martin, 2023](#) le conteste. [Durand, 2022](https://example.org/durand) chiffre le coût à 3 Md€.\n',
    )
    const document = text(await part(await briefBytes(mixed), 'word/document.xml'))
    const sources = document.slice(document.lastIndexOf('Sources'))
    // Martin, cited second, has no target: it goes last, after the complete sources.
    expect(sources).toMatch(
      /^Sources\[1\]Dupont, 2024.*\[2\]Durand, 2022.*À compléter\[3\]Martin, 2023/u,
    )
    const figures = document.slice(
      document.indexOf('Chiffres clés'),
      document.lastIndexOf('Sources'),
    )
    expect(figures).toContain('Dupont, 2024 [1]')
    expect(figures).toContain('Durand, 2022 [2]')
  })

  it('names an attribution once in Sources', async () => {
    const said = await modelOf('# Note\n\nSelon Le Figaro, le chômage baisse de 2 %.\n')
    const document = text(await part(await briefBytes(said), 'word/document.xml'))
    const sources = document.slice(document.lastIndexOf('Sources'))
    expect(sources).toMatch(/^Sources\[1\]Le Figaro, [^L]/u)
  })

  it('gives a plain link to a news article its site and year, and no title made of verbs', async () => {
    // From a Rue89 article (2014) that fiche had not seen.
    const press = await modelOf(
      "# Note\n\nLes présidents d'université [apprennent](http://www.liberation.fr/societe/2014/11/06/l-etat-tranche_1138001) " +
        'que leur dotation baisse de 400 millions d’euros. Voir [La recherche au défi du numérique]' +
        '(https://www.lemonde.fr/sciences/article/2023/05/01/la-recherche_6171677.html).\n',
    )
    const document = text(await part(await briefBytes(press), 'word/document.xml'))
    const sources = document.slice(document.lastIndexOf('Sources'))
    expect(sources).toContain('[1]Libération, 2014, http://www.liberation.fr/')
    expect(sources).toContain('[2]La recherche au défi du numérique, Le Monde, 2023, https://')
    expect(sources).not.toContain('apprennent')
  })

  it('writes the author from the front matter or the options, and turns hyphenation on', async () => {
    const bytes = await briefBytes(model)
    expect(await part(bytes, 'docProps/core.xml')).toContain(
      '<dc:creator>Camille Durand</dc:creator>',
    )
    expect(
      await part(await briefBytes(model, { author: 'Cabinet' }), 'docProps/core.xml'),
    ).toContain('<dc:creator>Cabinet</dc:creator>')
    const bare = await modelOf('# Note\n\nUn texte.\n')
    expect(await part(await briefBytes(bare), 'docProps/core.xml')).not.toContain(
      'fiche</dc:creator>',
    )
    expect(await part(bytes, 'word/settings.xml')).toContain('<w:autoHyphenation/>')
    expect(await part(bytes, 'word/styles.xml')).toContain('<w:suppressAutoHyphens/>')
  })
})
