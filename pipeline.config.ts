/**
 * fiche configuration. Every field is optional; the values below are the
 * defaults, written out so that they are easy to change.
 */
import { defineConfig } from './src/index.ts'

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
})
