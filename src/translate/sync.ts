/**
 * Keeping a translation file in step with its note.
 *
 * Unit ids. A unit's id is made once, when the unit first appears, from its
 * section and its text at that time: `h<hash>` for a heading (hash of its
 * title), `<heading id>.<letter><hash>` for the units under it (`top.` before
 * any heading, `fn-<identifier>.` in a footnote, `meta.<field>` for the front
 * matter), `-2`, `-3`… when taken. It is then read back from the file, never
 * recomputed: the same block keeps its id when text is inserted above it,
 * when it moves within its section and when it is edited.
 *
 * Matching the file's units to the note's (the gettext msgmerge idea):
 * 1. headings first, then the other units: identical source (white space
 *    collapsed, inline codes compared by kind) is the same unit, preferring
 *    one of the same section, then of the same kind (deleted units too: a
 *    restored passage gets its translation back);
 * 2. the rest, within the same section and kind: token similarity of the
 *    texts, plus 0.2 when the unit stands between the same two matched
 *    neighbours; a pair scoring at least 0.6 (`FUZZY_THRESHOLD`) is the same
 *    unit, edited: it keeps its translation, marked stale for review, with
 *    the previous French and English;
 * 3. a note unit left over is new; a file unit left over is obsolete: moved,
 *    with its translation, to the obsolete group, never dropped.
 *
 * Writing: the file is rebuilt from the one it was read from. A unit that
 * did not change is copied byte for byte with the text before it (white
 * space, comments, a tool's own elements); a changed unit is rewritten
 * around what fiche did not write (translators' notes, unknown attributes,
 * extension elements, their target). Nothing changed: the same bytes.
 */
import { digest } from '../ids.ts'
import {
  obsoleteGroupOpen12,
  transUnit12,
  type XliffFileHeader,
  xliff12Document,
} from './xliff12.ts'
import { obsoleteGroupOpen20, unit20, xliff20Document } from './xliff20.ts'
import type { Draft, KeptTarget, XliffUnit } from './xliff-unit.ts'
import { contentKey, contentText, type Content } from './content.ts'
import { unwrapSegments, type FileUnit, type TranslationFile } from './read.ts'
import { similarity, TokenAlphabet, tokens } from './similarity.ts'
import type { SourceUnit, UnitKind } from './units.ts'
import { childElements, type XmlElement } from './xml.ts'

/** Lowest score (similarity, plus 0.2 between the same neighbours) for an edited unit to keep its translation. */
export const FUZZY_THRESHOLD = 0.6

/** Bonus of a unit that stands between the same two matched neighbours. */
const SLOT_BONUS = 0.2

/** Above this many pairs in one section, edited units are not looked for (they become new + obsolete). */
const MAX_PAIRS = 1_000_000

const LETTER: Record<UnitKind, string> = {
  meta: 'm',
  heading: 'h',
  lead: 'l',
  dateline: 'd',
  paragraph: 'p',
  bullet: 'b',
  quote: 'q',
  cell: 'c',
  footnote: 'f',
  alt: 'a',
}

/** One unit of the synced file. */
export interface SyncedUnit {
  id: string
  /** The note's unit; null for an obsolete one. */
  unit: SourceUnit | null
  /** The file's unit it continues; null for a new one. */
  old: FileUnit | null
  /**
   * `same`: unchanged; `kept`: same text, other code data (rewritten, target
   * kept); `stale`: French edited, translation kept for review; `new`: no
   * translation; `obsolete`: deleted from the note; `revived`: back from the
   * obsolete group.
   */
  change: 'same' | 'kept' | 'stale' | 'new' | 'obsolete' | 'revived'
  /** A draft fiche filled in (memory or machine). */
  draft: Draft | null
  /** For `stale`: similarity of the old and new French (0–100). */
  similarity: number | null
}

/** The outcome of matching: the note's units in order, then the obsolete ones. */
export interface SyncPlan {
  units: SyncedUnit[]
  obsolete: SyncedUnit[]
}

function sanitize(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'x'
}

/** Matches a note's units to a file's (see the module comment). */
export function planSync(units: readonly SourceUnit[], file: TranslationFile | null): SyncPlan {
  const old = file?.units ?? []
  const matched: Array<FileUnit | null> = units.map(() => null)
  const scores: Array<number | null> = units.map(() => null)
  const taken = new Set<FileUnit>()
  const keys = units.map((u) => contentKey(u.content))
  const oldKeys = new Map(old.map((o) => [o, contentKey(o.source)]))

  // The section of each file unit: the last heading before it in the file.
  const oldSection = new Map<FileUnit, string>()
  const oldIndex = new Map<FileUnit, number>()
  let current = 'top'
  old.forEach((o, i) => {
    oldIndex.set(o, i)
    if (o.obsolete) return
    if (o.kind === 'heading') current = o.id
    oldSection.set(o, sectionGroup(o.kind, current))
  })
  const sectionOf = (i: number): string => {
    const unit = units[i]!
    const section = unit.section.startsWith('h:')
      ? (matched[Number(unit.section.slice(2))]?.id ?? unit.section)
      : unit.section
    return sectionGroup(unit.kind, section)
  }

  const exact = new Map<string, FileUnit[]>()
  for (const o of old) {
    const key = oldKeys.get(o)!
    const list = exact.get(key)
    if (list) list.push(o)
    else exact.set(key, [o])
  }
  const exactPass = (headings: boolean) => {
    units.forEach((unit, i) => {
      if ((unit.kind === 'heading') !== headings || matched[i]) return
      const candidates = exact.get(keys[i]!)?.filter((o) => !taken.has(o))
      if (!candidates || candidates.length === 0) return
      const section = sectionOf(i)
      const best =
        candidates.find((o) => !o.obsolete && oldSection.get(o) === section) ??
        candidates.find((o) => !o.obsolete && o.kind === unit.kind) ??
        candidates.find((o) => !o.obsolete) ??
        candidates[0]!
      matched[i] = best
      taken.add(best)
    })
  }
  const alphabet = new TokenAlphabet()
  const encoded = (content: Content) => alphabet.encode(tokens(contentText(content)))
  const fuzzyPass = (headings: boolean) => {
    const groups = new Map<string, { news: number[]; olds: FileUnit[] }>()
    const group = (key: string) => {
      let g = groups.get(key)
      if (!g) groups.set(key, (g = { news: [], olds: [] }))
      return g
    }
    units.forEach((unit, i) => {
      if ((unit.kind === 'heading') === headings && !matched[i]) {
        group(headings ? 'heading' : `${sectionOf(i)}|${unit.kind}`).news.push(i)
      }
    })
    for (const o of old) {
      if (o.obsolete || taken.has(o) || (o.kind === 'heading') !== headings) continue
      group(headings ? 'heading' : `${oldSection.get(o)}|${o.kind}`).olds.push(o)
    }
    // File index of the nearest matched neighbours of each note unit.
    const before: number[] = []
    const after: number[] = []
    let last = -1
    units.forEach((_, i) => {
      const m = matched[i]
      if (m && !m.obsolete) last = oldIndex.get(m)!
      before[i] = last
    })
    let next = old.length
    for (let i = units.length - 1; i >= 0; i--) {
      const m = matched[i]
      if (m && !m.obsolete) next = oldIndex.get(m)!
      after[i] = next
    }
    for (const { news, olds } of groups.values()) {
      if (news.length === 0 || olds.length === 0 || news.length * olds.length > MAX_PAIRS) continue
      const pairs: Array<{ i: number; o: FileUnit; score: number; sim: number }> = []
      const oldCodes = new Map(olds.map((o) => [o, encoded(o.source)]))
      for (const i of news) {
        const mine = encoded(units[i]!.content)
        for (const o of olds) {
          const sim = similarity(mine, oldCodes.get(o)!)
          const at = oldIndex.get(o)!
          const score = sim + (at > before[i]! && at < after[i]! ? SLOT_BONUS : 0)
          if (score >= FUZZY_THRESHOLD) pairs.push({ i, o, score, sim })
        }
      }
      pairs.sort(
        (a, b) => b.score - a.score || a.i - b.i || oldIndex.get(a.o)! - oldIndex.get(b.o)!,
      )
      for (const pair of pairs) {
        if (matched[pair.i] || taken.has(pair.o)) continue
        matched[pair.i] = pair.o
        scores[pair.i] = Math.round(pair.sim * 100)
        taken.add(pair.o)
      }
    }
  }
  exactPass(true)
  fuzzyPass(true)
  exactPass(false)
  fuzzyPass(false)

  const ids = new Set(old.map((o) => o.id))
  const synced: SyncedUnit[] = units.map((unit, i) => {
    const o = matched[i]
    if (!o) return { id: '', unit, old: null, change: 'new', draft: null, similarity: null }
    const change: SyncedUnit['change'] =
      scores[i] !== null
        ? o.target
          ? 'stale'
          : 'kept'
        : o.obsolete
          ? 'revived'
          : contentKey(o.source, true) === contentKey(unit.content, true)
            ? 'same'
            : 'kept'
    return { id: o.id, unit, old: o, change, draft: null, similarity: scores[i] ?? null }
  })
  // Ids of new units, in document order (a heading's id is known before its section's units).
  synced.forEach((s, i) => {
    if (s.id !== '') return
    const unit = units[i]!
    const hash = digest(keys[i]!)
    let base: string
    if (unit.kind === 'heading') base = `h${hash}`
    else if (unit.kind === 'meta') base = `meta.${sanitize(unit.field ?? 'field')}`
    else {
      const section = unit.section.startsWith('h:')
        ? (synced[Number(unit.section.slice(2))]?.id ?? 'top')
        : unit.section.startsWith('fn:')
          ? `fn-${sanitize(unit.section.slice(3))}`
          : 'top'
      base = `${section}.${LETTER[unit.kind]}${hash}`
    }
    let id = base
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
    ids.add(id)
    s.id = id
  })
  const obsolete = old
    .filter((o) => !taken.has(o))
    .map((o): SyncedUnit => ({
      id: o.id,
      unit: null,
      old: o,
      change: 'obsolete',
      draft: null,
      similarity: null,
    }))
  return { units: synced, obsolete }
}

/** Footnotes and front matter are one pool each; other units match within their heading's section. */
function sectionGroup(kind: UnitKind | null, section: string): string {
  if (kind === 'footnote') return 'footnotes'
  if (kind === 'meta') return 'meta'
  return section
}

/** Whether a unit needs to be rewritten (not copied as it was). */
function rewritten(s: SyncedUnit, inObsoleteGroup: boolean): boolean {
  if (s.draft) return true
  if (s.change === 'obsolete') return !s.old?.obsolete
  return s.change !== 'same' || inObsoleteGroup
}

/** The kept target of a file unit (1.2: seg markers taken off where the segmentation may change). */
function keptTarget(file: TranslationFile, o: FileUnit, unwrap: boolean): KeptTarget | null {
  if (!o.target) return null
  if (file.version === '1.2') {
    const target = childElements(o.element, o.element.uri, 'target')[0]
    const xml = unwrap && target ? unwrapSegments(file.doc, target) : (o.targetXml[0] ?? '')
    return { attributes: o.targetAttributes, xml: [xml] }
  }
  return { attributes: o.targetAttributes, xml: o.targetXml.map((x) => x ?? '') }
}

/** What the writers need for one synced unit. */
function xliffUnit(s: SyncedUnit, file: TranslationFile | null, weblate: boolean): XliffUnit {
  const o = s.old
  const source = s.unit?.content ?? o!.source
  const kind = s.unit?.kind ?? o?.kind ?? 'paragraph'
  const base = {
    id: s.id,
    kind,
    source,
    obsolete: s.change === 'obsolete',
    weblate,
    attributes: o?.attributes ?? '',
    children: o?.children ?? [],
    notes: o?.notes ?? [],
  }
  if (s.draft) return { ...base, status: 'draft', kept: null, draft: s.draft, previous: null }
  if (!o || !file || !o.target)
    return { ...base, status: 'new', kept: null, draft: null, previous: null }
  if (s.change === 'stale') {
    const previous = o.status === 'stale' && o.previous ? o.previous : null
    return {
      ...base,
      status: 'stale',
      kept: keptTarget(file, o, true),
      draft: null,
      previous: {
        source: previous?.source ?? o.source,
        targetText:
          previous?.targetText ?? contentText({ segments: o.target, codes: o.source.codes }),
        note: `French changed (similarity ${s.similarity ?? 0}%): review the translation against the new French; the French it translates is kept as the previous version.`,
      },
    }
  }
  const sameSegments = o.source.segments.length === source.segments.length
  return {
    ...base,
    status: 'kept',
    kept: keptTarget(file, o, !sameSegments),
    draft: null,
    previous: null,
  }
}

/** Options of the writer. */
export interface WriteOptions {
  header: XliffFileHeader
  /** Version of a new file. */
  version: '1.2' | '2.0'
  weblate: boolean
}

/** The text of the synced file: a new document, or the old one with its changes spliced in. */
export function writeSync(
  plan: SyncPlan,
  file: TranslationFile | null,
  options: WriteOptions,
): string {
  const version = file?.version ?? options.version
  const render = version === '1.2' ? transUnit12 : unit20
  const make = (s: SyncedUnit) => xliffUnit(s, file, options.weblate)
  if (!file) {
    const document = version === '1.2' ? xliff12Document : xliff20Document
    return document(options.header, plan.units.map(make), plan.obsolete.map(make))
  }
  const { doc, container, obsoleteGroup } = file
  const text = doc.text
  const items = childElements(container, container.uri).filter(
    (e) => e.local === 'trans-unit' || e.local === 'unit' || e === obsoleteGroup,
  )
  const leading = new Map<XmlElement, string>()
  let at = container.startTagEnd
  for (const item of items) {
    leading.set(item, text.slice(at, item.start))
    at = item.end
  }
  const tail = text.slice(at, container.endTagStart)
  const firstUnit = items.find((e) => e !== obsoleteGroup)
  const separator =
    firstUnit && /^\s*$/.test(leading.get(firstUnit)!)
      ? leading.get(firstUnit)!
      : `${text.includes('\r\n') ? '\r\n' : '\n'}${' '.repeat(version === '1.2' ? 6 : 4)}`
  const indent = separator.split('\n').at(-1) ?? ''
  // What fiche writes follows the file's line endings (CRLF from Windows tools).
  const crlf = text.includes('\r\n')
  const eol = (xml: string) => (crlf ? xml.replace(/\r?\n/g, '\r\n') : xml)
  const write = (s: SyncedUnit, inGroup: boolean, unitIndent: string) => {
    if (s.old && !rewritten(s, inGroup)) return text.slice(s.old.element.start, s.old.element.end)
    return eol(render(make(s), unitIndent).slice(unitIndent.length))
  }
  let out = text.slice(0, container.startTagEnd)
  let carried = ''
  const used = new Set<XmlElement>()
  for (const s of plan.units) {
    const element = s.old && !s.old.obsolete ? s.old.element : null
    if (element) used.add(element)
    out +=
      (element ? leading.get(element)! : separator) + write(s, s.old?.obsolete ?? false, indent)
  }
  // Whatever non-space text stood before a unit that left the main list is kept.
  for (const item of items) {
    if (item === obsoleteGroup || used.has(item)) continue
    const before = leading.get(item)!
    if (!/^\s*$/.test(before)) carried += before
  }
  out += carried
  const stillObsolete = plan.obsolete.filter((s) => s.old?.obsolete)
  const newlyObsolete = plan.obsolete.filter((s) => !s.old?.obsolete)
  const groupIndent = `${indent}  `
  if (obsoleteGroup) {
    const inner = childElements(obsoleteGroup, obsoleteGroup.uri)
    let group = text.slice(obsoleteGroup.start, obsoleteGroup.startTagEnd)
    let from = obsoleteGroup.startTagEnd
    const kept = new Set(stillObsolete.map((s) => s.old!.element))
    const groupSeparator =
      inner.length > 0
        ? text.slice(obsoleteGroup.startTagEnd, inner[0]!.start)
        : eol(`\n${groupIndent}`)
    for (const child of inner) {
      const isUnit = child.local === 'trans-unit' || child.local === 'unit'
      const before = text.slice(from, child.start)
      if (!isUnit || kept.has(child)) group += before + text.slice(child.start, child.end)
      else if (!/^\s*$/.test(before)) group += before
      from = child.end
    }
    for (const s of newlyObsolete)
      group +=
        (/^\s*$/.test(groupSeparator) ? groupSeparator : eol(`\n${groupIndent}`)) +
        write(s, false, groupIndent)
    group += text.slice(from, obsoleteGroup.end)
    const empty = stillObsolete.length === 0 && newlyObsolete.length === 0
    // An emptied group goes, unless it is all a 2.0 file has (it needs one unit or group).
    if (!empty || plan.units.length === 0) out += leading.get(obsoleteGroup)! + group
  } else if (newlyObsolete.length > 0) {
    const open = version === '1.2' ? obsoleteGroupOpen12(indent) : obsoleteGroupOpen20(indent)
    out +=
      separator +
      eol(open.slice(indent.length)) +
      newlyObsolete.map((s) => eol(`\n${groupIndent}`) + write(s, false, groupIndent)).join('') +
      eol(`\n${indent}</group>`)
  }
  return out + tail + text.slice(container.endTagStart)
}
