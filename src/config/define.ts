/**
 * The configuration of a fiche project, as written in `pipeline.config.ts`.
 * Every field is optional; `resolveConfig` fills in the documented defaults.
 */
import type { PluggableList } from 'unified'
import type { CitationOptions } from '../../plugins/citations.ts'
import type { StatisticsOptions } from '../../plugins/statistics.ts'

/** Options of the built-in extractors. */
export interface ExtractorOptions {
  /** Citations: links and textual attributions. */
  citations?: CitationOptions
  /** Statistics: which kinds to extract. */
  statistics?: StatisticsOptions
}

/** What a user writes in `pipeline.config.ts`. */
export interface FicheConfig {
  /** Folders (or files) whose `.md`, `.markdown` and `.txt` notes are built. Default: `['input']`. */
  input?: string[]
  /** Folder the outputs are written to. Default: `'output'`. */
  output?: string
  /** Language of the notes (BCP 47). Default: `'fr'`. */
  language?: string
  /**
   * remark plugins that transform the mdast before extraction (any unified
   * plugin: `[remarkSmartypants]` or `[[plugin, options]]`). Default: none.
   */
  remarkPlugins?: PluggableList
  /**
   * fiche plugins that run after the built-in extractors and add to the model
   * through `draftOf(file)` (see `plugins/example-word-count.ts`). Default: none.
   */
  plugins?: PluggableList
  /** Options of the built-in extractors. Default: every extractor with its defaults. */
  extractors?: ExtractorOptions
}

/** Identity function that gives `pipeline.config.ts` its types. */
export function defineConfig(config: FicheConfig): FicheConfig {
  return config
}
