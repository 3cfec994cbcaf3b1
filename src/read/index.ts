/** The readers, by name, and the file extensions they take. */
import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { readMarkdown } from './markdown.ts'
import { readText } from './text.ts'
import type { SourceFormat } from './formats.ts'

export { formatOf, type SourceFormat } from './formats.ts'

/** Reader registry: format name → function from a decoded file to mdast. */
export const readers: Record<SourceFormat, (file: VFile) => Root> = {
  markdown: readMarkdown,
  text: readText,
}
