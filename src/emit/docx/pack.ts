/**
 * Packing the brief to bytes, reproducibly: the docx library's parts are
 * zipped with their entries in a fixed order and with a fixed time, and the
 * core properties part is replaced by the one computed from the model.
 */
import { Packer, type Document } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import type { Diagnostic } from '../../model/schema.ts'
import { zipParts, type ZipPart } from './zip.ts'

/** A built brief, ready to pack. */
export interface Brief {
  document: Document
  /** `docProps/core.xml`, computed from the model with fixed dates. */
  coreXml: string
  /** What the writer removed or could not render (control characters, …). */
  diagnostics: Diagnostic[]
  /** The labels of the sources listed under "À compléter" (cited without a usable target). */
  missingSources: string[]
}

/**
 * Fixed entry time. fflate writes DOS timestamps from the local fields of the
 * date, so the date is made from local fields: 1980-01-01 00:00 in every time zone.
 */
const ENTRY_DATE = new Date(1980, 0, 1, 0, 0, 0)

const FIRST = ['[Content_Types].xml', '_rels/.rels']

function entryOrder(a: string, b: string): number {
  const rank = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Bookmark ids renumbered in document order: the docx library draws them from
 * a counter shared by every document of the process. So does it the names of
 * the table of contents' bookmarks (`_Toc3` in the bookmark, in its
 * hyperlink's anchor and in its PAGEREF field), renamed in order too.
 */
function renumberBookmarks(
  xml: string,
  ids: Map<string, string>,
  tocNames: Map<string, string>,
): string {
  const stable = (map: Map<string, string>, key: string) => {
    let value = map.get(key)
    if (value === undefined) {
      value = String(map.size + 1)
      map.set(key, value)
    }
    return value
  }
  return xml
    .replace(
      /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
      (_, head: string, id: string, tail: string) => `${head}${stable(ids, id)}${tail}`,
    )
    .replace(/\b_Toc(\d+)\b/g, (_, toc: string) => `_Toc${stable(tocNames, toc)}`)
}

/**
 * Hyperlink relationship ids renamed in order of appearance: the docx library
 * makes them random. The parts and their `.rels` share one map.
 */
function renameRandomRelationships(xml: string, ids: Map<string, string>): string {
  return xml.replace(/"rId(?!\d+")([A-Za-z0-9_-]+)"/g, (_, id: string) => {
    let stable = ids.get(id)
    if (stable === undefined) {
      stable = `rIdLink${ids.size + 1}`
      ids.set(id, stable)
    }
    return `"${stable}"`
  })
}

/** One part of the package: XML text, or bytes (media, fonts). */
type PartData = string | Uint8Array

/**
 * The step of the docx library's packer that compiles a document to the
 * parts of its package, path → data, before zipping them. docx (9.15) has it
 * as `Packer.compiler`, private in its typings; `packDocx` uses it when it is
 * there, so that the parts are not deflated, inflated and deflated again.
 */
export interface PartCompiler {
  compile(
    file: Document,
    prettify: undefined,
    overrides: readonly { path: string; data: string }[],
  ): Map<string, string | ArrayBufferView | ArrayBuffer>
}

/** The docx library's compiler, when it has one of the expected shape. */
function packerCompiler(): PartCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<PartCompiler> }).compiler
  return typeof compiler?.compile === 'function' ? (compiler as PartCompiler) : undefined
}

/** Part data as text or a `Uint8Array`, the forms the docx library zips. */
function partData(data: string | ArrayBufferView | ArrayBuffer): PartData {
  if (typeof data === 'string' || data instanceof Uint8Array) return data
  return ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data)
}

/**
 * The parts of a brief's package: compiled by `compiler`, or, without one,
 * read back from the zip of the docx library's public `Packer.toBuffer`.
 */
async function briefParts(
  brief: Brief,
  compiler: PartCompiler | undefined,
): Promise<Map<string, PartData>> {
  const overrides = [{ path: 'docProps/core.xml', data: brief.coreXml }]
  if (compiler) {
    const parts = compiler.compile(brief.document, undefined, overrides)
    return new Map([...parts].map(([name, data]) => [name, partData(data)]))
  }
  const zip = unzipSync(await Packer.toBuffer(brief.document, false, overrides))
  return new Map(Object.entries(zip).filter(([name]) => !name.endsWith('/')))
}

/** A WordprocessingML part or its relationships, where the ids are made stable. */
const WORD_PART = /^word\/(_rels\/)?[^/]+\.(xml|rels)$/

/**
 * DEFLATE level of the entries, by measurement (fflate 0.8, zipping the
 * compiled parts of a brief and its English handout, ms per document, warm,
 * median of 100, two runs, 2 loaded cores), level 6 against level 9:
 * 3 KB sample 2.27–2.37 against 2.31–2.48 ms, 32,908 against 32,904 bytes;
 * 9 KB sample 3.20–3.48 / 3.42–3.81 ms, 45,005 / 44,981 bytes;
 * 18 KB note 4.19–4.34 / 4.37–4.52 ms, 46,739 / 46,724 bytes;
 * 90 KB note 9.48–10.11 / 10.01–11.10 ms, 59,455 / 59,481 bytes.
 * Level 9 buys nothing (±0.05 %); level 1 is 6 to 14 % faster than 6 but
 * 5 % (3 KB) to 32 % (90 KB) larger.
 */
const LEVEL = 6 as const

/**
 * The bytes of the .docx file of a built brief; same brief, same bytes.
 * Deflated with fflate (the docx library's own zip library: synchronous, and
 * far leaner than JSZip on a long note's brief) and zipped by `zipParts`,
 * which gives fflate's `zipSync` bytes without deflating again the parts
 * every brief shares.
 */
export async function packDocx(brief: Brief): Promise<Uint8Array> {
  return packDocxWith(brief, packerCompiler())
}

/**
 * `packDocx` with the given compiler; `undefined` packs as with a docx
 * library that has none (both give the same bytes; exported for the tests).
 */
export async function packDocxWith(
  brief: Brief,
  compiler: PartCompiler | undefined,
): Promise<Uint8Array> {
  const parts = await briefParts(brief, compiler)
  const names = [...parts.keys()].sort(entryOrder)
  const bookmarks = new Map<string, string>()
  const tocNames = new Map<string, string>()
  const relationships = new Map<string, string>()
  const entries: ZipPart[] = []
  for (const name of names) {
    const data = parts.get(name)!
    if (!WORD_PART.test(name)) {
      entries.push({ name, data })
      continue
    }
    const xml = typeof data === 'string' ? data : strFromU8(data)
    entries.push({
      name,
      data: renameRandomRelationships(renumberBookmarks(xml, bookmarks, tocNames), relationships),
    })
  }
  return zipParts(entries, LEVEL, ENTRY_DATE)
}
