/**
 * A long note is parsed in pieces cut before top-level headings: the joined
 * tree must be the tree of a single parse, positions included, whatever the
 * note holds (fences, HTML blocks, front matter, references and footnotes
 * defined in another piece, CRLF).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parseInPieces, splitMarkdown } from '../../src/read/chunks.ts'
import { resolveReferences } from '../../src/read/references.ts'
import { root } from '../helpers.ts'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])
const parse = (text: string) => parser.parse(text)
const resolved = (tree: Root) => {
  resolveReferences(tree)
  return tree
}

/** Every Markdown file under a folder. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (statSync(file).isDirectory()) return markdownFiles(file)
    return /\.(?:md|markdown)$/u.test(name) ? [file] : []
  })
}

const EDGES = [
  '---\ntitle: Note\n\n# a YAML comment\n---\n\n# Titre\n\nTexte.\n',
  '# Un\n\nVoir [la note][n] et [^1].\n\n# Deux\n\n```md\n\n# pas un titre\n```\n\n# Trois\n\n[n]: https://example.org/n\n[^1]: La note.\n',
  '# Un\n\n<!--\n\n# commentaire\n-->\n\n# Deux\n\n<pre>\n\n# code\n</pre>\n\n# Trois\n\n~~~~\n\n# ~~~\n~~~~\n',
  '# Un\r\n\r\nTexte avec [lien][L].\r\n\r\n# Deux\r\n\r\n- point\r\n\r\n# Trois\r\n\r\n[l]: https://example.org\r\n',
  '# Un\n\n> citation\n\n# Deux\n\n    # code indenté\n\n# Trois\n\nFin sans saut de ligne',
  'Un paragraphe.\n\n1. un\n\n2. deux\n\nSuite.\n\n[^a]: Note\n\n    suite de la note.\n\nTexte[^a] et\nune ligne.\n\n> citation\n\nAprès.\n',
  '# Un\n\n[^note]: Une définition\n    sur deux lignes.\n\n# Deux\n\nAppel[^note].\n\n## Trois\n\n| a | b |\n| - | - |\n| 1 | 2 |\n',
]

describe('parsing in pieces', () => {
  it('cuts only before headings and paragraphs that follow a blank line, outside code, HTML and front matter', () => {
    const { pieces, labels } = splitMarkdown(EDGES[1]!, 1)
    expect(pieces.map((p) => EDGES[1]!.slice(p.start, p.end).split('\n')[0])).toEqual([
      '# Un',
      'Voir [la note][n] et [^1].',
      '# Deux',
      '# Trois',
    ])
    expect(labels).toEqual(['n', '^1'])
    expect(splitMarkdown(EDGES[0]!, 1).pieces).toHaveLength(3)
    expect(splitMarkdown(EDGES[2]!, 1).pieces).toHaveLength(3)
  })

  it.each(EDGES.map((text, index) => [index, text]))(
    'gives the tree of a single parse on edge case %i',
    (_, text) => {
      expect(resolved(parseInPieces(text, parse, 1))).toEqual(resolved(parse(text)))
    },
  )

  const files = [
    ...markdownFiles(path.join(root, 'input')),
    ...markdownFiles(path.join(root, 'tests/fixtures')),
  ].filter((file) => statSync(file).size < 200_000)

  it('gives the tree of a single parse on every Markdown note of the repository', () => {
    expect(files.length).toBeGreaterThan(10)
    let cut = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      if (splitMarkdown(text, 1).pieces.length > 1) cut++
      expect(resolved(parseInPieces(text, parse, 1)), file).toEqual(resolved(parse(text)))
    }
    expect(cut).toBeGreaterThan(5)
  })

  it('parses a text shorter than the piece size in one go', () => {
    let calls = 0
    parseInPieces('# Un\n\n# Deux\n', (text) => (calls++, parse(text)))
    expect(calls).toBe(1)
  })
})
