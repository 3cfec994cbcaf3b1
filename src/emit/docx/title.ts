/** The title block of a note: its leading title heading, date line and lead. */
import type { DocumentModel } from '../../model/schema.ts'

/** Index of the first block after the title block (depth-1 title heading, date line, lead). */
export function blocksTitleEnd(model: DocumentModel): number {
  const { blocks } = model
  let index = 0
  const first = blocks[0]
  if (
    first?.type === 'heading' &&
    model.headings.find((h) => h.id === first.headingId)?.depth === 1
  ) {
    index = 1
  }
  for (let block = blocks[index]; ; block = blocks[++index]) {
    if (block?.type !== 'paragraph' || (block.role !== 'dateline' && block.role !== 'lead'))
      return index
  }
}
