import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { emitMarkdown } from '../../src/emit/markdown.ts'
import { modelOf } from '../helpers.ts'

const note = [
  '---',
  'title: Note de test',
  'date: 2026-02-05',
  'author: Personne',
  '---',
  '',
  '# Titre',
  '',
  'Un paragraphe avec *emphase*, **gras**, `code` et un [lien](https://example.org/a "t") vers une source[^1].',
  '',
  '- Premier point',
  '  - Sous-point',
  '- Second point, selon [Dupont, 2024](#)',
  '',
  '1. Un',
  '2. Deux',
  '',
  '| A | B |',
  '|---|---|',
  '| 15 % | 2,5 Md€ |',
  '',
  '> Une citation.',
  '',
  'Du HTML <b>brut</b> et <script>alert(1)</script>, un [piège](javascript:alert(1)) et ![image](data:text/html,x).',
  '',
  '[^1]: Une note de bas de page.',
  '',
].join('\n')

const parse = (markdown: string) =>
  unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).parse(markdown)

describe('emitMarkdown', () => {
  it('writes the note as GitHub Markdown that parses back to the same structure', async () => {
    const model = await modelOf(note)
    const markdown = emitMarkdown(model, { lang: 'en' })
    expect(markdown).toMatchInlineSnapshot(`
      "---
      title: Note de test
      date: 2026-02-05
      lang: en
      ---

      # Titre

      Un paragraphe avec *emphase*, **gras**, \`code\` et un [lien](https://example.org/a) vers une source[^1].

      - Premier point
        - Sous-point
      - Second point, selon Dupont, 2024

      1. Un
      2. Deux

      | A    | B       |
      | ---- | ------- |
      | 15 % | 2,5 Md€ |

      > Une citation.

      Du HTML brut et alert(1), un piège et image.

      [^1]: Une note de bas de page.
      "
    `)
    const tree = parse(markdown)
    const types = tree.children.map((n) => n.type)
    expect(types).toEqual([
      'yaml',
      'heading',
      'paragraph',
      'list',
      'list',
      'table',
      'blockquote',
      'paragraph',
      'footnoteDefinition',
    ])
  })

  it('never writes an unsafe target or markup from the note', async () => {
    const markdown = emitMarkdown(await modelOf(note))
    expect(markdown).not.toMatch(/javascript:|data:text|<script|<b>/i)
  })

  it('escapes text that would otherwise be Markdown or HTML', async () => {
    const model = await modelOf('Un texte avec \\*étoiles\\* et \\<i\\> et 1\\. début.\n')
    const markdown = emitMarkdown(model)
    const tree = parse(markdown)
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph'])
    expect(JSON.stringify(tree)).not.toMatch(/"emphasis"|"html"/)
  })

  it('is deterministic', async () => {
    const model = await modelOf(note)
    expect(emitMarkdown(model)).toBe(emitMarkdown(structuredClone(model)))
  })
})
