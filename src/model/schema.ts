/**
 * The fiche document model: the single source of the TypeScript types and of
 * the published JSON Schema (`schema/document.schema.json`, written by
 * `npm run schema`).
 *
 * Every extracted item carries a stable `id` (derived from its content and
 * its place in the tree) and a `position` in the source file.
 */
import * as z from 'zod'
import { Position, StatisticKind } from './base.ts'

export { FigureKind, isFigure, Point, Position, StatisticKind } from './base.ts'

/** Version of the model; a consumer rejects a model of another major version. */
export const SCHEMA_VERSION = '1.1.0'

/** Severity of a diagnostic. */
export const Severity = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof Severity>

/** A message from a reader, an extractor or a validation rule. */
export const Diagnostic = z
  .object({
    ruleId: z.string().describe('Rule or step that produced the message, e.g. `citation-has-url`.'),
    source: z.string().describe('Producer: `fiche` for rules, `fiche-read`, a plugin name…'),
    severity: Severity,
    message: z.string(),
    position: Position.nullable(),
    url: z.string().nullable().describe('Documentation of the rule, when there is one.'),
    fatal: z.boolean().describe('True when the file could not be processed at all.'),
  })
  .meta({ id: 'Diagnostic' })
export type Diagnostic = z.infer<typeof Diagnostic>

/** Inline content, as in mdast but reduced to what the outputs need. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'emphasis' | 'strong' | 'delete'; children: Inline[] }
  | { type: 'link'; href: string; citationId: string | null; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'break' }
  | { type: 'footnoteReference'; identifier: string }
  | { type: 'image'; url: string; alt: string }

export const Inline: z.ZodType<Inline> = z
  .lazy(() =>
    z.union([
      z.object({ type: z.literal('text'), value: z.string() }),
      z.object({
        type: z.enum(['emphasis', 'strong', 'delete']),
        children: z.array(Inline),
      }),
      z.object({
        type: z.literal('link'),
        href: z.string(),
        citationId: z.string().nullable(),
        children: z.array(Inline),
      }),
      z.object({ type: z.literal('code'), value: z.string() }),
      z.object({ type: z.literal('break') }),
      z.object({ type: z.literal('footnoteReference'), identifier: z.string() }),
      z.object({
        type: z.literal('image'),
        url: z.string(),
        alt: z.string().describe('The alternative text, translated like any text.'),
      }),
    ]),
  )
  .meta({ id: 'Inline' })

/** Block content in document order; headings and bullets refer to their items by id. */
export type Block =
  | { type: 'heading'; headingId: string }
  | {
      type: 'paragraph'
      id: string
      role: 'lead' | 'dateline' | 'body'
      children: Inline[]
      position: Position
    }
  | { type: 'list'; ordered: boolean; start: number | null; items: ListItem[] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'table'; rows: Inline[][][]; cellPositions: Position[][] }
  | { type: 'code'; lang: string | null; value: string }
  | { type: 'thematicBreak' }

/** One item of a list: its bullet and its content (paragraphs, nested lists). */
export interface ListItem {
  bulletId: string
  children: Block[]
}

export const Block: z.ZodType<Block> = z
  .lazy(() =>
    z.union([
      z.object({ type: z.literal('heading'), headingId: z.string() }),
      z.object({
        type: z.literal('paragraph'),
        id: z.string(),
        role: z.enum(['lead', 'dateline', 'body']),
        children: z.array(Inline),
        position: Position,
      }),
      z.object({
        type: z.literal('list'),
        ordered: z.boolean(),
        start: z.number().int().nullable(),
        items: z.array(ListItem),
      }),
      z.object({ type: z.literal('blockquote'), children: z.array(Block) }),
      z.object({
        type: z.literal('table'),
        rows: z.array(z.array(z.array(Inline))),
        cellPositions: z
          .array(z.array(Position))
          .describe('Where each cell stands in the note, row by row like `rows`.'),
      }),
      z.object({ type: z.literal('code'), lang: z.string().nullable(), value: z.string() }),
      z.object({ type: z.literal('thematicBreak') }),
    ]),
  )
  .meta({ id: 'Block' })

export const ListItem: z.ZodType<ListItem> = z
  .lazy(() => z.object({ bulletId: z.string(), children: z.array(Block) }))
  .meta({ id: 'ListItem' })

/** A footnote of the note ("[^1]: …"), referenced from the text by its identifier. */
export const Footnote = z
  .object({ identifier: z.string(), children: z.array(Block) })
  .meta({ id: 'Footnote' })
export type Footnote = z.infer<typeof Footnote>

/** A heading of the note. */
export const Heading = z
  .object({
    id: z.string(),
    depth: z.number().int().min(1).max(6),
    text: z.string().describe('Plain text as written, with its manual number.'),
    number: z.string().nullable().describe('Manual numbering such as "1.2", or null.'),
    title: z.string().describe('The text without its manual number.'),
    sectionId: z.string(),
    position: Position,
  })
  .meta({ id: 'Heading' })
export type Heading = z.infer<typeof Heading>

/** A node of the section tree built from the headings. */
export interface Section {
  id: string
  headingId: string
  depth: number
  number: string | null
  title: string
  children: Section[]
}
export const Section: z.ZodType<Section> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      headingId: z.string(),
      depth: z.number().int(),
      number: z.string().nullable(),
      title: z.string(),
      children: z.array(Section),
    }),
  )
  .meta({ id: 'Section' })

/** A list item (bullet) and what it contains. */
export const Bullet = z
  .object({
    id: z.string(),
    text: z.string().describe('Plain text of the item itself, without nested lists.'),
    depth: z.number().int().min(1).describe('Nesting: 1 for a top-level item.'),
    ordered: z.boolean(),
    parentId: z.string().nullable().describe('The enclosing bullet, for nested items.'),
    sectionId: z.string().nullable(),
    citationIds: z.array(z.string()),
    statisticIds: z.array(z.string()),
    position: Position,
  })
  .meta({ id: 'Bullet' })
export type Bullet = z.infer<typeof Bullet>

export const Qualifier = z.enum(['exact', 'approximate', 'at-least', 'at-most'])
export type Qualifier = z.infer<typeof Qualifier>

/** A figure stated in the text, normalized. */
export const Statistic = z
  .object({
    id: z.string(),
    kind: StatisticKind.describe(
      'percent, money, count, duration, multiplier and ratio are figures; date and year are time references, not figures (leave them out of key figures and source checks).',
    ),
    value: z
      .union([z.number(), z.string()])
      .describe('A number (durations in minutes, money in currency units) or an ISO date string.'),
    unit: z.string().nullable().describe('"%", an ISO 4217 currency, "min", "×", a counted noun…'),
    qualifier: Qualifier,
    text: z.string().describe('The exact source substring.'),
    sentence: z.string().describe('The sentence that holds the figure.'),
    change: z
      .object({
        from: z.union([z.number(), z.string()]),
        to: z.union([z.number(), z.string()]),
        fromText: z.string(),
      })
      .nullable()
      .describe('When the text states a change ("de 5 % à plus de 60 %").'),
    sectionId: z.string().nullable(),
    bulletId: z.string().nullable(),
    citationIds: z.array(z.string()).describe('Citations of the same sentence or bullet.'),
    position: Position,
  })
  .meta({ id: 'Statistic' })
export type Statistic = z.infer<typeof Statistic>

export const CitationKind = z.enum(['author-year', 'link', 'attribution'])
export type CitationKind = z.infer<typeof CitationKind>

/**
 * What a link or attribution is for: a `citation` names a source (author-year references,
 * registry entries, attributions, links to a publication); `navigation` leads elsewhere in the
 * note or the notes folder (in-page anchors, links to other notes); `contact` reaches a person
 * or a room (`mailto:`, `tel:`, chat and meeting links). Only citations feed the citation rules,
 * the Sources of the brief and the CSL-JSON.
 */
export const CitationRole = z.enum(['citation', 'navigation', 'contact'])
export type CitationRole = z.infer<typeof CitationRole>

export const CitationStatus = z.enum(['ok', 'placeholder', 'relative', 'anchor', 'unsafe-scheme'])
export type CitationStatus = z.infer<typeof CitationStatus>

/** A link of the note (every one, whatever its role) or a textual attribution. */
export const Citation = z
  .object({
    id: z.string(),
    kind: CitationKind,
    role: CitationRole.describe(
      'citation, navigation (in-page anchors, links to other notes) or contact (mailto:, tel:, chat rooms); only citations count as sources.',
    ),
    label: z.string().describe('Link text, or the attributed source ("Le Figaro").'),
    authors: z.array(z.string()),
    year: z.number().int().nullable(),
    yearSuffix: z.string().nullable().describe('"a" in "Karnofsky, 2025a".'),
    href: z.string().nullable().describe('Target as written in the note; null for attributions.'),
    status: CitationStatus,
    resolved: z
      .object({ key: z.string(), url: z.string().nullable(), title: z.string().nullable() })
      .nullable()
      .describe('The sources-registry entry the citation resolves to, when one is configured.'),
    sentence: z.string(),
    sectionId: z.string().nullable(),
    bulletId: z.string().nullable(),
    position: Position,
  })
  .meta({ id: 'Citation' })
export type Citation = z.infer<typeof Citation>

/** An acronym defined in the text with its long form. */
export const Acronym = z
  .object({
    id: z.string(),
    short: z.string(),
    long: z.string(),
    position: Position.describe('Where the definition stands.'),
  })
  .meta({ id: 'Acronym' })
export type Acronym = z.infer<typeof Acronym>

/** An occurrence of a termbase concept in the note. */
export const TermMatch = z
  .object({
    id: z.string(),
    conceptId: z.string(),
    form: z.string().describe('The form found, as written.'),
    position: Position,
  })
  .meta({ id: 'TermMatch' })
export type TermMatch = z.infer<typeof TermMatch>

/** Metadata of the note. */
export const Meta = z
  .object({
    title: z.string().nullable().describe('Never invented: null when the note has none.'),
    date: z.string().nullable().describe('ISO 8601 date.'),
    place: z.string().nullable(),
    lead: z.string().nullable().describe('The standfirst.'),
    frontmatter: z.record(z.string(), z.unknown()).describe('YAML front matter, if any.'),
  })
  .meta({ id: 'Meta' })
export type Meta = z.infer<typeof Meta>

/** Where the note comes from. */
export const Source = z
  .object({
    path: z.string().describe('Relative to the project, with forward slashes.'),
    format: z.enum(['markdown', 'text']),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    language: z.string(),
  })
  .meta({ id: 'Source' })
export type Source = z.infer<typeof Source>

/** The whole model of one note. */
export const DocumentModel = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().describe('Slug of the file name.'),
    source: Source,
    meta: Meta,
    sections: z.array(Section),
    headings: z.array(Heading),
    bullets: z.array(Bullet),
    statistics: z.array(Statistic),
    citations: z.array(Citation),
    acronyms: z.array(Acronym),
    terms: z.array(TermMatch),
    blocks: z.array(Block).describe('The content in document order, for the writers.'),
    footnotes: z
      .array(Footnote)
      .default([])
      .describe('The footnotes of the note, in order of definition.'),
    extensions: z
      .record(z.string(), z.unknown())
      .describe('What user plugins add, keyed by plugin name.'),
    diagnostics: z.array(Diagnostic),
  })
  .meta({ id: 'DocumentModel', title: 'fiche document model' })
export type DocumentModel = z.infer<typeof DocumentModel>

/** The JSON Schema of the model (draft 2020-12). */
export function documentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DocumentModel, { target: 'draft-2020-12' }) as Record<string, unknown>
}
