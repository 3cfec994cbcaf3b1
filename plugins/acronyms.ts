/** fiche plugin: acronyms defined in the text with their long form (first definition wins). */
import type { Root } from 'mdast'
import type { Plugin } from 'unified'
import { draftOf, proseBlocks } from '../src/draft/index.ts'
import { analyse } from '../src/draft/analysis.ts'
import { sourceSpan } from '../src/text/flatten.ts'

/** Extracts acronym definitions. */
const ficheAcronyms: Plugin<[], Root> = function () {
  return (tree, file) => {
    const draft = draftOf(file)
    const seen = new Set<string>()
    for (const block of proseBlocks(tree)) {
      const { flat, acronymDefinitions } = analyse(draft, block)
      for (const definition of acronymDefinitions) {
        if (seen.has(definition.short)) continue
        seen.add(definition.short)
        const [start, end] = sourceSpan(flat, definition.start, definition.end)
        draft.acronyms.push({
          id: draft.ids.make('a', definition.short),
          short: definition.short,
          long: definition.long,
          position: draft.position(start, end),
        })
      }
    }
  }
}

export default ficheAcronyms
