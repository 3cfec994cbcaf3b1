/**
 * A note's result and the helpers that make a failed one: light enough for
 * the commands to import when the cache answers and nothing is parsed.
 */
import path from 'node:path'
import type { Root } from 'mdast'
import type { ResolvedConfig } from '../config/resolve.ts'
import type { Diagnostic, DocumentModel } from '../model/schema.ts'
import { slugify } from '../text/normalize.ts'

/** The outcome for one note: a model, or a fatal diagnostic naming the file. */
export type NoteResult =
  | {
      path: string
      relativePath: string
      ok: true
      model: DocumentModel
      tree: Root
      /** The note's text as read (for in-document suppression comments). */
      text: string
    }
  | FailedNoteResult

/** A note that did not build: a fatal diagnostic naming the file. */
export interface FailedNoteResult {
  path: string
  relativePath: string
  ok: false
  error: Diagnostic
}

/** A failed result whose fatal diagnostic names the file first. */
export function failedNote(
  filePath: string,
  relativePath: string,
  message: string,
): FailedNoteResult {
  return {
    path: filePath,
    relativePath,
    ok: false,
    error: {
      ruleId: 'fatal',
      source: 'fiche',
      severity: 'error',
      message: `${relativePath}: ${message}`,
      position: null,
      url: null,
      fatal: true,
    },
  }
}

/** A path relative to the project root, with forward slashes. */
export function projectPath(config: ResolvedConfig, filePath: string): string {
  return path.relative(config.root, filePath).split(path.sep).join('/')
}

/** The document id: the slug of the file name without its extension. */
export function documentId(filePath: string): string {
  return slugify(path.basename(filePath).replace(/\.(md|markdown|txt)$/i, ''))
}
