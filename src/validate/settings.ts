/**
 * Rule settings: the `rules` key of the configuration (a preset plus
 * per-rule settings, typed per rule) resolved into a severity and complete
 * options for every rule, with errors that name the key.
 */
import * as z from 'zod'
import type { Severity } from '../model/schema.ts'
import { rules, ruleById } from './registry.ts'
import type { Rule, RuleLevel, RuleProject } from './rule.ts'

/** A rule's level as a user writes it: `warn` and `warning` are the same. */
export type LevelSetting = 'off' | 'info' | 'warn' | 'warning' | 'error'

/** A rule's setting: a level, or a level and options. */
export type RuleSetting<Input> = LevelSetting | [LevelSetting] | [LevelSetting, Input]

/** The presets: `recommended` (each rule at its default severity) and `strict` (every rule an error). */
export const presets = {
  recommended: (rule: Rule): RuleLevel => rule.defaultSeverity,
  strict: (): RuleLevel => 'error',
} as const

/** Name of a preset. */
export type PresetName = keyof typeof presets

type RuleOf<Id> = Extract<(typeof rules)[number], { id: Id }>
type InputOf<R> = R extends Rule<string, infer Input, unknown> ? Input : never

/** The `rules` key of `pipeline.config.ts`. */
export type RulesConfig = { preset?: PresetName } & {
  [Id in (typeof rules)[number]['id']]?: RuleSetting<InputOf<RuleOf<Id>>>
}

/** A rule turned on, with its severity and options. */
export interface ActiveRule {
  rule: Rule
  severity: Severity
  options: unknown
}

/** What running the rules needs of the configuration: the rules' settings and what rules read. */
export interface ValidationConfig extends RuleProject {
  rules: ResolvedRules
}

/** The resolved rule settings: the active rules, in registry order. */
export interface ResolvedRules {
  preset: PresetName
  active: ActiveRule[]
}

/** A setting that cannot be used: `key` is the configuration path, `detail` what was expected. */
export class RuleSettingError extends Error {
  override name = 'RuleSettingError'
  constructor(
    readonly key: string,
    readonly detail: string,
  ) {
    super(`Configuration error at "${key}": ${detail}`)
  }
}

const LEVELS: Record<LevelSetting, RuleLevel> = {
  off: 'off',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
}

const levelOf = (value: unknown, key: string): RuleLevel => {
  if (typeof value === 'string' && value in LEVELS) return LEVELS[value as LevelSetting]
  throw new RuleSettingError(
    key,
    `expected "off", "info", "warn" or "error" (or [level, options]), found ${JSON.stringify(value)}`,
  )
}

/** Resolves the `rules` configuration; throws `RuleSettingError` naming the faulty key. */
export function resolveRules(config: unknown): ResolvedRules {
  const user = config ?? {}
  if (typeof user !== 'object' || Array.isArray(user)) {
    throw new RuleSettingError('rules', 'expected an object of rule settings')
  }
  const entries = user as Record<string, unknown>
  const preset = entries.preset ?? 'recommended'
  if (typeof preset !== 'string' || !(preset in presets)) {
    throw new RuleSettingError(
      'rules.preset',
      `unknown preset ${JSON.stringify(preset)}, expected one of: ${Object.keys(presets).join(', ')}`,
    )
  }
  const presetName = preset as PresetName
  for (const id of Object.keys(entries)) {
    if (id !== 'preset' && !ruleById.has(id)) {
      throw new RuleSettingError(
        `rules.${id}`,
        `unknown rule "${id}", expected one of: ${[...ruleById.keys()].join(', ')}`,
      )
    }
  }
  const active: ActiveRule[] = []
  for (const rule of rules as readonly Rule[]) {
    const key = `rules.${rule.id}`
    const setting = entries[rule.id]
    let level = presets[presetName](rule)
    let input: unknown
    if (Array.isArray(setting)) {
      if (setting.length < 1 || setting.length > 2) {
        throw new RuleSettingError(key, 'expected [level] or [level, options]')
      }
      level = levelOf(setting[0], `${key}[0]`)
      input = setting[1]
    } else if (setting !== undefined) {
      level = levelOf(setting, key)
    }
    let options: unknown
    try {
      options = rule.parseOptions(input)
    } catch (error) {
      if (!(error instanceof z.ZodError)) throw error
      const issue = error.issues[0]!
      const where = [`${key}[1]`, ...issue.path.map(String)].join('.')
      const detail =
        issue.code === 'unrecognized_keys'
          ? `unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')} of rule "${rule.id}"`
          : `${issue.message} (option of rule "${rule.id}")`
      throw new RuleSettingError(where, detail)
    }
    if (level !== 'off') active.push({ rule, severity: level, options })
  }
  return { preset: presetName, active }
}
