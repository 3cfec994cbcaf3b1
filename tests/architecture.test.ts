/**
 * The layout of the code base, checked from the imports of every source
 * file (read with the TypeScript compiler's own import scanner, type-only
 * imports included): no import cycle, and each room imports only from the
 * rooms below it (docs/architecture.md).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

/** The rooms, lowest first; a file belongs to the first whose prefix its path starts with. */
const ROOMS: Array<[room: string, prefixes: string[]]> = [
  ['model', ['src/model/']],
  ['shared', ['src/lazy.ts', 'src/ids.ts', 'src/package.ts']],
  ['text', ['src/text/']],
  ['read', ['src/read/']],
  ['sources', ['src/sources/']],
  ['glossary', ['src/glossary/']],
  ['draft', ['src/draft/']],
  ['plugins', ['plugins/']],
  ['validate', ['src/validate/']],
  ['translate', ['src/translate/']],
  ['config', ['src/config/']],
  ['pipeline', ['src/pipeline/']],
  ['emit', ['src/emit/']],
  ['report', ['src/report/']],
  ['library', ['src/check.ts', 'src/index.ts']],
  ['cli', ['src/cli/']],
]

/** Arrows that go up today, each with why; new ones fail the test, mended ones must be removed. */
const KNOWN_UPWARD = new Map<string, string>([])

/**
 * The rooms whose code computes and never touches the world: the emitters
 * (pure functions from the model to bytes) and everything the library runs
 * between reading a note and writing its outputs, the XLIFF and TMX writers
 * of the translation room included.
 */
const PURE_ROOMS = new Set([
  'text',
  'sources',
  'glossary',
  'draft',
  'plugins',
  'validate',
  'translate',
  'emit',
  'report',
])

function sourceFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`
      if (entry.isDirectory()) walk(relative)
      else if (entry.name.endsWith('.ts')) files.push(relative)
    }
  }
  walk('src')
  walk('plugins')
  return files.sort()
}

/** Relative imports of each file, as paths from the repository root. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path.join(root, file), 'utf8'))
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => path.posix.normalize(path.posix.join(path.posix.dirname(file), name)))
    for (const target of targets) expect(known, `${file} imports ${target}`).toContain(target)
    graph.set(file, [...new Set(targets)].sort())
  }
  return graph
}

function roomOf(file: string): number {
  const index = ROOMS.findIndex(([, prefixes]) => prefixes.some((p) => file.startsWith(p)))
  expect(index, `${file} belongs to no room`).toBeGreaterThanOrEqual(0)
  return index
}

/** Strongly connected components of more than one file (Tarjan), each sorted. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1) found.push(component.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('architecture', () => {
  const graph = importGraph(sourceFiles())

  it('has no import cycle', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('finds a cycle when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ])
    expect(cycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']])
  })

  it('imports only from the rooms below, but for the known arrows', () => {
    const upward: string[] = []
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (roomOf(target) > roomOf(file)) upward.push(`${file} -> ${target}`)
      }
    }
    expect(upward.filter((arrow) => !KNOWN_UPWARD.has(arrow))).toEqual([])
    expect([...KNOWN_UPWARD.keys()].filter((arrow) => !upward.includes(arrow))).toEqual([])
  })

  it('keeps the emitters and the rooms below the CLI pure: no file system, no clock, no randomness', () => {
    const impure: string[] = []
    for (const file of graph.keys()) {
      if (!PURE_ROOMS.has(ROOMS[roomOf(file)]![0])) continue
      const text = readFileSync(path.join(root, file), 'utf8')
      for (const [pattern, what] of [
        [/from 'node:fs'|from 'fs'|require\('fs'\)/, 'the file system'],
        [/\bDate\.now\(|new Date\(\)/, 'the clock'],
        [/Math\.random\(|randomUUID\(/, 'randomness'],
      ] as const) {
        if (pattern.test(text)) impure.push(`${file}: ${what}`)
      }
    }
    expect(impure).toEqual([])
  })
})
