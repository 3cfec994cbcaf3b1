/** citation-has-url: every link and author-year citation leads somewhere. */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import * as z from 'zod'
import type { DocumentModel } from '../../model/schema.ts'
import { defineRule } from '../rule.ts'

/** GitHub-style slug of a heading: lower case, punctuation dropped, spaces as dashes. */
export function headingSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/gu, '-')
}

/** The in-page anchors of a note: heading slugs and `id`/`name` attributes of raw HTML. */
function anchorsOf(model: DocumentModel, tree: Root | null): Set<string> {
  const anchors = new Set<string>()
  const counts = new Map<string, number>()
  for (const heading of model.headings) {
    const slug = headingSlug(heading.text)
    const count = counts.get(slug) ?? 0
    anchors.add(count === 0 ? slug : `${slug}-${count}`)
    counts.set(slug, count + 1)
  }
  if (tree) {
    visit(tree, 'html', (node) => {
      for (const match of node.value.matchAll(/\b(?:id|name)\s*=\s*["']([^"']+)["']/giu)) {
        anchors.add(match[1]!)
      }
    })
  }
  return anchors
}

export default defineRule({
  id: 'citation-has-url',
  defaultSeverity: 'error',
  description:
    'A link or author-year citation whose target is empty, "#", a to-do marker or an in-page anchor that does not exist.',
  options: z.strictObject({
    /** Accept relative targets ("annexe.pdf"). */
    allowRelative: z.boolean().default(true),
  }),
  messages: {
    placeholder: (label: string, href: string) =>
      `Unexpected placeholder target ${href.trim() === '' ? '(empty)' : `“${href}”`} for “${label}”, expected the URL of the source`,
    anchor: (label: string, href: string) =>
      `Unexpected target “${href}” for “${label}”: no heading or element of the note has this anchor, expected the URL of the source`,
    relative: (label: string, href: string) =>
      `Unexpected relative target “${href}” for “${label}”, expected an absolute URL`,
  },
  check({ model, tree, options, messages, report }) {
    let anchors: Set<string> | null = null
    for (const citation of model.citations) {
      if (citation.kind === 'attribution' || citation.href === null) continue
      if (citation.role === 'contact') continue
      if (citation.resolved?.url) continue
      const { label, href } = citation
      if (citation.status === 'placeholder')
        report(messages.placeholder(label, href), citation.position)
      else if (citation.status === 'relative' && !options.allowRelative) {
        report(messages.relative(label, href), citation.position)
      } else if (citation.status === 'anchor') {
        anchors ??= anchorsOf(model, tree)
        let target = href.trim().slice(1)
        try {
          target = decodeURIComponent(target)
        } catch {
          // Keep the target as written when it is not valid percent-encoding.
        }
        if (!anchors.has(target) && !anchors.has(target.toLowerCase())) {
          report(messages.anchor(label, href), citation.position)
        }
      }
    }
  },
})
