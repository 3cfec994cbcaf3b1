/**
 * Word lists and small regex fragments shared by the French statistics recognizers.
 * Every list is lower-case, with typographic apostrophes normalised to "'".
 */

/** Horizontal spaces that may separate a number from its unit or thousands groups. */
export const HSPACE = '[ \\t\\u00A0\\u202F\\u2009\\u2007]'
/** Straight, typographic and modifier apostrophes. */
export const APOS = "['\u2019\u02BC]"

/** Lower-case, accent-preserving normalisation used for lexicon lookups. */
export function norm(word: string): string {
  return word.toLowerCase().replace(/[\u2019\u02BC]/g, "'")
}

/** French month names, January first, as written. */
export const MONTH_NAMES: readonly string[] = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

/** Month names (also written without their accent) → month number. */
export const MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, index) => {
    const bare = name.normalize('NFD').replace(/\p{M}/gu, '')
    return bare === name
      ? [[name, index + 1] as const]
      : [[name, index + 1] as const, [bare, index + 1] as const]
  }),
)

/** Abbreviated month names: only trusted when followed by "." or by a year. */
export const MONTH_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['janv', 1],
  ['jan', 1],
  ['févr', 2],
  ['fév', 2],
  ['fevr', 2],
  ['fev', 2],
  ['avr', 4],
  ['juil', 7],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['déc', 12],
  ['dec', 12],
])

/** JavaScript `Date#getUTCDay()` numbering (Sunday = 0). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['dimanche', 0],
  ['lundi', 1],
  ['mardi', 2],
  ['mercredi', 3],
  ['jeudi', 4],
  ['vendredi', 5],
  ['samedi', 6],
])

/** Cardinal number words (the building blocks; composition is handled in numbers.ts). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zéro', 0],
  ['zero', 0],
  ['un', 1],
  ['une', 1],
  ['deux', 2],
  ['trois', 3],
  ['quatre', 4],
  ['cinq', 5],
  ['six', 6],
  ['sept', 7],
  ['huit', 8],
  ['neuf', 9],
  ['dix', 10],
  ['onze', 11],
  ['douze', 12],
  ['treize', 13],
  ['quatorze', 14],
  ['quinze', 15],
  ['seize', 16],
  ['vingt', 20],
  ['vingts', 20],
  ['trente', 30],
  ['quarante', 40],
  ['cinquante', 50],
  ['soixante', 60],
  ['septante', 70],
  ['huitante', 80],
  ['octante', 80],
  ['nonante', 90],
  ['cent', 100],
  ['cents', 100],
  ['mille', 1000],
  ['million', 1e6],
  ['millions', 1e6],
  ['milliard', 1e9],
  ['milliards', 1e9],
  ['billion', 1e12],
  ['billions', 1e12],
])

/** Large-scale words that can follow digits ("1,5 milliard"). French "billion" is 10^12. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['million', 1e6],
  ['millions', 1e6],
  ['milliard', 1e9],
  ['milliards', 1e9],
  ['billion', 1e12],
  ['billions', 1e12],
])

/** Abbreviated scales glued to or just before a currency ("3 M€", "1,2 Md€", "5 k€", "€5bn"). */
export const SCALE_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['K', 1e3],
  ['M', 1e6],
  ['m', 1e6],
  ['mn', 1e6],
  ['Mio', 1e6],
  ['Md', 1e9],
  ['Mds', 1e9],
  ['Mrd', 1e9],
  ['Mrds', 1e9],
  ['md', 1e9],
  ['mds', 1e9],
  ['G', 1e9],
  ['bn', 1e9],
  ['B', 1e9],
  ['T', 1e12],
])

/** Duration units, in minutes. 1 year = 365.25 days; 1 month = 1/12 year. */
export const MINUTES_PER = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  week: 10080,
  month: 43830,
  year: 525960,
  decade: 5259600,
  century: 52596000,
  millennium: 525960000,
} as const

export const DURATION_WORDS: ReadonlyMap<string, number> = new Map([
  ['seconde', MINUTES_PER.second],
  ['secondes', MINUTES_PER.second],
  ['minute', MINUTES_PER.minute],
  ['minutes', MINUTES_PER.minute],
  ['heure', MINUTES_PER.hour],
  ['heures', MINUTES_PER.hour],
  ['jour', MINUTES_PER.day],
  ['jours', MINUTES_PER.day],
  ['journée', MINUTES_PER.day],
  ['journées', MINUTES_PER.day],
  ['semaine', MINUTES_PER.week],
  ['semaines', MINUTES_PER.week],
  ['mois', MINUTES_PER.month],
  ['an', MINUTES_PER.year],
  ['ans', MINUTES_PER.year],
  ['année', MINUTES_PER.year],
  ['années', MINUTES_PER.year],
  ['décennie', MINUTES_PER.decade],
  ['décennies', MINUTES_PER.decade],
  ['siècle', MINUTES_PER.century],
  ['siècles', MINUTES_PER.century],
  ['millénaire', MINUTES_PER.millennium],
  ['millénaires', MINUTES_PER.millennium],
])

/** Abbreviated duration units, only accepted after digits (case-sensitive). */
export const DURATION_ABBREVIATIONS: ReadonlyMap<string, number> = new Map([
  ['s', MINUTES_PER.second],
  ['sec', MINUTES_PER.second],
  ['min', MINUTES_PER.minute],
  ['mn', MINUTES_PER.minute],
  ['h', MINUTES_PER.hour],
  ['j', MINUTES_PER.day],
])

/** Currency symbols and codes written before or after the amount. */
export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['€', 'EUR'],
  ['$', 'USD'],
  ['US$', 'USD'],
  ['$US', 'USD'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['CHF', 'CHF'],
  ['JPY', 'JPY'],
  ['CNY', 'CNY'],
  ['CAD', 'CAD'],
  ['AUD', 'AUD'],
  ['CA$', 'CAD'],
  ['$CA', 'CAD'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₩', 'KRW'],
])

/**
 * Currency names (regex source, matched case-insensitively) -> ISO 4217.
 * Order matters: longer qualified names first. Bare "livres" (books) and "francs" are ambiguous
 * and deliberately not recognised.
 */
export const CURRENCY_NAMES: ReadonlyArray<[string, string]> = [
  ['dollars?\\s+(?:canadiens?|CA)', 'CAD'],
  ['dollars?\\s+australiens?', 'AUD'],
  ['dollars?\\s+(?:de\\s+)?hong[\\s-]kong', 'HKD'],
  ['dollars?\\s+(?:américains?|US|des\\s+États-Unis)', 'USD'],
  ['dollars?', 'USD'],
  ['euros?', 'EUR'],
  ['livres?\\s+sterling', 'GBP'],
  ['francs?\\s+suisses?', 'CHF'],
  ['francs?\\s+CFA', 'XOF'],
  ['yens?', 'JPY'],
  ['yuans?', 'CNY'],
  ['renminbis?', 'CNY'],
  ['roupies?(?:\\s+indiennes?)?', 'INR'],
  ['roubles?', 'RUB'],
  ['wons?', 'KRW'],
]

/** Words that can stand between a number and the counted noun ("Vingt autres organismes"). */
export const PRE_NOUN_ADJECTIVES: ReadonlySet<string> = new Set([
  'autres',
  'nouveaux',
  'nouvelles',
  'nouvel',
  'premiers',
  'premières',
  'derniers',
  'dernières',
  'grands',
  'grandes',
  'gros',
  'grosses',
  'petits',
  'petites',
  'principaux',
  'principales',
  'jeunes',
  'vrais',
  'vraies',
  'anciens',
  'anciennes',
  'seuls',
  'seules',
  'mêmes',
  'meilleurs',
  'meilleures',
  'pires',
  'hauts',
  'hautes',
])

/**
 * Function words, auxiliaries and frequent adverbs: never a counted noun after a number.
 * Also used to decide what may sit inside ratio noun phrases.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a à ai aie ainsi alors après as au aucun aucune auprès aura auront aussi autant autour aux ' +
    "avaient avais avait avant avec avoir ayant bien c' ça car ce ceci cela celle celles celui " +
    "ces cet cette ceux chacun chacune chez comme comment contre d' dans de déjà depuis des " +
    'dès dont donc du durant elle elles en encore entre environ est et étaient était été être ' +
    "eu eux fait font fut furent hors ici il ils j' je jusqu' jusque l' la là le les leur leurs " +
    "lors lorsqu' lorsque lui m' ma mais me même mes moi moins mon n' ne ni non nos notre nous " +
    'on ont or ou où outre par parmi pas pendant peu peut peuvent plus plusieurs pour pourrait ' +
    "pourraient pourtant près presque puis puisque qu' quand que quel quelle quelles quels qui " +
    "quoi s' sa sans se selon sera seraient serait seront ses si sien soi soit son sont sous " +
    'sur ta te tes toi ton tous tout toute toutes très tu un une vers via voire vos votre vous y ' +
    'seulement respectivement notamment également environ quasiment presque pratiquement approximativement ' +
    "aujourd'hui aujourd’hui lors actuellement désormais jadis naguère " +
    'ci-dessus ci-dessous suivant suivants suivantes dernier dernière prochain prochaine et/ou fois-ci'
  ).split(/\s+/),
)

/**
 * Nouns that label a reference number ("article 5", "page 12", "niveau 3"): the number after them
 * is an identifier, not a statistic.
 */
export const LABEL_WORDS: ReadonlySet<string> = new Set(
  (
    'article articles art alinéa alinéas paragraphe paragraphes section sections chapitre chapitres ' +
    'titre annexe annexes page pages p pp figure figures fig tableau tableaux graphique graphiques ' +
    'encadré note notes partie parties étape étapes phase phases niveau niveaux catégorie catégories ' +
    'numéro numéros n° no nº vol volume volumes tome tomes version versions v règle règles principe ' +
    'principes objectif recommandation recommandations proposition propositions question questions ' +
    'mesure axe axes action actions critère critères option options scénario scénarios cas exemple ' +
    'type types classe classes groupe lot salle ligne lignes colonne colonnes diapositive item items ' +
    'palier paliers tier tiers top saison épisode acte scène point points semaine décret loi directive ' +
    'règlement amendement amendements considérant considérants rang rangs stade stades degré degrés ' +
    'bureau porte quai voie étage rue avenue boulevard bd place chemin route autoroute code indice ' +
    'modèle modèles génération échelon grade position'
  ).split(/\s+/),
)

/**
 * Nouns that name parts of a document or items of an enumeration ("trois parties", "deux axes",
 * "cinq recommandations", "3 obligations"), singular, lower-case: a small count of them describes
 * how the note is organised, not the world. Plurals are matched by dropping a final s or x.
 */
export const STRUCTURAL_NOUNS: ReadonlySet<string> = new Set(
  (
    'partie sous-partie chapitre section sous-section titre annexe article paragraphe alinéa point ' +
    'axe volet pilier levier chantier thème sujet domaine dimension aspect angle élément ' +
    'recommandation proposition préconisation mesure action engagement orientation piste priorité ' +
    'objectif obligation exigence règle principe critère condition modalité étape phase temps ' +
    'question enjeu défi risque raison argument facteur leçon enseignement conclusion constat ' +
    'message idée catégorie type niveau famille forme ordre façon manière voie option scénario ' +
    'hypothèse approche solution ingrédient mission ligne vague tour livrable paramètre ' +
    'caractéristique propriété composante rapport document publication note travaux'
  ).split(/\s+/),
)

/**
 * Determiners that make a following count refer back to items already named ("ces trois
 * entreprises", "nos deux propositions"): not a new figure.
 */
export const ANAPHORIC_DETERMINERS: ReadonlySet<string> = new Set(
  'ces ce cette nos vos leurs ses mes tes'.split(' '),
)

/** Definite articles, contracted ones included ("des" = de les, "aux" = à les). */
export const DEFINITE_ARTICLES: ReadonlySet<string> = new Set(['les', 'des', 'aux'])

/**
 * Words that, before a duration, make it a point in time rather than a measure ("il y a dix
 * ans", "depuis cinq ans", "dans deux ans", "d'ici dix ans", "au bout de dix ans").
 */
export const TIME_REFERENCE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:il${HSPACE}+y${HSPACE}+a|depuis|dans|d${APOS}ici|au${HSPACE}+bout${HSPACE}+d(?:e|${APOS})|voici|voilà|ces)${HSPACE}*$`,
  'iu',
)

/** Words after which a bare number is a quantity ("ils étaient 40 000", "le total atteint 500"). */
export const QUANTITY_VERBS: ReadonlySet<string> = new Set(
  (
    'est sont était étaient fut furent sera seront serait seraient atteint atteignent atteignait ' +
    'atteignaient atteindra atteindre compte comptent comptait comptaient comptera totalise ' +
    'totalisent totalisait dépasse dépassent dépassait dépassaient représente représentent ' +
    'représentait représentaient recense recensent recensait dénombre dénombrent rassemble ' +
    'rassemblent réunit réunissent emploie emploient employait'
  ).split(/\s+/),
)

/** Verbs after a bare number that make it the subject of a clause ("10 sont européennes"). */
export const SUBJECT_VERBS: ReadonlySet<string> = new Set(
  'sont étaient seront seraient furent ont avaient auront auraient restent demeurent'.split(' '),
)

/** Words that, right before a 4-digit number, make it a year ("en 2022", "depuis 1997"). */
export const STRONG_YEAR_CONTEXT: ReadonlySet<string> = new Set(
  (
    "en depuis dès d'ici jusqu'en fin début mi courant an l'an année l'année années avant après vers " +
    'printemps été automne hiver janvier février fevrier mars avril mai juin juillet août aout ' +
    'septembre octobre novembre décembre decembre exercice millésime cuvée'
  ).split(/\s+/),
)

/** Weaker year contexts: a year only when no counted noun follows ("de 2020 à 2025"). */
export const WEAK_YEAR_CONTEXT: ReadonlySet<string> = new Set([
  'de',
  "d'",
  'à',
  'et',
  'ou',
  'au',
  'entre',
])

/**
 * Qualifiers written before a figure, longest first. The source is a regex fragment matched
 * case-insensitively and anchored just before the figure.
 */
export const QUALIFIERS_BEFORE: ReadonlyArray<[string, 'approximate' | 'at-least' | 'at-most']> = [
  [`à\\s+peu\\s+près`, 'approximate'],
  [`aux\\s+alentours\\s+d(?:e\\s+|${APOS}\\s*)`, 'approximate'],
  [`de\\s+l${APOS}ordre\\s+d(?:e\\s+|${APOS}\\s*)`, 'approximate'],
  [`autour\\s+d(?:e\\s+|${APOS}\\s*)`, 'approximate'],
  [`près\\s+d(?:e\\s+|${APOS}\\s*)`, 'approximate'],
  [`approximativement`, 'approximate'],
  [`grosso\\s+modo`, 'approximate'],
  [`quasiment`, 'approximate'],
  [`environ`, 'approximate'],
  [`quelques?`, 'approximate'],
  [`presque`, 'approximate'],
  [`~`, 'approximate'],
  [`≈`, 'approximate'],
  [`un\\s+peu\\s+plus\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-least'],
  [`pas\\s+moins\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-least'],
  [`au[\\s-]+del[àa]\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-least'],
  [`plus\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-least'],
  [`\\+\\s*d(?:e\\s+|${APOS}\\s*)`, 'at-least'],
  [`au\\s+moins`, 'at-least'],
  [`au\\s+minimum`, 'at-least'],
  [`≥`, 'at-least'],
  [`>=?`, 'at-least'],
  [`un\\s+peu\\s+moins\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-most'],
  [`pas\\s+plus\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-most'],
  [`tout\\s+au\\s+plus`, 'at-most'],
  [`moins\\s+d(?:e\\s+|${APOS}\\s*)`, 'at-most'],
  [`jusqu${APOS}\\s*(?:à|a)`, 'at-most'],
  [`au\\s+maximum`, 'at-most'],
  [`au\\s+plus`, 'at-most'],
  [`≤`, 'at-most'],
  [`<=?`, 'at-most'],
]

/** Qualifiers written after a figure ("100 personnes environ"). */
export const QUALIFIERS_AFTER: ReadonlyArray<[string, 'approximate' | 'at-least' | 'at-most']> = [
  ['environ', 'approximate'],
  ['au\\s+moins', 'at-least'],
  ['au\\s+minimum', 'at-least'],
  ['au\\s+plus', 'at-most'],
  ['au\\s+maximum', 'at-most'],
]

/** Stems of verbs/nouns that announce an evolution ("est passé de X à Y"). */
export const CHANGE_STEMS =
  /^(?:pass|augment|diminu|baiss|chut|grimp|cr[uûo]|croi|progress|recul|évolu|evolu|bond|explos|hauss|rédui|redui|réduct|port|ramen|abaiss|élev|relev|tomb|mont|gonfl|fond|descend|ralent|accél|accel|envol|effondr|dégring|ajust|révis|revis)/
