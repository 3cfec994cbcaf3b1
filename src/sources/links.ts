/**
 * What a plain link tells of the publication it points at, when no registry
 * knows it: the news site of its host, the date a news URL carries, and
 * whether its text is a title or only words of the sentence ("apprennent",
 * "lire le document PDF"). Shared by the CSL-JSON export and the brief's
 * Sources list.
 */

/** News sites by host (the host without "www."): the article's container title. */
const NEWS_HOSTS = new Map<string, string>([
  ['lemonde.fr', 'Le Monde'],
  ['lefigaro.fr', 'Le Figaro'],
  ['lesechos.fr', 'Les Échos'],
  ['liberation.fr', 'Libération'],
  ['leparisien.fr', 'Le Parisien'],
  ['lopinion.fr', "L'Opinion"],
  ['la-croix.com', 'La Croix'],
  ['mediapart.fr', 'Mediapart'],
  ['ouest-france.fr', 'Ouest-France'],
  ['lepoint.fr', 'Le Point'],
  ['lexpress.fr', "L'Express"],
  ['francetvinfo.fr', 'Franceinfo'],
  ['franceinfo.fr', 'Franceinfo'],
  ['theconversation.com', 'The Conversation'],
  ['nouvelobs.com', "L'Obs"],
  ['rue89.nouvelobs.com', 'Rue89'],
  ['blogs.rue89.nouvelobs.com', 'Rue89'],
  ['20minutes.fr', '20 Minutes'],
  ['huffingtonpost.fr', 'HuffPost'],
  ['challenges.fr', 'Challenges'],
  ['latribune.fr', 'La Tribune'],
  ['marianne.net', 'Marianne'],
  ['humanite.fr', "L'Humanité"],
  ['lemondediplomatique.fr', 'Le Monde diplomatique'],
  ['monde-diplomatique.fr', 'Le Monde diplomatique'],
  ['courrierinternational.com', 'Courrier international'],
  ['arretsurimages.net', 'Arrêt sur images'],
  ['lejdd.fr', 'Le Journal du dimanche'],
  ['nextinpact.com', 'Next INpact'],
  ['next.ink', 'Next'],
  ['numerama.com', 'Numerama'],
  ['usine-digitale.fr', "L'Usine digitale"],
  ['contexte.com', 'Contexte'],
  ['nytimes.com', 'The New York Times'],
  ['washingtonpost.com', 'The Washington Post'],
  ['theguardian.com', 'The Guardian'],
  ['ft.com', 'Financial Times'],
  ['economist.com', 'The Economist'],
  ['time.com', 'Time'],
  ['reuters.com', 'Reuters'],
  ['bloomberg.com', 'Bloomberg'],
  ['politico.eu', 'Politico'],
  ['politico.com', 'Politico'],
  ['bbc.com', 'BBC'],
  ['bbc.co.uk', 'BBC'],
  ['wired.com', 'Wired'],
  ['theverge.com', 'The Verge'],
])

/** The news site of a URL (its host or a parent domain in NEWS_HOSTS), or null. */
export function newsSite(url: string): string | null {
  let host = URL.canParse(url) ? new URL(url).hostname.toLowerCase() : ''
  while (host.includes('.')) {
    const site = NEWS_HOSTS.get(host)
    if (site) return site
    host = host.slice(host.indexOf('.') + 1)
  }
  return null
}

/** The publication date a news URL carries ("/2023/05/01/"), as CSL date parts. */
export function urlDate(url: string): number[] | null {
  const m = /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01]))?\//u.exec(url)
  if (!m) return null
  return [Number(m[1]), Number(m[2]), ...(m[3] ? [Number(m[3])] : [])]
}

/** Words of a link text that point at a document rather than name it ("lire le PDF", "ici"). */
const POINTING =
  /^(?:ici|là|lien|source|sources|pdf|document|cet?|cette|ces|lire|voir|consulter|télécharger|cliquer|cliquez|here|link|this|see|read|download)$/iu

/**
 * The title a link text gives, or null when it points at the document instead of naming it
 * ("cet article", "lire le document PDF", "ici", the URL itself) or is a single lower-case word
 * of the sentence ("elle [apprend](url) que…").
 */
export function linkTitle(text: string, href: string | null): string | null {
  const label = text.trim()
  if (label === '' || label === href || /^(?:https?:\/\/|www\.)/iu.test(label)) return null
  const words = label.split(/\s+/u)
  if (!/\p{L}{2}/u.test(label) || POINTING.test(words[0]!.replace(/[’']$/u, ''))) return null
  if (words.length === 1 && !/^\p{Lu}/u.test(label)) return null
  if (words.every((word) => POINTING.test(word) || word.length <= 3)) return null
  if (/^l['’](?:article|étude)$/iu.test(label)) return null
  return label
}
