/** Test helpers for rules: build a note from a string and run the configured rules on it. */
import path from 'node:path'
import { resolveConfig, type ResolvedConfig } from '../../src/config/resolve.ts'
import type { Diagnostic, DocumentModel } from '../../src/model/schema.ts'
import { buildNote } from '../../src/pipeline/process.ts'
import { validateModel } from '../../src/validate/run.ts'
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
