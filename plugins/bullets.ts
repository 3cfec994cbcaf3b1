/**
 * fiche plugin: bullets (list items), with their nesting depth, enclosing
 * bullet and section. Citation and statistic ids are linked when the model
 * is assembled.
 */
import type { ListItem, Nodes, Root } from 'mdast'
import type { Plugin } from 'unified'
import { draftOf, sectionAt } from '../src/draft/index.ts'
import { collapseSpace } from '../src/text/normalize.ts'

/** Extracts every list item as a bullet. */
const ficheBullets: Plugin<[], Root> = function () {
  return (tree, file) => {
    const draft = draftOf(file)
    const addBullet = (
      node: ListItem,
      depth: number,
      parentId: string | null,
      ordered: boolean,
    ) => {
      const start = node.position?.start.offset ?? 0
      const end = node.position?.end.offset ?? start
      const text = collapseSpace(draft.flatten(node).text)
      const sectionId = sectionAt(draft, start)
      const id = draft.ids.make('b', sectionId ?? '', parentId ?? '', text)
      draft.bullets.push({
        id,
        text,
        depth,
        ordered,
        parentId,
        sectionId,
        citationIds: [],
        statisticIds: [],
        position: draft.position(start, end),
      })
      return id
    }
    const walk = (node: Nodes, depth: number, parentId: string | null, ordered: boolean): void => {
      if (node.type === 'listItem') {
        const id = addBullet(node, depth, parentId, ordered)
        for (const child of node.children) walk(child, depth + 1, id, ordered)
      } else if (node.type === 'list') {
        for (const child of node.children) walk(child, depth, parentId, Boolean(node.ordered))
      } else if ('children' in node) {
        for (const child of node.children) walk(child as Nodes, depth, parentId, ordered)
      }
    }
    walk(tree, 1, null, false)
  }
}

export default ficheBullets
