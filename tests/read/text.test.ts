import { describe, expect, it } from 'vitest'
import { toString } from 'mdast-util-to-string'
import { VFile } from 'vfile'
import { formFeedLines } from '../../src/read/decode.ts'
import { isHeadingLine, readText } from '../../src/read/text.ts'
import { modelOf } from '../helpers.ts'

const article = [
  ' date 2025-09-23 Alors que débute la session, une lettre a été publiée.',
  '',
  'Dans une lettre ouverte, les signataires réclament des règles.',
  '',
  'Des garde-fous jugés urgents',
  '',
  'Selon Le Monde, la démarche est inédite.',
  '',
].join('\n')

describe('plain-text reader', () => {
  it('recovers the date line and starts the first paragraph after it', async () => {
    const model = await modelOf(article, 'article.txt')
    expect(model.meta.date).toBe('2025-09-23')
    expect(model.meta.title).toBeNull()
    expect(model.meta.lead).toBe('Alors que débute la session, une lettre a été publiée.')
    const first = model.blocks[0]
    expect(first).toMatchObject({ type: 'paragraph', role: 'lead' })
    if (first?.type !== 'paragraph') throw new Error('expected a paragraph')
    expect(first.position.start).toEqual({ line: 1, column: 18, offset: 17 })
  })

  it('finds sub-headings between paragraphs and every paragraph', async () => {
    const model = await modelOf(article, 'article.txt')
    expect(model.headings.map((h) => [h.depth, h.text])).toEqual([
      [2, 'Des garde-fous jugés urgents'],
    ])
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(3)
  })

  it('takes a short first line before a paragraph as the title, never invents one', async () => {
    const titled = await modelOf('Une lettre pour l’IA\n\nLe texte commence ici.\n', 'a.txt')
    expect(titled.meta.title).toBe('Une lettre pour l’IA')
    const untitled = await modelOf('Le texte commence ici, sans titre.\n\nEt continue.\n', 'b.txt')
    expect(untitled.meta.title).toBeNull()
  })

  it('reads bullet lines as a list and CRLF line endings', async () => {
    const model = await modelOf(
      'Intro du texte.\r\n\r\n- premier point ;\r\n- second point.\r\n',
      'c.txt',
    )
    expect(model.bullets.map((b) => [b.text, b.position.start.line])).toEqual([
      ['premier point ;', 3],
      ['second point.', 4],
    ])
  })

  it('tells heading lines from sentences', () => {
    expect(isHeadingLine('Des soutiens issus de la recherche')).toBe(true)
    expect(isHeadingLine('Une phrase qui se termine.')).toBe(false)
    expect(isHeadingLine('minuscule au début')).toBe(false)
    expect(isHeadingLine('Mot '.repeat(30))).toBe(false)
  })
})

describe('plain text with one paragraph per line', () => {
  it('splits the lines into paragraphs and finds the sub-headings between them', async () => {
    const text = [
      'Le Parlement adopte le pacte',
      'Bruxelles, le 10 avril 2024. Les députés ont adopté le texte par 301 voix contre 272.',
      'Selon Reuters, le texte prévoit un mécanisme de solidarité.',
      'Une réforme contestée',
      'Plusieurs ONG dénoncent un recul.',
      '',
    ].join('\n')
    const model = await modelOf(text, 'pasted.txt')
    expect(model.meta).toMatchObject({
      title: 'Le Parlement adopte le pacte',
      date: '2024-04-10',
      place: 'Bruxelles',
    })
    expect(model.headings.map((h) => [h.depth, h.text])).toEqual([
      [1, 'Le Parlement adopte le pacte'],
      [2, 'Une réforme contestée'],
    ])
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(3)
  })

  it('keeps a hard-wrapped paragraph whole', async () => {
    const text =
      'Les députés européens ont adopté mercredi le pacte sur la migration\net l’asile, par 301 voix contre 272, après des mois de négociations\ndifficiles.\n'
    const model = await modelOf(text, 'wrapped.txt')
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(1)
    expect(model.headings).toEqual([])
  })
})

describe('bare links in plain text', () => {
  it('makes bare URLs and e-mail addresses links, without the punctuation after them', async () => {
    const text = [
      'Le rapport (https://example.org/rapport), publié sur www.example.fr.',
      'Écrire à contact@example.org ; voir « https://example.org/a_(b) » et https://x.example.org/c?d=1.',
      '',
      '- liste : https://liste.example.org, fin',
      '',
    ].join('\n')
    const model = await modelOf(text, 'liens.txt')
    expect(model.citations.map((c) => [c.href, c.role])).toEqual([
      ['https://example.org/rapport', 'citation'],
      ['http://www.example.fr', 'citation'],
      ['mailto:contact@example.org', 'contact'],
      ['https://example.org/a_(b)', 'citation'],
      ['https://x.example.org/c?d=1', 'citation'],
      ['https://liste.example.org', 'citation'],
    ])
    const [first, second] = readText(new VFile({ value: text })).children
    if (first?.type !== 'paragraph' || second?.type !== 'paragraph') throw new Error('paragraphs')
    expect(
      first.children
        .map((n) => (n.type === 'text' ? n.value : n.type === 'link' ? `<${n.url}>` : ''))
        .join(''),
    ).toBe('Le rapport (<https://example.org/rapport>), publié sur <http://www.example.fr>.')
    expect(first.children[3]).toMatchObject({
      type: 'link',
      url: 'http://www.example.fr',
      children: [{ type: 'text', value: 'www.example.fr' }],
      position: { start: { line: 1, column: 54, offset: 53 }, end: { line: 1, column: 68 } },
    })
    expect(second.children[1]).toMatchObject({
      url: 'mailto:contact@example.org',
      position: { start: { line: 2, column: 10, offset: 78 }, end: { line: 2, column: 29 } },
    })
  })

  it('leaves words with @ or dots that are not addresses as text', async () => {
    const model = await modelOf('Le score @home, le fichier note.txt et www seul.\n', 'd.txt')
    expect(model.citations.filter((c) => c.kind === 'link')).toEqual([])
  })
})

// Excerpts of a real report (the Bothorel mission's working pages, in the
// incubateur-territoires/ressources repository) as pdftotext writes them
// after a Word → PDF conversion: glyphs alone on their lines, items wrapped.
describe('lists of PDF-to-text output', () => {
  const texts = (model: Awaited<ReturnType<typeof modelOf>>) => model.bullets.map((b) => b.text)

  it('gives a column of glyphs the items after it, split where the lines end with punctuation', async () => {
    const text = [
      'Cette convergence sur des structurations',
      'compatibles, comporte en particulier :',
      '•',
      '•',
      '•',
      '',
      'une sémantique et une syntaxe partagée ;',
      'des dictionnaires et registres pour remplir les champs des données et des métadonnées ;',
      'un même carroyage ou des carroyages compatibles pour des données agrégées ou',
      'résultantes d’opérations statistiques.',
      '',
      'Le référencement des schémas est capital.',
      '',
    ].join('\n')
    const model = await modelOf(text, 'rapport.txt')
    expect(texts(model)).toEqual([
      'une sémantique et une syntaxe partagée ;',
      'des dictionnaires et registres pour remplir les champs des données et des métadonnées ;',
      'un même carroyage ou des carroyages compatibles pour des données agrégées ou résultantes d’opérations statistiques.',
    ])
    expect(model.bullets[2]!.position.start.line).toBe(9)
    expect(model.blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph'])
  })

  it('keeps the text after the last item of a column as a paragraph, and the heading before it', async () => {
    const text = [
      'Consolider un catalogage des données',
      '•',
      '•',
      '',
      'Chaque infrastructure possède son propre catalogue des données hébergées, produit à',
      'partir des métadonnées accompagnant les jeux de données.',
      'Il apparaît impossible de constituer un catalogue unique des données publiques',
      'ouvertes ou non, du fait de métadonnées déficientes.',
      'Il s’agit de répondre aux questions : - existe-t-il une base de données qui répond à',
      'mon besoin ? – où se trouve sa version la plus aboutie/légitime ? – qui en est',
      'propriétaire ?, quelles sont les informations de qualité, de confidentialité, de licence ?',
      'Ces informations devraient être disponibles pour les bases de données publiques',
      'ouvertes comme pour les bases de données publiées en diffusion restreintes.',
      '',
    ].join('\n')
    const model = await modelOf(text, 'rapport.txt')
    expect(model.headings.map((h) => h.text)).toEqual(['Consolider un catalogage des données'])
    expect(texts(model)).toEqual([
      'Chaque infrastructure possède son propre catalogue des données hébergées, produit à partir des métadonnées accompagnant les jeux de données.',
      'Il apparaît impossible de constituer un catalogue unique des données publiques ouvertes ou non, du fait de métadonnées déficientes.',
    ])
    expect(model.blocks.map((b) => b.type)).toEqual(['heading', 'list', 'paragraph'])
  })

  it('takes the glyphs of one column across blank lines, and a glyph before each item', async () => {
    const text = [
      'Moissonnage et syndication',
      '•',
      '•',
      '',
      '•',
      '',
      'La syndication permet à une infrastructure d’informer des abonnés.',
      'Le moissonnage permet de charger automatiquement des',
      'ressources.',
      'Nécessité de combiner deux approches :',
      '–',
      'd’une part la définition au niveau de la DINUM d’une politique',
      'interministérielle d’interopérabilité',
      '–',
      'd’autre part, sa mise en œuvre au niveau de chaque communauté.',
      '',
    ].join('\n')
    const model = await modelOf(text, 'rapport.txt')
    expect(texts(model)).toEqual([
      'La syndication permet à une infrastructure d’informer des abonnés.',
      'Le moissonnage permet de charger automatiquement des ressources.',
      'Nécessité de combiner deux approches :',
      'd’une part la définition au niveau de la DINUM d’une politique interministérielle d’interopérabilité',
      'd’autre part, sa mise en œuvre au niveau de chaque communauté.',
    ])
    expect(model.blocks.filter((b) => b.type === 'list')).toHaveLength(1)
  })

  it('splits items without final punctuation at a short line, or one line each', async () => {
    const wrapped = [
      'Les données collectées :',
      '•',
      '•',
      '',
      'Les entreprises sont aujourd’hui soumises à de multiples régimes de déclaration',
      'obligatoire',
      'Les foyers sont tenus de déclarer leurs revenus, mais aussi les principaux évènements',
      'de vie.',
      '',
    ].join('\n')
    expect(texts(await modelOf(wrapped, 'a.txt'))).toEqual([
      'Les entreprises sont aujourd’hui soumises à de multiples régimes de déclaration obligatoire',
      'Les foyers sont tenus de déclarer leurs revenus, mais aussi les principaux évènements de vie.',
    ])
    const lines = [
      'Des outils :',
      '•',
      '•',
      '',
      'Au sein de l’infrastructure mise en œuvre par la DINUM : schema.data.gouv.fr',
      'Des travaux sont en cours pour intégrer ces outils à la plateforme data.gouv.fr',
      '',
    ].join('\n')
    expect(texts(await modelOf(lines, 'b.txt'))).toEqual([
      'Au sein de l’infrastructure mise en œuvre par la DINUM : schema.data.gouv.fr',
      'Des travaux sont en cours pour intégrer ces outils à la plateforme data.gouv.fr',
    ])
  })

  it('continues a bullet line’s item on the wrapped lines after it', async () => {
    const text = [
      'Intro du texte.',
      '',
      '- la fraîcheur des données (52 % des jeux de données n’ont pas été mis à jour',
      '  depuis un an) ;',
      '- la documentation.',
      '',
    ].join('\n')
    expect(texts(await modelOf(text, 'c.txt'))).toEqual([
      'la fraîcheur des données (52 % des jeux de données n’ont pas été mis à jour depuis un an) ;',
      'la documentation.',
    ])
  })

  it('does not take a wrapped line ending with "de" or "et" for a heading', async () => {
    expect(
      isHeadingLine('Plateforme de données : infrastructure qui regroupe un ensemble de'),
    ).toBe(false)
    expect(isHeadingLine('Les acteurs publics et')).toBe(false)
    expect(isHeadingLine('Qualité de la donnée')).toBe(true)
    const text = [
      'Introduction du rapport.',
      '',
      'Plateforme de données (ou hub) : infrastructure de stockage qui regroupe un ensemble de',
      'données en provenance de systèmes d’informations multiples.',
      '',
    ].join('\n')
    expect((await modelOf(text, 'd.txt')).headings).toEqual([])
  })
})

describe('page furniture and wrapped lines of PDF-to-text output', () => {
  const paragraphsOf = (text: string) =>
    readText(new VFile({ value: text }))
      .children.filter((n) => n.type === 'paragraph')
      .map((n) => toString(n).replaceAll('\n', ' '))
  const page = (n: number, body: string[]) =>
    [
      `${n === 1 ? '' : '\f'}Rapport sur la donnée publique`,
      '',
      ...body,
      '',
      `Page ${n} sur 4`,
      '',
    ].join('\n')
  const text = [
    page(1, ['Introduction du rapport, qui expose la méthode.']),
    page(2, ['La mission a entendu de nombreux acteurs publics et privés, qui ont']),
    page(3, ['souligné le retard des administrations centrales.']),
    page(4, ['Conclusion du rapport.']),
  ].join('')

  it('drops running headers and page numbers, keeps the title, and joins a sentence cut by a page break', async () => {
    const model = await modelOf(text, 'rapport.txt')
    expect(model.meta.title).toBe('Rapport sur la donnée publique')
    expect(paragraphsOf(text)).toEqual([
      'Introduction du rapport, qui expose la méthode.',
      'La mission a entendu de nombreux acteurs publics et privés, qui ont souligné le retard des administrations centrales.',
      'Conclusion du rapport.',
    ])
    expect(model.headings.map((h) => h.text)).toEqual(['Rapport sur la donnée publique'])
  })

  it('finds the form feeds that decoding turned into spaces, by line', async () => {
    expect(formFeedLines('a\r\nb\fc\n\fd\re\f')).toEqual([1, 2, 3])
    expect(formFeedLines('sans saut de page')).toEqual([])
    // The same text with its form feeds already made spaces reads the same.
    const file = new VFile({ value: text.replaceAll('\f', ' ') })
    file.data.pageBreakLines = formFeedLines(text)
    const spaced = readText(file).children.map((n) => n.type)
    expect(spaced).toEqual(readText(new VFile({ value: text })).children.map((n) => n.type))
  })

  it('joins the lines of double-spaced text where a sentence goes on', async () => {
    const ocr = [
      'Note d’information',
      '',
      'La nouvelle application dédiée à la publication du recueil des actes',
      '',
      'administratifs sera opérationnelle à compter du',
      '',
      '1er mars 2017.',
      '',
      'Vous voudrez bien trouver un rappel des principes.',
      '',
    ].join('\n')
    const model = await modelOf(ocr, 'note.txt')
    expect(model.headings.map((h) => h.text)).toEqual(['Note d’information'])
    expect(paragraphsOf(ocr)).toEqual([
      'La nouvelle application dédiée à la publication du recueil des actes administratifs sera opérationnelle à compter du 1er mars 2017.',
      'Vous voudrez bien trouver un rappel des principes.',
    ])
  })
})
