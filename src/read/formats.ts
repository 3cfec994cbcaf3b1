/** The file extensions fiche reads, by format: light, for the commands that only find notes. */

/** Source formats fiche reads. */
export type SourceFormat = 'markdown' | 'text'

/** Format of a note from its extension, or null when fiche does not read it. */
export function formatOf(filePath: string): SourceFormat | null {
  const lower = filePath.toLowerCase()
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown'
  if (lower.endsWith('.txt')) return 'text'
  return null
}
