/**
 * JSON as fiche reads it in data files (CSL-JSON sources): syntax errors
 * located by line and column, and a bound on nesting, since the emitters
 * serialise the items again and `JSON.stringify` recurses.
 */
import { parseYaml, YamlError } from './yaml.ts'

/** Deepest nesting of arrays and objects a data file may hold. */
export const MAX_DATA_DEPTH = 64

/** A data file that cannot be read; the message starts with `line:column` when known. */
export class DataError extends Error {
  override name = 'DataError'
}

/** `line:column` (1-based) of an offset. */
function lineColumn(source: string, offset: number): string {
  let line = 1
  let lineStart = 0
  for (let index = 0; index < offset && index < source.length; index++) {
    if (source[index] === '\n') {
      line++
      lineStart = index + 1
    }
  }
  return `${line}:${offset - lineStart + 1}`
}

/** Where JSON.parse failed: from its message when it says, else from the YAML parser (JSON is YAML). */
function locate(source: string, message: string): string | null {
  const position = /position (\d+)/u.exec(message)
  if (position) return lineColumn(source, Number(position[1]))
  try {
    parseYaml(source)
  } catch (error) {
    if (error instanceof YamlError) return `${error.line}:${error.column}`
  }
  return null
}

/** Throws a `DataError` when `value` nests deeper than `MAX_DATA_DEPTH` (iteratively). */
export function checkDepth(value: unknown): void {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (typeof current !== 'object' || current === null) continue
    if (depth >= MAX_DATA_DEPTH)
      throw new DataError(`Unexpected nesting deeper than ${MAX_DATA_DEPTH} levels`)
    for (const child of Object.values(current)) stack.push([child, depth + 1])
  }
}

/** Parses JSON; a syntax error or too deep a nesting becomes a `DataError` with its place. */
export function parseJson(source: string): unknown {
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!
    const where = locate(source, reason)
    throw new DataError(`${where ? `${where}: ` : ''}Unexpected JSON (${reason})`)
  }
  checkDepth(value)
  return value
}
