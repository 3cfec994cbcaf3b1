/**
 * fiche plugin: headings and the section tree. Splits a manual number
 * ("1.2", "II.", "A)") from the heading text.
 */
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import type { Plugin } from 'unified'
import { visit } from 'unist-util-visit'
import type { Section } from '../src/model/schema.ts'
import { draftOf } from '../src/draft/index.ts'
import { collapseSpace } from '../src/text/normalize.ts'

/**
 * A manual number at the start of a heading: arabic groups ("1", "1.2",
 * "1.2.3", with an optional final dot or parenthesis), roman numerals or a
 * single capital letter followed by "." or ")".
 */
const NUMBER =
  /^(?<number>\d{1,3}(?:\.\d{1,3})*[.)]?|[IVXLC]{1,6}[.)]|[A-Z][.)])(?:[\s\u00a0\u202f]*[–—-][\s\u00a0\u202f]+|[\s\u00a0\u202f]+)(?<title>\S.*)$/su

/** Splits "1.2 Armes…" into number "1.2" and title "Armes…". */
export function splitHeadingNumber(text: string): { number: string | null; title: string } {
  const match = NUMBER.exec(text)
  if (!match?.groups) return { number: null, title: text }
  const number = match.groups.number!.replace(/[.)]$/, '')
  return { number, title: match.groups.title! }
}

/** Extracts headings and builds the section tree. */
const ficheHeadings: Plugin<[], Root> = function () {
  return (tree, file) => {
    const draft = draftOf(file)
    const stack: Section[] = []
    const path: string[] = []
    visit(tree, 'heading', (node) => {
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? start
      const text = collapseSpace(toString(node))
      const { number, title } = splitHeadingNumber(text)
      while (stack.length > 0 && stack.at(-1)!.depth >= node.depth) {
        stack.pop()
        path.pop()
      }
      const id = draft.ids.make('h', ...path, title)
      const section: Section = {
        id: id.replace(/^h-/, 's-'),
        headingId: id,
        depth: node.depth,
        number,
        title,
        children: [],
      }
      const parent = stack.at(-1)
      if (parent) parent.children.push(section)
      else draft.sections.push(section)
      stack.push(section)
      path.push(title)
      draft.headings.push({
        id,
        depth: node.depth,
        text,
        number,
        title,
        sectionId: section.id,
        position: draft.position(start, end),
      })
    })
  }
}

export default ficheHeadings
