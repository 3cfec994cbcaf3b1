/** The readers, by name, and the file extensions they take. */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { readMarkdown } from './markdown.ts'
import { readText } from './text.ts'

/** Source formats fiche reads. */
export type SourceFormat = 'markdown' | 'text'

/** Reader registry: format name → function from a decoded file to mdast. */
export const readers: Record<SourceFormat, (file: VFile) => Root> = {
  markdown: readMarkdown,
  text: readText,
}

/** Format of a note from its extension, or null when fiche does not read it. */
export function formatOf(filePath: string): SourceFormat | null {
  const lower = filePath.toLowerCase()
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown'
  if (lower.endsWith('.txt')) return 'text'
  return null
}
