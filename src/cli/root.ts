/**
 * Outputs stay inside the project: an output folder that resolves outside
 * the project root (the configuration file's folder) is refused unless
 * `--allow-outside-root` or `allowOutputOutsideRoot: true` allows it.
 */
import { realpathSync } from 'node:fs'
import path from 'node:path'
import type { ResolvedConfig } from '../config/resolve.ts'

/** The real path of `p`: symbolic links of its existing part resolved, the rest kept. */
function realPath(p: string): string {
  const rest: string[] = []
  let dir = path.resolve(p)
  for (;;) {
    try {
      return path.join(realpathSync(dir), ...rest)
    } catch {
      const parent = path.dirname(dir)
      if (parent === dir) return path.resolve(p)
      rest.unshift(path.basename(dir))
      dir = parent
    }
  }
}

/** Whether `inner` is `outer` or lies under it. */
export function isInside(outer: string, inner: string): boolean {
  const relative = path.relative(realPath(outer), realPath(inner))
  return (
    relative === '' ||
    !(relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative))
  )
}

/**
 * The one-line refusal of `command` writing to `outDir` outside the project
 * root; null when it is inside or allowed (the flag or the configuration).
 */
export function outsideRootRefusal(
  command: string,
  outDir: string,
  config: ResolvedConfig,
  allowed = false,
  what = 'output folder',
): string | null {
  if (allowed || config.allowOutputOutsideRoot || isInside(config.root, outDir)) return null
  return `fiche ${command}: the ${what} ${outDir} is outside the project root ${config.root}; pass --allow-outside-root or set allowOutputOutsideRoot: true in the configuration`
}
