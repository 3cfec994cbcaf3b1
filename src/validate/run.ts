/** Running the configured rules over one note's model, suppressions applied. */
import type { Root } from 'mdast'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
import { ruleById } from './registry.ts'
import { applySuppressions, readDirectives } from './suppress.ts'

/** Orders messages by position (document-level first), then by rule id. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const offset = (d: Diagnostic) => d.position?.start.offset ?? -1
  return offset(a) - offset(b) || a.ruleId.localeCompare(b.ruleId)
}

/**
 * Runs every active rule of `config.rules` on a model and returns their
 * messages, sorted, without the suppressed ones. A rule that throws becomes
 * an error message naming the rule, never a crash of the batch.
 */
export function validateModel(
  model: DocumentModel,
  tree: Root | null,
  config: ResolvedConfig,
): Diagnostic[] {
  const found: Diagnostic[] = []
  for (const { rule, severity, options } of config.rules.active) {
    try {
      found.push(...rule.run({ model, tree, config }, severity, options))
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
  const kept = tree
    ? applySuppressions(found, readDirectives(tree), new Set(ruleById.keys()))
    : found
  return kept.sort(compareDiagnostics)
}
