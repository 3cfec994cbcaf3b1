/**
 * The rule wrapper. A rule is one file, `src/validate/rules/<rule-id>.ts`,
 * whose default export is `defineRule({...})`. The wrapper turns the user's
 * setting (`'off' | 'info' | 'warn' | 'error'`, or `[severity, options]`)
 * into a severity and parsed options, and stamps rule id, source and docs
 * URL on every message: the rule body never deals with severity.
 *
 * Adding a rule:
 * 1. `src/validate/rules/<rule-id>.ts`:
 *
 *    ```ts
 *    import { z } from 'zod'
 *    import { defineRule } from '../rule.ts'
 *
 *    export default defineRule({
 *      id: 'thing-has-property', // must equal the file name
 *      defaultSeverity: 'warning', // or 'error', 'info', 'off' (off in `recommended`)
 *      description: 'One sentence: what is reported.',
 *      options: z.object({ minLength: z.number().int().default(3) }), // every field defaulted
 *      messages: {
 *        tooShort: (found: string, min: number) =>
 *          `Unexpected short thing “${found}”, expected at least ${min} characters`,
 *      },
 *      check({ model, options, messages, report }) {
 *        for (const item of model.bullets)
 *          if (item.text.length < options.minLength)
 *            report(messages.tooShort(item.text, options.minLength), item.position)
 *      },
 *    })
 *    ```
 * 2. One line in `src/validate/registry.ts` (import and add it to `rules`).
 * 3. `docs/rules/<rule-id>.md`: what, why, a failing and a passing example, options.
 * 4. `tests/validate/rules/<rule-id>.test.ts`: at least one failing and one passing case.
 *
 * The meta-test (`tests/validate/meta.test.ts`) checks 1–4.
 */
import type { Root } from 'mdast'
import type * as z from 'zod'
import type { Termbase } from '../glossary/termbase.ts'
import type { SourceRegistry } from '../sources/registry.ts'
import type { Diagnostic, DocumentModel, Position, Severity } from '../model/schema.ts'
import type { TranslationInput } from './translation-input.ts'

/** Where the rule documentation lives, relative to the repository root. */
export const DOCS_PATH = 'docs/rules'

/** A severity, or `off` to disable the rule. */
export type RuleLevel = Severity | 'off'

/** Message builders of a rule, keyed by message id. */
export type RuleMessages = Record<string, (...args: never[]) => string>

/** Extra details of one report. */
export interface ReportDetails {
  /** A related place, e.g. the earlier duplicate; shown after the message. */
  cause?: { message: string; position: Position | null }
  /**
   * A lesser finding of the rule: the wrapper gives it one level below the
   * rule's severity (error → warning, warning → info, info stays info). The
   * rule still never picks a severity.
   */
  minor?: boolean
}

/** One level below a severity, for minor reports. */
const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' }

/**
 * The part of the project's configuration rules read: the sources registry
 * and the termbase (the resolved configuration has both), so that rules do
 * not depend on the configuration module.
 */
export interface RuleProject {
  sources: SourceRegistry
  termbase: Termbase
}

/** What a rule's `check` receives. */
export interface RuleContext<Options, Messages extends RuleMessages> {
  /** The model of the note. */
  model: DocumentModel
  /** The mdast of the note after the extractors, HTML comments kept; null when checking a stored model. */
  tree: Root | null
  /** The translation file of the note (rules of scope `translation`); null for note rules. */
  translation: TranslationInput | null
  /** The rule's options, defaults filled in. */
  options: Options
  /** What rules read of the project's configuration: the sources registry and the termbase. */
  config: RuleProject
  /** The rule's message table. */
  messages: Messages
  /** Reports a problem at `position` (null: the whole document). */
  report(message: string, position: Position | null, details?: ReportDetails): void
}

/** What a rule file declares. */
export interface RuleSpec<
  Id extends string,
  Schema extends z.ZodType,
  Messages extends RuleMessages,
> {
  /** The rule id: kebab-case, subject + predicate, equal to the file name. */
  id: Id
  /** Severity in the `recommended` preset; `off` to leave the rule out of it. */
  defaultSeverity: RuleLevel
  /** One sentence: what the rule reports. */
  description: string
  /** Documentation; default `docs/rules/<id>.md`. */
  docsUrl?: string
  /** What the rule checks: the note (default) or its English translation file (`validateTranslation`). */
  scope?: RuleScope
  /**
   * Rules whose message about a span that holds one of this rule's messages
   * says the same less precisely (a bullet without source, when this rule
   * names its unsourced figure): that message is dropped. Default: none.
   */
  supersedes?: readonly string[]
  /** Options as a zod schema whose every field has a default. */
  options: Schema
  /** Message builders, so that the doc and tests can refer to them. */
  messages?: Messages
  /** Reads the model (and the tree if needed) and reports through the context. */
  check(context: RuleContext<z.output<Schema>, Messages>): void
}

/** A rule ready to run; `Input` is what a user may write as options, `Options` the parsed form. */
export interface Rule<Id extends string = string, Input = unknown, Options = unknown> {
  id: Id
  defaultSeverity: RuleLevel
  description: string
  docsUrl: string
  /** The note, or its translation file. */
  scope: RuleScope
  /** Rules whose enclosing message this rule's message replaces (see `RuleSpec.supersedes`). */
  supersedes: readonly string[]
  /** Parses user options (or `undefined`) into complete options; throws a ZodError. */
  parseOptions(value: Input | undefined): Options
  /** Runs the rule; returns its messages with rule id, source, severity and URL stamped. */
  run(input: RuleInput, severity: Severity, options: Options): Diagnostic[]
}

/** What a rule checks: the note, or its translation file. */
export type RuleScope = 'note' | 'translation'

/** The note a rule runs on. */
export interface RuleInput {
  model: DocumentModel
  tree: Root | null
  config: RuleProject
  /** The note's translation file, for rules of scope `translation`. */
  translation?: TranslationInput | null
}

/** Declares a rule. See the module comment for the pattern. */
export function defineRule<
  const Id extends string,
  Schema extends z.ZodType,
  Messages extends RuleMessages = RuleMessages,
>(spec: RuleSpec<Id, Schema, Messages>): Rule<Id, z.input<Schema>, z.output<Schema>> {
  const docsUrl = spec.docsUrl ?? `${DOCS_PATH}/${spec.id}.md`
  return {
    id: spec.id,
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    docsUrl,
    scope: spec.scope ?? 'note',
    supersedes: spec.supersedes ?? [],
    // Once per configuration: jitless, as the configuration itself (src/config/resolve.ts).
    parseOptions: (value) => spec.options.parse(value ?? {}, { jitless: true }) as z.output<Schema>,
    run(input, severity, options) {
      const found: Diagnostic[] = []
      spec.check({
        ...input,
        translation: input.translation ?? null,
        options,
        messages: spec.messages ?? ({} as Messages),
        report(message, position, details) {
          const cause = details?.cause
          const where = cause?.position
            ? ` (${cause.message} at ${cause.position.start.line}:${cause.position.start.column})`
            : cause
              ? ` (${cause.message})`
              : ''
          found.push({
            ruleId: spec.id,
            source: 'fiche',
            severity: details?.minor ? LOWER[severity] : severity,
            message: `${message}${where}`,
            position,
            url: docsUrl,
            fatal: false,
          })
        },
      })
      return found
    },
  }
}
