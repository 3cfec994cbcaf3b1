/**
 * Reference-style links (`[Karnofsky, 2025][k]` with `[k]: https://…`)
 * become plain links carrying the definition's URL, so that every later step
 * sees one kind of link. Unlike remark-inline-links, the link keeps the
 * reference's source position, which the model's positions rely on.
 */
import type { Root } from 'mdast'
import { definitions } from 'mdast-util-definitions'
import { visit } from 'unist-util-visit'

/** Replaces `linkReference` nodes that have a definition by `link` nodes, in place. */
export function resolveReferences(tree: Root): void {
  const definition = definitions(tree)
  visit(tree, 'linkReference', (node, index, parent) => {
    const target = definition(node.identifier)
    if (!target || !parent || index === undefined) return
    parent.children[index] = {
      type: 'link',
      url: target.url,
      title: target.title ?? null,
      children: node.children,
      position: node.position,
    }
  })
}
