/**
 * The French Word brief (`brief.fr.docx`) of a note, built from the model
 * alone. `buildBrief` assembles the document (pure: no clock, no I/O);
 * `packDocx` turns it into reproducible bytes.
 *
 * Modules by concern: `styles.ts` (look, numbering, page), `blocks.ts`,
 * `inlines.ts` (runs and links), `notes.ts` (citations, footnotes, comments,
 * Sources), `tables.ts` (key figures, glossary), `properties.ts` (core
 * properties, header, footer), `template.ts`, `pack.ts`.
 */
import { Document, Header, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx'
import type { DocumentModel } from '../../model/schema.ts'
import { blocksTitleEnd } from './title.ts'
import { renderBlocks } from './blocks.ts'
import { createContext, isComplete } from './context.ts'
import { missingParagraphs, sourceParagraphs } from './notes.ts'
import type { SourceRegistry } from '../../sources/registry.ts'
import {
  briefDate,
  coreProperties,
  coreXml,
  pageFooter,
  runningHeader,
  shortTitle,
} from './properties.ts'
import { baseStylesXml, briefNumbering, briefStyles, Page, Style } from './styles.ts'
import { glossaryTable, keyFigures, keyFiguresTable, type GlossaryRow } from './tables.ts'
import { withFrenchDefaults, type DocxTemplate } from './template.ts'
import { englishLocale, fr, type Locale } from './locale.ts'
import type { Brief } from './pack.ts'
import { sharedParts } from './prepared-parts.ts'
import type { EnglishStyle } from '../../translate/english-style.ts'

export type { GlossaryRow } from './tables.ts'
export type { DocxTemplate } from './template.ts'
export { loadTemplate } from './template.ts'
export { packDocx, type Brief } from './pack.ts'
export type { Locale } from './locale.ts'

/** Builds the English handout of a note from its English model (`englishNote`): the brief in English. */
export function buildHandout(
  model: DocumentModel,
  options: BriefOptions & { englishStyle?: EnglishStyle } = {},
): Brief {
  return buildBrief(model, { ...options, locale: englishLocale(options.englishStyle ?? 'eu') })
}

/** Options of `buildBrief`; every one is optional. */
export interface BriefOptions {
  /** Seconds since the epoch; the date of the brief when the note has none. */
  sourceDateEpoch?: number | null
  /** A template whose styles and page setup replace the built-in ones. */
  template?: DocxTemplate | null
  /** Whether to put a table of contents (a TOC field) after the title block. */
  toc?: boolean
  /** Rows of the glossary annex; the annex is left out when there are none. */
  glossary?: readonly GlossaryRow[]
  /** Most rows of the "Chiffres clés" table. Default: 12. */
  keyFigures?: number
  /** How a citation shows in the text: `'footnote'` (default) or `'link'`. */
  citations?: 'footnote' | 'link'
  /** The author (`dc:creator`); default: the note's `author` front matter. */
  author?: string | null
  /** The sources registry, for the full references of resolved citations. */
  sources?: SourceRegistry
  /** The words and language of the document; French by default. */
  locale?: Locale
}

/** Builds the Word brief of a model. Pure: the date comes from the note or `sourceDateEpoch`. */
export function buildBrief(model: DocumentModel, options: BriefOptions = {}): Brief {
  const locale = options.locale ?? fr
  const date = briefDate(model, options.sourceDateEpoch ?? null)
  const registry = new Map((options.sources?.entries ?? []).map((e) => [e.key, e.csl]))
  const context = createContext(model, date, registry, options.citations ?? 'footnote', locale)
  const figures = keyFigures(model, options.keyFigures ?? 12)
  const template = options.template ?? null
  const titleEnd = blocksTitleEnd(model)
  const children: FileChild[] = [
    ...missingTitleBlock(model, date, locale),
    ...renderBlocks(context, model.blocks.slice(0, titleEnd)),
    ...(options.toc ? tableOfContents(locale) : []),
    ...renderBlocks(context, model.blocks.slice(titleEnd)),
    annexHeading(locale.keyFigures),
    ...(figures.length > 0 ? [keyFiguresTable(context, figures)] : [remark(locale.noFigures)]),
    ...(options.glossary && options.glossary.length > 0
      ? [annexHeading(locale.glossary), glossaryTable(context, options.glossary)]
      : []),
  ]
  const sources = sourceParagraphs(context)
  const missing = missingParagraphs(context)
  children.push(
    annexHeading(locale.sources),
    ...(sources.length > 0
      ? sources
      : [remark(missing.length > 0 ? locale.noCompleteSources : locale.noSources)]),
    ...(missing.length > 0 ? [annexHeading(locale.toComplete), ...missing] : []),
  )
  const properties = coreProperties(model, date, options.author ?? null, locale)
  const page = template?.page ?? Page
  const shared = sharedParts(
    {
      externalStyles: baseStylesXml(
        template
          ? {
              styles: withFrenchDefaults(template.styles, locale.language),
              styleIds: template.styleIds,
            }
          : null,
        locale.language,
        locale.styleNames,
      ),
      styles: briefStyles(template?.styleIds ?? null, locale.styleNames),
    },
    // The docx library reads the styles again as it writes a table of contents.
    options.toc === true,
  )
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    keywords: properties.keywords,
    description: properties.description,
    lastModifiedBy: 'fiche',
    revision: 1,
    ...shared.options,
    numbering: briefNumbering(),
    comments: {
      children: context.comments.map((comment) => ({
        id: comment.id,
        author: 'fiche',
        initials: 'fiche',
        date: date ?? new Date(0),
        children: comment.children,
      })),
    },
    footnotes: Object.fromEntries(
      [...context.footnotes].map(([id, paragraphs]) => [id, { children: paragraphs }]),
    ),
    features: { updateFields: options.toc === true },
    // The body is justified: hyphenation keeps its spacing even, in French as in Word.
    hyphenation: { autoHyphenation: true, consecutiveHyphenLimit: 2, doNotHyphenateCaps: true },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: page.width, height: page.height }, margin: page.margin },
        },
        headers: {
          default: runningHeader(shortTitle(model, date, locale)),
          first: new Header({ children: [new Paragraph({ style: Style.header, children: [] })] }),
        },
        footers: { default: pageFooter(locale), first: pageFooter(locale) },
        children,
      },
    ],
  })
  shared.attach(document)
  return {
    document,
    coreXml: coreXml(properties),
    diagnostics: context.diagnostics,
    missingSources: context.sources.filter((s) => !isComplete(s)).map((s) => s.label),
  }
}

/** For a note without a title: a title line that says so, and the date line from the metadata. */
function missingTitleBlock(model: DocumentModel, date: Date | null, locale: Locale): Paragraph[] {
  if (model.meta.title) return []
  const out = [
    new Paragraph({ style: Style.missingTitle, children: [new TextRun(locale.untitled)] }),
  ]
  const hasDateline = model.blocks.some((b) => b.type === 'paragraph' && b.role === 'dateline')
  if (!hasDateline && (date || model.meta.place)) {
    const when = model.meta.date && date ? locale.date(date) : null
    const line = locale.dateline(model.meta.place, when)
    if (line) out.push(new Paragraph({ style: Style.dateline, children: [new TextRun(line)] }))
  }
  return out
}

function annexHeading(text: string): Paragraph {
  return new Paragraph({ style: Style.annex, children: [new TextRun(text)] })
}

function remark(text: string): Paragraph {
  return new Paragraph({ style: Style.note, children: [new TextRun(text)] })
}

function tableOfContents(locale: Locale): FileChild[] {
  return [
    annexHeading(locale.contents),
    new TableOfContents(locale.contents, { hyperlink: true, headingStyleRange: '1-3' }),
  ]
}
