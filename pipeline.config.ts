/**
 * fiche configuration. Every field is optional; the values below are the
 * defaults, written out so that they are easy to change.
 */
import { defineConfig } from 'fiche'

export default defineConfig({
  // Folders (or files) whose .md, .markdown and .txt notes are built.
  input: ['input'],
  // Where `fiche build` writes output/<doc-id>/model.json and the other outputs.
  output: 'output',
  // Language of the notes.
  language: 'fr',
  // remark plugins run on the mdast before extraction, e.g. [remarkSmartypants].
  remarkPlugins: [],
  // fiche plugins run after the built-in extractors, e.g. [ficheWordCount]
  // from plugins/example-word-count.ts.
  plugins: [],
  extractors: {
    citations: { attributions: true },
    statistics: {
      kinds: ['percent', 'money', 'count', 'duration', 'multiplier', 'ratio', 'date', 'year'],
    },
  },
  // Validation rules of `fiche check` and `fiche build` (docs/rules/): a preset
  // ('recommended' or 'strict') and per-rule settings, 'off' | 'info' | 'warn' |
  // 'error' or [level, options].
  rules: {
    preset: 'recommended',
    'statistic-has-source': 'warn',
    // The notes number their first section "1.0".
    'heading-number-sequence': ['warn', { allowZero: true }],
  },
  // Sources registry that author-year citations resolve against: CSL-JSON
  // (Zotero export), BibTeX, or YAML/CSV with key, authors, year, title, url.
  sources: [],
  // Termbase (docs/termbase.md): YAML, TBX or CSV files of French/English
  // concepts, matched in every note and used for the glossaries.
  termbase: ['input/termbase.yaml'],
  // The Word brief output/<doc-id>/brief.fr.docx: `template` is a .docx/.dotx
  // whose styles and page setup replace the built-in ones; `toc` adds a table
  // of contents.
  docx: { toc: false },
})
