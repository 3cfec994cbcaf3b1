/**
 * The pretty reporter: `vfile-reporter`'s output (files with messages, one
 * line each, `line:col-line:col  severity  message  rule-id`, then its
 * count), and a last line with the number of files and what was hidden.
 * Colours only when asked (the CLI asks on a terminal without NO_COLOR).
 */
import { reporter } from 'vfile-reporter'
import { coverageLine, type Reporter } from './types.ts'
import { summarize } from './vfile.ts'
import { toVFiles } from './vfile.ts'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Formats the report for a human. */
export const pretty: Reporter = (input, { color, verbose }) => {
  const files = toVFiles(input.files)
  const report = reporter(files, { color, quiet: true, verbose: verbose === true })
  const summary = input.summary ?? summarize(input.files)
  const shown = summarize(input.files)
  const hidden = [
    [summary.errors - shown.errors, 'error'],
    [summary.warnings - shown.warnings, 'warning'],
    [summary.infos - shown.infos, 'info'],
  ] as const
  const notShown = hidden.filter(([n]) => n > 0).map(([n, word]) => plural(n, word))
  const tail = [
    shown.errors + shown.warnings + shown.infos === 0 ? `✔ no problems shown` : null,
    `${plural(summary.files, 'file')} checked`,
    notShown.length > 0 ? `${notShown.join(', ')} not shown (see --severity, --verbose)` : null,
  ].filter((part) => part !== null)
  // One line per translation file: how much of its note it covers.
  const coverage = input.files
    .flatMap((file) => (file.coverage ? [`${file.path}: ${coverageLine(file.coverage)}\n`] : []))
    .join('')
  return `${report ? `${report}\n` : ''}${coverage}${tail.join('; ')}\n`
}
