/**
 * `fiche watch`: builds every note, then rebuilds only what a change needs.
 * A changed note is rebuilt alone, and the corpus glossary merged again for
 * that note's concepts only (its files written when their bytes change); a
 * deleted note loses its output folder; an added or deleted note makes the
 * ids of all notes assigned again (a slug they share moves outputs); a change
 * to the configuration, the termbase, the sources registry or the Word
 * template reloads the configuration and rebuilds every note. Notes whose
 * build-cache entry holds are not built again (start-up, reloads).
 */
import { rmSync } from 'node:fs'
import path from 'node:path'
import { ConfigError, loadConfig, type ResolvedConfig } from '../config/resolve.ts'
import { createCorpusGlossary } from '../glossary/corpus.ts'
import { findNotes } from '../pipeline/files.ts'
import { documentIdsOf } from '../pipeline/ids.ts'
import { documentId } from '../pipeline/process.ts'
import { formatOf } from '../read/formats.ts'
import {
  createNoteWriter,
  readSourceDateEpoch,
  writeCorpusFiles,
  withGlossary,
  writeOutcome,
  type NoteOutcome,
  type NoteWriter,
} from './build.ts'
import { unfinishedNote } from './builder.ts'
import { createPool, poolSize } from './pool.ts'
import { outsideRootRefusal } from './root.ts'
import { LockError, lockOptions, withLock } from './lock.ts'

/** A file-system event, as the watcher reports it. */
export interface WatchEvent {
  event: 'add' | 'change' | 'unlink'
  path: string
}

/** What a batch of events requires. */
export interface WatchPlan {
  /** Reload the configuration and rebuild every note. */
  reload: boolean
  /** Notes to build, absolute paths. */
  notes: string[]
  /** Notes deleted, whose outputs go. */
  removed: string[]
}

/** The files besides the notes whose change requires a full rebuild. */
export function dependenciesOf(config: ResolvedConfig, configFile: string | null): string[] {
  return [
    ...(configFile ? [configFile] : []),
    ...config.termbaseFiles,
    ...config.sources.files.map((file) => path.resolve(config.root, file)),
    ...(config.docx.template ? [config.docx.template] : []),
  ]
}

/**
 * Decides what to rebuild for a batch of events (the last event of a path
 * wins). `noteOfTranslation` maps a translation file (`<doc-id>.<lang>.xlf`)
 * to the note it translates, whose handout a save of it rebuilds.
 */
export function planChanges(
  events: WatchEvent[],
  dependencies: string[],
  noteOfTranslation: (file: string) => string | null = () => null,
): WatchPlan {
  const last = new Map<string, WatchEvent['event']>()
  for (const { event, path: file } of events) last.set(path.resolve(file), event)
  const depends = new Set(dependencies.map((file) => path.resolve(file)))
  const plan: WatchPlan = { reload: false, notes: [], removed: [] }
  const notes = new Set<string>()
  for (const [file, event] of [...last].sort(([a], [b]) => a.localeCompare(b))) {
    const translated = file.endsWith('.xlf') ? noteOfTranslation(file) : null
    if (depends.has(file)) plan.reload = true
    else if (translated) notes.add(translated)
    else if (!formatOf(file)) continue
    else if (event === 'unlink') plan.removed.push(file)
    else notes.add(file)
  }
  plan.notes = [...notes].filter((file) => !plan.removed.includes(file)).sort()
  return plan
}

/** How often `--poll` stats the watched files, in milliseconds. */
const pollInterval = 200

/**
 * How long the events of a save settle before anything is built, in
 * milliseconds: an editor writes a file in a burst (truncate then write, or
 * a temporary file renamed), and each event of the burst restarts the wait,
 * so one save builds once. Short, since a save waits for it.
 */
const settleTime = 25

/** Options of `fiche watch`. */
export interface WatchOptions {
  configFile: string | null
  out: string | null
  quiet: boolean
  /** Poll the files (every 200 ms) instead of relying on file-system events. */
  poll: boolean
  /** Allow an output folder outside the project root (`--allow-outside-root`). */
  allowOutsideRoot?: boolean
}

/**
 * The writer of watch: with user plugins, notes are built in a worker of the
 * pool (src/cli/pool.ts) so that the time limit (`timeLimit`) stops a plugin
 * that loops; a note that does not finish fails, its previous outputs left
 * as they are. Otherwise, in this thread.
 */
async function createWatchWriter(
  config: ResolvedConfig,
  outDir: string,
): Promise<{ writer: NoteWriter; close(): Promise<void> }> {
  if (poolSize(config, undefined, 1) === 0) {
    return { writer: await createNoteWriter(config, outDir), close: async () => {} }
  }
  const sourceDateEpoch = readSourceDateEpoch(process.env.SOURCE_DATE_EPOCH)
  const pool = createPool<NoteOutcome>(
    config,
    { command: 'build', final: false, sourceDateEpoch },
    1,
  )
  const writer: NoteWriter = {
    async write(file, id) {
      const answer = await pool.run(file, id ?? documentId(file))
      const outcome = answer.ok ? answer.value : unfinishedNote(config, file, answer.reason)
      for (const warning of outcome.warnings) process.stderr.write(`warning: ${warning}\n`)
      return withGlossary(writeOutcome(outcome, outDir), null, null, outDir, config.termbase)
    },
  }
  return { writer, close: () => pool.close() }
}

/** Watches until interrupted (SIGINT, SIGTERM); resolves to the exit code. */
export async function runWatch(initial: ResolvedConfig, options: WatchOptions): Promise<number> {
  const { watch } = await import('chokidar')
  const configFile = options.configFile ?? path.join(initial.root, 'pipeline.config.ts')
  let config = initial
  const outDir = () => (options.out ? path.resolve(options.out) : config.output)
  const refusal = () => outsideRootRefusal('watch', outDir(), config, options.allowOutsideRoot)
  const refused = refusal()
  if (refused) {
    process.stderr.write(`${refused}\n`)
    return 2
  }
  let current = await createWatchWriter(config, outDir())
  let writer: NoteWriter = current.writer
  let corpus = createCorpusGlossary(config.termbase)
  /** The id of each note of the input folders (colliding slugs resolved over all of them). */
  let ids = new Map<string, string>()
  let noteOfId = new Map<string, string>()
  let shownWarnings = ''
  const log = (line: string) => {
    if (!options.quiet || line.startsWith('error')) process.stderr.write(`${line}\n`)
  }
  /** The ids of the notes now in the input folders; warns when the collisions change. */
  const assignIds = (): Map<string, string> => {
    // An empty folder is fine here: the notes may come later.
    const found = findNotes(config.input, {
      root: config.root,
      excluded: [config.output],
      ignore: config.ignore,
      followSymlinks: config.followSymlinks,
      allowEmpty: true,
    })
    const files = found.files
    const { idOf, warnings: collisions } = documentIdsOf(files, config.root)
    const warnings = [...found.warnings, ...collisions]
    if (warnings.join('\n') !== shownWarnings) {
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`)
      shownWarnings = warnings.join('\n')
    }
    return new Map(files.map((file) => [file, idOf(file)]))
  }
  const useIds = (next: Map<string, string>) => {
    ids = next
    noteOfId = new Map([...next].map(([file, id]) => [id, file]))
  }
  const idOf = (file: string) => ids.get(file) ?? documentId(file)

  const build = async (file: string) => {
    const { result } = await writer.write(file, idOf(file))
    if (result.ok) corpus.set(file, { id: result.summary.id, rows: result.glossary })
    else corpus.delete(file)
    log(result.ok ? `built ${result.relativePath}` : `error: ${result.error.message}`)
  }
  /** Writes the corpus glossary files whose bytes changed (none without notes). */
  const writeCorpus = () => {
    const files = corpus.files()
    if (files) writeCorpusFiles(files, outDir(), true)
  }
  const rebuildAll = async () => {
    corpus = createCorpusGlossary(config.termbase)
    useIds(assignIds())
    for (const file of ids.keys()) await build(file)
    writeCorpus()
  }

  /** Runs `task` holding the output folder's lock (the signals are handled below). */
  const locked = (task: () => Promise<void>) =>
    withLock(outDir(), { ...lockOptions(options.quiet), exitOnSignal: false }, task)

  await locked(rebuildAll)
  const watched = () => [
    ...config.input,
    ...dependenciesOf(config, configFile),
    config.translation.folder,
  ]
  /** The note a translation file `<doc-id>.<lang>.xlf` of the translation folder belongs to. */
  const noteOfTranslation = (file: string): string | null => {
    if (path.dirname(file) !== path.resolve(config.translation.folder)) return null
    const id = path.basename(file).replace(/\.[^.]+\.xlf$/u, '')
    return noteOfId.get(id) ?? null
  }
  const watcher = watch(watched(), {
    ignoreInitial: true,
    ignored: (file) => file.startsWith(outDir()),
    usePolling: options.poll,
    interval: pollInterval,
  })
  let pending: WatchEvent[] = []
  let timer: NodeJS.Timeout | null = null
  let running = Promise.resolve()

  const apply = async (events: WatchEvent[]) => {
    try {
      await applyLocked(events)
    } catch (error) {
      if (!(error instanceof LockError)) throw error
      log(`error: ${error.message} (this change is not built)`)
    }
  }
  const applyLocked = async (events: WatchEvent[]) => {
    const plan = planChanges(events, dependenciesOf(config, configFile), noteOfTranslation)
    if (plan.reload) {
      try {
        const previous = config
        config = await loadConfig(options.configFile, process.cwd())
        const refused = refusal()
        if (refused) {
          config = previous
          throw new ConfigError(refused)
        }
        const next = await createWatchWriter(config, outDir())
        await current.close()
        current = next
        writer = next.writer
        watcher.add(watched())
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error
        log(`error: ${error.message} (keeping the previous configuration)`)
        return
      }
      log('configuration, termbase or sources changed: rebuilding every note')
      await locked(rebuildAll)
      return
    }
    if (plan.notes.length + plan.removed.length === 0) return
    await locked(async () => {
      // An added or removed note can change the id of a note whose slug it shares:
      // that note's outputs move to the folder of its new id. A changed note changes no id.
      const added = plan.notes.some((file) => !ids.has(file))
      const next = added || plan.removed.length > 0 ? assignIds() : ids
      const rebuild = new Set(plan.notes)
      for (const file of plan.removed) {
        corpus.delete(file)
        rmSync(path.join(outDir(), idOf(file)), { recursive: true, force: true })
        log(`removed the outputs of ${path.relative(config.root, file)}`)
      }
      if (next !== ids) {
        const removed = new Set(plan.removed)
        for (const [file, id] of next) {
          const old = ids.get(file)
          if (old === undefined || old === id || removed.has(file)) continue
          rmSync(path.join(outDir(), old), { recursive: true, force: true })
          rebuild.add(file)
        }
        useIds(next)
      }
      for (const file of [...rebuild].sort()) await build(file)
      if (rebuild.size + plan.removed.length > 0) writeCorpus()
    })
  }

  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (file: string) => {
      pending.push({ event, path: file })
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        const batch = pending
        pending = []
        running = running.then(() => apply(batch))
      }, settleTime)
    })
  }
  await new Promise<void>((resolve) => watcher.on('ready', () => resolve()))
  // When polling, 'ready' can come before every file's first stat is taken: a note saved
  // in that window would look unchanged. Two intervals let the baselines settle first.
  if (options.poll) await new Promise((resolve) => setTimeout(resolve, 2 * pollInterval))
  log(
    `watching ${config.input.map((p) => path.relative(config.root, p) || '.').join(', ')} (Ctrl-C to stop)`,
  )

  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  if (timer) clearTimeout(timer)
  await running
  await watcher.close()
  await current.close()
  return 0
}
