/**
 * JSON as fiche reads it in data files (CSL-JSON sources): syntax errors
 * located by line and column, and a bound on nesting, since the emitters
 * serialise the items again and `JSON.stringify` recurses.
 */
import type { ParseError } from 'jsonc-parser'
import { lazy } from '../lazy.ts'

const jsonc = lazy<typeof import('jsonc-parser')>('jsonc-parser')

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

/** Where and why JSON.parse failed, from a parser that reports offsets (Node 20's JSON.parse does not). */
function locate(source: string): string | null {
  const errors: ParseError[] = []
  jsonc().parse(source, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]
  return first
    ? `${lineColumn(source, first.offset)}: Unexpected JSON (${jsonc().printParseErrorCode(first.error)})`
    : null
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
    const located = locate(source)
    throw new DataError(
      located
        ? `${located}, expected valid JSON`
        : `Unexpected JSON (${(error as Error).message.split('\n')[0]!})`,
    )
  }
  checkDepth(value)
  return value
}
