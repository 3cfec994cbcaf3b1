/**
 * The output writers of a note, by name, like the readers (src/read/index.ts)
 * and the reporters (src/report/registry.ts). Each is a pure function from
 * what the CLI has read (the model, its English model when the note has a
 * translation file, the termbase, the sources, the Word template) to the
 * files of `output/<doc-id>/`; the CLI writes them, all or none.
 *
 * They run in the order of the registry: the brief first, so that its object
 * tree (hundreds of megabytes on a long note) can go before the other files
 * are made.
 */
import type { GlossaryRow } from '../glossary/rows.ts'
import { documentGlossaryFiles } from '../glossary/outputs.ts'
import type { Termbase } from '../glossary/termbase.ts'
import type { DocumentModel } from '../model/schema.ts'
import type { SourceRegistry } from '../sources/registry.ts'
import type { EnglishStyle } from '../translate/english-style.ts'
import type { EnglishNote } from '../translate/english.ts'
import { emitCsl } from './csl.ts'
import type { Brief, BriefOptions } from './docx/index.ts'
import { emitJson } from './json.ts'
import { emitMarkdown } from './markdown.ts'

/** What the output writers read. */
export interface OutputInput {
  model: DocumentModel
  /** The English model, when the note has a readable translation file. */
  english: EnglishNote | null
  termbase: Termbase
  sources: SourceRegistry
  /** The note's glossary rows (computed once for the brief, the handout and the glossary files). */
  glossary: GlossaryRow[]
  /** The Word options shared by the brief and the handout (template, table of contents, …). */
  docx: Omit<BriefOptions, 'glossary' | 'sources' | 'locale'>
  englishStyle: EnglishStyle
}

/** What one writer gives: its files, and what the build reports about them. */
export interface Output {
  files: Record<string, string | Uint8Array>
  /** Messages for the build's log (a control character dropped, …). */
  warnings?: string[]
  /** The brief's sources without a usable target (`--final` refuses them). */
  missingSources?: string[]
  /** The handout's units shown in French. */
  untranslated?: number
}

/** An output writer. */
export type OutputWriter = (input: OutputInput) => Output | Promise<Output>

/** The Word writer, loaded only when a brief is made. */
const docx = () => import('./docx/index.ts')

/** The bytes of a brief, its messages and the sources it lacks. */
async function pack(
  brief: Brief,
): Promise<{ bytes: Uint8Array; warnings: string[]; missingSources: string[] }> {
  const { packDocx } = await docx()
  return {
    bytes: await packDocx(brief),
    warnings: brief.diagnostics.map((diagnostic) => diagnostic.message),
    missingSources: brief.missingSources,
  }
}

/** Writer name → writer, in the order they run. */
export const outputWriters = {
  /** `brief.fr.docx`, the French brief. */
  async brief(input) {
    const { buildBrief } = await docx()
    const glossary = input.glossary.map((row) => ({ ...row, definition: row.definitionFr }))
    const { bytes, warnings, missingSources } = await pack(
      buildBrief(input.model, { ...input.docx, glossary, sources: input.sources }),
    )
    return { files: { 'brief.fr.docx': bytes }, warnings, missingSources }
  },
  /** `model.json`, the model (valid against schema/). */
  model: (input) => ({ files: { 'model.json': emitJson(input.model) } }),
  /** `sources.csl.json`, the cited sources as CSL-JSON. */
  sources: (input) => ({ files: { 'sources.csl.json': emitCsl(input.model, input.sources) } }),
  /** `glossary.*`, the note's glossary and its candidate terms. */
  glossary: (input) => ({ files: documentGlossaryFiles(input.model, input.termbase) }),
  /**
   * `handout.en.docx` and `note.en.md`, when the note has a translation file.
   * Its messages are the brief's, already given.
   */
  async handout(input): Promise<Output> {
    if (!input.english) return { files: {} }
    const { buildHandout } = await docx()
    // The handout's glossary annex gives the concepts' English definitions.
    const { bytes } = await pack(
      buildHandout(input.english.model, {
        ...input.docx,
        glossary: input.glossary,
        sources: input.sources,
        englishStyle: input.englishStyle,
      }),
    )
    return {
      files: {
        'handout.en.docx': bytes,
        'note.en.md': emitMarkdown(input.english.model, { lang: 'en' }),
      },
      untranslated: input.english.untranslated,
    }
  },
} satisfies Record<string, OutputWriter>

/** Name of an output writer. */
export type OutputWriterName = keyof typeof outputWriters

/** The joined outputs of a note. */
export interface NoteOutputs {
  files: Record<string, string | Uint8Array>
  warnings: string[]
  missingSources: string[]
  /** The handout's units shown in French; null without a handout. */
  untranslated: number | null
}

/**
 * Runs the writers in order and joins what they give. A writer that throws
 * stops the note: the CLI then writes none of its files.
 */
export async function noteOutputs(
  input: OutputInput & {
    /** Called after each writer (the CLI lets the heap settle there: see src/cli/heap.ts). */
    afterEach?: () => void
  },
): Promise<NoteOutputs> {
  const joined: NoteOutputs = { files: {}, warnings: [], missingSources: [], untranslated: null }
  for (const write of Object.values(outputWriters) as OutputWriter[]) {
    const output = await write(input)
    input.afterEach?.()
    Object.assign(joined.files, output.files)
    joined.warnings.push(...(output.warnings ?? []))
    joined.missingSources.push(...(output.missingSources ?? []))
    if (output.untranslated !== undefined) joined.untranslated = output.untranslated
  }
  return joined
}
