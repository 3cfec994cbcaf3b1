/** Test helpers for rules: build a note from a string and run the configured rules on it. */
import path from 'node:path'
import { resolveConfig, type ResolvedConfig } from '../../src/config/resolve.ts'
import type { Diagnostic, DocumentModel } from '../../src/model/schema.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { validateModel } from '../../src/validate/run.ts'
import { validateTranslation, type TranslationUnitInput } from '../../src/validate/translation.ts'
import { root } from '../helpers.ts'

/** What `checkText` returns: the model and the rules' messages. */
export interface Checked {
  model: DocumentModel
  messages: Diagnostic[]
  config: ResolvedConfig
}

/**
 * Builds `text` as the file `name` with the configuration `config` (rules,
 * sources…) and runs the rules; `only` keeps the messages of one rule.
 */
export async function checkText(
  text: string,
  options: { config?: Record<string, unknown>; name?: string; only?: string } = {},
): Promise<Checked> {
  const config = resolveConfig(options.config ?? {}, root)
  const result = await buildNote(
    {
      path: path.join(root, 'input', options.name ?? 'note.md'),
      bytes: new TextEncoder().encode(text),
    },
    config,
  )
  if (!result.ok) throw new Error(result.error.message)
  // With `only`, that rule runs alone: its messages are not merged into another rule's.
  const active = config.rules.active.filter(
    (a) => options.only === undefined || a.rule.id === options.only,
  )
  const messages = validateModel(result.model, result, config, active).filter(
    (d) => options.only === undefined || d.ruleId === options.only,
  )
  return { model: result.model, messages, config }
}

/** The start lines of messages. */
export const lines = (messages: Diagnostic[]) => messages.map((d) => d.position?.start.line ?? 0)

/** A translation unit for the translation rules, with defaults: translated, no codes, at line 1. */
export function unit(fields: Partial<TranslationUnitInput> & { id: string }): TranslationUnitInput {
  return {
    status: 'translated',
    source: '',
    target: '',
    sourceCodes: [],
    targetCodes: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
    notePosition: null,
    ...fields,
  }
}

/** Runs the translation rule `only` on the units (the note's model is that of an empty note). */
export async function checkTranslation(
  units: TranslationUnitInput[],
  only: string,
  config: Record<string, unknown> = {},
): Promise<Diagnostic[]> {
  const { model, config: resolved } = await checkText('# T\n', { config, only })
  const active = resolved.rules.active.filter((a) => a.rule.id === only)
  return validateTranslation({ path: 'note.en.xlf', units }, model, resolved, active)
}
