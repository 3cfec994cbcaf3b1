/**
 * `fiche translate [paths…] [--to LANG] [--tm FILE.tmx…] [--format xliff1.2|xliff2] [--check]`:
 * creates or updates `<translation folder>/<doc-id>.<lang>.xlf` for each
 * note, fills empty targets from the translation memory (the `--tm` files,
 * the configured ones and the translated units of every note) and from the
 * configured `translator`, prints per note what the file holds, and writes
 * `<output>/memory.<lang>.tmx`. A file that cannot be read is reported and
 * left as it is. `--check` writes nothing and exits 1 when a file would change.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'
import { emitTmx, type TmxEntry } from '../translate/tmx-write.ts'
import { notesOf, type CommandNotes } from './notes.ts'
import { buildFile, createProcessor, failedNote, projectPath } from '../pipeline/process.ts'
import type { PluginMonitor } from '../pipeline/user-plugins.ts'
import type { BuiltNote } from './build.ts'
import { createPool, poolSize } from './pool.ts'
import { memoryEntries, TranslationMemory, type MemoryEntry } from '../translate/memory.ts'
import { readTranslationFile } from '../translate/read.ts'
import { readTmx } from '../translate/tmx.ts'
import { translateNote } from '../translate/translate.ts'
import { outsideRootRefusal } from './root.ts'
import { lockOptions, withLock } from './lock.ts'
import { writeAtomic } from './write.ts'

/** Options of `fiche translate`. */
export interface TranslateCliOptions {
  paths: string[]
  to: string | null
  tm: string[]
  format: string | null
  check: boolean
  quiet: boolean
  /** Allow an output folder outside the project root (`--allow-outside-root`). */
  allowOutsideRoot?: boolean
}

const FORMATS = { 'xliff1.2': '1.2', xliff2: '2.0' } as const

/** Runs `fiche translate`; returns the exit code. */
export async function runTranslate(
  config: ResolvedConfig,
  options: TranslateCliOptions,
): Promise<number> {
  const format = options.format ?? config.translation.format
  if (!(format in FORMATS)) {
    process.stderr.write(
      `fiche translate: unknown format "${format}", expected xliff1.2 or xliff2\n`,
    )
    return 2
  }
  const version = FORMATS[format as keyof typeof FORMATS]
  // The files go to the translation folder and the memory to the output folder (nothing with --check).
  const refused = options.check
    ? null
    : (outsideRootRefusal(
        'translate',
        config.translation.folder,
        config,
        options.allowOutsideRoot,
        'translation folder',
      ) ?? outsideRootRefusal('translate', config.output, config, options.allowOutsideRoot))
  if (refused) {
    process.stderr.write(`${refused}\n`)
    return 2
  }
  const notes = notesOf('translate', config, options.paths)
  if (notes === null) return 2
  if (options.check) return translate(config, options, version, notes)
  // It writes the translation files and the memory in the output folder: one writer at a time.
  return withLock(config.output, lockOptions(options.quiet), () =>
    translate(config, options, version, notes),
  )
}

/**
 * Builds the model of one note as plain data (what a worker thread sends
 * back): the notes are built in workers when user plugins are configured, so
 * that the time limit (`timeLimit`) stops a plugin that loops.
 */
export function createNoteModeler(
  config: ResolvedConfig,
  monitor?: PluginMonitor,
): (file: string, id: string) => Promise<BuiltNote> {
  const processor = createProcessor(config, monitor)
  return async (file, id) => {
    const result = await buildFile(file, config, processor, id)
    if (!result.ok) return result
    return { path: result.path, relativePath: result.relativePath, ok: true, model: result.model }
  }
}

/** `runTranslate` once the format is known (and the output folder locked unless checking). */
async function translate(
  config: ResolvedConfig,
  options: TranslateCliOptions,
  version: '1.2' | '2.0',
  { files, idOf }: CommandNotes,
): Promise<number> {
  const languages = options.to ? [options.to] : config.translation.languages
  const relative = (p: string) => path.relative(config.root, p).split(path.sep).join('/')
  const size = poolSize(config, undefined, files.length)
  const pool = size > 0 ? createPool<BuiltNote>(config, { command: 'model' }, size) : null
  const modelOf = pool ? null : createNoteModeler(config)
  // Queued at once, taken in the order of the notes (see `fiche build`).
  const pending = files.map((file) =>
    pool
      ? pool
          .run(file, idOf(file))
          .then((answer): BuiltNote =>
            answer.ok ? answer.value : failedNote(file, projectPath(config, file), answer.reason),
          )
      : null,
  )
  let failed = 0
  const notes: Array<Extract<BuiltNote, { ok: true }>> = []
  try {
    for (const [index, file] of files.entries()) {
      const result = (await pending[index]) ?? (await modelOf!(file, idOf(file)))
      if (result.ok) notes.push(result)
      else {
        process.stderr.write(`error: ${result.error.message}\n`)
        failed++
      }
    }
  } finally {
    await pool?.close()
  }
  let changes = 0
  for (const language of languages) {
    const fileOf = (id: string) => path.join(config.translation.folder, `${id}.${language}.xlf`)
    const existing = new Map<string, string | null>()
    const entries: MemoryEntry[] = []
    for (const tmx of [...options.tm.map((p) => path.resolve(p)), ...config.translation.memory]) {
      try {
        const from = path.basename(tmx)
        for (const pair of readTmx(
          readFileSync(tmx, 'utf8'),
          relative(tmx),
          config.language,
          language,
        ))
          entries.push({ ...pair, from })
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        process.stderr.write(
          `error: ${code ? `${relative(tmx)}: cannot read the file (${code})` : (error as Error).message}\n`,
        )
        failed++
      }
    }
    for (const note of notes) {
      const file = fileOf(note.model.id)
      const text = existsSync(file) ? readFileSync(file, 'utf8') : null
      existing.set(note.model.id, text)
      if (text === null) continue
      try {
        const expected = {
          original: note.relativePath,
          sourceLanguage: config.language,
          targetLanguage: language,
        }
        entries.push(
          ...memoryEntries(
            readTranslationFile(text, relative(file), expected),
            path.basename(file),
          ),
        )
      } catch {
        // Reported when the note itself is synced below.
      }
    }
    const memory = new TranslationMemory(entries, config.translation.fuzzyThreshold)
    const terms =
      language === 'en'
        ? config.termbase.concepts
            .filter((c) => c.status === 'approved')
            .map((c) => ({ source: c.fr.term, target: c.en.term }))
        : []
    const exported: TmxEntry[] = []
    for (const note of notes) {
      const file = fileOf(note.model.id)
      const name = relative(file)
      let result
      try {
        result = await translateNote(note.model, existing.get(note.model.id) ?? null, {
          file: name,
          original: note.relativePath,
          sourceLanguage: config.language,
          targetLanguage: language,
          version,
          weblate: config.translation.weblate,
          memory: memory.size > 0 ? memory : null,
          translator: config.translation.translator,
          terms,
        })
      } catch (error) {
        process.stderr.write(`error: ${(error as Error).message} (the file is left as it is)\n`)
        failed++
        continue
      }
      for (const failure of result.failures) {
        process.stderr.write(`warning: ${name}: unit ${failure.unitId}: ${failure.message}\n`)
      }
      if (result.changed) {
        changes++
        if (!options.check) writeAtomic(file, result.text)
      }
      const expected = {
        original: note.relativePath,
        sourceLanguage: config.language,
        targetLanguage: language,
      }
      for (const entry of memoryEntries(readTranslationFile(result.text, name, expected), name)) {
        exported.push({ source: entry.source, target: entry.target, codes: entry.codes })
      }
      const s = result.stats
      const what = result.changed ? (options.check ? 'would change' : 'written') : 'unchanged'
      if (!options.quiet || (options.check && result.changed)) {
        process.stdout.write(
          `${note.relativePath} → ${name} (XLIFF ${result.version}, ${what}): ${s.total} units, ${s.translated} translated, ${s.new} new, ${s.stale} stale, ${s.obsolete} obsolete, ${s.fromMemory} filled from memory${s.fromMachine > 0 ? `, ${s.fromMachine} machine drafts` : ''}; ${s.words} words to translate\n`,
        )
      }
    }
    if (!options.check && notes.length > 0) {
      writeAtomic(
        path.join(config.output, `memory.${language}.tmx`),
        emitTmx(exported, { sourceLanguage: config.language, targetLanguage: language }),
      )
    }
  }
  if (options.check && changes > 0) {
    process.stderr.write(`${changes} translation file(s) out of date: run fiche translate\n`)
  }
  return failed > 0 || (options.check && changes > 0) ? 1 : 0
}
