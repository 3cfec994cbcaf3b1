/**
 * The pipeline for one note: decode → read (mdast) → remark plugins →
 * extractors → user plugins → assemble and validate the model. A failing
 * step becomes a fatal diagnostic on that file, never a crash of the batch.
 */
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import type { Root } from 'mdast'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import ficheAcronyms from '../../plugins/acronyms.ts'
import ficheBlocks from '../../plugins/blocks.ts'
import ficheBullets from '../../plugins/bullets.ts'
import ficheCitations from '../../plugins/citations.ts'
import ficheHeadings from '../../plugins/headings.ts'
import ficheMeta from '../../plugins/meta.ts'
import ficheSources from '../../plugins/sources.ts'
import ficheStatistics from '../../plugins/statistics.ts'
import ficheTerms from '../../plugins/terms.ts'
import type { ResolvedConfig } from '../config/resolve.ts'
import { documentId, failedNote, projectPath, type NoteResult } from './result.ts'
import { DecodeError, decodeNote, type NoteText } from '../read/decode.ts'
import { formatOf, readers } from '../read/index.ts'
import { blockReason, markdownNestingReason, sizeReason, treeReason } from '../read/limits.ts'
import { remapPositions } from '../read/source-map.ts'
import { assembleModel } from './assemble.ts'
import { createDraft } from '../draft/index.ts'
import { wrapUserPlugins, type PluginMonitor } from './user-plugins.ts'

/** A note to build: where it is and its bytes. */
export interface NoteInput {
  /** Absolute path. */
  path: string
  bytes: Uint8Array
}

export { documentId, failedNote, projectPath, type NoteResult } from './result.ts'

/**
 * Reads and builds one note file; a file that cannot be read becomes a failed
 * result. `id` is the document id (see `assignDocumentIds` for a batch).
 */
export async function buildFile(
  filePath: string,
  config: ResolvedConfig,
  processor = createProcessor(config),
  id = documentId(filePath),
): Promise<NoteResult> {
  let bytes: Uint8Array
  try {
    // A file over the size limit is refused before it is read.
    const tooLarge = sizeReason(statSync(filePath).size, config.limits)
    if (tooLarge) return failedNote(filePath, projectPath(config, filePath), tooLarge)
    bytes = readFileSync(filePath)
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    return failedNote(filePath, projectPath(config, filePath), `cannot read the file (${reason})`)
  }
  return buildNote({ path: filePath, bytes }, config, processor, id)
}

/**
 * The unified processor that runs the transformers over a parsed tree. The
 * user's plugins are wrapped (see `wrapUserPlugins`): their errors name them,
 * and `monitor` is told which one runs.
 */
export function createProcessor(
  config: ResolvedConfig,
  monitor?: PluginMonitor,
): Processor<Root, Root, Root> {
  const user = wrapUserPlugins(config, monitor)
  return unified()
    .use(user.remarkPlugins)
    .use(ficheMeta)
    .use(ficheHeadings)
    .use(ficheBullets)
    .use(ficheCitations, config.extractors.citations)
    .use(ficheSources, { registry: config.sources })
    .use(ficheStatistics, config.extractors.statistics)
    .use(ficheAcronyms)
    .use(ficheTerms, { termbase: config.termbase })
    .use(ficheBlocks)
    .use(user.plugins) as unknown as Processor<Root, Root, Root>
}

/**
 * Builds the model of one note, whose id is `id` (by default the slug of its
 * file name). Never throws: failures come back as `ok: false`.
 */
export async function buildNote(
  input: NoteInput,
  config: ResolvedConfig,
  processor = createProcessor(config),
  id = documentId(input.path),
): Promise<NoteResult> {
  const relativePath = projectPath(config, input.path)
  const fail = (message: string): NoteResult => failedNote(input.path, relativePath, message)
  const format = formatOf(input.path)
  if (!format) return fail('Unexpected file type, expected .md, .markdown or .txt')
  const tooLarge = sizeReason(input.bytes.length, config.limits)
  if (tooLarge) return fail(tooLarge)
  try {
    const note = decodeNote(input.bytes, relativePath, config.encoding)
    const tooDeep =
      format === 'markdown'
        ? (markdownNestingReason(note.text, config.limits) ?? blockReason(note.text, config.limits))
        : null
    if (tooDeep) return fail(tooDeep)
    const file = new VFile({ path: relativePath, value: note.text, cwd: config.root })
    file.data.pageBreakLines = note.pageBreakLines
    const tree = readers[format](file)
    const refused = treeReason(tree, config.limits)
    if (refused) return fail(refused)
    // From here on, positions are offsets of the file's own text (see src/read/source-map.ts).
    remapPositions(tree, note.map, note.original)
    file.value = note.original
    reportNotices(file, note)
    file.data.fiche = createDraft(file, format)
    const transformed = (await processor.run(tree, file)) as Root
    const model = assembleModel(file.data.fiche, file, id, {
      path: relativePath,
      format,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      language: config.language,
    })
    return {
      path: input.path,
      relativePath,
      ok: true,
      model,
      tree: transformed,
      text: note.original,
    }
  } catch (error) {
    return fail(error instanceof DecodeError ? error.reason : (error as Error).message)
  }
}

/** The warnings of decoding, once each, as messages of the file. */
function reportNotices(file: VFile, note: NoteText): void {
  const place = location(note.original)
  for (const notice of note.notices) {
    const point = notice.offset === null ? undefined : place.toPoint(notice.offset)
    const message = file.message(notice.reason, {
      place: point ? { ...point, offset: notice.offset! } : undefined,
      ruleId: notice.ruleId,
      source: 'fiche-read',
    })
    message.fatal = false
  }
}
