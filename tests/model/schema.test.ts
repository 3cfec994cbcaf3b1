import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { schemaText } from '../../src/model/write-schema.ts'
import { modelOf } from '../helpers.ts'

const committed = new URL('../../schema/document.schema.json', import.meta.url)

describe('published JSON Schema', () => {
  it('is up to date with the zod model (run `npm run schema`)', () => {
    expect(readFileSync(committed, 'utf8')).toBe(schemaText())
  })

  it('accepts an emitted model and rejects a broken one', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false })
    const validate = ajv.compile(JSON.parse(readFileSync(committed, 'utf8')) as object)
    const model = JSON.parse(
      JSON.stringify(await modelOf('# T\n\n- Selon Le Monde, 40 % des gens ([A, 2025](#)).\n')),
    ) as Record<string, unknown>
    expect(validate(model), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...model, schemaVersion: '0.0.1' })).toBe(false)
    expect(validate({ ...model, bullets: [{ id: 'b' }] })).toBe(false)
  })
})
