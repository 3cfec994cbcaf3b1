/** The reporters of `fiche check --format`, by name. */
import { github } from './github.ts'
import { json } from './json.ts'
import { pretty } from './pretty.ts'
import { sarif } from './sarif.ts'
import type { Reporter } from './types.ts'

/** Reporter name → implementation. */
export const reporters = { pretty, json, sarif, github } satisfies Record<string, Reporter>

/** Name of a reporter. */
export type ReporterName = keyof typeof reporters

/** True when `name` is a reporter. */
export const isReporterName = (name: string): name is ReporterName => Object.hasOwn(reporters, name)
