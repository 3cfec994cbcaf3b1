/**
 * The Markdown reader: unified + remark-parse + remark-gfm, with YAML front
 * matter read into metadata (not text), reference-style links resolved into
 * links. Raw HTML stays in the tree as `html`
 * nodes, which the extractors skip (and the rule engine reads for
 * `fiche-disable` comments). A long note is parsed in pieces (chunks.ts).
 */
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { parseInPieces } from './chunks.ts'
import { resolveReferences } from './references.ts'
import { readYaml } from './yaml.ts'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml'])

/** Parses the file's text into mdast; front matter goes to `file.data.frontmatter`. */
export function readMarkdown(file: VFile): Root {
  const tree = parseInPieces(String(file), (text) => parser.parse(text))
  resolveReferences(tree)
  const first = tree.children[0]
  if (first?.type === 'yaml') {
    try {
      const data: unknown = readYaml(first.value)
      file.data.frontmatter =
        data && typeof data === 'object' && !Array.isArray(data)
          ? (data as Record<string, unknown>)
          : {}
    } catch (error) {
      const message = file.message(
        `Unexpected front matter that is not valid YAML (${(error as Error).message.split('\n')[0]}), expected a YAML mapping`,
        { place: first.position, ruleId: 'front-matter', source: 'fiche-read' },
      )
      message.fatal = false
    }
  }
  return tree
}
