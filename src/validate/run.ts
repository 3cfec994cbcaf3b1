/** Running the configured rules over one note's model: one message per problem, suppressions applied. */
import type { Root } from 'mdast'
import type { Diagnostic, DocumentModel, Severity } from '../model/schema.ts'
import { ruleById } from './registry.ts'
import type { ActiveRule, ValidationConfig } from './settings.ts'
import { applySuppressions } from './suppress.ts'
import { lowerBound } from './sorted.ts'

/** Orders messages by position (document-level first), then by rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const offset = (d: Diagnostic) => d.position?.start.offset ?? -1
  return offset(a) - offset(b) || a.ruleId.localeCompare(b.ruleId)
}

/** The note's mdast and text, for in-document suppression comments (Markdown notes only). */
export interface NoteSource {
  tree: Root
  text: string
}

/**
 * Runs every active rule on a model and returns their messages, sorted,
 * one per problem (see `mergeMessages`), without the suppressed ones. The
 * rules are those of `config.rules`, or `active` when given (the settings of
 * the note's folder, see `rulesFor`). A rule that throws becomes an error
 * message naming the rule, never a crash of the batch.
 */
export function validateModel(
  model: DocumentModel,
  source: NoteSource | null,
  config: ValidationConfig,
  active: readonly ActiveRule[] = config.rules.active,
): Diagnostic[] {
  const found: Diagnostic[] = []
  for (const { rule, severity, options } of active) {
    if (rule.scope !== 'note') continue
    try {
      found.push(...rule.run({ model, tree: source?.tree ?? null, config }, severity, options))
    } catch (error) {
      found.push({
        ruleId: rule.id,
        source: 'fiche',
        severity: 'error',
        message: `Rule ${rule.id} failed: ${(error as Error).message}`,
        position: null,
        url: rule.docsUrl,
        fatal: false,
      })
    }
  }
  const merged = mergeMessages(found)
  const kept = source
    ? applySuppressions(merged, source.tree, source.text, new Set(ruleById.keys()))
    : merged
  return kept.sort(compareDiagnostics)
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/**
 * One message per problem: a message of a rule that another rule
 * `supersedes` is dropped when its span holds a message of that rule (the
 * bullet without source that holds an unsourced figure); messages of two
 * rules on the same span become one, the more severe first, then the other
 * rule's message and id.
 */
export function mergeMessages(messages: Diagnostic[]): Diagnostic[] {
  const placed = messages.filter((m) => m.position !== null)
  const dropped = new Set<Diagnostic>()
  const byRule = new Map<string, Diagnostic[]>()
  for (const m of placed) byRule.set(m.ruleId, [...(byRule.get(m.ruleId) ?? []), m])
  for (const [id, own] of byRule) {
    const supersedes = ruleById.get(id)?.supersedes ?? []
    const starts = own.map((m) => m.position!.start.offset).sort((a, b) => a - b)
    for (const other of supersedes) {
      for (const outer of byRule.get(other) ?? []) {
        const { start, end } = outer.position!
        const first = lowerBound(starts, start.offset)
        if (first < starts.length && starts[first]! <= end.offset) dropped.add(outer)
      }
    }
  }
  const bySpan = new Map<string, Diagnostic>()
  const result: Diagnostic[] = []
  const ordered = [...messages].sort((a, b) => RANK[a.severity] - RANK[b.severity])
  for (const m of ordered) {
    if (dropped.has(m)) continue
    if (m.position === null) {
      result.push(m)
      continue
    }
    const key = `${m.position.start.offset}:${m.position.end.offset}`
    const first = bySpan.get(key)
    if (!first) {
      const copy = { ...m }
      bySpan.set(key, copy)
      result.push(copy)
    } else if (first.ruleId !== m.ruleId) {
      const also = ` · ${m.message} (${m.ruleId})`
      if (!first.message.includes(also)) first.message += also
    } else if (first.message !== m.message) {
      result.push(m)
    }
  }
  return result
}
