import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { StatisticKind } from '../../src/model/schema.ts'
import {
  extractStatistics,
  type RawStatistic,
  type StatisticOptions,
} from '../../src/text/statistics.ts'
import { NUMBER_WORDS } from '../../src/text/stats/lexicon.ts'

const REF: StatisticOptions = { referenceDate: '2025-09-23' }

/** Statistics as [quoted span, kind, value, unit] for compact assertions. */
function quoted(
  text: string,
  options = REF,
): Array<[string, string, number | string, string | null]> {
  return extractStatistics(text, options).map((s) => [
    text.slice(s.start, s.end),
    s.kind,
    s.value,
    s.unit,
  ])
}

function only(text: string, options = REF): RawStatistic & { text: string } {
  const stats = extractStatistics(text, options)
  expect(stats, JSON.stringify(quoted(text, options))).toHaveLength(1)
  const s = stats[0] as RawStatistic
  return { ...s, text: text.slice(s.start, s.end) }
}

function find(text: string, span: string, options = REF): RawStatistic {
  const s = extractStatistics(text, options).find((x) => text.slice(x.start, x.end) === span)
  expect(s, `${span} in ${JSON.stringify(quoted(text, options))}`).toBeDefined()
  return s as RawStatistic
}

describe('percent', () => {
  it.each([
    ['Le taux atteint 2 % cette année', '2 %', 2],
    ['soit 94\u00A0% des experts', '94\u00A0%', 94],
    ['soit 10\u202F% des fonds', '10\u202F%', 10],
    ['soit 10% des fonds', '10%', 10],
    ['une hausse de 2,5 % sur un an', '2,5 %', 2.5],
    ['environ 94 pour cent des experts', 'environ 94 pour cent', 94],
    ['soit 2.5 % seulement', '2.5 %', 2.5],
  ])('%s', (text, span, value) => {
    const s = only(text)
    expect(s.text).toBe(span)
    expect(s.kind).toBe('percent')
    expect(s.value).toBe(value)
    expect(s.unit).toBe('%')
  })

  it('percentage points have unit pp', () => {
    const s = only('une baisse de 5 points de pourcentage')
    expect([s.text, s.kind, s.value, s.unit]).toEqual([
      '5 points de pourcentage',
      'percent',
      5,
      'pp',
    ])
  })

  it('keeps the sign', () => {
    expect(only('une variation de -3 % sur un an').value).toBe(-3)
    expect(only('une variation de −0,5 % sur un an').value).toBe(-0.5)
  })

  it('includes the qualifier in the span', () => {
    const s = only('moins de 1 % des fonds')
    expect([s.text, s.qualifier, s.qualifierText]).toEqual(['moins de 1 %', 'at-most', 'moins de'])
    const t = only("jusqu'à 35 % du chiffre d'affaires")
    expect([t.text, t.qualifier]).toEqual(["jusqu'à 35 %", 'at-most'])
  })

  it('is found after a capitalised word', () => {
    expect(quoted('Seuls 12 % des Français')).toEqual([['12 %', 'percent', 12, '%']])
  })
})

describe('numbers', () => {
  it.each([
    ['40 000 emplois', 40000],
    ['40\u00A0000 emplois', 40000],
    ['40\u202F000 emplois', 40000],
    ['7 851 emplois', 7851],
    ['1.000.000 emplois', 1000000],
    ['2,5 millions emplois', 2500000],
    ['1 000 000 de personnes', 1000000],
  ])('digits: %s', (text, value) => {
    expect(only(`On compte ${text} en tout.`).value).toBe(value)
  })

  it.each([
    ['six personnes', 6],
    ['quinze personnes', 15],
    ['cent personnes', 100],
    ['mille personnes', 1000],
    ['vingt-trois personnes', 23],
    ['soixante-dix personnes', 70],
    ['quatre-vingt-dix personnes', 90],
    ['quatre-vingts personnes', 80],
    ['soixante et onze personnes', 71],
    ['vingt et une personnes', 21],
    ['dix-sept personnes', 17],
    ['deux cent mille personnes', 200000],
    ['trois cents personnes', 300],
    ['un million de personnes', 1000000],
    ['deux milliards de personnes', 2000000000],
  ])('words: %s', (text, value) => {
    const s = only(`Il y a ${text} ici.`)
    expect(s.text).toBe(text)
    expect(s.kind).toBe('count')
    expect(s.value).toBe(value)
  })

  it('does not treat the article un/une as a count', () => {
    expect(quoted('un exploit, une lettre, un rapport publié')).toEqual([])
  })

  it('skips vague quantities', () => {
    expect(
      quoted(
        'des dizaines de milliers de personnes, des centaines de personnalités, plusieurs dizaines de chercheurs, des milliers, plusieurs heures, quelques jours, des milliards d’euros',
      ),
    ).toEqual([])
  })

  it('skips number words used as pronouns', () => {
    expect(quoted("les deux ont signé, l'un des trois")).toEqual([])
  })
})

describe('money', () => {
  it.each([
    ["200 milliards d'euros", 200e9, 'EUR'],
    ['200 milliards d’euros', 200e9, 'EUR'],
    ['3 M€', 3e6, 'EUR'],
    ['3M€', 3e6, 'EUR'],
    ['1,2 Md€', 1.2e9, 'EUR'],
    ["2 Mds d'euros", 2e9, 'EUR'],
    ['15 millions de dollars', 15e6, 'USD'],
    ['€5m', 5e6, 'EUR'],
    ['5 000 €', 5000, 'EUR'],
    ['5 k€', 5000, 'EUR'],
    ['£3bn', 3e9, 'GBP'],
    ['$10', 10, 'USD'],
    ['3 millions de livres sterling', 3e6, 'GBP'],
    ['100 000 USD', 100000, 'USD'],
    ['7 851 euros', 7851, 'EUR'],
    ["1,5 milliard d'euros", 1.5e9, 'EUR'],
    ["deux milliards d'euros", 2e9, 'EUR'],
    ["un milliard d'euros", 1e9, 'EUR'],
    ["1 000 000 d'euros", 1e6, 'EUR'],
  ])('%s', (span, value, unit) => {
    const s = only(`Le budget est de ${span} pour cette année.`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'money', value, unit])
  })

  it('qualified amount', () => {
    const s = only('plus de 1 000 milliards de dollars')
    expect([s.text, s.value, s.qualifier]).toEqual([
      'plus de 1 000 milliards de dollars',
      1e12,
      'at-least',
    ])
  })

  it('books are not money', () => {
    expect(quoted('Il a écrit trois livres.')).toEqual([['trois livres', 'count', 3, 'livres']])
  })
})

describe('count', () => {
  it.each([
    ['15 lauréats', 15, 'lauréats'],
    ['100 organisations', 100, 'organisations'],
    ['25 personnes', 25, 'personnes'],
    ['40 000 emplois', 40000, 'emplois'],
    ['Vingt autres organismes', 20, 'organismes'],
    ['cinq continents', 5, 'continents'],
    ['27 États', 27, 'États'],
    ["40 millions d'habitants", 40e6, 'habitants'],
  ])('%s', (span, value, unit) => {
    const s = only(`${span} ont été recensés.`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'count', value, unit])
  })

  it('bare digits are counts without unit', () => {
    expect(quoted('Ils étaient 40 000.')).toEqual([['40 000', 'count', 40000, null]])
  })

  it('qualifiers', () => {
    expect(only('près de 100 organisations').qualifier).toBe('approximate')
    expect(only('environ 3 000 personnes').qualifierText).toBe('environ')
    expect(only('~25 personnes').qualifierText).toBe('~')
    expect(only('au moins 12 pays').qualifier).toBe('at-least')
    expect(only('au-delà de 12 pays').qualifier).toBe('at-least')
    expect(only('≥ 12 pays').qualifier).toBe('at-least')
    expect(only('au plus 12 pays').qualifier).toBe('at-most')
    expect(only('quelque 200 personnes').qualifier).toBe('approximate')
    expect(only('autour de 200 personnes').qualifier).toBe('approximate')
    expect(only('presque 200 personnes').qualifier).toBe('approximate')
    expect(only('approximativement 200 personnes').qualifier).toBe('approximate')
    const after = only('100 personnes environ')
    expect([after.text, after.qualifier]).toEqual(['100 personnes environ', 'approximate'])
  })

  it('a markdown blockquote marker is not "more than"', () => {
    const s = only('> 25 personnes en citation')
    expect([s.text, s.qualifier]).toEqual(['25 personnes', 'exact'])
  })

  it('temperatures keep their unit', () => {
    expect(quoted('un réchauffement de 1,5 °C')).toEqual([['1,5 °C', 'count', 1.5, '°C']])
  })
})

describe('duration', () => {
  it.each([
    ['six minutes', 6],
    ['15 minutes', 15],
    ['1 heure et 30 minutes', 90],
    ['2 h 30', 150],
    ['2h30', 150],
    ['1 h 30 min', 90],
    ['deux ans', 1051920],
    ['3 semaines', 30240],
    ['6 mois', 262980],
    ['2 ans et 3 mois', 1183410],
    ['10 jours', 14400],
    ['30 secondes', 0.5],
    ['une demi-heure', 30],
    ["un quart d'heure", 15],
    ['un an et demi', 788940],
    ['une heure et demie', 90],
    ['soixante-dix ans', 36817200],
  ])('%s', (span, value) => {
    const s = only(`Cela a pris ${span} au total.`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'duration', value, 'min'])
  })

  it('lone "une heure" / "un an" are not reported', () => {
    expect(quoted('Il y a un an, une heure durant.')).toEqual([])
  })

  it('times of day are not durations', () => {
    expect(quoted('Rendez-vous à 14 h 30, de 9 h à 17 h, ou vers 9 heures.')).toEqual([])
  })

  it('vague durations are skipped', () => {
    expect(quoted('plusieurs heures, quelques semaines')).toEqual([])
  })
})

describe('multiplier', () => {
  it.each([
    ['multiplié par 5', 5],
    ['multipliés par cinq', 5],
    ['×5', 5],
    ['x5', 5],
    ['× 5', 5],
    ['5x', 5],
    ['cinq fois plus', 5],
    ['3 fois moins', 3],
    ['deux fois moindres', 2],
    ['1,5 fois supérieur', 1.5],
    ['doublé', 2],
    ['triplé', 3],
    ['divisé par 2', 2],
    ['un facteur 10', 10],
  ])('%s', (span, value) => {
    const s = only(`Le risque a été ${span} depuis.`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'multiplier', value, '×'])
  })

  it('x inside words or alone is not a multiplier', () => {
    expect(quoted('la variable x est grande, Xbox, max5, 3x5')).toEqual([])
  })
})

describe('ratio', () => {
  it.each([
    ['un Européen sur deux', 0.5],
    ['une personne sur trois', 0.3333],
    ['3 sur 10', 0.3],
    ['1/3', 0.3333],
    ['25 personnes sur 100', 0.25],
    ['deux tiers', 0.6667],
    ['la moitié', 0.5],
    ['un quart', 0.25],
  ])('%s', (span, value) => {
    const s = only(`On estime que ${span} des Français sont concernés.`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'ratio', value, null])
  })

  it('qualified fraction', () => {
    const s = only('plus de la moitié des sondés')
    expect([s.text, s.qualifier]).toEqual(['plus de la moitié', 'at-least'])
  })

  it('"un tiers de confiance" and dates are not ratios', () => {
    expect(quoted('un tiers de confiance')).toEqual([])
    expect(quoted('le 22/09/2025')).toEqual([['22/09/2025', 'date', '2025-09-22', null]])
  })
})

describe('date', () => {
  it.each([
    ['5 février 2026', '2026-02-05', null],
    ['1er janvier 2025', '2025-01-01', null],
    ['lundi 22 septembre', '2025-09-22', null],
    ['juillet 2025', '2025-07', null],
    ['janvier 2025', '2025-01', null],
    ['fin 2025', '2025', 'end'],
    ['début 2026', '2026', 'start'],
    ['mi-2025', '2025', 'mid'],
    ['fin novembre 2024', '2024-11', 'end'],
    ['22/09/2025', '2025-09-22', null],
    ['2025-09-23', '2025-09-23', null],
    ['premier trimestre 2025', '2025-Q1', null],
    ['second semestre 2024', '2024-H2', null],
    ['printemps 2026', '2026', 'spring'],
    ['5 fév. 2026', '2026-02-05', null],
  ])('%s', (span, value, unit) => {
    const s = only(`Publié le ${span}, le texte`)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([span, 'date', value, unit])
  })

  it('"en juillet 2025" spans only the month and year', () => {
    expect(only('en juillet 2025, les modèles').text).toBe('juillet 2025')
  })

  it('resolves a weekday to the matching year closest to the reference', () => {
    // 22 September is a Monday in 2025 and in 2031; 2025 is the closest
    expect(only('le lundi 22 septembre', { referenceDate: '2026-06-01' }).value).toBe('2025-09-22')
    // without weekday: the closest occurrence
    expect(only('le 3 mars', { referenceDate: '2025-12-01' }).value).toBe('2026-03-03')
    expect(only('le 3 mars', { referenceDate: '2025-04-01' }).value).toBe('2025-03-03')
  })

  it('without reference date a day without year is --MM-DD', () => {
    expect(only('le 22 septembre', { referenceDate: null }).value).toBe('--09-22')
  })

  it('day ranges give two dates', () => {
    expect(quoted('du 5 au 7 février 2026')).toEqual([
      ['5', 'date', '2026-02-05', null],
      ['7 février 2026', 'date', '2026-02-07', null],
    ])
  })

  it('chrono-node fallback catches dates the rules miss', () => {
    expect(quoted('Lundi, 22 septembre 2025, à Paris')).toEqual([
      ['Lundi, 22 septembre 2025', 'date', '2025-09-22', null],
    ])
    expect(quoted('le 5 de février prochain')).toEqual([
      ['5 de février', 'date', '2026-02-05', null],
    ])
  })

  it('runs the chrono-node fallback whatever the case and accents of the month word', () => {
    // chrono only runs on a text with a month word or a numeric date: the test must see these.
    expect(quoted('LUNDI, 22 SEPTEMBRE 2025, À PARIS')).toEqual([
      ['LUNDI, 22 SEPTEMBRE 2025', 'date', '2025-09-22', null],
    ])
    expect(quoted('le 5 de Février prochain')).toEqual([
      ['5 de Février', 'date', '2026-02-05', null],
    ])
    expect(quoted('le 5 de fevrier prochain')).toEqual([
      ['5 de fevrier', 'date', '2026-02-05', null],
    ])
  })

  it('sept (seven) is only a month when abbreviated with a dot or before a year', () => {
    expect(quoted('sept personnes ont signé')).toEqual([
      ['sept personnes', 'count', 7, 'personnes'],
    ])
    expect(quoted('le 5 sept. 2025')).toEqual([['5 sept. 2025', 'date', '2025-09-05', null]])
    expect(quoted('le 5 sept 2025')).toEqual([['5 sept 2025', 'date', '2025-09-05', null]])
  })
})

describe('year', () => {
  it.each([
    ['en 2022', 2022],
    ["d'ici 2027", 2027],
    ['depuis 1997', 1997],
    ['en 1970', 1970],
    ['prix Nobel de physique 2024', 2024],
    ['avant 1850', 1850],
  ])('%s', (text, value) => {
    const s = only(text)
    expect([s.text, s.kind, s.value, s.unit]).toEqual([String(value), 'year', value, null])
  })

  it('ranges and enumerations of years', () => {
    expect(quoted('entre 2020 et 2025, puis 2024-2025').map((q) => q[2])).toEqual([
      2020, 2025, 2024, 2025,
    ])
  })

  it('decades', () => {
    expect(quoted('depuis les années 1970')).toEqual([['années 1970', 'year', 1970, 'decade']])
  })

  it('a 4-digit number with a noun or a unit is not a year', () => {
    expect(quoted('1500 personnes, 2000 euros, plus de 1500')).toEqual([
      ['1500 personnes', 'count', 1500, 'personnes'],
      ['2000 euros', 'money', 2000, 'EUR'],
      ['plus de 1500', 'count', 1500, null],
    ])
  })

  it('a year followed by a proper name stays a year', () => {
    expect(quoted('En 2023 Microsoft a investi')).toEqual([['2023', 'year', 2023, null]])
  })
})

describe('ranges', () => {
  it('a bare first bound takes the unit of the second', () => {
    expect(quoted('entre 10 et 15 % des emplois')).toEqual([
      ['10', 'percent', 10, '%'],
      ['15 %', 'percent', 15, '%'],
    ])
    expect(quoted("de 2 à 3 millions d'euros")).toEqual([
      ['2', 'money', 2e6, 'EUR'],
      ["3 millions d'euros", 'money', 3e6, 'EUR'],
    ])
    expect(quoted('les 18-25 ans').map((q) => q[2])).toEqual([18 * 525960, 25 * 525960])
    // A count with only a scale word (a Rue89 article): "200 à 300 millions".
    expect(quoted('probablement 200 à 300 millions.')).toEqual([
      ['200', 'count', 2e8, null],
      ['300 millions', 'count', 3e8, null],
    ])
  })

  it('an absolute first bound keeps its value', () => {
    expect(quoted("entre 500 000 et 2 millions d'euros").map((q) => q[2])).toEqual([500000, 2e6])
  })

  it('a range is not a change without a verb of evolution', () => {
    expect(extractStatistics('de 10 à 15 personnes', REF).every((s) => s.change === null)).toBe(
      true,
    )
  })
})

describe('change', () => {
  it('durations with date phrases in between', () => {
    const text = 'est passé de 15 minutes fin 2024 à 1 heure et 30 minutes fin 2025'
    const s = find(text, '1 heure et 30 minutes')
    expect(s.value).toBe(90)
    expect(s.change).toEqual({ from: 15, to: 90, fromStart: 13, fromEnd: 23 })
    expect(text.slice(13, 23)).toBe('15 minutes')
    expect(find(text, '15 minutes').change).toBeNull()
    expect(find(text, 'fin 2024').value).toBe('2024')
  })

  it('percent with a qualifier on the final value', () => {
    const text = 'passé de 5 % à plus de 60 % en deux ans'
    const s = find(text, 'plus de 60 %')
    expect(s.qualifier).toBe('at-least')
    expect(s.change).toMatchObject({ from: 5, to: 60 })
  })

  it('years between the figures', () => {
    const s = find('le chômage a augmenté de 2 % en 2024 à 3 % en 2025.', '3 %')
    expect(s.change).toMatchObject({ from: 2, to: 3 })
  })

  it('a propagated first bound after a verb of evolution', () => {
    const s = find('Il est passé de 40 000 à 50 000 emplois.', '50 000 emplois')
    expect(s.change).toMatchObject({ from: 40000, to: 50000 })
  })

  it('no change without a numeric end', () => {
    const text = 'est passée de six minutes en 2024 à plusieurs heures début 2026'
    expect(quoted(text)).toEqual([
      ['six minutes', 'duration', 6, 'min'],
      ['2024', 'year', 2024, null],
      ['début 2026', 'date', '2026', 'start'],
    ])
    expect(extractStatistics(text, REF).every((s) => s.change === null)).toBe(true)
  })

  it('no change across kinds or sentences', () => {
    expect(
      extractStatistics('de 15 lauréats à 100 organisations', REF).every((s) => !s.change),
    ).toBe(true)
    expect(extractStatistics('Il passe de 5 %. Puis à 8 %.', REF).every((s) => !s.change)).toBe(
      true,
    )
  })
})

describe('not statistics', () => {
  it.each([
    'le modèle GPT-4o d’OpenAI tandis que Claude Opus 4 d’Anthropic',
    'le G7 et le G20',
    'la COVID-19 et le virus H5N1',
    'Llama 3.1 et Web 2.0',
    'la R&D',
    "l'article 5 et Article 52 du règlement",
    'la 80e assemblée générale',
    'le XXIe siècle',
    'le 1er ministre',
    'la version 3.2.1',
    'la loi n° 2024-120',
    'voir page 12 et figure 3',
    'COP 21 et COP21',
    'Horizon 2020',
    'Mistral 7B et 5G',
    '24h/24 et 7j/7',
    'à 10:30',
  ])('%s', (text) => {
    expect(quoted(text)).toEqual([])
  })

  it('heading and list numbering', () => {
    expect(quoted('1.2 Armes biologiques')).toEqual([])
    expect(quoted('1. Évolution des capacités')).toEqual([])
    expect(quoted('2) Les risques')).toEqual([])
    expect(quoted('## 3. Titre\n- 4) point\nIV. Conclusion')).toEqual([])
    expect(quoted('(1) premier cas, (2) second cas')).toEqual([])
  })

  it('author-date citations', () => {
    expect(
      quoted(
        'Voir (Karnofsky, 2025), (Bengio et al. 2024; Russell 2019), Kučinskas et al., 2025 et Hinton (2023).',
      ),
    ).toEqual([])
  })

  it('phone numbers, URLs and e-mails', () => {
    expect(
      quoted(
        'Appelez le 01 23 45 67 89 ou +33 1 23 45 67 89, voir https://example.com/2025/report-15, www.site.fr/page3 ou ecrire a contact2025@site.fr',
      ),
    ).toEqual([])
  })

  it('caller exclusions', () => {
    const text = 'Selon [Rapport 2025](#), 15 lauréats ont signé.'
    const labelStart = text.indexOf('Rapport')
    const stats = extractStatistics(text, { exclude: [[labelStart, labelStart + 12]] })
    expect(stats.map((s) => text.slice(s.start, s.end))).toEqual(['15 lauréats'])
    const all = extractStatistics('Les 15 lauréats', { exclude: [[4, 6]] })
    expect(all).toEqual([])
  })
})

describe('what a reader would not call a statistic', () => {
  it.each([
    ['Le rapport s’organise en trois parties et formule cinq recommandations.'],
    ['Les fournisseurs de modèles ont 3 obligations et 2 options.'],
    ['Le plan repose sur deux axes et 12 mesures.'],
    ['Ce risque est de deux ordres : perdre des entreprises et perdre en compétitivité.'],
    ['Le succès repose sur deux ingrédients indispensables : les données et le calcul.'],
    ['Ces trois mêmes entreprises vendent aussi des outils.'],
    ['Les séances ont réuni les quinze membres et les quinze rapporteurs.'],
    [
      '1° Action extérieure de l’État ;\n2° Politique de développement ;\nla politique mentionnée au 2°',
    ],
    ['7.Le texte entre en vigueur.\n8)La loi est publiée.'],
    ['deux cas : 1) les risques ; 2) les usages'],
    [
      'SOMMAIRE\nINTRODUCTION .  .  .  . 14\nCOMMISSION DE L’INTELLIGENCE ARTIFICIELLE\n8\nSynthèse',
    ],
    ['Écrire au 20 avenue de Ségur, 75007 Paris.'],
    ['Il y a 30 ans, puis depuis dix ans, et au bout de dix ans, à deux jours du vote.'],
    ['Les trois points suivants sont traités.'],
  ])('%s', (text) => {
    expect(quoted(text)).toEqual([])
  })

  it('keeps large counts of structural nouns and counts of things in the world', () => {
    expect(quoted('La convention a adopté 149 propositions.')).toEqual([
      ['149 propositions', 'count', 149, 'propositions'],
    ])
    expect(quoted('Trois entreprises se partagent 80 % du marché.')).toEqual([
      ['Trois entreprises', 'count', 3, 'entreprises'],
      ['80 %', 'percent', 80, '%'],
    ])
  })

  it('keeps bare numbers that are evidently quantities', () => {
    expect(quoted('Sur les 100 entreprises, 10 sont européennes.').map((q) => q[0])).toEqual([
      '100 entreprises',
      '10',
    ])
    expect(
      quoted('Tout le monde conviendra que 1,89 est supérieur à 1,74.').map((q) => q[0]),
    ).toEqual(['1,89', '1,74'])
    expect(quoted('La hausse atteint +12 et le total atteint 40.').map((q) => q[0])).toEqual([
      '+12',
      '40',
    ])
  })

  it('points after a sign, a decimal or a change are percentage points', () => {
    expect(quoted('une contribution d’environ + 0,6 point par an')).toEqual([
      ['environ + 0,6 point', 'percent', 0.6, 'pp'],
    ])
    expect(quoted('soit presque deux points d’écart')).toEqual([
      ['presque deux points', 'percent', 2, 'pp'],
    ])
    expect(quoted('une révision de 1 point des prévisions')).toEqual([
      ['1 point', 'percent', 1, 'pp'],
    ])
  })

  it('a duration that measures something stays', () => {
    expect(quoted('un investissement annuel de 5 Md€ pendant cinq ans').map((q) => q[0])).toEqual([
      '5 Md€',
      'cinq ans',
    ])
  })

  it('thousands grouped by a dot at the start of a line are not a section number', () => {
    expect(quoted('en dix ans.\n60.000 demandeurs d’emploi de moins')).toEqual([
      ['dix ans', 'duration', 10 * 525960, 'min'],
      ['60.000 demandeurs', 'count', 60000, 'demandeurs'],
    ])
  })
})

describe('regressions from unseen-style text', () => {
  it('labels carry over enumerations', () => {
    expect(quoted("Ses articles 5 et 6 s'appliquent depuis le 2 février 2025.")).toEqual([
      ['2 février 2025', 'date', '2025-02-02', null],
    ])
    expect(quoted('L.1234-5 du Code du travail')).toEqual([])
  })

  it("aujourd'hui is not a counted noun", () => {
    expect(quoted("ils sont plus de 3 000 aujourd'hui")).toEqual([
      ['plus de 3 000', 'count', 3000, null],
    ])
  })

  it('"dernier" / "prochain" orient a day without year', () => {
    expect(only('le 12 mars dernier', { referenceDate: '2025-10-01' }).value).toBe('2025-03-12')
    expect(only('le 12 septembre prochain', { referenceDate: '2025-10-01' }).value).toBe(
      '2026-09-12',
    )
  })

  it('a list of duration components closed by "et" is one duration', () => {
    expect(quoted('Il a fallu 2 ans, 3 mois et 10 jours.')).toEqual([
      ['2 ans, 3 mois et 10 jours', 'duration', 2 * 525960 + 3 * 43830 + 10 * 1440, 'min'],
    ])
    expect(quoted('deux ans, 3 semaines').map((q) => q[0])).toEqual(['deux ans', '3 semaines'])
  })

  it('superlatives between the number and the noun', () => {
    expect(quoted('Les 10 plus grandes entreprises')).toEqual([
      ['10 plus grandes entreprises', 'count', 10, 'entreprises'],
    ])
  })

  it('ratio followed by a verb', () => {
    expect(quoted('Un salarié sur cinq utilise ChatGPT')).toEqual([
      ['Un salarié sur cinq', 'ratio', 0.2, null],
    ])
  })

  it('"neuf" is a number before a unit', () => {
    expect(quoted('neuf mois plus tard, un bâtiment neuf dont')).toEqual([
      ['neuf mois', 'duration', 9 * 43830, 'min'],
    ])
  })

  it('multiplier ranges', () => {
    expect(quoted('de 5 à 10 fois plus')).toEqual([
      ['5', 'multiplier', 5, '×'],
      ['10 fois plus', 'multiplier', 10, '×'],
    ])
  })

  it('names followed by numbers', () => {
    expect(quoted('Windows 11, ISO 42001, le 49.3, la 1ère position, Section 230')).toEqual([])
  })
})

describe('sample sentences', () => {
  it('Global Call for AI Red Lines', () => {
    const text =
      'Signé par 15 lauréats du prix Nobel et du prix Turing, près de 100 organisations et des centaines de personnalités des cinq continents, le Global Call for AI Red Lines a été présenté à la 80e assemblée générale des Nations unies'
    expect(quoted(text)).toEqual([
      ['15 lauréats', 'count', 15, 'lauréats'],
      ['près de 100 organisations', 'count', 100, 'organisations'],
    ])
    const s = find(text, 'près de 100 organisations')
    expect([s.qualifier, s.qualifierText]).toEqual(['approximate', 'près de'])
  })

  it('AI Office staff', () => {
    const text =
      "(actuellement ~25 personnes pour contrôler les activités d'entreprises employant des dizaines de milliers de personnes et distribuant leurs produits à un Européen sur deux). À titre comparatif, ces moyens sont aujourd'hui deux fois moindres que ceux de l'Institut britannique"
    expect(quoted(text)).toEqual([
      ['~25 personnes', 'count', 25, 'personnes'],
      ['un Européen sur deux', 'ratio', 0.5, null],
      ['deux fois moindres', 'multiplier', 2, '×'],
    ])
    expect(find(text, '~25 personnes').qualifier).toBe('approximate')
  })

  it('CeSIA investment', () => {
    expect(
      quoted("Le CeSIA demande à ce que 10 % des 200 milliards d'euros d'investissement"),
    ).toEqual([
      ['10 %', 'percent', 10, '%'],
      ["200 milliards d'euros", 'money', 200000000000, 'EUR'],
    ])
  })

  it('pandemic risk', () => {
    expect(
      quoted("les IA pourraient d'ores et déjà avoir multiplié par 5 le risque de pandémie"),
    ).toEqual([['multiplié par 5', 'multiplier', 5, '×']])
  })
})

describe('properties', () => {
  const kinds = new Set<string>(StatisticKind.options)
  const pieces = fc.constantFrom(
    ' ',
    '\u00A0',
    '\u202F',
    '\n',
    ', ',
    '. ',
    '%',
    '€',
    '$',
    '~',
    '-',
    '/',
    '(',
    ')',
    'de ',
    'à ',
    'plus de ',
    'près de ',
    'sur ',
    'fois ',
    'millions ',
    "d'euros",
    'personnes',
    'heures',
    'minutes',
    'ans',
    'fin ',
    'en ',
    'février ',
    'lundi ',
    'deux ',
    'vingt-trois ',
    'un ',
    'multiplié par ',
    'GPT-4',
    '80e ',
    'x',
    '×',
    'é',
  )
  const fragment = fc.oneof(
    pieces,
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.string({ maxLength: 4 }),
  )
  const frenchish = fc.array(fragment, { maxLength: 25 }).map((parts) => parts.join(''))

  it('spans are within bounds, sorted, non-overlapping, trimmed and well-typed', () => {
    fc.assert(
      fc.property(frenchish, (text) => {
        const stats = extractStatistics(text, REF)
        let lastEnd = 0
        for (const s of stats) {
          expect(s.start).toBeGreaterThanOrEqual(lastEnd)
          expect(s.end).toBeGreaterThan(s.start)
          expect(s.end).toBeLessThanOrEqual(text.length)
          const span = text.slice(s.start, s.end)
          expect(span).toBe(span.trim())
          expect(kinds.has(s.kind)).toBe(true)
          expect(['number', 'string']).toContain(typeof s.value)
          if (typeof s.value === 'number') expect(Number.isFinite(s.value)).toBe(true)
          if (s.change) {
            expect(s.change.fromEnd).toBeLessThanOrEqual(s.start)
            expect(s.change.fromStart).toBeGreaterThanOrEqual(0)
            expect(s.change.to).toBe(s.value)
          }
          if (s.qualifier === 'exact') expect(s.qualifierText).toBeNull()
          else expect(span.toLowerCase()).toContain((s.qualifierText ?? '\u0000').toLowerCase())
          lastEnd = s.end
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is deterministic and ignores excluded ranges', () => {
    fc.assert(
      fc.property(frenchish, fc.nat(), fc.nat(), (text, a, b) => {
        const first = extractStatistics(text, REF)
        expect(extractStatistics(text, REF)).toEqual(first)
        const start = text.length ? a % text.length : 0
        const end = Math.min(text.length, start + 1 + (b % 20))
        const excluded = extractStatistics(text, { ...REF, exclude: [[start, end]] })
        for (const s of excluded) expect(s.start >= end || s.end <= start).toBe(true)
      }),
      { numRuns: 150 },
    )
  })

  const numberLike =
    /^(?:doubl|tripl|quadrupl|quintupl|sextupl|centupl|décupl|decupl|double|triple)/
  const plainWord = fc
    .stringMatching(/^[a-zA-Z]{1,8}$/)
    .filter((w) => !NUMBER_WORDS.has(w.toLowerCase()) && !numberLike.test(w.toLowerCase()))

  it('letters-only text has no statistics', () => {
    fc.assert(
      fc.property(fc.array(plainWord, { maxLength: 12 }), (words) => {
        expect(extractStatistics(words.join(' '), REF)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

describe('after the end of a sentence', () => {
  it('reads a number word that opens the next sentence after a proper name', () => {
    const text = "de l'université de Berkeley. Vingt autres organismes partenaires soutiennent"
    const found = extractStatistics(text)
    expect(found.map((s) => [text.slice(s.start, s.end), s.value])).toEqual([
      ['Vingt autres organismes', 20],
    ])
  })
})
