/**
 * The YAML termbase file: parsing with errors that give the file, line and
 * column of the offending value, and writing in a stable, readable layout.
 */
import { parseYaml, yamlLibrary, yamlValue, YamlError } from '../read/yaml.ts'
import { Termbase, type Concept } from './termbase.ts'

/** A termbase file that cannot be read; the message starts with `file:line:column`. */
export class TermbaseError extends Error {
  override name = 'TermbaseError'
}

/** Parses the text of a YAML termbase. */
export function parseTermbaseYaml(source: string, file: string): Termbase {
  let read: ReturnType<typeof parseYaml>
  let value: unknown
  try {
    read = parseYaml(source)
    value = yamlValue(read.document)
  } catch (error) {
    if (error instanceof YamlError) throw new TermbaseError(`${file}:${error.message}`)
    throw error
  }
  const { document, lines: lineCounter } = read
  const at = (offset: number | undefined): string => {
    if (offset === undefined) return file
    const { line, col } = lineCounter.linePos(offset)
    return `${file}:${line}:${col}`
  }
  const parsed = Termbase.safeParse(value ?? {})
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  const { isNode } = yamlLibrary()
  let node: unknown = null
  for (let depth = path.length; depth >= 0 && !isNode(node); depth--) {
    node = document.getIn(path.slice(0, depth), true)
  }
  const offset = isNode(node) ? node.range?.[0] : undefined
  const detail =
    issue.code === 'unrecognized_keys'
      ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`
      : issue.message
  throw new TermbaseError(`${at(offset)}: ${path.join('.') || '(root)'}: ${detail}`)
}

/** Writes a termbase as YAML: empty lists and absent fields left out, one concept after another. */
export function stringifyTermbaseYaml(termbase: Termbase, header = ''): string {
  const compact = (concept: Concept) => {
    const side = (terms: Concept['fr']) =>
      Object.fromEntries(
        Object.entries(terms).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
      )
    return {
      id: concept.id,
      status: concept.status,
      ...(concept.subject ? { subject: concept.subject } : {}),
      fr: side(concept.fr),
      en: side(concept.en),
      origin: concept.origin,
      ...(concept.definition ? { definition: concept.definition } : {}),
      ...(concept.note ? { note: concept.note } : {}),
    }
  }
  const body = yamlLibrary().stringify(
    { version: termbase.version, concepts: termbase.concepts.map(compact) },
    { lineWidth: 0, flowCollectionPadding: false },
  )
  return `${header}${body.replace(/(?<!concepts:)\n {2}- id:/g, '\n\n  - id:')}`
}
