/** The notes a command works on, from its path arguments or the configured input folders. */
import type { ResolvedConfig } from '../config/resolve.ts'
import { findNotes, NotesError } from '../pipeline/files.ts'
import { documentIdsOf } from '../pipeline/ids.ts'

export interface CommandNotes {
  /** The notes, absolute, sorted. */
  files: string[]
  /** The document id of each note (see `documentIdsOf`). */
  idOf: (file: string) => string
}

/**
 * The notes named by `args` (files, folders or globs), or those of the
 * configured input folders when there is none. Warnings go to `err`. A path
 * that names nothing, or no note at all, prints one line and gives null: the
 * command exits 2. Ids are assigned over every note of the project, so that a
 * note built alone gets the same id as in a build of all of them.
 */
export function notesOf(
  command: string,
  config: ResolvedConfig,
  args: string[],
  err: NodeJS.WritableStream = process.stderr,
  allowEmpty = false,
): CommandNotes | null {
  const options = {
    root: config.root,
    excluded: [config.output],
    ignore: config.ignore,
    followSymlinks: config.followSymlinks,
  }
  let files: string[]
  let warnings: string[]
  try {
    ;({ files, warnings } = findNotes(args.length > 0 ? args : config.input, {
      ...options,
      allowEmpty,
    }))
  } catch (error) {
    if (error instanceof NotesError) {
      err.write(`fiche ${command}: ${error.message}\n`)
      return null
    }
    throw error
  }
  // The project's other notes take part in the slug collisions, not in the batch.
  const project =
    args.length > 0
      ? findNotes(config.input, { ...options, allowEmpty: true }).files
      : ([] as string[])
  const all = [...new Set([...files, ...project])]
  const ids = documentIdsOf(all, config.root)
  for (const warning of [...warnings, ...ids.warnings]) err.write(`warning: ${warning}\n`)
  return { files, idOf: ids.idOf }
}
