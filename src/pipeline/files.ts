/** Finding the notes to build: folders walked, globs expanded, ignored paths and symlinks handled. */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import ignore, { type Ignore } from 'ignore'
import { globSync } from 'tinyglobby'
import { formatOf } from '../read/formats.ts'

/** The file that lists paths never read as notes, in gitignore syntax, at the project root. */
export const IGNORE_FILE = '.ficheignore'

/** A path argument that names nothing, or a set of paths with no note in it; the CLI exits 2. */
export class NotesError extends Error {
  override name = 'NotesError'
}

export interface FindOptions {
  /** Folders never walked (absolute): the output folder, so that outputs are never read back. */
  excluded?: string[]
  /** The project folder: ignore patterns are relative to it, and symlinks leaving it are not followed. */
  root?: string
  /** Patterns in gitignore syntax (the `ignore` config key), added to those of `.ficheignore`. */
  ignore?: string[]
  /** Follow symlinks that point outside `root` (default: skipped with a warning). */
  followSymlinks?: boolean
  /** Folder relative globs are expanded from (default: the process's). */
  cwd?: string
  /**
   * When false (the default), a path that does not exist and a set of paths
   * with no note in it throw a `NotesError`.
   */
  allowEmpty?: boolean
}

export interface FoundNotes {
  /** The notes, absolute, sorted, without duplicates. */
  files: string[]
  /** Paths skipped that the user may want to hear about (a symlink leaving the project…). */
  warnings: string[]
}

const GLOB = /[*?[\]{}]/

/**
 * Every `.md`, `.markdown` and `.txt` file under `paths`. A folder is walked
 * (hidden entries and `node_modules` skipped, and so are the `excluded`
 * folders); a file is taken as it is, even when ignored, since the user named
 * it; a path with glob characters is expanded (tinyglobby). Paths matched by
 * `.ficheignore` or the `ignore` option are skipped while walking. A symlink
 * whose target lies outside `root` is skipped with a warning unless
 * `followSymlinks`; a symlinked folder already walked (a loop) is walked once.
 * Each entry is looked at once: linear in the size of the tree.
 */
export function findNotes(paths: string[], options: FindOptions = {}): FoundNotes {
  const root = path.resolve(options.root ?? process.cwd())
  const cwd = options.cwd ?? process.cwd()
  const rootReal = realOf(root) ?? root
  const skipped = new Set((options.excluded ?? []).map((p) => realOf(p) ?? path.resolve(p)))
  const ignored = ignoreOf(root, options.ignore ?? [])
  const found = new Set<string>()
  const warnings: string[] = []
  const visited = new Set<string>()
  const shown = (p: string) => path.relative(cwd, p).split(path.sep).join('/') || '.'
  const isIgnored = (full: string, directory: boolean): boolean => {
    const relative = path.relative(root, full).split(path.sep).join('/')
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
    return ignored.ignores(directory ? `${relative}/` : relative)
  }
  const walk = (dir: string, real: string): void => {
    if (skipped.has(real) || visited.has(real)) return
    visited.add(real)
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      warnings.push(
        `${shown(dir)}: cannot read the folder (${(error as NodeJS.ErrnoException).code})`,
      )
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = path.join(dir, entry.name)
      let directory = entry.isDirectory()
      let target = path.join(real, entry.name)
      if (entry.isSymbolicLink()) {
        const resolved = realOf(full)
        if (resolved === null) {
          // A note that cannot be read is the build's to report (a failed file).
          if (formatOf(entry.name) && !isIgnored(full, false)) found.add(full)
          continue
        }
        if (!inside(rootReal, resolved) && !options.followSymlinks) {
          warnings.push(
            `${shown(full)}: symlink to ${resolved}, outside the project, not followed (set followSymlinks to follow it)`,
          )
          continue
        }
        target = resolved
        directory = statSync(resolved).isDirectory()
      }
      if (isIgnored(full, directory)) continue
      if (directory) walk(full, target)
      else if (formatOf(entry.name)) found.add(full)
    }
  }
  for (const p of paths) {
    const absolute = path.resolve(cwd, p)
    if (GLOB.test(p) && realOf(absolute) === null) {
      const matches = globSync(p, {
        cwd,
        absolute: true,
        dot: false,
        onlyFiles: false,
        ignore: ['**/node_modules/**'],
      })
      let any = false
      for (const match of matches.sort()) {
        const full = path.resolve(match)
        if (isIgnored(full, false)) continue
        const real = realOf(full)
        if (real !== null && [...skipped].some((s) => inside(s, real))) continue
        if (real !== null && statSync(real).isDirectory()) walk(full, real)
        else if (formatOf(full)) found.add(full)
        any = true
      }
      if (!any && !options.allowEmpty) throw new NotesError(`no file matches ${p}`)
      continue
    }
    const real = realOf(absolute)
    if (real === null) {
      if (options.allowEmpty) continue
      throw new NotesError(`no such file or folder: ${p}`)
    }
    if (statSync(real).isDirectory()) walk(absolute, real)
    else found.add(absolute)
  }
  if (found.size === 0 && !options.allowEmpty) {
    throw new NotesError(
      `no note (.md, .markdown or .txt) in ${paths.map(shown).join(', ') || 'the input folders'}`,
    )
  }
  return { files: [...found].sort(), warnings }
}

/** The patterns of `<root>/.ficheignore` and `extra`. */
function ignoreOf(root: string, extra: string[]): Ignore {
  const patterns = ignore()
  try {
    patterns.add(readFileSync(path.join(root, IGNORE_FILE), 'utf8'))
  } catch {
    // No .ficheignore: only the configured patterns.
  }
  return patterns.add(extra)
}

/** The real path of `p`, or null when it does not exist (or is a broken link). */
function realOf(p: string): string | null {
  try {
    return realpathSync(p)
  } catch {
    return null
  }
}

/** Whether `child` is `parent` or lies under it. */
function inside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
