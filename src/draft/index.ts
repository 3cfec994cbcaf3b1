/**
 * The model under construction: created for each file before the plugins
 * run, filled by them through `file.data.fiche`, then assembled and
 * validated into a `DocumentModel`.
 */
import type { Nodes, Parents, Root } from 'mdast'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import { IdFactory } from '../ids.ts'
import type {
  Acronym,
  Block,
  Bullet,
  Citation,
  Footnote,
  Heading,
  Meta,
  Point,
  Position,
  Section,
  Statistic,
  TermMatch,
} from '../model/schema.ts'
import { flattenInline, type FlatText } from '../text/flatten.ts'

/** What the plugins share while they build one document's model. */
export interface Draft {
  /** The decoded source text. */
  readonly source: string
  readonly format: 'markdown' | 'text'
  readonly ids: IdFactory
  meta: Partial<Meta>
  headings: Heading[]
  sections: Section[]
  bullets: Bullet[]
  citations: Citation[]
  statistics: Statistic[]
  acronyms: Acronym[]
  terms: TermMatch[]
  blocks: Block[]
  footnotes: Footnote[]
  /** Roles of special paragraphs, keyed by their start offset (set by the meta plugin). */
  roles: Map<number, 'lead' | 'dateline'>
  /** What user plugins add, keyed by plugin name. */
  extensions: Record<string, unknown>
  /** Which sentence each statistic, citation and term occurrence quotes (internal: not in the model). */
  quotes: WeakMap<object, SentenceLocation>
  /** Source position of an offset range. */
  position(start: number, end: number): Position
  /** Plain text of a block's inline content, mapped to source offsets (cached). */
  flatten(node: Parents): FlatText
}

declare module 'vfile' {
  interface DataMap {
    /** YAML front matter, or the metadata lines of a plain-text note. */
    frontmatter: Record<string, unknown>
    /** The model under construction. */
    fiche: Draft
  }
}

/** Which sentence an item quotes: its block and the sentence's index in it. */
export interface SentenceLocation {
  /** Source offset of the block's start: unique per prose block. */
  block: number
  /** Index of the sentence among the block's sentence spans (-1 when it has none). */
  index: number
  /** The sentence, white space collapsed. */
  text: string
}

/** Creates the empty draft of a file. */
export function createDraft(file: VFile, format: 'markdown' | 'text'): Draft {
  const source = String(file)
  const place = location(source)
  const point = (offset: number): Point => {
    const p = place.toPoint(offset)
    if (p) return { line: p.line, column: p.column, offset }
    const end = place.toPoint(source.length)
    return end
      ? { line: end.line, column: end.column + (offset - source.length), offset }
      : { line: 1, column: offset + 1, offset }
  }
  const cache = new WeakMap<Parents, FlatText>()
  return {
    source,
    format,
    ids: new IdFactory(),
    meta: {},
    headings: [],
    sections: [],
    bullets: [],
    citations: [],
    statistics: [],
    acronyms: [],
    terms: [],
    blocks: [],
    footnotes: [],
    roles: new Map(),
    extensions: {},
    quotes: new WeakMap(),
    position: (start, end) => ({ start: point(start), end: point(end) }),
    flatten(node) {
      let flat = cache.get(node)
      if (!flat) {
        flat = flattenInline(node, source)
        cache.set(node, flat)
      }
      return flat
    },
  }
}

/** Returns the draft of a file, failing clearly when the pipeline did not create one. */
export function draftOf(file: VFile): Draft {
  const draft = file.data.fiche
  if (!draft)
    throw new Error(
      `${file.path}: no fiche draft on the file; run plugins through the fiche pipeline`,
    )
  return draft
}

/** A block that holds prose: where citations, statistics and terms are looked for. */
export interface ProseBlock {
  node: Parents
  kind: 'paragraph' | 'heading' | 'cell'
}

/** Paragraphs (also inside lists and quotes), headings and table cells, in document order. */
export function proseBlocks(tree: Root): ProseBlock[] {
  const blocks: ProseBlock[] = []
  const walk = (node: Nodes): void => {
    if (node.type === 'paragraph') blocks.push({ node, kind: 'paragraph' })
    else if (node.type === 'heading') blocks.push({ node, kind: 'heading' })
    else if (node.type === 'tableCell') blocks.push({ node, kind: 'cell' })
    else if ('children' in node) for (const child of node.children) walk(child as Nodes)
  }
  walk(tree)
  return blocks
}

/** Index of the last item starting at or before `offset` (items sorted by start), or -1. */
function lastStartingBefore(items: ReadonlyArray<{ position: Position }>, offset: number): number {
  let low = 0
  let high = items.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (items[middle]!.position.start.offset <= offset) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }
  return found
}

/** The innermost section holding a source offset, or null before the first heading. */
export function sectionAt(draft: Draft, offset: number): string | null {
  return draft.headings[lastStartingBefore(draft.headings, offset)]?.sectionId ?? null
}

/** Bullets by id, rebuilt when the list grows (the bullets plugin fills it first). */
const bulletIndexes = new WeakMap<Bullet[], { length: number; byId: Map<string, Bullet> }>()

/** The innermost bullet holding a source offset, or null. */
export function bulletAt(draft: Draft, offset: number): Bullet | null {
  const bullets = draft.bullets
  let index = bulletIndexes.get(bullets)
  if (!index || index.length !== bullets.length) {
    index = { length: bullets.length, byId: new Map(bullets.map((b) => [b.id, b])) }
    bulletIndexes.set(bullets, index)
  }
  // Bullets nest: the innermost one holding the offset is the last one starting before it or one of its parents.
  let bullet: Bullet | undefined = bullets[lastStartingBefore(bullets, offset)]
  while (bullet && !(offset < bullet.position.end.offset)) {
    bullet = bullet.parentId === null ? undefined : index.byId.get(bullet.parentId)
  }
  return bullet ?? null
}
