/**
 * TBX (ISO 30042:2019), TBX-Basic dialect, DCA style: one `conceptEntry` per
 * concept, one `langSec` per language, one `termSec` per term with its
 * `termType` (fullForm, variant, acronym, abbreviation) and its
 * `administrativeStatus` (preferred, admitted, deprecated for forbidden
 * forms). Definition and subject field sit on the concept, the origin of the
 * English equivalent is the English `langSec`'s `source` (and
 * `externalCrossReference` for its link); the concept status and the note are
 * concept `note`s. Import reads what export writes, and the usual TBX-Basic
 * files of CAT tools.
 */
import { lazy } from '../lazy.ts'
import { TermbaseError } from './yaml.ts'
import {
  Concept,
  ConceptStatus,
  OriginKind,
  TERMBASE_VERSION,
  termsOf,
  type ConceptInput,
  type Termbase,
  type TermEntry,
} from './termbase.ts'

const LANGUAGES = ['fr', 'en'] as const

/** Escapes text for XML content and attribute values. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\p{Cc}/gu, (c) => (c === '\t' || c === '\n' || c === '\r' ? c : ''))
}

const STATUS_NOTE = 'status: '

/** A term with its type and status: `termSec` in TBX 2019, `tig` in TBX 2008. */
export function termSec(entry: TermEntry, indent: string, element = 'termSec'): string[] {
  const status = entry.forbidden
    ? 'deprecatedTerm-admn-sts'
    : entry.preferred
      ? 'preferredTerm-admn-sts'
      : 'admittedTerm-admn-sts'
  return [
    `${indent}<${element}>`,
    `${indent}  <term>${escapeXml(entry.text)}</term>`,
    `${indent}  <termNote type="termType">${entry.type}</termNote>`,
    `${indent}  <termNote type="administrativeStatus">${status}</termNote>`,
    `${indent}</${element}>`,
  ]
}

/** Writes a termbase as a TBX-Basic document. */
export function exportTbx(termbase: Termbase, description = 'fiche termbase'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>',
    '<tbx type="TBX-Basic" style="dca" xml:lang="fr" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>${escapeXml(description)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ]
  for (const concept of termbase.concepts) {
    lines.push(`      <conceptEntry id="${escapeXml(concept.id)}">`)
    if (concept.subject)
      lines.push(`        <descrip type="subjectField">${escapeXml(concept.subject)}</descrip>`)
    if (concept.definition)
      lines.push(`        <descrip type="definition">${escapeXml(concept.definition)}</descrip>`)
    lines.push(`        <note>${STATUS_NOTE}${concept.status}</note>`)
    if (concept.note) lines.push(`        <note>${escapeXml(concept.note)}</note>`)
    for (const language of LANGUAGES) {
      lines.push(`        <langSec xml:lang="${language}">`)
      if (language === 'en') {
        const { kind, reference, url } = concept.origin
        lines.push(`          <admin type="source">${kind}: ${escapeXml(reference)}</admin>`)
        if (url) {
          lines.push(
            `          <xref type="externalCrossReference" target="${escapeXml(url)}">${escapeXml(url)}</xref>`,
          )
        }
      }
      const own = language === 'fr' ? concept.fr.definition : undefined
      if (own) lines.push(`          <descrip type="definition">${escapeXml(own)}</descrip>`)
      for (const entry of termsOf(concept, language)) lines.push(...termSec(entry, '          '))
      lines.push('        </langSec>')
    }
    lines.push('      </conceptEntry>')
  }
  lines.push('    </body>', '  </text>', '</tbx>', '')
  return lines.join('\n')
}

type XmlNode = Record<string, unknown>

const xml = lazy<typeof import('fast-xml-parser')>('fast-xml-parser')

const TBX2008_NAMES: Record<string, string> = {
  martif: 'tbx',
  termEntry: 'conceptEntry',
  langSet: 'langSec',
  tig: 'termSec',
}

let parser: import('fast-xml-parser').XMLParser | undefined
const parserOptions: import('fast-xml-parser').X2jOptions = {
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  isArray: (name) =>
    [
      'conceptEntry',
      'langSec',
      'termSec',
      'termNote',
      'descrip',
      'note',
      'admin',
      'xref',
      'descripGrp',
    ].includes(name),
  // TBX 2008 (`martif`, `termEntry`, `langSet`, `tig`) read as TBX 2019.
  transformTagName: (name) => TBX2008_NAMES[name] ?? name,
  trimValues: true,
  parseTagValue: false,
  processEntities: true,
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node.replace(/\s+/g, ' ').trim()
  if (node && typeof node === 'object' && '#text' in node) return textOf((node as XmlNode)['#text'])
  return ''
}

function list(node: XmlNode, key: string): XmlNode[] {
  const value = node[key]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

function typed(node: XmlNode, key: string, type: string): XmlNode[] {
  const direct = list(node, key).filter((n) => n['@type'] === type)
  const grouped = list(node, `${key}Grp`).flatMap((g) =>
    list(g, key).filter((n) => n['@type'] === type),
  )
  return [...direct, ...grouped]
}

/**
 * Refuses a document type declaration: TBX needs none, and its entities are
 * how XML files read local files (XXE) or expand without bound (billion
 * laughs). Without one, only XML's five predefined entities and character
 * references are expanded.
 */
function refuseDoctype(source: string, file: string): void {
  const match = /<!(DOCTYPE|ENTITY)\b/iu.exec(source)
  if (!match) return
  const before = source.slice(0, match.index)
  const line = before.split('\n').length
  const column = match.index - before.lastIndexOf('\n')
  throw new TermbaseError(
    `${file}:${line}:${column}: Unexpected <!${match[1]}> declaration, expected a TBX document without a DTD (fiche expands no entities)`,
  )
}

/** Reads a TBX document (TBX-Basic: TBX 2019 DCA style, or TBX 2008 `martif`) into a termbase. */
export function importTbx(source: string, file: string): Termbase {
  refuseDoctype(source, file)
  const validation = xml().XMLValidator.validate(source)
  if (validation !== true) {
    const { line, col, msg } = validation.err
    throw new TermbaseError(`${file}:${line}:${col}: not well-formed XML (${msg})`)
  }
  const document = (parser ??= new (xml().XMLParser)(parserOptions)).parse(source) as XmlNode
  const tbx = document.tbx as XmlNode | undefined
  const body = ((tbx?.text as XmlNode | undefined)?.body as XmlNode | undefined) ?? undefined
  if (!tbx || !body)
    throw new TermbaseError(`${file}: expected a <tbx> or <martif> document with <text><body>`)
  const concepts: Concept[] = []
  list(body, 'conceptEntry').forEach((entry, index) => {
    const id = String(entry['@id'] ?? `c${index + 1}`)
    const where = `${file}: conceptEntry "${id}"`
    const notes = list(entry, 'note').map(textOf)
    const statusNote = notes.find((n) => n.startsWith(STATUS_NOTE))
    const status = ConceptStatus.safeParse(statusNote?.slice(STATUS_NOTE.length)).data ?? 'approved'
    const sides: Record<string, ConceptInput['fr']> = {}
    let origin: ConceptInput['origin'] | undefined
    let definition = typed(entry, 'descrip', 'definition').map(textOf)[0]
    for (const langSec of list(entry, 'langSec')) {
      const language = String(langSec['@lang'] ?? '')
        .toLowerCase()
        .split('-')[0]!
      if (language !== 'fr' && language !== 'en') continue
      // A French langSec's definition is the French one; others stand for the concept's.
      const own = typed(langSec, 'descrip', 'definition').map(textOf)[0]
      if (language !== 'fr') definition ??= own
      const side: Required<Omit<ConceptInput['fr'], 'definition'>> & { definition?: string } = {
        term: '',
        variants: [],
        acronyms: [],
        abbreviations: [],
        forbidden: [],
      }
      for (const termSec of list(langSec, 'termSec')) {
        const term = textOf(termSec.term)
        if (!term) continue
        const notesOf = (type: string) =>
          list(termSec, 'termNote')
            .filter((n) => n['@type'] === type)
            .map(textOf)
        const type = notesOf('termType')[0] ?? 'fullForm'
        const admin = notesOf('administrativeStatus')[0] ?? ''
        if (
          (admin.startsWith('deprecated') || admin.startsWith('superseded')) &&
          status !== 'forbidden'
        ) {
          side.forbidden.push(term)
        } else if (type === 'acronym') side.acronyms.push(term)
        else if (type === 'abbreviation' || type === 'shortForm') side.abbreviations.push(term)
        else if (!side.term && (admin.startsWith('preferred') || type === 'fullForm'))
          side.term = term
        else side.variants.push(term)
      }
      if (!side.term) side.term = side.variants.shift() ?? side.acronyms[0] ?? ''
      if (language === 'fr' && own) side.definition = own
      sides[language] = side
      const source = typed(langSec, 'admin', 'source').map(textOf)[0]
      if (language === 'en' && source) {
        const match = /^([a-z-]+): (.+)$/s.exec(source)
        const kind = OriginKind.safeParse(match?.[1]).data
        const url = list(langSec, 'xref').find((x) => x['@type'] === 'externalCrossReference')?.[
          '@target'
        ]
        origin = {
          kind: kind ?? 'usage',
          reference: kind ? match![2]! : source,
          ...(typeof url === 'string' ? { url } : {}),
        }
      }
    }
    if (!sides.fr || !sides.en)
      throw new TermbaseError(`${where}: expected a French and an English langSec`)
    const parsed = Concept.safeParse({
      id,
      status,
      subject: typed(entry, 'descrip', 'subjectField').map(textOf)[0],
      definition,
      note: notes.filter((n) => !n.startsWith(STATUS_NOTE)).join(' ') || undefined,
      fr: sides.fr,
      en: sides.en,
      origin: origin ?? { kind: 'usage', reference: 'TBX import' },
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new TermbaseError(`${where}: ${issue.path.join('.')}: ${issue.message}`)
    }
    concepts.push(parsed.data)
  })
  return { version: TERMBASE_VERSION, concepts }
}
