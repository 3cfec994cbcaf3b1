/**
 * The user's plugins (`remarkPlugins` and `plugins` of pipeline.config.ts),
 * wrapped so that what goes wrong in one is blamed on it by name: an error it
 * throws (or rejects with, or passes to its callback) becomes a
 * `PluginError` "plugin <name> failed: <reason>", and a monitor is told
 * which plugin runs, so that a note stopped at the time limit can name the
 * plugin that did not finish (see src/cli/pool.ts).
 */
import type { Pluggable, PluggableList, Plugin, Preset, Transformer } from 'unified'

/** Told when a user plugin starts (its index in `names`) and when it is done. */
export interface PluginMonitor {
  enter(index: number): void
  leave(): void
}

/** An error of a user plugin, its message naming the plugin. */
export class PluginError extends Error {
  override name = 'PluginError'
  constructor(
    readonly plugin: string,
    cause: unknown,
  ) {
    super(`plugin ${plugin} failed: ${reasonOf(cause)}`, { cause })
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}

/** The user's plugin lists, wrapped, and the names the monitor's indices refer to. */
export interface WrappedPlugins {
  remarkPlugins: PluggableList
  plugins: PluggableList
  /** The name of each plugin: its function's name, else its place (`plugins[1]`). */
  names: string[]
}

const silent: PluginMonitor = { enter() {}, leave() {} }

/**
 * Wraps every plugin of the two lists (presets' plugins included). A plugin
 * listed twice gets one wrapper, so unified still merges its settings.
 */
export function wrapUserPlugins(
  lists: { remarkPlugins: PluggableList; plugins: PluggableList },
  monitor: PluginMonitor = silent,
): WrappedPlugins {
  const names: string[] = []
  const wrappers = new Map<Plugin<unknown[]>, Plugin<unknown[]>>()
  const wrapPlugin = (plugin: Plugin<unknown[]>, place: string): Plugin<unknown[]> => {
    const known = wrappers.get(plugin)
    if (known) return known
    const index = names.push(plugin.name || place) - 1
    const wrapped = wrapAttacher(plugin, names[index]!, index, monitor)
    wrappers.set(plugin, wrapped)
    return wrapped
  }
  const wrapList = (list: PluggableList, key: string): PluggableList =>
    list.map((entry, i) => wrapEntry(entry, `${key}[${i}]`))
  const wrapEntry = (entry: Pluggable, place: string): Pluggable => {
    if (typeof entry === 'function') return wrapPlugin(entry as Plugin<unknown[]>, place)
    if (Array.isArray(entry)) {
      const [plugin, ...options] = entry as [Plugin<unknown[]>, ...unknown[]]
      return [wrapPlugin(plugin, place), ...options] as Pluggable
    }
    const preset = entry as Preset
    return preset.plugins
      ? { ...preset, plugins: wrapList(preset.plugins, `${place}.plugins`) }
      : preset
  }
  return {
    remarkPlugins: wrapList(lists.remarkPlugins, 'remarkPlugins'),
    plugins: wrapList(lists.plugins, 'plugins'),
    names,
  }
}

/** The attacher `plugin` (run when the processor freezes), blamed by name, its transformer wrapped. */
function wrapAttacher(
  plugin: Plugin<unknown[]>,
  name: string,
  index: number,
  monitor: PluginMonitor,
): Plugin<unknown[]> {
  return function (this: ThisParameterType<Plugin<unknown[]>>, ...options: unknown[]) {
    monitor.enter(index)
    let transformer: unknown
    try {
      transformer = plugin.apply(this, options)
    } catch (error) {
      throw new PluginError(name, error)
    } finally {
      monitor.leave()
    }
    return typeof transformer === 'function'
      ? wrapTransformer(transformer as Transformer, name, index, monitor)
      : (transformer as undefined)
  }
}

/**
 * The transformer of a plugin, blamed by name, with the same arity (unified
 * passes a callback only to a transformer that declares a third parameter).
 */
function wrapTransformer(
  transformer: Transformer,
  name: string,
  index: number,
  monitor: PluginMonitor,
): Transformer {
  const blame = (error: unknown) => new PluginError(name, error)
  if (transformer.length > 2) {
    return function (this: unknown, tree, file, next) {
      monitor.enter(index)
      try {
        return transformer.call(this, tree, file, (error, ...rest) => {
          monitor.leave()
          next(error ? blame(error) : error, ...rest)
        })
      } catch (error) {
        monitor.leave()
        throw blame(error)
      }
    } as Transformer
  }
  return function (this: unknown, tree, file) {
    monitor.enter(index)
    let result: ReturnType<Transformer>
    try {
      result = (transformer as (this: unknown, ...args: unknown[]) => ReturnType<Transformer>).call(
        this,
        tree,
        file,
      )
    } catch (error) {
      monitor.leave()
      throw blame(error)
    }
    if (isThenable(result)) {
      return Promise.resolve(result).then(
        (value) => {
          monitor.leave()
          return value
        },
        (error: unknown) => {
          monitor.leave()
          throw blame(error)
        },
      )
    }
    monitor.leave()
    return result instanceof Error ? blame(result) : result
  } as Transformer
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
