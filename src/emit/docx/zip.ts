/**
 * The ZIP container of a brief: the bytes fflate's `zipSync` writes (same
 * headers, same DEFLATE streams from fflate's `deflateSync`, same order),
 * with each XML part's compressed entry remembered so that a part already
 * seen is not encoded, checksummed and deflated again.
 *
 * Most of a short brief is parts that seldom change from one note to the
 * next (styles, theme, settings, font table, often the numbering, package
 * relationships: about 33 KB of XML): deflating them was about a quarter of
 * the cost of building and packing a one-paragraph note's brief (2.2 of
 * 8.1 ms, warm). The memory is keyed by the part's name and its exact
 * text, so a hit gives the bytes a miss would have given; it holds a few
 * entries per part name and no text over `MAX_REMEMBERED` characters, so it
 * does not grow with the number of notes a process builds.
 */
import { crc32 } from 'node:zlib'
import { deflateSync, strToU8 } from 'fflate'

/** One entry of the archive: its name and its text (XML) or bytes. */
export interface ZipPart {
  name: string
  data: string | Uint8Array
}

/** What the archive needs of an entry, computed once per distinct content. */
interface Compressed {
  crc: number
  size: number
  deflated: Uint8Array
}

/** Parts longer than this (a long note's document.xml) are unique to their note: not remembered. */
const MAX_REMEMBERED = 128 * 1024
/** Distinct texts remembered per part name (the brief's and the handout's styles differ). */
const PER_NAME = 4

const remembered = new Map<string, { text: string; entry: Compressed }[]>()

function compress(bytes: Uint8Array, level: ZipLevel): Compressed {
  return { crc: crc32(bytes), size: bytes.length, deflated: deflateSync(bytes, { level }) }
}

function compressText(name: string, text: string, level: ZipLevel): Compressed {
  if (text.length > MAX_REMEMBERED) return compress(strToU8(text), level)
  const key = `${level}:${name}`
  const list = remembered.get(key)
  const hit = list?.find((r) => r.text === text)
  if (hit) return hit.entry
  const entry = compress(strToU8(text), level)
  if (list) {
    if (list.length >= PER_NAME) list.shift()
    list.push({ text, entry })
  } else remembered.set(key, [{ text, entry }])
  return entry
}

/** DEFLATE levels fflate accepts. */
export type ZipLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9

/** Little-endian unsigned 16- and 32-bit writes. */
function u16(out: Uint8Array, at: number, value: number): void {
  out[at] = value & 0xff
  out[at + 1] = (value >>> 8) & 0xff
}
function u32(out: Uint8Array, at: number, value: number): void {
  u16(out, at, value & 0xffff)
  u16(out, at + 2, value >>> 16)
}

/** MS-DOS date and time of `date`'s local fields, as fflate writes them. */
function dosTime(date: Date): number {
  const year = date.getFullYear() - 1980
  if (year < 0 || year > 119) throw new RangeError('ZIP dates run from 1980 to 2099')
  return (
    ((year << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  )
}

/**
 * The archive of `parts`, in the given order, each deflated at `level`, with
 * `mtime` as every entry's time: byte for byte what
 * `zipSync(Object.fromEntries(parts), { level, mtime })` gives. Linear in the
 * size of the parts.
 */
export function zipParts(parts: readonly ZipPart[], level: ZipLevel, mtime: Date): Uint8Array {
  const time = dosTime(mtime)
  const entries = parts.map(({ name, data }) => {
    const file = strToU8(name)
    if (file.length > 0xffff) throw new RangeError(`ZIP entry name too long: ${name.slice(0, 40)}…`)
    const entry = typeof data === 'string' ? compressText(name, data, level) : compress(data, level)
    return { file, utf8: file.length !== name.length, entry }
  })
  let localSize = 0
  let centralSize = 0
  for (const { file, entry } of entries) {
    localSize += 30 + file.length + entry.deflated.length
    centralSize += 46 + file.length
  }
  const out = new Uint8Array(localSize + centralSize + 22)
  // One header layout for both records: `central` is the local header's offset.
  const header = (at: number, e: (typeof entries)[number], central: number | null): number => {
    u32(out, at, central === null ? 0x04034b50 : 0x02014b50)
    at += 4
    if (central !== null) {
      out[at] = 20 // made by: version 2.0, MS-DOS attributes
      at += 2
    }
    out[at] = 20 // needed to extract: version 2.0
    out[at + 3] = e.utf8 ? 8 : 0 // bit 11: the name is UTF-8
    out[at + 4] = 8 // DEFLATE
    u32(out, at + 6, time)
    u32(out, at + 10, e.entry.crc)
    u32(out, at + 14, e.entry.deflated.length)
    u32(out, at + 18, e.entry.size)
    u16(out, at + 22, e.file.length)
    at += 26
    if (central !== null) {
      // comment length, disk, internal and external attributes: 0
      u32(out, at + 10, central)
      at += 14
    }
    out.set(e.file, at)
    return at + e.file.length
  }
  let local = 0
  let central = localSize
  for (const e of entries) {
    const offset = local
    local = header(local, e, null)
    out.set(e.entry.deflated, local)
    local += e.entry.deflated.length
    central = header(central, e, offset)
  }
  // End of central directory.
  u32(out, central, 0x06054b50)
  u16(out, central + 8, entries.length)
  u16(out, central + 10, entries.length)
  u32(out, central + 12, centralSize)
  u32(out, central + 16, localSize)
  return out
}
