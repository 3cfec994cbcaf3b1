/**
 * Glossary formats for the translators' own tools, next to TBX 2019
 * (`tbx.ts`), which few of them read yet:
 *
 * - TBX 2008 (ISO 30042:2008), TBX-Basic: `<martif type="TBX-Basic">` with
 *   `termEntry` / `langSet` / `tig`, the version Weblate's translate-toolkit,
 *   OmegaT plug-ins, memoQ and Trados import. `importTbx` reads it back.
 * - The OmegaT glossary: UTF-8, tab-separated `source <TAB> target <TAB>
 *   comment`, one line per French form (term, variants, acronyms,
 *   abbreviations, and forbidden forms, whose comment says what to write),
 *   each with the approved English term.
 *
 * Pure: strings out.
 */
import { escapeXml, termSec } from './tbx.ts'
import { termsOf, type Concept, type Termbase } from './termbase.ts'

const LANGUAGES = ['fr', 'en'] as const

function termEntry(concept: Concept): string[] {
  const lines = [`      <termEntry id="${escapeXml(concept.id)}">`]
  if (concept.subject)
    lines.push(`        <descrip type="subjectField">${escapeXml(concept.subject)}</descrip>`)
  lines.push(`        <note>status: ${concept.status}</note>`)
  if (concept.note) lines.push(`        <note>${escapeXml(concept.note)}</note>`)
  for (const language of LANGUAGES) {
    lines.push(`        <langSet xml:lang="${language}">`)
    if (language === 'fr' && concept.fr.definition)
      lines.push(
        `          <descrip type="definition">${escapeXml(concept.fr.definition)}</descrip>`,
      )
    if (language === 'en') {
      // The concept's own definition is the English one; the French sits above.
      if (concept.definition)
        lines.push(
          `          <descrip type="definition">${escapeXml(concept.definition)}</descrip>`,
        )
      const { kind, reference, url } = concept.origin
      lines.push(`          <admin type="source">${kind}: ${escapeXml(reference)}</admin>`)
      if (url) {
        lines.push(
          `          <xref type="externalCrossReference" target="${escapeXml(url)}">${escapeXml(url)}</xref>`,
        )
      }
    }
    for (const entry of termsOf(concept, language))
      lines.push(...termSec(entry, '          ', 'tig'))
    lines.push('        </langSet>')
  }
  lines.push('      </termEntry>')
  return lines
}

/** Writes a termbase as a TBX 2008 TBX-Basic document (`<martif>`). */
export function exportTbx2008(termbase: Termbase, description = 'fiche termbase'): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<martif type="TBX-Basic" xml:lang="fr">',
    '  <martifHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>${escapeXml(description)}</p></sourceDesc>`,
    '    </fileDesc>',
    '    <encodingDesc>',
    '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>',
    '    </encodingDesc>',
    '  </martifHeader>',
    '  <text>',
    '    <body>',
  ]
  for (const concept of termbase.concepts) lines.push(...termEntry(concept))
  lines.push('    </body>', '  </text>', '</martif>', '')
  return lines.join('\n')
}

/** A field of the OmegaT glossary: no tab or line break inside. */
const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim()

/**
 * Writes a termbase as an OmegaT glossary (`glossary/*.txt`, UTF-8,
 * tab-separated). Forbidden concepts are left out: they have no English to
 * suggest.
 */
export function exportOmegatGlossary(termbase: Termbase): string {
  const lines: string[] = []
  for (const concept of termbase.concepts) {
    if (concept.status === 'forbidden') continue
    const english = concept.en.term
    const about = [concept.definition, concept.status === 'proposed' ? 'proposed term' : '']
      .filter(Boolean)
      .join('; ')
    for (const entry of termsOf(concept, 'fr')) {
      const comment = entry.forbidden
        ? `forbidden French form: write « ${concept.fr.term} »`
        : entry.type === 'fullForm'
          ? about
          : `${entry.type} of « ${concept.fr.term} »`
      lines.push([entry.text, english, comment].map(field).join('\t'))
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : ''
}
