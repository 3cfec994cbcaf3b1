/**
 * Inline content of the brief: text runs with their emphasis and proofing
 * language, inline code, line breaks, and links (citations are handed to
 * `notes.ts`).
 */
import {
  ExternalHyperlink,
  FootnoteReferenceRun,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { Inline, Position } from '../../model/schema.ts'
import { cleanText, languageOf, type BriefContext } from './context.ts'
import { renderCitation } from './notes.ts'
import { Style } from './styles.ts'

/** Formatting inherited from enclosing inlines. */
export interface Marks {
  italics?: boolean
  bold?: boolean
  strike?: boolean
  style?: string
  language?: { value: string }
}

/** Quoted spans (« … », “ … ”, "…"), each judged on its own for its language. */
const QUOTED = /(«[^»]*»|“[^”]*”|"[^"]*")/u

/** Text runs for `text`; quotations that read as English are marked en-GB. */
export function textRuns(text: string, marks: Marks): TextRun[] {
  return text
    .split(QUOTED)
    .filter((part) => part !== '')
    .map((part) => {
      const language = marks.language ?? (QUOTED.test(part) ? languageOf(part) : undefined)
      return new TextRun({
        text: part,
        ...(marks.italics ? { italics: true } : {}),
        ...(marks.bold ? { bold: true } : {}),
        ...(marks.strike ? { strike: true } : {}),
        ...(marks.style ? { style: marks.style } : {}),
        ...(marks.style === Style.missingSource ? { highlight: 'yellow' as const } : {}),
        ...(language ? { language } : {}),
      })
    })
}

/** Plain text of inlines, as a reader sees it. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      if (node.type === 'text' || node.type === 'code') return node.value
      if (node.type === 'break') return '\n'
      if (node.type === 'footnoteReference') return ''
      if (node.type === 'image') return node.alt
      return plainText(node.children)
    })
    .join('')
}

/** Whether a link target is one a reader can follow safely. */
export function isFollowable(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href)
}

/**
 * A footnote of the note itself: its paragraphs become a Word footnote at
 * the place of the reference. An identifier without a definition is kept
 * visible as "[^id]".
 */
function renderNoteFootnote(
  context: BriefContext,
  identifier: string,
  where: Position | null,
): ParagraphChild[] {
  const footnote = context.model.footnotes.find((f) => f.identifier === identifier)
  if (!footnote || context.inFootnote) return textRuns(`[^${identifier}]`, {})
  const id = context.footnotes.size + 1
  context.footnotes.set(id, [])
  const paragraphs = footnote.children.flatMap((block) =>
    block.type === 'paragraph'
      ? [block.children]
      : block.type === 'list'
        ? block.items.flatMap((item) =>
            item.children.flatMap((child) => (child.type === 'paragraph' ? [child.children] : [])),
          )
        : [],
  )
  context.inFootnote = true
  context.footnotes.set(
    id,
    paragraphs.map(
      (children) =>
        new Paragraph({
          style: Style.footnoteText,
          children: renderInlines(context, children, where),
        }),
    ),
  )
  context.inFootnote = false
  return [new FootnoteReferenceRun(id)]
}

/** The runs, hyperlinks and note references of inline content. */
export function renderInlines(
  context: BriefContext,
  inlines: readonly Inline[],
  where: Position | null,
  marks: Marks = {},
): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const node of inlines) {
    switch (node.type) {
      case 'text': {
        const text = cleanText(context, node.value, where)
        const marker = context.locale.markers.find((m) => text.startsWith(`${m} `))
        if (marker) {
          out.push(new TextRun({ text: marker, highlight: 'yellow' }))
          out.push(
            ...textRuns(text.slice(marker.length), { ...marks, language: { value: 'fr-FR' } }),
          )
        } else out.push(...textRuns(text, marks))
        break
      }
      case 'emphasis':
        out.push(
          ...renderInlines(context, node.children, where, { ...marks, italics: !marks.italics }),
        )
        break
      case 'strong':
        out.push(...renderInlines(context, node.children, where, { ...marks, bold: true }))
        break
      case 'delete':
        out.push(...renderInlines(context, node.children, where, { ...marks, strike: true }))
        break
      case 'code':
        out.push(
          ...textRuns(cleanText(context, node.value, where), { ...marks, style: Style.inlineCode }),
        )
        break
      case 'break':
        out.push(new TextRun({ break: 1 }))
        break
      case 'link': {
        const found = node.citationId ? context.citations.get(node.citationId) : undefined
        const citation = found?.role === 'citation' ? found : undefined
        const label = { ...marks, language: marks.language ?? languageOf(plainText(node.children)) }
        if (citation) {
          out.push(
            ...renderCitation(context, citation, (style) =>
              renderInlines(context, node.children, where, { ...label, style }),
            ),
          )
        } else if (isFollowable(node.href)) {
          out.push(
            new ExternalHyperlink({
              link: cleanText(context, node.href, where),
              children: renderInlines(context, node.children, where, {
                ...label,
                style: Style.hyperlink,
              }),
            }),
          )
        } else {
          out.push(...renderInlines(context, node.children, where, label))
        }
        break
      }
      case 'footnoteReference':
        out.push(...renderNoteFootnote(context, node.identifier, where))
        break
      case 'image':
        out.push(...textRuns(cleanText(context, node.alt, where), marks))
        break
      default: {
        const unknown: never = node
        throw new Error(
          `Unexpected inline node ${JSON.stringify(unknown)}, expected text, emphasis, strong, delete, code, break, link, footnoteReference or image`,
        )
      }
    }
  }
  return out
}
