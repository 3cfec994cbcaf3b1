/**
 * The note as Markdown (GitHub-flavoured), from its model: for the English
 * note (`note.en.md`, the English model of `englishNote`) published on the
 * web. Pure: the model's blocks become mdast, serialised by
 * `mdast-util-to-markdown` with the GFM extensions (tables, footnotes,
 * strikethrough). Text is escaped by the serialiser, so nothing in a note
 * becomes HTML; links take the target a reader can follow (a resolved
 * source's URL), and unsafe targets (`javascript:`…) are dropped, keeping
 * the text. The front matter's prose fields come first, as YAML.
 */
import type {
  BlockContent,
  DefinitionContent,
  FootnoteDefinition,
  ListItem as MdListItem,
  PhrasingContent,
  Root,
  RootContent,
  TableRow,
} from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { Block, Citation, DocumentModel, Inline } from '../model/schema.ts'
import { yamlLibrary } from '../read/yaml.ts'
import { classifyHref } from '../text/citations.ts'
import { citationTarget } from './docx/context.ts'

/** Front-matter fields written to the Markdown, in this order. */
const FRONT_MATTER = ['title', 'subtitle', 'description', 'summary', 'abstract', 'date', 'lang']

/** The Markdown of a note's model (UTF-8 text, LF line endings, one final newline). */
export function emitMarkdown(model: DocumentModel, options: { lang?: string } = {}): string {
  const headings = new Map(model.headings.map((h) => [h.id, h]))
  const citations = new Map<string, Citation>(model.citations.map((c) => [c.id, c]))

  const href = (link: Inline & { type: 'link' }): string | null => {
    const citation = link.citationId ? citations.get(link.citationId) : undefined
    if (citation) return citationTarget(citation)
    return link.href === '' || classifyHref(link.href) === 'unsafe-scheme' ? null : link.href
  }

  const inlines = (list: readonly Inline[]): PhrasingContent[] =>
    list.flatMap((inline): PhrasingContent[] => {
      switch (inline.type) {
        case 'text':
          return [{ type: 'text', value: inline.value }]
        case 'emphasis':
        case 'strong':
        case 'delete':
          return [{ type: inline.type, children: inlines(inline.children) }]
        case 'link': {
          const url = href(inline)
          const children = inlines(inline.children)
          return url ? [{ type: 'link', url, children }] : children
        }
        case 'code':
          return [{ type: 'inlineCode', value: inline.value }]
        case 'break':
          return [{ type: 'break' }]
        case 'footnoteReference':
          return [{ type: 'footnoteReference', identifier: inline.identifier }]
        case 'image':
          // An image whose target was dropped (unsafe) keeps its alternative text.
          return inline.url === '' || classifyHref(inline.url) === 'unsafe-scheme'
            ? inline.alt
              ? [{ type: 'text', value: inline.alt }]
              : []
            : [{ type: 'image', url: inline.url, alt: inline.alt }]
      }
    })

  const blocks = (list: readonly Block[]): Array<BlockContent | DefinitionContent> =>
    list.flatMap((block): Array<BlockContent | DefinitionContent> => {
      switch (block.type) {
        case 'heading': {
          const heading = headings.get(block.headingId)
          if (!heading) return []
          const depth = Math.min(6, Math.max(1, heading.depth)) as 1 | 2 | 3 | 4 | 5 | 6
          return [{ type: 'heading', depth, children: [{ type: 'text', value: heading.text }] }]
        }
        case 'paragraph':
          return [{ type: 'paragraph', children: inlines(block.children) }]
        case 'list':
          return [
            {
              type: 'list',
              ordered: block.ordered,
              start: block.ordered ? (block.start ?? 1) : null,
              spread: false,
              children: block.items.map((item): MdListItem => ({
                type: 'listItem',
                spread: false,
                children: blocks(item.children),
              })),
            },
          ]
        case 'blockquote':
          return [{ type: 'blockquote', children: blocks(block.children) }]
        case 'table': {
          if (block.rows.length === 0) return []
          const width = Math.max(...block.rows.map((row) => row.length))
          return [
            {
              type: 'table',
              children: block.rows.map((row): TableRow => ({
                type: 'tableRow',
                children: Array.from({ length: width }, (_, c) => ({
                  type: 'tableCell' as const,
                  children: inlines(row[c] ?? []),
                })),
              })),
            },
          ]
        }
        case 'code':
          return [{ type: 'code', lang: block.lang, value: block.value }]
        case 'thematicBreak':
          return [{ type: 'thematicBreak' }]
      }
    })

  const footnotes = model.footnotes.map((f): FootnoteDefinition => ({
    type: 'footnoteDefinition',
    identifier: f.identifier,
    label: f.identifier,
    children: blocks(f.children),
  }))
  const tree: Root = {
    type: 'root',
    children: [...(blocks(model.blocks) as RootContent[]), ...footnotes],
  }
  const body = toMarkdown(tree, {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '-',
    fences: true,
    listItemIndent: 'one',
  })
  return `${frontMatter(model, options.lang)}${body}`
}

/** The front matter's prose fields and date, as YAML between `---` lines; empty without any. */
function frontMatter(model: DocumentModel, lang: string | undefined): string {
  const fields: Record<string, unknown> = {}
  for (const field of FRONT_MATTER) {
    const value = model.meta.frontmatter[field]
    if (typeof value === 'string' || typeof value === 'number') fields[field] = value
  }
  if (lang) fields.lang = lang
  if (Object.keys(fields).length === 0) return ''
  return `---\n${yamlLibrary().stringify(fields, { lineWidth: 0 })}---\n\n`
}
