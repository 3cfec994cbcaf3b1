/** Writes `schema/document.schema.json` from the zod model (`npm run schema`). */
import { writeFileSync } from 'node:fs'
import { documentJsonSchema } from './schema.ts'

/** The JSON Schema as committed: pretty-printed with a final newline. */
export function schemaText(): string {
  return `${JSON.stringify(documentJsonSchema(), null, 2)}\n`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('../../schema/document.schema.json', import.meta.url), schemaText())
}
