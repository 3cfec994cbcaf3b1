/**
 * Citations in the brief: a hyperlink and a footnote with the full reference
 * when the target is known; a highlighted span with the Word comment
 * "source manquante" when it is not; and the numbered "Sources" section whose
 * entries are bookmarked and linked from the footnotes.
 */
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  FootnoteReferenceRun,
  InternalHyperlink,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { Citation } from '../../model/schema.ts'
import { cleanText, languageOf, type BriefContext, type SourceEntry } from './context.ts'
import { Style } from './styles.ts'

/** Why a citation has no target, in French, for the comment and the Sources entry. */
/** The full reference of a source, as text runs: authors (year), title. */
function referenceRuns(context: BriefContext, source: SourceEntry): TextRun[] {
  const clean = (text: string) => cleanText(context, text, null)
  const runs: TextRun[] = []
  const title = source.title ?? (source.kind === 'author-year' ? null : source.label)
  if (source.kind === 'author-year' && source.authors.length > 0) {
    const authors = clean(source.authors.join(', ').replace(/, et al\.$/u, ' et al.'))
    runs.push(
      new TextRun({
        text: `${authors} (${source.year ?? 's. d.'})`,
        language: languageOf(authors),
      }),
    )
    if (title) runs.push(new TextRun({ text: ', ' }))
  }
  if (title) {
    runs.push(new TextRun({ text: clean(title), italics: true, language: languageOf(title) }))
  } else if (runs.length === 0) {
    runs.push(new TextRun({ text: clean(source.label), language: languageOf(source.label) }))
  }
  return runs
}

/** The runs of a URL as an external hyperlink. */
function urlLink(context: BriefContext, url: string): ExternalHyperlink {
  const clean = cleanText(context, url, null)
  return new ExternalHyperlink({
    link: clean,
    children: [new TextRun({ text: clean, style: Style.hyperlink })],
  })
}

/**
 * A citation in the text. `label` renders the citation's own text with the
 * given character style.
 */
export function renderCitation(
  context: BriefContext,
  citation: Citation,
  label: (style: string) => ParagraphChild[],
): ParagraphChild[] {
  const source = context.sourceOf.get(citation.id)
  if (source?.url && context.inFootnote) {
    return [
      new ExternalHyperlink({
        link: cleanText(context, source.url, citation.position),
        children: label(Style.hyperlink),
      }),
    ]
  }
  if (source?.url) {
    const id = context.footnotes.size + 1
    context.footnotes.set(id, [
      new Paragraph({
        style: Style.footnoteText,
        children: [
          ...referenceRuns(context, source),
          new TextRun({ text: '. ' }),
          urlLink(context, source.url),
          new TextRun({ text: '. Voir ' }),
          new InternalHyperlink({
            anchor: source.bookmark,
            children: [
              new TextRun({ text: `Sources, n° ${source.number}`, style: Style.hyperlink }),
            ],
          }),
          new TextRun({ text: '.' }),
        ],
      }),
    ])
    return [
      new ExternalHyperlink({
        link: cleanText(context, source.url, citation.position),
        children: label(Style.hyperlink),
      }),
      new FootnoteReferenceRun(id),
    ]
  }
  const id = context.comments.length
  context.comments.push({
    id,
    children: [
      new Paragraph({
        children: [new TextRun({ text: context.locale.missingSource, bold: true })],
      }),
      new Paragraph({
        children: [
          new TextRun({
            text: `${context.locale.quote(cleanText(context, citation.label, citation.position))}${context.locale.missingReason(citation)}. ${context.locale.addReference}`,
          }),
        ],
      }),
    ],
  })
  return [
    new CommentRangeStart(id),
    ...label(Style.missingSource),
    new CommentRangeEnd(id),
    new TextRun({ children: [new CommentReference(id)] }),
  ]
}

/** The entries of the numbered "Sources" section, each bookmarked. */
export function sourceParagraphs(context: BriefContext): Paragraph[] {
  return context.sources.map((source) => {
    const details: ParagraphChild[] = []
    if (source.url) {
      details.push(new TextRun({ text: '. ' }), urlLink(context, source.url))
    } else if (source.kind === 'attribution') {
      details.push(new TextRun({ text: context.locale.attribution }))
    } else {
      details.push(
        new TextRun({ text: ' — ' }),
        new TextRun({
          text: context.locale.missingSource,
          style: Style.missingSource,
          highlight: 'yellow',
        }),
        new TextRun({ text: `${context.locale.colon}${context.locale.missingReason(source)}.` }),
      )
    }
    return new Paragraph({
      style: Style.source,
      children: [
        new TextRun({ text: `[${source.number}]` }),
        new TextRun({ children: [new Tab()] }),
        new Bookmark({ id: source.bookmark, children: referenceRuns(context, source) }),
        ...details,
      ],
    })
  })
}
