/**
 * TMX 1.4b translation memories (valid against the LISA DTD): one `<tu>` per
 * segment pair. Inline codes are `<bpt>`/`<ept>` pairs and `<ph>`, whose
 * content is the Markdown they stand for (`*`, `](https://…)`, `[^1]`) and
 * whose `type` is the XLIFF 1.2 `ctype` (`italic`, `bold`, `link`,
 * `x-footnote`…); `x` links a code of the French side to the English one.
 * The only TMX writer of fiche (`fiche align`, `fiche translate`).
 */
import { escapeXml } from '../glossary/tbx.ts'
import { codeMarkdown, type Code, type Piece } from './content.ts'
import { CTYPE } from './xliff12.ts'

/** One translation unit of the memory. */
export interface TmxEntry {
  source: readonly Piece[]
  target: readonly Piece[]
  /** The codes both sides use, by id. */
  codes: ReadonlyMap<string, Code>
  /** `<prop type="…">` values, in order. */
  props?: ReadonlyArray<readonly [string, string]>
}

/** The header of the memory. */
export interface TmxOptions {
  sourceLanguage: string
  targetLanguage: string
  creationTool?: string
}

/** Pieces as TMX segment content. */
export function tmxSegment(pieces: readonly Piece[], codes: ReadonlyMap<string, Code>): string {
  return pieces
    .map((piece) => {
      if (piece.type === 'text') return escapeXml(piece.value)
      const code = codes.get(piece.id)
      const type = code ? ` type="${CTYPE[code.kind]}"` : ''
      const [start, end] = code ? codeMarkdown(code) : ['', '']
      if (piece.type === 'pc') {
        return `<bpt i="${piece.id}" x="${piece.id}"${type}>${escapeXml(start)}</bpt>${tmxSegment(piece.children, codes)}<ept i="${piece.id}">${escapeXml(end)}</ept>`
      }
      return `<ph x="${piece.id}"${type}>${escapeXml(start)}</ph>`
    })
    .join('')
}

/** The memory as a TMX 1.4b document. */
export function emitTmx(entries: readonly TmxEntry[], options: TmxOptions): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="${escapeXml(options.creationTool ?? 'fiche')}" creationtoolversion="1" segtype="sentence" o-tmf="fiche" adminlang="en" srclang="${escapeXml(options.sourceLanguage)}" datatype="plaintext"/>`,
    '  <body>',
  ]
  for (const entry of entries) {
    lines.push(
      '    <tu>',
      ...(entry.props ?? []).map(
        ([type, value]) => `      <prop type="${escapeXml(type)}">${escapeXml(value)}</prop>`,
      ),
      `      <tuv xml:lang="${escapeXml(options.sourceLanguage)}"><seg>${tmxSegment(entry.source, entry.codes)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeXml(options.targetLanguage)}"><seg>${tmxSegment(entry.target, entry.codes)}</seg></tuv>`,
      '    </tu>',
    )
  }
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}
