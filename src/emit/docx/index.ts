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
import type { Diagnostic, DocumentModel } from '../../model/schema.ts'
import { blocksTitleEnd } from './title.ts'
import { renderBlocks } from './blocks.ts'
import { createContext } from './context.ts'
import { isComplete, missingParagraphs, sourceParagraphs } from './notes.ts'
import type { SourceRegistry } from '../../sources/registry.ts'
import {
  briefDate,
  coreProperties,
  coreXml,
  pageFooter,
  runningHeader,
  shortTitle,
  UNTITLED,
} from './properties.ts'
import { baseStylesXml, briefNumbering, briefStyles, Page, Style } from './styles.ts'
import { glossaryTable, keyFigures, keyFiguresTable, type GlossaryRow } from './tables.ts'
import { withFrenchDefaults, type DocxTemplate } from './template.ts'
import { frenchDate } from './text.ts'

export type { GlossaryRow } from './tables.ts'
export type { DocxTemplate } from './template.ts'
export { loadTemplate } from './template.ts'
export { packDocx } from './pack.ts'

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
}

/** A built brief, ready to pack. */
export interface Brief {
  document: Document
  /** `docProps/core.xml`, computed from the model with fixed dates. */
  coreXml: string
  /** What the writer removed or could not render (control characters, …). */
  diagnostics: Diagnostic[]
  /** The labels of the sources listed under "À compléter" (cited without a usable target). */
  missingSources: string[]
}

/** Builds the Word brief of a model. Pure: the date comes from the note or `sourceDateEpoch`. */
export function buildBrief(model: DocumentModel, options: BriefOptions = {}): Brief {
  const date = briefDate(model, options.sourceDateEpoch ?? null)
  const registry = new Map((options.sources?.entries ?? []).map((e) => [e.key, e.csl]))
  const context = createContext(model, date, registry, options.citations ?? 'footnote')
  const figures = keyFigures(model, options.keyFigures ?? 12)
  const template = options.template ?? null
  const titleEnd = blocksTitleEnd(model)
  const children: FileChild[] = [
    ...missingTitleBlock(model, date),
    ...renderBlocks(context, model.blocks.slice(0, titleEnd)),
    ...(options.toc ? tableOfContents() : []),
    ...renderBlocks(context, model.blocks.slice(titleEnd)),
    annexHeading('Chiffres clés'),
    ...(figures.length > 0
      ? [keyFiguresTable(context, figures)]
      : [remark('Aucun chiffre sourcé ni marqué comme clé dans la note.')]),
    ...(options.glossary && options.glossary.length > 0
      ? [annexHeading('Annexe : glossaire'), glossaryTable(context, options.glossary)]
      : []),
  ]
  const sources = sourceParagraphs(context)
  const missing = missingParagraphs(context)
  children.push(
    annexHeading('Sources'),
    ...(sources.length > 0
      ? sources
      : [
          remark(
            missing.length > 0
              ? 'Aucune source complète : voir « À compléter ».'
              : 'Aucune source citée.',
          ),
        ]),
    ...(missing.length > 0 ? [annexHeading('À compléter'), ...missing] : []),
  )
  const properties = coreProperties(model, date, options.author ?? null)
  const page = template?.page ?? Page
  const document = new Document({
    title: properties.title,
    subject: properties.subject,
    creator: properties.creator,
    keywords: properties.keywords,
    description: properties.description,
    lastModifiedBy: 'fiche',
    revision: 1,
    externalStyles: baseStylesXml(
      template
        ? { styles: withFrenchDefaults(template.styles), styleIds: template.styleIds }
        : null,
    ),
    styles: briefStyles(template?.styleIds ?? null),
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
          default: runningHeader(shortTitle(model, date)),
          first: new Header({ children: [new Paragraph({ style: Style.header, children: [] })] }),
        },
        footers: { default: pageFooter(), first: pageFooter() },
        children,
      },
    ],
  })
  return {
    document,
    coreXml: coreXml(properties),
    diagnostics: context.diagnostics,
    missingSources: context.sources.filter((s) => !isComplete(s)).map((s) => s.label),
  }
}

/** For a note without a title: a title line that says so, and the date line from the metadata. */
function missingTitleBlock(model: DocumentModel, date: Date | null): Paragraph[] {
  if (model.meta.title) return []
  const out = [new Paragraph({ style: Style.missingTitle, children: [new TextRun(UNTITLED)] })]
  const hasDateline = model.blocks.some((b) => b.type === 'paragraph' && b.role === 'dateline')
  if (!hasDateline && (date || model.meta.place)) {
    const when = model.meta.date && date ? frenchDate(date) : null
    const line = [model.meta.place, when ? (model.meta.place ? `le ${when}` : when) : null]
      .filter(Boolean)
      .join(', ')
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

function tableOfContents(): FileChild[] {
  return [
    annexHeading('Sommaire'),
    new TableOfContents('Sommaire', { hyperlink: true, headingStyleRange: '1-3' }),
  ]
}
