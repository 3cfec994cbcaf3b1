/**
 * The configuration of a fiche project, as written in `pipeline.config.ts`.
 * Every field is optional; `resolveConfig` fills in the documented defaults.
 */
import type { PluggableList } from 'unified'
import type { CitationOptions } from '../../plugins/citations.ts'
import type { StatisticsOptions } from '../../plugins/statistics.ts'
import type { EncodingFallback } from '../read/decode.ts'
import type { Translator } from '../translate/translate.ts'
import type { RulesConfig } from '../validate/settings.ts'

/** Options of the built-in extractors. */
export interface ExtractorOptions {
  /** Citations: links and textual attributions. */
  citations?: CitationOptions
  /** Statistics: which kinds to extract. */
  statistics?: StatisticsOptions
}

/** What a user writes in `pipeline.config.ts`. */
export interface FicheConfig {
  /**
   * Folders, files or globs whose `.md`, `.markdown` and `.txt` notes are
   * built (one string or a list). Default: `notes/`, else `input/`, else the
   * project folder.
   */
  input?: string | string[]
  /**
   * Paths never read as notes, in gitignore syntax, relative to the project
   * folder; added to those of `.ficheignore`. The output folder is always
   * left out. Default: none.
   */
  ignore?: string | string[]
  /** Follow symlinks that point outside the project folder. Default: `false` (skipped with a warning). */
  followSymlinks?: boolean
  /** Folder the outputs are written to. Default: `'output'`. */
  output?: string
  /**
   * Allow an output folder (`output` or `--out`) outside the project folder
   * (the folder of the configuration file); refused otherwise (exit 2), as
   * `--allow-outside-root` does for one run. Default: `false`.
   */
  allowOutputOutsideRoot?: boolean
  /**
   * Folder of the build cache (relative to the project folder), or `false` to
   * turn it off; `fiche build --no-cache` turns it off for one run. Default:
   * `'node_modules/.cache/fiche'`.
   */
  cache?: string | false
  /** Language of the notes: only `'fr'` is supported (the target languages are `translation.languages`). Default: `'fr'`. */
  language?: 'fr'
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
  /**
   * Validation rules (`fiche check`, `fiche build`): a preset and per-rule
   * settings, `'off' | 'info' | 'warn' | 'error'` or `[level, options]`, e.g.
   * `{ preset: 'strict', 'heading-number-sequence': ['error', { allowZero: true }] }`.
   * Default: the `recommended` preset. See `docs/rules/`.
   */
  rules?: RulesConfig
  /**
   * Sources registry: CSL-JSON (Zotero export), BibTeX, YAML or CSV files
   * (`key, authors, year, title, url`) that author-year citations resolve
   * against. Default: none.
   */
  sources?: string | string[]
  /**
   * Termbase files (YAML, TBX or CSV; see docs/termbase.md) whose terms are
   * matched in the notes and make the glossaries. Default:
   * `input/termbase.yaml` when it exists, otherwise none.
   */
  termbase?: string | string[]
  /** The Word brief (`output/<doc-id>/brief.fr.docx`). Default: built-in styles, no table of contents. */
  docx?: DocxOptions
  /** How notes, termbases and sources files that are not UTF-8 are read. */
  encoding?: EncodingOptions
  /** Limits past which a note is refused with a message naming the limit. */
  limits?: LimitOptions
  /**
   * Seconds one note may take in `fiche build` and `fiche check` (reading,
   * plugins, outputs) before it is stopped and fails with a message naming
   * the plugin that was running; the other notes still build. Applies when
   * the notes run in worker threads: always when there are `plugins` or
   * `remarkPlugins`, else with `--jobs` 2 or more. Default: `60`.
   */
  timeLimit?: number
  /** Translation files (`fiche translate`). Default: English, XLIFF 1.2, in `input/translations/`. */
  translation?: TranslationOptions
}

/** Reading files that are not UTF-8 (UTF-8 with or without BOM and UTF-16 with BOM are always read). */
export interface EncodingOptions {
  /**
   * Bytes that are not UTF-8: `'windows-1252'` decodes them as the
   * single-byte Western encoding their accented letters read as
   * (Windows-1252, Latin-1 or ISO-8859-15), with a warning naming the file
   * and the encoding; `'error'` refuses the file. Bytes that read as none of
   * them are always refused. Default: `'windows-1252'`.
   */
  fallback?: EncodingFallback
}

/** Limits of one note; past one, the note fails with a message naming the limit, the others build. */
export interface LimitOptions {
  /** Largest note file, in bytes. Default: `8000000` (8 MB). */
  fileBytes?: number
  /** Deepest nesting of block quotes, lists and emphasis. Default: `100`; at most `200`. */
  nestingDepth?: number
  /** Most links in one note. Default: `50000`. */
  links?: number
  /** Most links in one paragraph, heading or table cell. Default: `1000`. */
  linksPerBlock?: number
  /**
   * Longest stretch of a Markdown note, in characters, without a blank line
   * before a heading or a paragraph (where the note can be read in pieces).
   * Default: `1000000`.
   */
  blockChars?: number
}

/** Options of the translation files and their memory. */
export interface TranslationOptions {
  /** Target languages (BCP 47). Default: `['en']`. */
  languages?: string[]
  /** Folder of the translation files `<doc-id>.<lang>.xlf`, relative to the project. Default: `'input/translations'`. */
  folder?: string
  /** Version of a new translation file; an existing file keeps its own. Default: `'xliff1.2'`. */
  format?: 'xliff1.2' | 'xliff2'
  /** Write `needs-translation` where review is needed (Weblate shows only that as "needs editing"). Default: `false`. */
  weblate?: boolean
  /** TMX translation memories, relative to the project, used with the other notes' translations. Default: none. */
  memory?: string | string[]
  /** Lowest fuzzy match score (0–1) that fills an empty target as a draft. Default: `0.75`. */
  fuzzyThreshold?: number
  /**
   * How the English handout writes the figures fiche generates (the key
   * figures table): `'eu'`, the EU Interinstitutional Style Guide (2.5 %,
   * EUR 200 billion, 15 000), or `'press'` (2.5%, €200 billion, 15,000).
   * Default: `'eu'`. The translators' own text is never rewritten.
   */
  style?: 'eu' | 'press'
  /**
   * Machine drafts for what memory leaves empty: an async function from
   * segments (with their codes) and the approved terms to translations.
   * Default: none (off).
   */
  translator?: Translator
}

/** Options of the Word brief. */
export interface DocxOptions {
  /**
   * A .docx or .dotx whose styles (fonts, colours, spacing) and page setup
   * (size, margins) replace the built-in ones, like pandoc's reference
   * document. Relative to the project. Default: none.
   */
  template?: string
  /** Whether the brief has a table of contents (a TOC field Word updates on opening). Default: `false`. */
  toc?: boolean
  /** Most rows of the "Chiffres clés" table (sourced or marked figures, deduplicated). Default: 12. */
  keyFigures?: number
  /**
   * How a citation shows in the text, once: `'footnote'` (a footnote with the
   * reference and its URL) or `'link'` (the cited words link to the source).
   * Default: `'footnote'`.
   */
  citations?: 'footnote' | 'link'
  /** The author of the brief (`dc:creator`); default: the note's `author` front matter, else none. */
  author?: string
}

/** Identity function that gives `pipeline.config.ts` its types. */
export function defineConfig(config: FicheConfig): FicheConfig {
  return config
}
