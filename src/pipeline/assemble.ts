/**
 * Assembles a draft into a `DocumentModel`: links bullets and statistics to
 * the citations and statistics they hold, gathers the file's messages as
 * diagnostics, and validates the result against the schema.
 */
import type { VFile } from 'vfile'
import {
  DocumentModel,
  SCHEMA_VERSION,
  type Diagnostic,
  type Position,
  type Source,
} from '../model/schema.ts'
import type { Draft } from '../draft/index.ts'

/** Converts a vfile message into a model diagnostic. */
export function toDiagnostic(message: VFile['messages'][number], draft: Draft | null): Diagnostic {
  const place = message.place
  let position: Position | null = null
  if (place && 'start' in place && place.start.offset !== undefined && draft) {
    position = draft.position(place.start.offset, place.end?.offset ?? place.start.offset)
  } else if (place && 'line' in place && draft && place.offset !== undefined) {
    position = draft.position(place.offset, place.offset)
  }
  return {
    ruleId: message.ruleId ?? 'fiche',
    source: message.source ?? 'fiche',
    severity: message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info',
    message: message.reason,
    position,
    url: message.url ?? null,
    fatal: message.fatal === true,
  }
}

/** Builds and validates the model; throws a readable error when it is invalid. */
export function assembleModel(
  draft: Draft,
  file: VFile,
  id: string,
  source: Source,
): DocumentModel {
  // Ids grouped by key through maps, so that linking stays linear in the number of items.
  const group = <T extends { id: string }>(
    items: T[],
    key: (item: T) => string | null,
  ): Map<string, string[]> => {
    const groups = new Map<string, string[]>()
    for (const item of items) {
      const k = key(item)
      if (k === null) continue
      const ids = groups.get(k) ?? []
      ids.push(item.id)
      groups.set(k, ids)
    }
    return groups
  }
  // Only citations source a bullet or a figure: navigation and contact links do not.
  const sources = draft.citations.filter((c) => c.role === 'citation')
  const citationsByBullet = group(sources, (c) => c.bulletId)
  const statisticsByBullet = group(draft.statistics, (s) => s.bulletId)
  // A figure and a citation go together when they quote the same sentence of the same block.
  const sentenceKey = (item: object): string | null => {
    const quote = draft.quotes.get(item)
    return quote ? `${quote.block}:${quote.index}` : null
  }
  const citationsBySentence = group(sources, sentenceKey)
  for (const bullet of draft.bullets) {
    bullet.citationIds = [...(citationsByBullet.get(bullet.id) ?? [])]
    bullet.statisticIds = [...(statisticsByBullet.get(bullet.id) ?? [])]
  }
  for (const statistic of draft.statistics) {
    statistic.citationIds = [
      ...((statistic.bulletId !== null
        ? citationsByBullet.get(statistic.bulletId)
        : citationsBySentence.get(sentenceKey(statistic) ?? '')) ?? []),
    ]
  }
  const byOffset = <T extends { position: Position }>(items: T[]) =>
    items.sort((a, b) => a.position.start.offset - b.position.start.offset)
  const model = {
    schemaVersion: SCHEMA_VERSION,
    id,
    source,
    meta: {
      title: draft.meta.title ?? null,
      date: draft.meta.date ?? null,
      place: draft.meta.place ?? null,
      lead: draft.meta.lead ?? null,
      frontmatter: draft.meta.frontmatter ?? {},
    },
    sections: draft.sections,
    headings: draft.headings,
    bullets: draft.bullets,
    statistics: byOffset(draft.statistics),
    citations: byOffset(draft.citations),
    acronyms: draft.acronyms,
    terms: byOffset(draft.terms),
    blocks: draft.blocks,
    footnotes: draft.footnotes,
    extensions: draft.extensions,
    diagnostics: file.messages.map((message) => toDiagnostic(message, draft)),
  }
  const parsed = DocumentModel.safeParse(model)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `${file.path}: the extracted model does not match the schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? parsed.error.message}`,
    )
  }
  return parsed.data
}
