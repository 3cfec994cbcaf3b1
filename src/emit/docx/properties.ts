/**
 * Document properties (`docProps/core.xml`: title, subject, creator,
 * keywords, description, language, dates) and the running header and footer.
 */
import { Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import type { DocumentModel } from '../../model/schema.ts'
import { Style } from './styles.ts'
import { fr, type Locale } from './locale.ts'
import { shorten, stripForbidden } from './text.ts'

/** The properties written to `docProps/core.xml`. */
export interface CoreProperties {
  title: string
  subject: string
  creator: string
  keywords: string
  description: string
  language: string
  /** Creation and modification date; left out when neither the note nor the build gives one. */
  date: Date | null
}

/**
 * The date of the brief: the note's own date, else `SOURCE_DATE_EPOCH`
 * (seconds), else none. Never the clock.
 */
export function briefDate(model: DocumentModel, sourceDateEpoch: number | null): Date | null {
  if (model.meta.date && /^\d{4}-\d{2}-\d{2}/.test(model.meta.date)) {
    const date = new Date(`${model.meta.date.slice(0, 10)}T00:00:00Z`)
    if (!Number.isNaN(date.getTime())) return date
  }
  return sourceDateEpoch === null ? null : new Date(sourceDateEpoch * 1000)
}

/** The title shown for a note without one: says so, never invents one. */
export const UNTITLED = 'Note sans titre'

/** The properties of the brief, from the model alone. */
export function coreProperties(
  model: DocumentModel,
  date: Date | null,
  configured: string | null = null,
  locale: Locale = fr,
): CoreProperties {
  const clean = (text: string) => stripForbidden(text).text
  const written = model.meta.frontmatter['author'] ?? model.meta.frontmatter['auteur']
  const author =
    configured ??
    (typeof written === 'string'
      ? written
      : Array.isArray(written)
        ? written.filter((a) => typeof a === 'string').join(', ')
        : '')
  const keywords = [...new Set(model.acronyms.map((a) => a.short))]
  return {
    title: clean(model.meta.title ?? locale.untitled),
    subject: clean(shorten(model.meta.lead ?? model.meta.title ?? '', 200)),
    creator: clean(author),
    keywords: clean(keywords.join(', ')),
    description: clean(
      [model.meta.lead, locale.generated(model.source.path)].filter(Boolean).join(' '),
    ),
    language: locale.language,
    date,
  }
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** `docProps/core.xml`, with fixed dates (whole seconds, UTC). */
export function coreXml(properties: CoreProperties): string {
  const date = properties.date ? properties.date.toISOString().replace(/\.\d{3}Z$/, 'Z') : null
  const element = (name: string, value: string) =>
    value ? `<${name}>${escape(value)}</${name}>` : `<${name}/>`
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', properties.title),
    element('dc:subject', properties.subject),
    element('dc:creator', properties.creator),
    element('cp:keywords', properties.keywords),
    element('dc:description', properties.description),
    element('dc:language', properties.language),
    element('cp:lastModifiedBy', 'fiche'),
    '<cp:revision>1</cp:revision>',
    date ? `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` : '',
    date ? `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` : '',
    '</cp:coreProperties>',
  ].join('')
}

/** The short title of the running header. */
export function shortTitle(model: DocumentModel, date: Date | null, locale: Locale = fr): string {
  if (model.meta.title) return shorten(stripForbidden(model.meta.title).text, 70)
  return date ? `${locale.untitled} · ${locale.date(date)}` : locale.untitled
}

/** Header with the short title (left out on the first page, which has the title block). */
export function runningHeader(title: string): Header {
  return new Header({
    children: [new Paragraph({ style: Style.header, children: [new TextRun(title)] })],
  })
}

/** Footer "Page X sur Y". */
export function pageFooter(locale: Locale = fr): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: Style.footer,
        children: [
          new TextRun({
            children: [locale.page[0], PageNumber.CURRENT, locale.page[1], PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  })
}
