/**
 * `fiche align <note.fr> <note.en>`: aligns a French note with its English
 * version and writes, in `<output>/align/<fr-doc-id>/`, the aligned segment
 * pairs (`aligned.tmx`, `aligned.csv`), the English equivalents found for
 * the French terms (`terms.csv`) and the new ones as `proposed` termbase
 * entries (`termbase.proposed.yaml`) for review.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import type { ResolvedConfig } from '../config/resolve.ts'
import { alignNotes, proposalsToTermbase, proposeTerms, segmentsToTmx } from '../translate/align.ts'
import { toCsv } from '../glossary/csv.ts'
import { stringifyTermbaseYaml } from '../glossary/yaml.ts'
import { documentId } from '../pipeline/process.ts'
import { decodeNote } from '../read/decode.ts'
import { formatOf, readers } from '../read/index.ts'
import { lockOptions, withLock } from './lock.ts'
import { isInside, outsideRootRefusal } from './root.ts'
import { writeAtomic } from './write.ts'

/** Options of `fiche align`. */
export interface AlignOptions {
  paths: string[]
  out: string | null
  quiet: boolean
  /** Allow an output folder outside the project root (`--allow-outside-root`). */
  allowOutsideRoot?: boolean
}

function readNote(file: string, config: ResolvedConfig) {
  const format = formatOf(file)
  if (!format) throw new Error(`${file}: unexpected file type, expected .md, .markdown or .txt`)
  const { text } = decodeNote(readFileSync(file), file, config.encoding)
  return readers[format](new VFile({ path: file, value: text }))
}

/** Aligns the two notes and writes the outputs; returns the exit code. */
export async function runAlign(config: ResolvedConfig, options: AlignOptions): Promise<number> {
  if (options.paths.length !== 2) {
    process.stderr.write(
      `fiche align: expected two files (the French note, then its English version), got ${options.paths.length}\n`,
    )
    return 2
  }
  const [frPath, enPath] = options.paths.map((p) => path.resolve(p)) as [string, string]
  const outDir = options.out
    ? path.resolve(options.out)
    : path.join(config.output, 'align', documentId(frPath))
  const refused = outsideRootRefusal('align', outDir, config, options.allowOutsideRoot)
  if (refused) {
    process.stderr.write(`${refused}\n`)
    return 2
  }
  let pairs
  try {
    pairs = alignNotes(readNote(frPath, config), readNote(enPath, config))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    process.stderr.write(
      `fiche align: ${code ? `cannot read the file (${code}): ` : ''}${(error as Error).message}\n`,
    )
    return 1
  }
  const proposals = proposeTerms(pairs, config.termbase)
  const relative = (p: string) => path.relative(config.root, p).split(path.sep).join('/')
  const reference = `aligned ${relative(frPath)} ↔ ${relative(enPath)}`
  const proposed = proposalsToTermbase(proposals, reference, config.termbase)
  // The same lock as `fiche build`: the output folder's, or the --out folder's when it lies elsewhere.
  const lockDir = isInside(config.output, outDir) ? config.output : outDir
  await withLock(lockDir, lockOptions(options.quiet), async () => {
    writeAtomic(path.join(outDir, 'aligned.tmx'), segmentsToTmx(pairs))
    writeAtomic(
      path.join(outDir, 'aligned.csv'),
      toCsv(
        ['kind', 'fr', 'en'],
        pairs.map((p) => [p.kind, p.fr, p.en]),
      ),
    )
    writeAtomic(
      path.join(outDir, 'terms.csv'),
      toCsv(
        ['french', 'english', 'cue', 'score', 'cooccurrences', 'concept'],
        proposals.map((p) => [
          p.french,
          p.english,
          p.cue,
          p.score,
          p.cooccurrences,
          p.conceptId ?? '',
        ]),
      ),
    )
    writeAtomic(
      path.join(outDir, 'termbase.proposed.yaml'),
      stringifyTermbaseYaml(
        proposed,
        `# Proposed from ${reference}: review, then move to input/termbase.yaml.\n`,
      ),
    )
    if (!options.quiet) {
      for (const p of proposals)
        process.stdout.write(`${p.french} → ${p.english}  (${p.cue}, ${p.score})\n`)
    }
    const both = pairs.filter((p) => p.fr && p.en).length
    process.stderr.write(
      `${both} segment pair(s) aligned, ${pairs.length - both} unpaired; ${proposals.length} term pair(s), ${proposed.concepts.length} proposed entr${proposed.concepts.length === 1 ? 'y' : 'ies'} in ${relative(outDir)}/\n`,
    )
  })
  return 0
}
