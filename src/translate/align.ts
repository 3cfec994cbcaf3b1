/**
 * Alignment of a French note with its English version, and English
 * equivalents proposed from it.
 *
 * 1. Blocks in document order (headings, list items, paragraphs, table rows)
 *    are aligned by dynamic programming: same kind, similar length (English
 *    runs about 10 % shorter), shared anchors (numbers, acronyms, names);
 *    a block with no counterpart is skipped at a fixed cost.
 * 2. Inside each pair of blocks, sentences are aligned the same way
 *    (1-1, 1-2, 2-1, 1-0, 0-1), Gale–Church style.
 * 3. For each French term of the note (termbase concepts found, candidate
 *    terms, acronyms), the English n-grams of the aligned segments are
 *    scored by co-occurrence across segment pairs (Dice), cognate
 *    similarity (character bigrams), relative position in the segment and
 *    length; acronym definitions on both sides pair up directly.
 */
import type { Nodes, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { findAcronymDefinitions } from '../text/acronyms.ts'
import { emitTmx } from './tmx-write.ts'
import { sentenceSpans } from '../text/sentences.ts'
import { safeHref } from '../text/citations.ts'
import { codeIds, type Code, type Piece } from './content.ts'
import { findCandidates } from '../glossary/candidates.ts'
import { buildTermIndex, matchTokens } from '../glossary/matcher.ts'
import { TERMBASE_VERSION, type Concept, type Termbase } from '../glossary/termbase.ts'
import { isAcronymWord, keyOf, tokenize, type Token } from '../glossary/tokens.ts'

/** Kinds of blocks that align only with blocks of the same kind (at a cost otherwise). */
export type BlockKind = 'heading' | 'bullet' | 'paragraph'

/** A block of a note, as plain text. */
export interface AlignBlock {
  kind: BlockKind
  text: string
  /** The text with its inline codes (numbered from 1 per block), when it has some. */
  inline?: Inline
}

/** Text with inline codes: `pieces` show `text` exactly (a code's text put back). */
export interface Inline {
  pieces: Piece[]
  codes: Map<string, Code>
}

/** A pair of aligned segments; a side is empty when the other has no counterpart. */
export interface SegmentPair {
  kind: BlockKind
  fr: string
  en: string
  /** The French side with its inline codes, when it has some. */
  frInline?: Inline
  /** The English side with its inline codes, when it has some. */
  enInline?: Inline
}

/** An English equivalent proposed for a French term. */
export interface TermProposal {
  french: string
  english: string
  /** 0–1. */
  score: number
  /** Segment pairs where both occur. */
  cooccurrences: number
  /** Why: `acronym-definition`, `same-acronym`, `termbase` (the known English term is found), `alignment`. */
  cue: 'acronym-definition' | 'same-acronym' | 'termbase' | 'alignment'
  /** The termbase concept, when the French term is known. */
  conceptId: string | null
  frenchAcronym: string | null
  englishAcronym: string | null
}

/** Lower-cases the first letter of a sentence-initial form ("Safety evaluations" → "safety evaluations") whose other words are lower-case. */
function decapitalise(form: string): string {
  const words = form.split(/\s+/)
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Ll}+)*$/u.test(words[0] ?? '')) return form
  if (words.slice(1).some((w) => /\p{Lu}/u.test(w))) return form
  return form.charAt(0).toLowerCase() + form.slice(1)
}

const collapse = (text: string) => text.replace(/[\s\u00a0\u202f]+/gu, ' ').trim()

/** Length of the text pieces show (a code's text put back: inline code, image alt, link text). */
function shownLength(piece: Piece, codes: ReadonlyMap<string, Code>): number {
  if (piece.type === 'text') return piece.value.length
  if (piece.type === 'pc') return piece.children.reduce((n, p) => n + shownLength(p, codes), 0)
  const code = codes.get(piece.id)
  return code?.kind === 'code' ? code.value.length : code?.kind === 'image' ? code.alt.length : 0
}

/**
 * A paragraph's or heading's text as pieces with inline codes, white space
 * collapsed like `collapse`; null without codes, or when the pieces would
 * not show exactly the block's text (then the block stays plain text).
 */
function inlineOf(node: Nodes, text: string): Inline | null {
  const codes = new Map<string, Code>()
  const add = (code: Code) => {
    const id = String(codes.size + 1)
    codes.set(id, code)
    return id
  }
  const walk = (list: readonly Nodes[]): Piece[] =>
    list.flatMap((child): Piece[] => {
      switch (child.type) {
        case 'text':
          return [{ type: 'text', value: child.value.replace(/[\s\u00a0\u202f]+/gu, ' ') }]
        case 'inlineCode':
          return [{ type: 'ph', id: add({ kind: 'code', value: child.value }) }]
        case 'image':
          return [
            {
              type: 'ph',
              id: add({ kind: 'image', url: safeHref(child.url), alt: child.alt ?? '' }),
            },
          ]
        case 'break':
          return [{ type: 'ph', id: add({ kind: 'break' }) }]
        case 'link':
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const code: Code =
            child.type === 'link'
              ? { kind: 'link', href: safeHref(child.url), citationId: null }
              : { kind: child.type }
          const id = add(code)
          return [{ type: 'pc', id, children: walk(child.children as Nodes[]) }]
        }
        default:
          return 'children' in child ? walk(child.children as Nodes[]) : []
      }
    })
  if (!('children' in node)) return null
  const pieces = walk(node.children as Nodes[])
  if (codes.size === 0) return null
  // Trim like `collapse`, merging runs of spaces across pieces.
  let last = true
  const squeeze = (list: Piece[]): Piece[] =>
    list.map((piece): Piece => {
      if (piece.type === 'text') {
        const value = last ? piece.value.replace(/^ /, '') : piece.value
        if (value !== '') last = value.endsWith(' ')
        return { type: 'text', value }
      }
      if (piece.type === 'pc') return { ...piece, children: squeeze(piece.children) }
      if (shownLength(piece, codes) > 0) last = false
      return piece
    })
  const squeezed = squeeze(pieces)
  const lastText = [...squeezed].reverse().find((p) => p.type === 'text')
  if (lastText?.type === 'text' && squeezed.at(-1) === lastText)
    lastText.value = lastText.value.replace(/ $/, '')
  const inline = { pieces: squeezed.filter((p) => p.type !== 'text' || p.value !== ''), codes }
  return shownText(inline) === text ? inline : null
}

function shownText({ pieces, codes }: Inline): string {
  const walk = (list: readonly Piece[]): string =>
    list
      .map((piece) => {
        if (piece.type === 'text') return piece.value
        if (piece.type === 'pc') return walk(piece.children)
        const code = codes.get(piece.id)
        return code?.kind === 'code' ? code.value : code?.kind === 'image' ? code.alt : ''
      })
      .join('')
  return walk(pieces)
}

/** The pieces showing `[start, end)` of the inline's text; codes cut by the bounds are kept on both sides. */
function sliceInline(inline: Inline, start: number, end: number): Inline {
  const cut = (list: readonly Piece[], from: number): Piece[] => {
    const out: Piece[] = []
    let offset = from
    for (const piece of list) {
      const length = shownLength(piece, inline.codes)
      const at = offset
      offset += length
      if (piece.type === 'text') {
        const value = piece.value.slice(Math.max(0, start - at), Math.max(0, end - at))
        if (value) out.push({ type: 'text', value })
      } else if (piece.type === 'pc') {
        if (offset <= start || at >= end) continue
        out.push({ ...piece, children: cut(piece.children, at) })
      } else if (length === 0 ? at >= start && at < end : at >= start && offset <= end) {
        out.push(piece)
      }
    }
    return out
  }
  const pieces = cut(inline.pieces, 0)
  const used = new Set(codeIds(pieces))
  return { pieces, codes: new Map([...inline.codes].filter(([id]) => used.has(id))) }
}

/** A sentence of a block with its codes, when the block has some and the sentence is found. */
function sentenceInline(block: AlignBlock, sentence: string, from: number): Inline | undefined {
  if (!block.inline) return undefined
  const at = block.text.indexOf(sentence, from)
  if (at < 0) return undefined
  const inline = sliceInline(block.inline, at, at + sentence.length)
  return shownText(inline) === sentence && inline.codes.size > 0 ? inline : undefined
}

/** The blocks of a note in document order. */
export function blocksOf(tree: Root): AlignBlock[] {
  const blocks: AlignBlock[] = []
  const walk = (node: Nodes, inList: boolean): void => {
    switch (node.type) {
      case 'heading': {
        const text = collapse(toString(node))
        const inline = inlineOf(node, text)
        blocks.push({ kind: 'heading', text, ...(inline ? { inline } : {}) })
        return
      }
      case 'paragraph': {
        const text = collapse(toString(node))
        const inline = text ? inlineOf(node, text) : null
        if (text)
          blocks.push({
            kind: inList ? 'bullet' : 'paragraph',
            text,
            ...(inline ? { inline } : {}),
          })
        return
      }
      case 'tableRow': {
        const text = collapse(node.children.map((cell) => toString(cell)).join(' | '))
        if (text) blocks.push({ kind: 'paragraph', text })
        return
      }
      case 'code':
      case 'html':
      case 'yaml':
        return
      case 'listItem':
        for (const child of node.children) walk(child, true)
        return
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes, inList)
    }
  }
  walk(tree, false)
  return blocks
}

/** Numbers, acronyms and capitalised words (accents folded): what a translation keeps. */
function anchors(text: string): Set<string> {
  const found = new Set<string>()
  for (const match of text.matchAll(/\d+(?:[.,]\d+)?|[\p{L}][\p{L}\d&]*/gu)) {
    const word = match[0]
    if (/^\d/.test(word)) found.add(word.replace(',', '.'))
    else if (isAcronymWord(word)) found.add(word)
  }
  return found
}

function anchorSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  let shared = 0
  for (const item of a) if (b.has(item)) shared++
  return (2 * shared) / (a.size + b.size)
}

/** Expected English length for a French length (English runs shorter). */
const LENGTH_RATIO = 0.9

function lengthCost(fr: number, en: number): number {
  const expected = Math.max(1, fr * LENGTH_RATIO)
  return Math.abs(Math.log(Math.max(1, en) / expected))
}

interface Step {
  fr: number
  en: number
}

/**
 * Generic monotone alignment: `steps` are the allowed bead shapes, `cost`
 * scores a bead (French items [i, i+fr) with English [j, j+en)).
 */
function alignSequences(
  frCount: number,
  enCount: number,
  steps: Step[],
  cost: (i: number, j: number, step: Step) => number,
): Array<{ i: number; j: number; step: Step }> {
  const best: number[][] = Array.from({ length: frCount + 1 }, () =>
    new Array<number>(enCount + 1).fill(Infinity),
  )
  const back: Array<Array<Step | null>> = Array.from({ length: frCount + 1 }, () =>
    new Array<Step | null>(enCount + 1).fill(null),
  )
  best[0]![0] = 0
  for (let i = 0; i <= frCount; i++) {
    for (let j = 0; j <= enCount; j++) {
      const here = best[i]![j]!
      if (here === Infinity) continue
      for (const step of steps) {
        const ni = i + step.fr
        const nj = j + step.en
        if (ni > frCount || nj > enCount) continue
        const total = here + cost(i, j, step)
        if (total < best[ni]![nj]!) {
          best[ni]![nj] = total
          back[ni]![nj] = step
        }
      }
    }
  }
  const path: Array<{ i: number; j: number; step: Step }> = []
  let i = frCount
  let j = enCount
  while (i > 0 || j > 0) {
    const step = back[i]![j]!
    i -= step.fr
    j -= step.en
    path.push({ i, j, step })
  }
  return path.reverse()
}

const SKIP_COST = 2.2

/** Aligns two lists of blocks: same kind, similar length, shared anchors; unmatched blocks are skipped. */
export function alignBlocks(
  fr: AlignBlock[],
  en: AlignBlock[],
): Array<{ fr: AlignBlock | null; en: AlignBlock | null }> {
  const frAnchors = fr.map((b) => anchors(b.text))
  const enAnchors = en.map((b) => anchors(b.text))
  const beads = alignSequences(
    fr.length,
    en.length,
    [
      { fr: 1, en: 1 },
      { fr: 1, en: 0 },
      { fr: 0, en: 1 },
    ],
    (i, j, step) => {
      if (step.fr === 0 || step.en === 0) return SKIP_COST
      const a = fr[i]!
      const b = en[j]!
      const kind = a.kind === b.kind ? 0 : 1.5
      return (
        kind +
        lengthCost(a.text.length, b.text.length) -
        anchorSimilarity(frAnchors[i]!, enAnchors[j]!)
      )
    },
  )
  return beads.map(({ i, j, step }) => ({
    fr: step.fr ? fr[i]! : null,
    en: step.en ? en[j]! : null,
  }))
}

function sentencesOf(text: string): string[] {
  return sentenceSpans(text)
    .map(([start, end]) => text.slice(start, end).trim())
    .filter((s) => s !== '')
}

/** Aligns the sentences of two aligned blocks (1-1, 1-2, 2-1, 1-0, 0-1). */
export function alignSentences(fr: string, en: string): Array<{ fr: string; en: string }> {
  const a = sentencesOf(fr)
  const b = sentencesOf(en)
  if (a.length <= 1 || b.length <= 1) return [{ fr: a.join(' '), en: b.join(' ') }]
  const beads = alignSequences(
    a.length,
    b.length,
    [
      { fr: 1, en: 1 },
      { fr: 1, en: 2 },
      { fr: 2, en: 1 },
      { fr: 1, en: 0 },
      { fr: 0, en: 1 },
    ],
    (i, j, step) => {
      if (step.fr === 0 || step.en === 0) return SKIP_COST
      const frText = a.slice(i, i + step.fr).join(' ')
      const enText = b.slice(j, j + step.en).join(' ')
      const merge = step.fr + step.en > 2 ? 0.5 : 0
      return (
        merge +
        2 * lengthCost(frText.length, enText.length) -
        anchorSimilarity(anchors(frText), anchors(enText))
      )
    },
  )
  return beads.map(({ i, j, step }) => ({
    fr: a.slice(i, i + step.fr).join(' '),
    en: b.slice(j, j + step.en).join(' '),
  }))
}

/** Aligns two notes into segment pairs (blocks, then sentences inside paired blocks). */
export function alignNotes(fr: Root, en: Root): SegmentPair[] {
  const pairs: SegmentPair[] = []
  for (const bead of alignBlocks(blocksOf(fr), blocksOf(en))) {
    const kind = (bead.fr ?? bead.en)!.kind
    if (!bead.fr || !bead.en) {
      pairs.push({ kind, fr: bead.fr?.text ?? '', en: bead.en?.text ?? '' })
      continue
    }
    const sentences =
      kind === 'heading'
        ? [{ fr: bead.fr.text, en: bead.en.text }]
        : alignSentences(bead.fr.text, bead.en.text)
    let [frAt, enAt] = [0, 0]
    for (const sentence of sentences) {
      const frInline = sentenceInline(bead.fr, sentence.fr, frAt)
      const enInline = sentenceInline(bead.en, sentence.en, enAt)
      frAt = Math.max(frAt, bead.fr.text.indexOf(sentence.fr, frAt) + sentence.fr.length)
      enAt = Math.max(enAt, bead.en.text.indexOf(sentence.en, enAt) + sentence.en.length)
      pairs.push({
        kind,
        ...sentence,
        ...(frInline ? { frInline } : {}),
        ...(enInline ? { enInline } : {}),
      })
    }
  }
  return pairs
}

const ENGLISH_STOPWORDS = new Set(
  (
    'a an the of to in on at by for from with and or but as is are was were be been being has have had do does did ' +
    'this that these those it its their there they them he she we our you your not no nor so than then which who whom ' +
    'whose what when where while how all any both each more most other some such only own same very can will would ' +
    'should could may might must also into about over under between through during before after above below up down ' +
    'out off again further once here why just now if because until against among per via within without according'
  ).split(' '),
)

interface EnglishGram {
  key: string
  forms: Map<string, number>
  segments: Set<number>
  /** Relative position (0–1) of the gram's first word, by segment. */
  positions: Map<number, number>
  words: string[]
  acronym: boolean
  /** Every content word capitalised where not sentence-initial: a name. */
  capitalised: boolean
}

/** English n-grams (1 to 8 words) not starting or ending with a function word, by segment. */
function englishGrams(segments: string[]): Map<string, EnglishGram> {
  const grams = new Map<string, EnglishGram>()
  segments.forEach((segment, index) => {
    const tokens = tokenize(segment, 'en')
    const length = Math.max(1, segment.length)
    // A gram never cuts a hyphenated compound ("low-carbon hydrogen", not "carbon hydrogen").
    const hyphenBefore = (t: number) =>
      t > 0 &&
      t < tokens.length &&
      /[-\u2010\u2011]/u.test(segment.slice(tokens[t - 1]!.end, tokens[t]!.start))
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!
      if (first.key === ',' || ENGLISH_STOPWORDS.has(first.key) || hyphenBefore(i)) continue
      for (let n = 1; n <= 8 && i + n <= tokens.length; n++) {
        const last = tokens[i + n - 1]!
        if (n > 1 && (!last.joined || last.key === ',')) break
        if (ENGLISH_STOPWORDS.has(last.key) || /^\d+$/.test(last.key)) continue
        if (hyphenBefore(i + n)) continue
        const slice = tokens.slice(i, i + n)
        const key = slice.map((t) => t.key).join(' ')
        let gram = grams.get(key)
        if (!gram) {
          gram = {
            key,
            forms: new Map(),
            segments: new Set(),
            positions: new Map(),
            words: slice
              .filter((t) => !ENGLISH_STOPWORDS.has(t.key))
              .map((t) => t.key.toLowerCase()),
            acronym: slice.every((t) => t.acronym),
            capitalised: false,
          }
          grams.set(key, gram)
        }
        const initial = /(?:^|[.!?:]\s+)$/u.test(segment.slice(0, first.start))
        const written = segment.slice(first.start, last.end)
        const form = initial ? decapitalise(written) : written
        gram.forms.set(form, (gram.forms.get(form) ?? 0) + 1)
        if (!initial) {
          gram.capitalised ||= slice.every(
            (t) => ENGLISH_STOPWORDS.has(t.key) || /^\p{Lu}/u.test(t.text),
          )
        }
        gram.segments.add(index)
        if (!gram.positions.has(index)) gram.positions.set(index, first.start / length)
      }
    }
  })
  return grams
}

function bigrams(word: string): string[] {
  const padded = ` ${word} `
  const result: string[] = []
  for (let i = 0; i < padded.length - 1; i++) result.push(padded.slice(i, i + 2))
  return result
}

/** Character-bigram Dice similarity of two words, accents folded. */
export function cognateSimilarity(a: string, b: string): number {
  const x = bigrams(keyOf(a, 'fr').key.toLowerCase())
  const y = bigrams(keyOf(b, 'en').key.toLowerCase())
  const pool = new Map<string, number>()
  for (const g of x) pool.set(g, (pool.get(g) ?? 0) + 1)
  let shared = 0
  for (const g of y) {
    const count = pool.get(g) ?? 0
    if (count > 0) {
      shared++
      pool.set(g, count - 1)
    }
  }
  return (2 * shared) / (x.length + y.length)
}

/** Mean best cognate similarity, both ways, of two word lists. */
function cognates(fr: string[], en: string[]): number {
  if (fr.length === 0 || en.length === 0) return 0
  const best = (word: string, others: string[], swap: boolean) =>
    Math.max(...others.map((o) => (swap ? cognateSimilarity(o, word) : cognateSimilarity(word, o))))
  const a = fr.reduce((sum, w) => sum + best(w, en, false), 0) / fr.length
  const b = en.reduce((sum, w) => sum + best(w, fr, true), 0) / en.length
  return (a + b) / 2
}

const FRENCH_FUNCTION_WORDS = new Set([
  'le',
  'de',
  'a',
  'et',
  'pour',
  'sur',
  'en',
  'un',
  'une',
  'que',
  'dan',
])

interface FrenchTerm {
  text: string
  keys: string[]
  words: string[]
  acronym: boolean
  /** Capitalised where not sentence-initial: a name. */
  capitalised: boolean
  conceptId: string | null
  segments: Set<number>
  positions: Map<number, number>
}

function occurrencesOf(keys: string[], tokens: Token[]): number[] {
  const found: number[] = []
  for (let i = 0; i + keys.length <= tokens.length; i++) {
    let ok = true
    for (let k = 0; k < keys.length && ok; k++) {
      const token = tokens[i + k]!
      ok = (token.key === keys[k] || token.alt === keys[k]) && (k === 0 || token.joined)
    }
    if (ok) found.push(i)
  }
  return found
}

const ENGLISH_NAME_CONNECTORS = new Set(['of', 'on', 'the', 'for', 'and', 'in'])

/**
 * An English long form, widened to the capitalised name it ends
 * ("Treaty on the Non-Proliferation of…" rather than "Non-Proliferation of…")
 * and without a leading article.
 */
function englishName(text: string, start: number, end: number): string {
  const words = [...text.slice(0, start).matchAll(/[\p{L}\p{N}-]+/gu)]
  let from = start
  let pending = start
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!
    if (!/^[\s\u00a0]*$/u.test(text.slice(word.index + word[0].length, pending))) break
    if (ENGLISH_NAME_CONNECTORS.has(word[0])) pending = word.index
    else if (/^\p{Lu}/u.test(word[0]) && !/^(?:The|A|An)$/.test(word[0])) {
      from = word.index
      pending = word.index
    } else break
  }
  return text
    .slice(from, end)
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[\s\u00a0]+/gu, ' ')
}

/** Proposes English equivalents for the French terms of aligned segment pairs. */
export function proposeTerms(
  pairs: SegmentPair[],
  termbase: Termbase,
  limit = 200,
): TermProposal[] {
  const index = buildTermIndex(termbase, 'fr')
  const frTokens = pairs.map((p) => tokenize(p.fr, 'fr'))
  const enSegments = pairs.map((p) => p.en)
  const grams = englishGrams(enSegments)
  const terms = new Map<string, FrenchTerm>()
  const addTerm = (text: string, conceptId: string | null = null) => {
    const tokens = tokenize(text, 'fr').filter((t) => t.key !== ',')
    if (tokens.length === 0) return
    const keys = tokens.map((t) => t.key)
    const key = keys.join(' ')
    if (terms.has(key)) return
    const term: FrenchTerm = {
      text,
      keys,
      words: tokens.filter((t) => !FRENCH_FUNCTION_WORDS.has(t.key)).map((t) => t.text),
      acronym: tokens.length <= 2 && tokens.every((t) => t.acronym),
      capitalised: false,
      conceptId,
      segments: new Set(),
      positions: new Map(),
    }
    frTokens.forEach((tokens, segment) => {
      const at = occurrencesOf(keys, tokens)
      if (at.length === 0) return
      term.segments.add(segment)
      const first = tokens[at[0]!]!
      term.positions.set(segment, first.start / Math.max(1, pairs[segment]!.fr.length))
      const initial = /(?:^|[.!?:]\s+)$/u.test(pairs[segment]!.fr.slice(0, first.start))
      if (!initial && /^\p{Lu}/u.test(first.text)) term.capitalised = true
    })
    if (term.segments.size > 0) terms.set(key, term)
  }
  const proposals: TermProposal[] = []
  const definitionPairs = new Map<
    string,
    { fr: { short: string; long: string }; en: { short: string; long: string } }
  >()
  pairs.forEach((pair) => {
    const frDefinitions = findAcronymDefinitions(pair.fr)
    const enDefinitions = findAcronymDefinitions(pair.en)
    frDefinitions.forEach((definition, n) => {
      const english = enDefinitions.find((d) => d.short === definition.short) ?? enDefinitions[n]
      if (english && !definitionPairs.has(definition.short)) {
        definitionPairs.set(definition.short, {
          fr: { short: definition.short, long: definition.long },
          en: {
            short: english.short,
            long: englishName(pair.en, english.longStart, english.longEnd),
          },
        })
      }
    })
  })
  const englishIndex = buildTermIndex(termbase, 'en')
  const englishForms = new Map<string, Map<number, string[]>>()
  enSegments.forEach((segment, n) => {
    for (const occurrence of matchTokens(englishIndex, tokenize(segment, 'en'))) {
      const forms = englishForms.get(occurrence.term.conceptId) ?? new Map<number, string[]>()
      const concept = englishIndex.concepts.get(occurrence.term.conceptId)
      const written = segment.slice(occurrence.start, occurrence.end)
      const form = concept && /^\p{Ll}/u.test(concept.en.term) ? decapitalise(written) : written
      forms.set(n, [...(forms.get(n) ?? []), form])
      englishForms.set(occurrence.term.conceptId, forms)
    }
  })
  pairs.forEach((pair) => {
    for (const occurrence of matchTokens(index, tokenize(pair.fr, 'fr'))) {
      addTerm(pair.fr.slice(occurrence.start, occurrence.end), occurrence.term.conceptId)
    }
  })
  const segments = pairs.map((p) => ({
    text: p.fr,
    locate: () => ({
      start: { line: 1, column: 1, offset: 0 },
      end: { line: 1, column: 1, offset: 0 },
    }),
  }))
  // A parallel text is short: a "noun de noun" phrase counts from its first
  // occurrence (unless it is part of a longer name); the looser noun +
  // adjective pattern still has to recur.
  const candidates = findCandidates(segments, index, 1)
  const longer = candidates.flatMap((c) => (c.kind === 'phrase' ? [] : [c.long ?? c.text]))
  for (const candidate of candidates) {
    const phrase = candidate.kind === 'phrase'
    const nounDeNoun = /\s(?:de\s|d['’])\S/u.test(candidate.text)
    if (phrase && candidate.frequency < 2 && !nounDeNoun) continue
    if (phrase && longer.some((name) => name.includes(candidate.text))) continue
    if (candidate.kind === 'acronym') {
      addTerm(candidate.long!)
      addTerm(candidate.short!)
    } else addTerm(candidate.text)
  }
  for (const tokens of frTokens) for (const token of tokens) if (token.acronym) addTerm(token.text)

  for (const term of terms.values()) {
    const confirmed = knownEnglish(term, englishForms)
    if (confirmed) {
      proposals.push(confirmed)
      continue
    }
    const definition = definitionPairs.get(term.text)
    if (definition) {
      proposals.push({
        french: term.text,
        english: definition.en.short,
        score: 1,
        cooccurrences: term.segments.size,
        cue: 'acronym-definition',
        conceptId: term.conceptId,
        frenchAcronym: term.text,
        englishAcronym: definition.en.short,
      })
      continue
    }
    const definedLong = [...definitionPairs.values()].find((d) => d.fr.long === term.text)
    if (definedLong) {
      proposals.push({
        french: term.text,
        english: definedLong.en.long,
        score: 1,
        cooccurrences: term.segments.size,
        cue: 'acronym-definition',
        conceptId: term.conceptId,
        frenchAcronym: definedLong.fr.short,
        englishAcronym: definedLong.en.short,
      })
      continue
    }
    const best = bestEnglish(term, grams)
    if (best) proposals.push(best)
  }
  return proposals
    .sort((a, b) => b.score - a.score || a.french.localeCompare(b.french, 'fr'))
    .slice(0, limit)
}

/** The English term of the French term's concept, when the aligned segments hold it. */
function knownEnglish(
  term: FrenchTerm,
  englishForms: Map<string, Map<number, string[]>>,
): TermProposal | null {
  const known = term.conceptId ? englishForms.get(term.conceptId) : undefined
  const shared = known ? [...known.entries()].filter(([segment]) => term.segments.has(segment)) : []
  if (shared.length === 0) return null
  const acronym = (form: string) => form.split(/\s+/).every(isAcronymWord)
  const counts = new Map<string, number>()
  for (const [, forms] of shared) {
    const fitting = forms.filter((f) => acronym(f) === term.acronym)
    for (const form of fitting.length > 0 ? fitting : forms)
      counts.set(form, (counts.get(form) ?? 0) + 1)
  }
  const english = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  return {
    french: term.text,
    english,
    score: 1,
    cooccurrences: shared.length,
    cue: 'termbase',
    conceptId: term.conceptId,
    frenchAcronym: term.acronym ? term.text : null,
    englishAcronym: term.acronym && acronym(english) ? english : null,
  }
}

/** The longest capitalised name around a name gram, found in the same segments ("French Center for AI" → "… AI Safety"). */
function widestName(gram: EnglishGram, grams: Map<string, EnglishGram>): EnglishGram {
  let widest = gram
  for (const other of grams.values()) {
    if (!other.capitalised || other.key.length <= widest.key.length) continue
    if (!` ${other.key} `.includes(` ${gram.key} `)) continue
    if ([...gram.segments].every((segment) => other.segments.has(segment))) widest = other
  }
  return widest
}

function bestEnglish(term: FrenchTerm, grams: Map<string, EnglishGram>): TermProposal | null {
  let best: { gram: EnglishGram; score: number; shared: number } | null = null
  for (const gram of grams.values()) {
    if (gram.acronym !== term.acronym) continue
    let shared = 0
    let position = 0
    for (const segment of gram.segments) {
      if (!term.segments.has(segment)) continue
      shared++
      position +=
        1 - Math.abs((gram.positions.get(segment) ?? 0) - (term.positions.get(segment) ?? 0))
    }
    if (shared === 0) continue
    const dice = (2 * shared) / (term.segments.size + gram.segments.size)
    const sameAcronym = term.acronym && gram.key === term.keys.join(' ')
    const cognate = term.acronym ? (sameAcronym ? 1 : 0) : cognates(term.words, gram.words)
    const lengthGap = Math.abs(gram.words.length - term.words.length)
    const name = term.acronym ? 0 : term.capitalised === gram.capitalised ? 0.15 : -0.15
    const score = 0.45 * dice + 0.35 * cognate + 0.2 * (position / shared) - 0.12 * lengthGap + name
    if (!best || score > best.score) best = { gram, score, shared }
  }
  if (!best || best.score < 0.35) return null
  if (term.capitalised && best.gram.capitalised)
    best = { ...best, gram: widestName(best.gram, grams) }
  if (term.acronym && best.gram.key !== term.keys.join(' ') && best.shared < 2) return null
  const form = [...best.gram.forms.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const sameAcronym = term.acronym && best.gram.key === term.keys.join(' ')
  return {
    french: term.text,
    english: form,
    score: Math.round(Math.min(1, best.score) * 100) / 100,
    cooccurrences: best.shared,
    cue: sameAcronym ? 'same-acronym' : 'alignment',
    conceptId: term.conceptId,
    frenchAcronym: term.acronym ? term.text : null,
    englishAcronym: term.acronym ? form : null,
  }
}

/** Proposals as `proposed` termbase concepts, for review (terms already in the termbase with the same English are left out). */
export function proposalsToTermbase(
  proposals: TermProposal[],
  reference: string,
  termbase: Termbase,
): Termbase {
  const existing = new Set(termbase.concepts.map((c) => c.id))
  const concepts: Concept[] = []
  const used = new Set<string>()
  for (const proposal of proposals) {
    if (proposal.cue === 'termbase') continue
    const acronymOnly = proposal.frenchAcronym === proposal.french
    const covered = proposals.some(
      (p) =>
        p !== proposal &&
        p.frenchAcronym === proposal.frenchAcronym &&
        p.french !== p.frenchAcronym,
    )
    if (acronymOnly && covered) continue
    const base = `proposed-${slug(proposal.french)}`
    let id = base
    for (let n = 2; used.has(id) || existing.has(id); n++) id = `${base}-${n}`
    used.add(id)
    concepts.push({
      id,
      status: 'proposed',
      fr: {
        term: proposal.french,
        variants: [],
        acronyms: proposal.frenchAcronym && !acronymOnly ? [proposal.frenchAcronym] : [],
        abbreviations: [],
        forbidden: [],
      },
      en: {
        term: proposal.english,
        variants: [],
        acronyms:
          proposal.englishAcronym && proposal.englishAcronym !== proposal.english
            ? [proposal.englishAcronym]
            : [],
        abbreviations: [],
        forbidden: [],
      },
      origin: { kind: 'alignment', reference },
      note: `${proposal.conceptId ? `English for concept ${proposal.conceptId} not found in the translation; ` : ''}${proposal.cue}, score ${proposal.score}, ${proposal.cooccurrences} aligned segment(s)`,
    })
  }
  return { version: TERMBASE_VERSION, concepts }
}

function slug(text: string): string {
  return (
    keyOf(text, 'fr')
      .key.toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'term'
  )
}

/** The segment pairs as a TMX 1.4b translation memory (French source). */
export function segmentsToTmx(pairs: SegmentPair[], creationTool = 'fiche'): string {
  return emitTmx(
    pairs
      .filter((pair) => pair.fr && pair.en)
      .map((pair) => ({ ...sharedCodes(pair), props: [['x-block', pair.kind]] })),
    { sourceLanguage: 'fr', targetLanguage: 'en', creationTool },
  )
}

/**
 * A pair's two sides over one code table, as TMX writes them (`<ph x>`,
 * `<bpt i x>`/`<ept i>`): French codes numbered 1, 2, 3… in reading order;
 * an English code takes the number of the first unused French code of the
 * same kind and data, else of the same kind, else a number of its own.
 */
function sharedCodes(pair: SegmentPair): {
  source: Piece[]
  target: Piece[]
  codes: Map<string, Code>
} {
  const fr = pair.frInline ?? { pieces: [{ type: 'text', value: pair.fr }], codes: new Map() }
  const en = pair.enInline ?? { pieces: [{ type: 'text', value: pair.en }], codes: new Map() }
  const codes = new Map<string, Code>()
  const frIds = new Map<string, string>()
  for (const id of codeIds(fr.pieces)) {
    if (frIds.has(id)) continue
    const mine = String(codes.size + 1)
    frIds.set(id, mine)
    codes.set(mine, fr.codes.get(id)!)
  }
  const free = [...codes.keys()]
  const same = (a: Code, b: Code) => JSON.stringify(a) === JSON.stringify(b)
  const enIds = new Map<string, string>()
  for (const id of codeIds(en.pieces)) {
    if (enIds.has(id)) continue
    const code = en.codes.get(id)!
    const match =
      free.find((mine) => same(codes.get(mine)!, code)) ??
      free.find((mine) => codes.get(mine)!.kind === code.kind)
    if (match !== undefined) {
      free.splice(free.indexOf(match), 1)
      enIds.set(id, match)
    } else {
      const mine = String(codes.size + 1)
      codes.set(mine, code)
      enIds.set(id, mine)
    }
  }
  const rename = (list: readonly Piece[], ids: ReadonlyMap<string, string>): Piece[] =>
    list.map((piece): Piece => {
      if (piece.type === 'text') return piece
      const id = ids.get(piece.id)!
      return piece.type === 'pc'
        ? { type: 'pc', id, children: rename(piece.children, ids) }
        : { type: 'ph', id }
    })
  return { source: rename(fr.pieces, frIds), target: rename(en.pieces, enIds), codes }
}
