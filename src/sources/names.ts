/**
 * Names as CSL-JSON wants them: a person split into `family` and `given`
 * (particles such as « de », « van » kept with the family name), an
 * organisation or a publication kept whole as `literal`.
 */
/** A name in CSL-JSON: a person (family, given) or an organisation (literal). */
export interface CslName {
  family?: string
  given?: string
  /** A particle written before the family name and sorted with it ("van" in "van Gogh"). */
  'non-dropping-particle'?: string
  /** A particle dropped when sorting ("de" in "Tocqueville, Alexis de"). */
  'dropping-particle'?: string
  /** "Jr.", "III". */
  suffix?: string
  literal?: string
}

/** Lower-case particles that belong with the family name: "de Gaulle", "van Gogh". */
const PARTICLES = new Set([
  'de',
  'd’',
  "d'",
  'du',
  'des',
  'de la',
  'van',
  'van der',
  'van den',
  'von',
  'der',
  'den',
  'di',
  'da',
  'del',
  'della',
  'dos',
  'le',
  'la',
  'ter',
  'ten',
])

/** Words that make a name an organisation or a publication, not a person. */
const ORGANISATION =
  /(?<!\p{L})(?:the|times|news|post|journal|review|report|research|institute|institut|centre|center|university|université|agency|agence|office|ministère|ministry|conseil|council|commission|sénat|senate|assemblée|parliament|parlement|bank|banque|group|groupe|foundation|fondation|association|observatoire|autorité|authority|safety|security|sécurité|ai|ia|lab|labs|inc|ltd|gmbh|sa|sas|press|presse|monde|figaro|échos|libération|conversation|guardian|economist|reuters|bloomberg|wired|nature|science|time)(?!\p{L})/iu

/** True when `token` is an acronym ("AISI", "OCDE", "UK"). */
const isAcronym = (token: string) => /^\p{Lu}[\p{Lu}\d&.-]+$/u.test(token)

/**
 * Reads one name: "Karnofsky" → family; "Holden Karnofsky" → given and
 * family; "Charles de Gaulle" → particle « de » with the family; "Gaulle,
 * Charles de" → the same; "UK AISI", "The New York Times" → literal.
 */
export function parseName(raw: string): CslName {
  const name = raw.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()
  const comma = /^([^,]+),\s*(.+)$/u.exec(name)
  if (comma) {
    const { particle, family } = splitParticle(comma[1]!.trim())
    let given = comma[2]!.trim()
    const trailing = /^(.*?)\s+((?:de la|van der|van den|\p{Ll}+[’']?))$/u.exec(given)
    const trailingParticle =
      particle === null && trailing && PARTICLES.has(trailing[2]!) ? trailing[2]! : null
    if (trailingParticle) given = trailing![1]!
    const part = particle ?? trailingParticle
    return { family, given, ...(part ? { 'non-dropping-particle': part } : {}) }
  }
  const tokens = name.split(' ')
  if (ORGANISATION.test(name) || tokens.some(isAcronym) || tokens.length > 4) {
    return { literal: name }
  }
  if (tokens.length === 1) return { family: name }
  // "Holden Karnofsky", "Jean-Marc de La Fontaine", "Vincent van Gogh".
  const first = tokens.findIndex((token, index) => index > 0 && /^\p{Ll}/u.test(token))
  const familyStart = first === -1 ? tokens.length - 1 : first
  const given = tokens.slice(0, familyStart).join(' ')
  const { particle, family } = splitParticle(tokens.slice(familyStart).join(' '))
  if (!/^\p{Lu}/u.test(given) || family === '') return { literal: name }
  return { family, given, ...(particle ? { 'non-dropping-particle': particle } : {}) }
}

/** "de Gaulle" → particle « de », family « Gaulle »; "van der Berg" → « van der », « Berg ». */
function splitParticle(text: string): { particle: string | null; family: string } {
  const match = /^((?:\p{Ll}+[’']?\s*){1,2})(\p{Lu}.*)$/u.exec(text)
  const particle = match?.[1]?.trim() ?? ''
  if (match && PARTICLES.has(particle)) return { particle, family: match[2]!.trim() }
  return { particle: null, family: text }
}
