/**
 * The glossary writers: rows to CSV (for spreadsheets), TBX (for CAT tools),
 * JSON and Markdown, and the candidate list to CSV. Pure: strings out.
 */
import type { Candidate } from './candidates.ts'
import { LIST_SEPARATOR, toCsv } from './csv.ts'
import type { GlossaryRow } from './rows.ts'
import { exportOmegatGlossary, exportTbx2008 } from './cat.ts'
import { exportTbx } from './tbx.ts'
import type { Termbase } from './termbase.ts'
import { termbaseOfRows } from './rows.ts'

/** Version of the glossary JSON layout. */
export const GLOSSARY_JSON_VERSION = '1.0.0'

/** What a glossary is about: a document id, or the corpus. */
export interface GlossaryScope {
  /** Document id, or `corpus`. */
  id: string
  /** Ids of the documents the glossary covers. */
  documents: string[]
}

const place = (row: GlossaryRow) =>
  `${row.first.document ? `${row.first.document}:` : ''}${row.first.line}:${row.first.column}`

/** The glossary as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
export function glossaryCsv(rows: GlossaryRow[]): string {
  const corpus = rows.some((r) => r.documents)
  return toCsv(
    [
      'concept',
      'french',
      'forms',
      'english',
      'acronyms_fr',
      'acronyms_en',
      'occurrences',
      ...(corpus ? ['documents'] : []),
      'first',
      'first_sentence',
      'definition',
      'origin',
      'status',
    ],
    rows.map((r) => [
      r.conceptId,
      r.french,
      r.forms.join(LIST_SEPARATOR),
      r.english,
      r.acronymsByLanguage.fr.join(LIST_SEPARATOR),
      r.acronymsByLanguage.en.join(LIST_SEPARATOR),
      r.occurrences,
      ...(corpus ? [(r.documents ?? []).join(LIST_SEPARATOR)] : []),
      place(r),
      r.first.sentence,
      r.definition,
      r.origin,
      r.status,
    ]),
  )
}

/** The glossary as JSON. */
export function glossaryJson(rows: GlossaryRow[], scope: GlossaryScope): string {
  return `${JSON.stringify({ version: GLOSSARY_JSON_VERSION, id: scope.id, documents: scope.documents, rows }, null, 2)}\n`
}

/** The glossary as TBX-Basic: the termbase entries of the concepts that occur. */
export function glossaryTbx(rows: GlossaryRow[], termbase: Termbase, scope: GlossaryScope): string {
  return exportTbx(termbaseOfRows(rows, termbase), `fiche glossary of ${scope.id}`)
}

/** The glossary as TBX 2008 TBX-Basic (`<martif>`), for the CAT tools that read only that. */
export function glossaryTbx2008(
  rows: GlossaryRow[],
  termbase: Termbase,
  scope: GlossaryScope,
): string {
  return exportTbx2008(termbaseOfRows(rows, termbase), `fiche glossary of ${scope.id}`)
}

/** The glossary as an OmegaT glossary file (tab-separated French, English, comment). */
export function glossaryOmegat(rows: GlossaryRow[], termbase: Termbase): string {
  return exportOmegatGlossary(termbaseOfRows(rows, termbase))
}

const cell = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')

/** The glossary as a Markdown table. */
export function glossaryMarkdown(rows: GlossaryRow[], scope: GlossaryScope): string {
  const title = scope.id === 'corpus' ? 'Glossary of the corpus' : `Glossary of ${scope.id}`
  const lines = [
    `# ${title}`,
    '',
    `${rows.length} concept(s), ${rows.reduce((sum, r) => sum + r.occurrences, 0)} occurrence(s).`,
    '',
    '| French | English | Acronyms | Occurrences | First occurrence | Definition | Origin |',
    '| --- | --- | --- | ---: | --- | --- | --- |',
  ]
  for (const r of rows) {
    const french = r.forms.some((f) => f !== r.french)
      ? `${r.french} (${r.forms.join(', ')})`
      : r.french
    const acronyms = [r.acronymsByLanguage.fr.join(', '), r.acronymsByLanguage.en.join(', ')]
      .filter(Boolean)
      .join(' ↔ ')
    lines.push(
      `| ${[
        french,
        r.english,
        acronyms,
        String(r.occurrences),
        `${place(r)} ${r.first.sentence}`,
        r.definition,
        r.origin,
      ]
        .map(cell)
        .join(' | ')} |`,
    )
  }
  return `${lines.join('\n')}\n`
}

/** The candidate terms as CSV, for a terminologist to complete the termbase. */
export function candidatesCsv(candidates: Candidate[]): string {
  return toCsv(
    [
      'candidate',
      'kind',
      'acronym',
      'long_form',
      'frequency',
      'termhood',
      'first',
      'first_context',
    ],
    candidates.map((c) => [
      c.text,
      c.kind,
      c.short ?? '',
      c.long ?? '',
      c.frequency,
      c.termhood,
      `${c.first.position.start.line}:${c.first.position.start.column}`,
      c.first.sentence,
    ]),
  )
}
