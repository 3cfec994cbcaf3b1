/** link-safe-scheme: no `javascript:`, `data:`, `vbscript:` or `file:` targets. */
import { visit } from 'unist-util-visit'
import * as z from 'zod'
import { classifyHref } from '../../text/citations.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'link-safe-scheme',
  defaultSeverity: 'error',
  description:
    'A link or image whose target uses the javascript:, data:, vbscript: or file: scheme.',
  options: z.strictObject({}),
  messages: {
    unsafe: (href: string) =>
      `Unexpected unsafe target “${href.length > 60 ? `${href.slice(0, 60)}…` : href}”, expected an http(s) URL`,
  },
  check({ model, tree, messages, report }) {
    const reported = new Set<number>()
    for (const citation of model.citations) {
      if (citation.href === null || citation.status !== 'unsafe-scheme') continue
      reported.add(citation.position.start.offset)
      report(messages.unsafe(citation.href), citation.position)
    }
    if (!tree) return
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return
      const position = node.position
      if (!position || position.start.offset === undefined) return
      if (reported.has(position.start.offset) || classifyHref(node.url) !== 'unsafe-scheme') return
      report(messages.unsafe(node.url), {
        start: {
          line: position.start.line,
          column: position.start.column,
          offset: position.start.offset,
        },
        end: {
          line: position.end.line,
          column: position.end.column,
          offset: position.end.offset ?? 0,
        },
      })
    })
  },
})
