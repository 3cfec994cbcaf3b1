/**
 * fiche plugin: the content of the note as model blocks, in document order,
 * so that writers (DOCX, translations) work from the model alone. Headings,
 * bullets and links refer to the extracted items by id; footnote definitions
 * go to `footnotes`, referenced from the text. Raw HTML is left out.
 */
import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast'
import type { Plugin } from 'unified'
import type { Block, Inline } from '../src/model/schema.ts'
import { draftOf, sectionAt, type Draft } from '../src/draft/index.ts'
import { collapseSpace } from '../src/text/normalize.ts'
import { safeHref } from '../src/text/citations.ts'

/** Converts the mdast into model blocks. Runs after the extractors. */
const ficheBlocks: Plugin<[], Root> = function () {
  return (tree, file) => {
    const draft = draftOf(file)
    draft.blocks = toBlocks(tree.children, draft)
    for (const node of tree.children) {
      if (node.type === 'footnoteDefinition') {
        draft.footnotes.push({
          identifier: node.identifier,
          children: toBlocks(node.children, draft),
        })
      }
    }
  }
}

const offsetOf = (node: Nodes): number => node.position?.start.offset ?? -1

/** The extracted headings, bullets and citations by start offset, indexed once per draft. */
const indexes = new WeakMap<Draft, { ids: Map<string, Map<number, string>> }>()
function idAt(draft: Draft, kind: 'headings' | 'bullets' | 'citations', offset: number) {
  let index = indexes.get(draft)
  if (!index) {
    index = { ids: new Map() }
    indexes.set(draft, index)
  }
  let byOffset = index.ids.get(kind)
  if (!byOffset) {
    byOffset = new Map()
    for (const item of draft[kind]) {
      if (!byOffset.has(item.position.start.offset))
        byOffset.set(item.position.start.offset, item.id)
    }
    index.ids.set(kind, byOffset)
  }
  return byOffset.get(offset)
}

function toBlocks(nodes: RootContent[], draft: Draft): Block[] {
  const blocks: Block[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'heading': {
        const headingId = idAt(draft, 'headings', offsetOf(node))
        if (headingId) blocks.push({ type: 'heading', headingId })
        break
      }
      case 'paragraph': {
        const start = offsetOf(node)
        const end = node.position?.end.offset ?? start
        const text = collapseSpace(draft.flatten(node).text)
        if (text === '') break
        blocks.push({
          type: 'paragraph',
          id: draft.ids.make('p', sectionAt(draft, start) ?? '', text),
          role: draft.roles.get(start) ?? 'body',
          children: toInlines(node.children, draft),
          position: draft.position(start, end),
        })
        break
      }
      case 'list':
        blocks.push({
          type: 'list',
          ordered: Boolean(node.ordered),
          start: node.ordered ? (node.start ?? 1) : null,
          items: node.children.map((item) => ({
            bulletId: idAt(draft, 'bullets', offsetOf(item)) ?? '',
            children: toBlocks(item.children, draft),
          })),
        })
        break
      case 'blockquote':
        blocks.push({ type: 'blockquote', children: toBlocks(node.children, draft) })
        break
      case 'table':
        blocks.push({
          type: 'table',
          rows: node.children.map((row) =>
            row.children.map((cell) => toInlines(cell.children, draft)),
          ),
          cellPositions: node.children.map((row) =>
            row.children.map((cell) =>
              draft.position(offsetOf(cell), cell.position?.end.offset ?? offsetOf(cell)),
            ),
          ),
        })
        break
      case 'code':
        blocks.push({ type: 'code', lang: node.lang ?? null, value: node.value })
        break
      case 'thematicBreak':
        blocks.push({ type: 'thematicBreak' })
        break
      default:
        break
    }
  }
  return blocks
}

function toInlines(nodes: PhrasingContent[], draft: Draft): Inline[] {
  const inlines: Inline[] = []
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        inlines.push({ type: 'text', value: node.value })
        break
      case 'emphasis':
      case 'strong':
      case 'delete':
        inlines.push({ type: node.type, children: toInlines(node.children, draft) })
        break
      case 'link': {
        inlines.push({
          type: 'link',
          // An unsafe target is dropped here, so that no output stores it; the text stays.
          href: safeHref(node.url),
          citationId: idAt(draft, 'citations', offsetOf(node)) ?? null,
          children: toInlines(node.children, draft),
        })
        break
      }
      case 'inlineCode':
        inlines.push({ type: 'code', value: node.value })
        break
      case 'break':
        inlines.push({ type: 'break' })
        break
      case 'footnoteReference':
        inlines.push({ type: 'footnoteReference', identifier: node.identifier })
        break
      case 'image':
        inlines.push({ type: 'image', url: safeHref(node.url), alt: node.alt ?? '' })
        break
      default:
        break
    }
  }
  return inlines
}

export default ficheBlocks
