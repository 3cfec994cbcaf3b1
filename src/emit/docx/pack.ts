/**
 * Packing the brief to bytes, reproducibly: the docx library's zip is
 * repacked with its entries in a fixed order and with a fixed time, and the
 * core properties part is replaced by the one computed from the model.
 */
import { Packer, type Document } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import type { Diagnostic } from '../../model/schema.ts'

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
 * a counter shared by every document of the process.
 */
function renumberBookmarks(xml: string, ids: Map<string, string>): string {
  return xml.replace(
    /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
    (_, head: string, id: string, tail: string) => {
      let stable = ids.get(id)
      if (stable === undefined) {
        stable = String(ids.size + 1)
        ids.set(id, stable)
      }
      return `${head}${stable}${tail}`
    },
  )
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

/** The bytes of the .docx file of a built brief; same brief, same bytes. */
export async function packDocx(brief: Brief): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(brief.document, false, [
    { path: 'docProps/core.xml', data: brief.coreXml },
  ])
  // The docx library's parts are read back from its zip, made stable and
  // zipped again, with fflate (the docx library's own zip library: synchronous,
  // and far leaner than JSZip on a long note's brief).
  const source = unzipSync(packed)
  const names = Object.keys(source)
    .filter((name) => !name.endsWith('/'))
    .sort(entryOrder)
  const bookmarks = new Map<string, string>()
  const relationships = new Map<string, string>()
  const target: Zippable = {}
  for (const name of names) {
    const bytes = source[name]!
    target[name] = /^word\/(_rels\/)?[^/]+\.(xml|rels)$/.test(name)
      ? strToU8(
          renameRandomRelationships(renumberBookmarks(strFromU8(bytes), bookmarks), relationships),
        )
      : bytes
  }
  return zipSync(target, { level: 9, mtime: ENTRY_DATE })
}
