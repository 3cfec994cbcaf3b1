/**
 * Citations in the brief, each shown once in the text: a footnote with the
 * reference and its URL, or a link on the cited words (`citations` option),
 * when the target is known; a highlighted span with the Word comment
 * "source manquante" when it is not. The back matter lists every distinct
 * source once, in a French bibliography style ("Sources"), and apart the
 * sources left to complete ("À compléter").
 */
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Paragraph,
  Tab,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { Citation } from '../../model/schema.ts'
import { linkTitle } from '../../sources/links.ts'
import type { CslName } from '../../sources/registry.ts'
import {
  cleanText,
  isComplete,
  languageOf,
  type BriefContext,
  type SourceEntry,
} from './context.ts'
import { Style } from './styles.ts'

/** A name as a French bibliography writes it: "KARNOFSKY Holden", an organisation as is. */
function nameText(name: CslName): string {
  if (name.literal) return name.literal
  const family = [name['non-dropping-particle'], name.family].filter(Boolean).join(' ')
  const given = [name.given, name['dropping-particle']].filter(Boolean).join(' ')
  return [family.toLocaleUpperCase('fr'), given].filter(Boolean).join(' ')
}

/** The authors of a source: up to three names, then "et al.". */
function authorsText(names: readonly CslName[]): string {
  const all = names.map(nameText).filter((name) => name !== '')
  const etAl = all.some((name) => /^et al\.?$/u.test(name))
  const named = all.filter((name) => !/^et al\.?$/u.test(name))
  const shown = named.length > 3 ? named.slice(0, 1) : named
  return `${shown.join(', ')}${etAl || named.length > 3 ? ' et al.' : ''}`
}

/**
 * The title of a source: the registry's, else the link text unless it is the URL or only
 * words of the sentence that point at the document ("apprennent", "lire le document PDF").
 */
function titleOf(source: SourceEntry): string | null {
  if (source.title) return source.title
  if (source.kind === 'author-year') return null
  if (source.kind === 'attribution') return source.label.trim() || null
  return linkTitle(source.label, source.href)
}

/**
 * The reference of a source in the style of a French bibliography:
 * "AUTEUR Prénom, *Titre*, Éditeur, année" (the URL follows).
 */
function referenceRuns(context: BriefContext, source: SourceEntry): TextRun[] {
  const clean = (text: string) => cleanText(context, text, null)
  const runs: TextRun[] = []
  const comma = () => {
    if (runs.length > 0) runs.push(new TextRun({ text: ', ' }))
  }
  const authors = clean(authorsText(source.authors))
  if (authors !== '' && source.kind !== 'link') {
    runs.push(new TextRun({ text: authors, language: languageOf(authors) }))
  }
  const title = titleOf(source)
  // "Selon Le Figaro": the attribution names its author, not a title to repeat after it
  if (title && clean(title) !== authors) {
    comma()
    runs.push(new TextRun({ text: clean(title), italics: true, language: languageOf(title) }))
  }
  if (source.publisher && source.publisher !== authors) {
    comma()
    runs.push(new TextRun({ text: clean(source.publisher) }))
  }
  if (source.year !== null || source.kind === 'author-year') {
    comma()
    runs.push(
      new TextRun({ text: source.year === null ? context.locale.noDate : String(source.year) }),
    )
  }
  if (runs.length === 0 && !source.url) {
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
  if (source?.url && context.citationStyle === 'link') {
    return [
      new ExternalHyperlink({
        link: cleanText(context, source.url, citation.position),
        children: label(Style.hyperlink),
      }),
    ]
  }
  if (source?.url) {
    // The citation shows once: the words as written, and a footnote with the reference and its URL.
    const id = context.footnotes.size + 1
    const reference = referenceRuns(context, source)
    context.footnotes.set(id, [
      new Paragraph({
        style: Style.footnoteText,
        children: [
          ...reference,
          new TextRun({ text: reference.length > 0 ? ', ' : '' }),
          urlLink(context, source.url),
          new TextRun({ text: '.' }),
        ],
      }),
    ])
    return [...label(''), new FootnoteReferenceRun(id)]
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

/** One numbered, bookmarked entry of the back matter. */
function entryParagraph(
  context: BriefContext,
  source: SourceEntry,
  details: ParagraphChild[],
): Paragraph {
  const reference = referenceRuns(context, source)
  return new Paragraph({
    style: Style.source,
    children: [
      new TextRun({ text: `[${source.number}]` }),
      new TextRun({ children: [new Tab()] }),
      new Bookmark({ id: source.bookmark, children: reference }),
      ...(reference.length > 0 && details.length > 0 ? [new TextRun({ text: ', ' })] : []),
      ...details,
      new TextRun({ text: '.' }),
    ],
  })
}

/** The "Sources" section: one entry per distinct complete source, in a French bibliography style. */
export function sourceParagraphs(context: BriefContext): Paragraph[] {
  return context.sources
    .filter(isComplete)
    .map((source) =>
      entryParagraph(
        context,
        source,
        source.url
          ? [urlLink(context, source.url)]
          : [new TextRun({ text: context.locale.attributionInText })],
      ),
    )
}

/** The "À compléter" section: the sources the note cites without a usable target, and why. */
export function missingParagraphs(context: BriefContext): Paragraph[] {
  return context.sources
    .filter((source) => !isComplete(source))
    .map((source) =>
      entryParagraph(context, source, [
        new TextRun({
          text: context.locale.missingSource,
          style: Style.missingSource,
          highlight: 'yellow',
        }),
        new TextRun({ text: `${context.locale.colon}${context.locale.missingReason(source)}` }),
      ]),
    )
}
