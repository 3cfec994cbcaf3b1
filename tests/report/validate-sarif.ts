/** Validation of SARIF logs against the official SARIF 2.1.0 schema (draft-04), for tests. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { root } from '../helpers.ts'

/** Validates a SARIF log against the official SARIF 2.1.0 schema. */
export function validateSarif(log: unknown): string[] {
  const schema = JSON.parse(
    readFileSync(path.join(root, 'tests/standards/sarif/sarif-schema-2.1.0.json'), 'utf8'),
  ) as object
  // CommonJS packages: the class and the plugin are their `default` export.
  const ajv = new Ajv.default({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const validate = ajv.compile(schema)
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}
