/**
 * Pure helpers for citations: reading an author-year label, classifying a
 * link target, and finding textual attributions ("Selon Le Figaro").
 */
import type { CitationKind, CitationRole, CitationStatus } from '../model/schema.ts'
import { findAcronymDefinitions } from './acronyms.ts'

/** What an author-year label says. */
export interface AuthorYear {
  authors: string[]
  etAl: boolean
  year: number | null
  yearSuffix: string | null
  /** True when the label has the canonical form "Author, 2025" / "A et al., 2025a". */
  wellFormed: boolean
}

/**
 * Reads labels that look like an author-year reference: "Karnofsky, 2025",
 * "Kučinskas et al., 2025", "The New York Times, 2025", "Smith & Jones,
 * 2024b", and malformed ones a rule should report: "Karnofsky 2025",
 * "(2025)", "Karnofsky, 25". Returns null for other labels.
 */
export function parseAuthorYear(label: string): AuthorYear | null {
  const text = label.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()
  // Narrative form "Karnofsky (2025)": an author-year reference as well.
  const narrative = /^(?<names>\p{Lu}[^()\d]*?) \((?<year>\d{4})(?<suffix>[a-z])?\)$/u.exec(text)
  if (narrative?.groups) {
    const parsed = parseAuthorYear(
      `${narrative.groups.names}, ${narrative.groups.year}${narrative.groups.suffix ?? ''}`,
    )
    return parsed ? { ...parsed, wellFormed: true } : null
  }
  const match =
    /^\(?(?<names>[^()\d]*?)(?<comma>,)? ?(?<year>\d{2}|\d{4})(?<suffix>[a-z])?\)?$/u.exec(text)
  if (!match?.groups) return null
  const names = match.groups.names!.trim().replace(/,$/, '').trim()
  if (names !== '' && !/^\p{Lu}/u.test(names)) return null
  if (names.split(' ').length > 8) return null
  const etAl = /\bet al\.?$/u.test(names)
  const base = names.replace(/,?\s*et al\.?$/u, '').trim()
  const authors = base === '' ? [] : base.split(/\s*(?:&|\bet\b|\band\b|;)\s*/u).filter(Boolean)
  const year = Number(match.groups.year)
  const fourDigits = match.groups.year!.length === 4
  return {
    authors,
    etAl,
    year: fourDigits ? year : null,
    yearSuffix: match.groups.suffix ?? null,
    wellFormed:
      fourDigits && authors.length > 0 && match.groups.comma === ',' && !text.startsWith('('),
  }
}

/** Markers of a target left to fill in. */
const PLACEHOLDER = /^(?:#|todo|tbd|xxx|fixme|à compléter|a completer|lien|url|link|\.\.\.|…)?$/iu
/** Words left in a target to say it is to be filled in (matched in any case). */
const PENDING_INSIDE = /\b(?:todo|tbd|fixme|xxx)\b|à compléter/iu
const UNSAFE = /^(?:javascript|data|vbscript|file):/i
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** Drops white space and control characters, which browsers ignore inside a URL scheme. */
function withoutControls(text: string): string {
  return [...text].filter((char) => char.charCodeAt(0) > 0x20).join('')
}

/** Classifies a link target. */
export function classifyHref(href: string): CitationStatus {
  const target = href.trim()
  // Before placeholders: "javascript:alert('todo')" is unsafe, not a target to fill in.
  if (UNSAFE.test(withoutControls(target))) return 'unsafe-scheme'
  if (PLACEHOLDER.test(target) || PENDING_INSIDE.test(target)) return 'placeholder'
  if (target.startsWith('#')) return 'anchor'
  if (SCHEME.test(target) || target.startsWith('//')) return 'ok'
  return 'relative'
}

/** Whether a target uses a scheme that must never become a link (see `classifyHref`). */
export function isUnsafeHref(href: string): boolean {
  return UNSAFE.test(withoutControls(href.trim()))
}

/**
 * A target fit to be stored or followed: the empty string for a `javascript:`,
 * `data:`, `vbscript:` or `file:` target (in any case, with white space or
 * control characters inside the scheme), the target itself otherwise. Every
 * output keeps the link's text and drops such a target.
 */
export function safeHref(href: string): string {
  return isUnsafeHref(href) ? '' : href
}

/** Schemes that reach a person rather than a document. */
const CONTACT_SCHEME =
  /^(?:mailto|tel|sms|callto|xmpp|matrix|irc|ircs|skype|sip|signal|whatsapp):/iu
/** Hosts (and path prefixes) of chat rooms, invitations and meetings. */
const CONTACT_HOST =
  /^(?:[\w-]+\.)*(?:matrix\.to|discord\.gg|discord\.com\/invite|discordapp\.com\/invite|t\.me|telegram\.me|chat\.whatsapp\.com|wa\.me|signal\.group|signal\.me|join\.slack\.com|[\w-]+\.slack\.com|app\.element\.io|chat\.[\w.-]+|meet\.google\.com|zoom\.us\/j|[\w-]+\.zoom\.us\/j|teams\.microsoft\.com\/l\/meetup-join|meet\.jit\.si|framatalk\.org|gitter\.im)(?:[/?#]|$)/iu
/** A relative target that is another note or page of the folder, not a document. */
const NOTE_FILE = /\.(?:md|markdown|txt|html?)(?:[?#].*)?$/iu

/**
 * What a link is for (see `CitationRole`): `contact` for `mailto:`, `tel:` and chat or
 * meeting rooms, `navigation` for in-page anchors and links to other notes, `citation`
 * otherwise (attributions, author-year references, links to a document, placeholders
 * left to fill with a source).
 */
export function classifyRole(kind: CitationKind, href: string | null): CitationRole {
  if (href === null) return 'citation'
  const target = withoutControls(href.trim())
  const host = /^(?:https?:)?\/\/(.*)$/iu.exec(target)?.[1]
  if (CONTACT_SCHEME.test(target) || (host !== undefined && CONTACT_HOST.test(host))) {
    return 'contact'
  }
  if (kind !== 'link' || host !== undefined) return 'citation'
  const status = classifyHref(target)
  if (status === 'anchor') return target === '#' ? 'citation' : 'navigation'
  if (status === 'relative' && NOTE_FILE.test(target)) return 'navigation'
  return 'citation'
}

/** A textual attribution found in prose. */
export interface Attribution {
  label: string
  start: number
  end: number
}

/** Words that introduce a source: "selon", "d'après", "publiés par", "rapporte"… */
const INTRODUCER =
  /(?<![\p{L}])(?:selon|d['’]après|d['’]apres|(?:publié|publiée|publiés|publiées|rapporté|rapportée|rapportés|rapportées|cité|citée|cités|citées|révélé|révélée|révélés|révélées|diffusé|diffusée|diffusés|diffusées)\s+par|rapporte|rapportent|indique|indiquent|écrit|écrivent|source\s*:)[\s\u00a0]+/giu

/** A capitalised name: "Le Figaro", "AFP", "The New York Times", "l'Agence France-Presse". */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}'’.&-]*|\d+[\p{L}]*)`
const CONNECTOR = String.raw`(?:de|du|des|de la|of|the|for|and|&|d['’]|l['’])`
const NAME = new RegExp(
  String.raw`^(?:(?:Le|La|Les|L['’]|le|la|les|l['’])\s*)?${NAME_WORD}(?:[\s\u00a0]+(?:${CONNECTOR}[\s\u00a0]*)?${NAME_WORD})*`,
  'u',
)
/** A document named before its author: "une étude de", "le dernier rapport du", "les chiffres de l'". */
const DOCUMENT_OF =
  /^(?:un|une|le|la|les|l['’]|des|ses|son|sa)\s*(?:(?:dernier|dernière|derniers|dernières|récent|récente|nouveau|nouvelle|nouvel)\s+)?(?:étude|études|rapport|rapports|enquête|enquêtes|note|sondage|analyse|publication|communiqué|article|données|chiffres|estimation|estimations|statistiques|projections|prévisions|bilan|baromètre)(?:\s+(?:annuel|annuelle|publié|publiée|récent|récente))?\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])/iu

/** Joins two sources of one attribution: "Le Figaro avec AFP", "Reuters et l'AFP". */
const JOINER = /^[\s\u00a0]+(?:avec|et|and)[\s\u00a0]+/u

/**
 * Finds attributions such as "Selon Le Figaro", "publiés par Le Figaro avec
 * AFP" (two sources), "d'après l'AFP". The source must be a capitalised
 * name: "selon les experts" is not an attribution.
 */
export function findAttributions(text: string): Attribution[] {
  const found: Attribution[] = []
  const definitions = findAcronymDefinitions(text)
  for (const intro of text.matchAll(INTRODUCER)) {
    let cursor = intro.index + intro[0].length
    // "selon une étude de l'OCDE", "d'après un rapport du Sénat": the source is the body.
    cursor += DOCUMENT_OF.exec(text.slice(cursor))?.[0].length ?? 0
    for (;;) {
      const name = NAME.exec(text.slice(cursor))
      if (!name) break
      let label = name[0].replace(/[.’']+$/u, '').trim()
      // A name that an acronym definition continues: "l'Institut national … (Insee)".
      const defined = definitions.find((d) => d.longStart >= cursor && d.longStart <= cursor + 3)
      const continued = defined !== undefined && defined.longEnd > cursor + label.length
      if (continued) label = text.slice(cursor, defined.longEnd)
      // A name has letters: "rapporte 3 millions" names no source, "20 Minutes" does.
      if (!/\p{L}{2}/u.test(label) || /^(?:Le|La|Les|L['’])$/u.test(label)) break
      const article = /^(?:[lL]['’]\s*|(?:la|le|les)\s+)/u.exec(label)?.[0].length ?? 0
      found.push({
        label: label.slice(article),
        start: cursor + article,
        end: cursor + label.length,
      })
      cursor += continued ? label.length : name[0].length
      const joiner = JOINER.exec(text.slice(cursor))
      if (!joiner) break
      cursor += joiner[0].length
    }
  }
  return found
}
