/**
 * Running the rules of scope `translation` over a note's English
 * translation file. The input is built by the caller (the CLI reads the
 * XLIFF file and compares it with the note); this room only reads it.
 */
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
import type { ActiveRule, ValidationConfig } from './settings.ts'
import type { TranslationInput } from './translation-input.ts'

export type * from './translation-input.ts'

/**
 * Runs the active rules of scope `translation` on one translation file;
 * messages sorted by position, then rule id. A rule that throws becomes an
 * error message naming the rule.
 */
export function validateTranslation(
  input: TranslationInput,
  model: DocumentModel,
  config: ValidationConfig,
  active: readonly ActiveRule[] = config.rules.active,
): Diagnostic[] {
  const found: Diagnostic[] = []
  for (const { rule, severity, options } of active) {
    if (rule.scope !== 'translation') continue
    try {
      found.push(...rule.run({ model, tree: null, config, translation: input }, severity, options))
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
  const offset = (d: Diagnostic) => d.position?.start.offset ?? -1
  return found.sort((a, b) => offset(a) - offset(b) || a.ruleId.localeCompare(b.ruleId))
}
