/**
 * `fiche init`: writes a commented configuration file with the defaults, in
 * the current folder. It refuses to overwrite a configuration that exists
 * (any of pipeline.config.*), and exits 2 then. A `.js` config is CommonJS
 * unless the nearest package.json has `"type": "module"`.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { CONFIG_NAMES } from '../config/import.ts'
import { writeAtomic } from './write.ts'

/** Options of `fiche init`. */
export interface InitOptions {
  /** ts, js, mjs or json. */
  format: string
  /** Folder to write to (default: the current folder). */
  cwd?: string
}

const FORMATS = ['ts', 'js', 'mjs', 'json'] as const
type Format = (typeof FORMATS)[number]

/** The notes' folder the new config names: notes/, else input/, else the project folder. */
function inputFolder(cwd: string): string {
  for (const folder of ['notes', 'input']) if (existsSync(path.join(cwd, folder))) return folder
  return '.'
}

/** The settings of the new config, each with the comment that explains it. */
function settings(input: string): Array<[comment: string, key: string, value: unknown]> {
  return [
    ['Folders, files or globs whose .md, .markdown and .txt notes are built.', 'input', [input]],
    [
      'Paths never read as notes, in gitignore syntax (added to those of .ficheignore); the output folder is always left out.',
      'ignore',
      [],
    ],
    [
      'Where `fiche build` writes <output>/<doc-id>/model.json, brief.fr.docx and the other outputs; never read back as notes.',
      'output',
      'output',
    ],
    [
      "Language of the notes: must be 'fr' (French notes are the only ones fiche reads).",
      'language',
      'fr',
    ],
    [
      "Validation rules of `fiche check` and `fiche build`: a preset ('recommended' or 'strict') and per-rule settings, 'off' | 'info' | 'warn' | 'error' or [level, options].",
      'rules',
      { preset: 'recommended' },
    ],
    [
      'Sources registry that author-year citations resolve against: CSL-JSON (Zotero export), BibTeX, or YAML/CSV with key, authors, year, title, url.',
      'sources',
      [],
    ],
    [
      'Termbase: YAML, TBX or CSV files of French/English concepts, matched in every note and used for the glossaries.',
      'termbase',
      [],
    ],
    [
      'The Word brief: `template` is a .docx/.dotx whose styles replace the built-in ones; `toc` adds a table of contents.',
      'docx',
      { toc: false },
    ],
  ]
}

/** JavaScript source of a value, with single quotes like the usual house style. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, v]) => `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : literal(key)}: ${literal(v)}`,
    )
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`
  }
  return String(value)
}

/**
 * Whether Node reads a `.js` file in `cwd` as an ES module: the nearest
 * package.json says `"type": "module"`.
 */
function esmFolder(cwd: string): boolean {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json')
    if (existsSync(file)) {
      try {
        return (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type === 'module'
      } catch {
        return false
      }
    }
    if (path.dirname(dir) === dir) return false
  }
}

/**
 * The text of the config file in `format`; a `.js` one is CommonJS
 * (`module.exports`) unless `esm`, so that Node need not guess its type.
 */
export function configText(format: Format, input: string, esm = true): string {
  const entries = settings(input)
  if (format === 'json') {
    return `${JSON.stringify(Object.fromEntries(entries.map(([, key, value]) => [key, value])), null, 2)}\n`
  }
  const header = [
    '/**',
    ' * fiche configuration. Every field is optional; the values below are the',
    ' * defaults, written out so that they are easy to change. Run `npx fiche build`',
    ' * to build the notes and `npx fiche check` to validate them.',
    ' */',
  ]
  const body = entries.map(
    ([comment, key, value]) => `  // ${comment}\n  ${key}: ${literal(value)},`,
  )
  if (format === 'ts') {
    return [
      ...header,
      "import { defineConfig } from 'fiche'",
      '',
      'export default defineConfig({',
      ...body,
      '})',
      '',
    ].join('\n')
  }
  // JavaScript: typed through JSDoc, so that loading the config does not load fiche's library.
  return [
    ...header,
    '',
    "/** @type {import('fiche').FicheConfig} */",
    format === 'js' && !esm ? 'module.exports = {' : 'export default {',
    ...body,
    '}',
    '',
  ].join('\n')
}

/** Runs `fiche init`; resolves to the exit code. */
export function runInit(options: InitOptions): number {
  const cwd = options.cwd ?? process.cwd()
  const format = options.format as Format
  if (!FORMATS.includes(format)) {
    process.stderr.write(
      `fiche init: unknown format "${options.format}", expected one of: ${FORMATS.join(', ')}\n`,
    )
    return 2
  }
  const existing = CONFIG_NAMES.find((name) => existsSync(path.join(cwd, name)))
  if (existing) {
    process.stderr.write(`fiche init: ${existing} exists already; not overwritten\n`)
    return 2
  }
  const file = path.join(cwd, `pipeline.config.${format}`)
  writeAtomic(file, configText(format, inputFolder(cwd), esmFolder(cwd)))
  process.stdout.write(`fiche init: wrote ${path.basename(file)}\n`)
  return 0
}
