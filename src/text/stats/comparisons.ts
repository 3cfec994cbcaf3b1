/**
 * Multipliers ("multiplié par 5", "deux fois moindres", "×5", "doublé") and ratios
 * ("un Européen sur deux", "3 sur 10", "1/3", "deux tiers des").
 */
import { qualifierBefore, wordAt } from './context.ts'
import { DURATION_WORDS, HSPACE, STOP_WORDS } from './lexicon.ts'
import { clean, type NumToken } from './numbers.ts'
import { makeCandidate } from './quantities.ts'
import type { Candidate } from './types.ts'

const MULTIPLIER_UNIT = '×'
const round4 = (n: number): number => Math.round(n * 1e4) / 1e4

function usableFactor(token: NumToken | undefined): token is NumToken {
  return (
    token !== undefined &&
    !token.label &&
    !token.article &&
    token.value > 0 &&
    (token.suffix === '' || token.suffix === 'x')
  )
}

const VERB_PAR_RE = new RegExp(
  `(?<![\\p{L}])(?:multipli|divis)(?:é|ée|és|ées|er|e|es|ent|era|eront|erait|eraient|ait|aient|ant|ons|ez|ation|ions?)${HSPACE}+par${HSPACE}+`,
  'giu',
)
const FACTOR_RE = new RegExp(
  `(?<![\\p{L}])(?:(?:d['’]|par${HSPACE}+)?un${HSPACE}+)?facteur${HSPACE}+(?:de${HSPACE}+)?`,
  'giu',
)
const FOIS_RE = new RegExp(
  `${HSPACE}+fois${HSPACE}+(plus|moins|moindres?|supérieur(?:e|s|es)?|inférieur(?:e|s|es)?|davantage|mieux|autant|pires?)(?![\\p{L}])`,
  'iuy',
)
const SYMBOL_BEFORE_RE = /(?<![\p{L}\p{N}])(?:×\s?|x)(\d+(?:,\d+)?)(?![\p{L}\p{N}]|[.,]\d)/gu
const SYMBOL_AFTER_RE = /(?<![\p{L}\p{N}.,])(\d+(?:,\d+)?)(?:\s?×|x)(?![\p{L}\p{N}])/gu
const VERB_VALUES: Array<[string, number]> = [
  ['doubl', 2],
  ['tripl', 3],
  ['quadrupl', 4],
  ['quintupl', 5],
  ['sextupl', 6],
  ['décupl', 10],
  ['centupl', 100],
]
const MULTIPLY_VERB_RE = new RegExp(
  `(?<![\\p{L}])(${VERB_VALUES.map(([s]) => s).join('|')})(?:é|ée|és|ées|er|ent|era|eront|erait|eraient|ait|aient|ant|ement|ements|erons|erez)(?![\\p{L}])`,
  'giu',
)
const MULTIPLE_NOUN_RE = new RegExp(
  `(?<![\\p{L}])(?:le|du|au|un)${HSPACE}+(double|triple|quadruple|décuple)(?=${HSPACE}*(?:[.,;:!?)]|$|d[e'’]|des|du|en|par|voire))`,
  'giu',
)

/** A qualifier between "par" and the number ("multiplié par plus de 3"), read at `lastIndex`. */
const FACTOR_QUALIFIER = new RegExp(
  `(près${HSPACE}+d(?:e${HSPACE}+|['’])|plus${HSPACE}+d(?:e${HSPACE}+|['’])|moins${HSPACE}+d(?:e${HSPACE}+|['’])|environ${HSPACE}+|au${HSPACE}+moins${HSPACE}+|presque${HSPACE}+)`,
  'iuy',
)

/**
 * Multipliers, unit '×', value the factor as written: "multiplié par 5" -> 5, "×5" / "x5" / "5×"
 * -> 5, "cinq fois plus" -> 5, "3 fois moins" / "deux fois moindres" / "divisé par 2" -> 3 / 2 / 2
 * (the direction is in the text, not the value), "doublé" -> 2, "triplé" -> 3, "le double" -> 2,
 * "un facteur 10" -> 10.
 */
export function recognizeMultipliers(
  text: string,
  tokens: ReadonlyArray<NumToken>,
  byStart: ReadonlyMap<number, NumToken>,
): Candidate[] {
  const out: Candidate[] = []
  for (const re of [VERB_PAR_RE, FACTOR_RE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      let pos = start + m[0].length
      // optional qualifier between "par" and the number: "multiplié par plus de 3"
      FACTOR_QUALIFIER.lastIndex = pos
      const q = FACTOR_QUALIFIER.exec(text)
      if (q) pos += q[0].length
      const token = byStart.get(pos)
      if (!usableFactor(token) || token.suffix) continue
      const qualifier = q ? qualifierBefore(text, pos) : null
      const c = makeCandidate(
        text,
        token,
        start,
        token.end,
        'multiplier',
        token.value,
        MULTIPLIER_UNIT,
        1,
        qualifier,
      )
      if (!q) c.start = start
      out.push(c)
    }
  }
  for (const token of tokens) {
    if (!usableFactor(token) || token.suffix) continue
    FOIS_RE.lastIndex = token.end
    const m = FOIS_RE.exec(text)
    if (!m) continue
    out.push(
      makeCandidate(
        text,
        token,
        token.start,
        token.end + m[0].length,
        'multiplier',
        token.value,
        MULTIPLIER_UNIT,
        1,
      ),
    )
  }
  for (const re of [SYMBOL_BEFORE_RE, SYMBOL_AFTER_RE]) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      const value = Number((m[1] ?? '').replace(',', '.'))
      if (!(value > 0)) continue
      const end = start + m[0].length
      out.push(
        makeCandidate(text, { start, end }, start, end, 'multiplier', value, MULTIPLIER_UNIT, 1),
      )
    }
  }
  for (const m of text.matchAll(MULTIPLY_VERB_RE)) {
    const stem = (m[1] ?? '').toLowerCase()
    const value = VERB_VALUES.find(([s]) => s === stem)?.[1]
    if (value === undefined) continue
    const start = m.index ?? 0
    const end = start + m[0].length
    out.push(
      makeCandidate(text, { start, end }, start, end, 'multiplier', value, MULTIPLIER_UNIT, 1),
    )
  }
  for (const m of text.matchAll(MULTIPLE_NOUN_RE)) {
    const word = (m[1] ?? '').toLowerCase()
    const value = { double: 2, triple: 3, quadruple: 4, décuple: 10 }[word]
    if (value === undefined) continue
    const start = (m.index ?? 0) + m[0].length - (m[1] ?? '').length
    const end = start + (m[1] ?? '').length
    out.push(
      makeCandidate(
        text,
        { start, end },
        start,
        end,
        'multiplier',
        value,
        MULTIPLIER_UNIT,
        1,
        null,
      ),
    )
  }
  return out
}

const FRACTION_WORDS: Record<string, number> = {
  moitié: 2,
  tiers: 3,
  quart: 4,
  quarts: 4,
  cinquième: 5,
  cinquièmes: 5,
  sixième: 6,
  dixième: 10,
  dixièmes: 10,
  centième: 100,
}
const FRACTION_RE = new RegExp(
  `(?<![\\p{L}])(la|une?|deux|trois|quatre|cinq|six|sept|huit|neuf)${HSPACE}+(moitié|tiers|quarts?|cinquièmes?|sixième|dixièmes?|centième)(?=${HSPACE}+(?:des|du|de${HSPACE}+(?:la|l['’]|ces|ses|leurs?|nos|vos|mes|tous|toutes)|d['’](?!heure)|d['’]entre)|${HSPACE}*[.,;:)]|$)`,
  'giu',
)
const SMALL_NUMBERS: Record<string, number> = {
  la: 1,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
}
const SLASH_RE = /(?<![\p{L}\p{N}/.,-])(\d{1,3})\s?\/\s?(\d{1,4})(?![\p{L}\p{N}]|\/|[.,]\d)/gu

/**
 * Ratios, value rounded to 4 decimals: "un Européen sur deux" -> 0.5, "une personne sur trois"
 * -> 0.3333, "3 sur 10" -> 0.3, "1/3" -> 0.3333, "deux tiers des" -> 0.6667, "la moitié des" -> 0.5.
 * Unit null.
 */
export function recognizeRatios(
  text: string,
  tokens: ReadonlyArray<NumToken>,
  byStart: ReadonlyMap<number, NumToken>,
): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (token.label || token.suffix || token.value < 0) continue
    // up to three words of noun phrase, then "sur", then the denominator
    let pos = token.end
    let found: NumToken | undefined
    for (let i = 0; i < 4; i++) {
      const w = wordAt(text, pos)
      if (!w || w.start === pos) break
      if (w.lower === 'sur') {
        const after = /^[ \t\u00A0\u202F]+/.exec(text.slice(w.end, w.end + 4))
        if (after) found = byStart.get(w.end + after[0].length)
        break
      }
      if (STOP_WORDS.has(w.lower) || /^\p{N}/u.test(w.word)) break
      pos = w.end
    }
    if (!found || found.label || found.suffix || found.article || found.value <= 0) continue
    if (found.value < token.value || found.dotDecimal || token.dotDecimal) continue
    // "sur 10 ans" is a period, not a denominator
    const afterDen = wordAt(text, found.end)
    if (
      afterDen &&
      afterDen.start > found.end &&
      (DURATION_WORDS.has(afterDen.lower) || afterDen.word === '%')
    ) {
      continue
    }
    const value = round4(token.value / found.value)
    out.push(makeCandidate(text, token, token.start, found.end, 'ratio', value, null, 1))
  }
  for (const m of text.matchAll(SLASH_RE)) {
    const a = Number(m[1])
    const b = Number(m[2])
    if (!(a > 0 && b > 0 && a < b)) continue
    if (!(b <= 20 || b === 100 || b === 1000)) continue
    const start = m.index ?? 0
    if (/(?:^|[^\p{L}])(?:le|du|au)\s+$/iu.test(text.slice(Math.max(0, start - 5), start))) continue
    const end = start + m[0].length
    out.push(makeCandidate(text, { start, end }, start, end, 'ratio', round4(a / b), null, 1))
  }
  for (const m of text.matchAll(FRACTION_RE)) {
    const numerator = SMALL_NUMBERS[(m[1] ?? '').toLowerCase()]
    const denominator = FRACTION_WORDS[(m[2] ?? '').toLowerCase()]
    if (numerator === undefined || denominator === undefined) continue
    if ((m[1] ?? '').toLowerCase() === 'la' && denominator !== 2) continue
    if (numerator >= denominator) continue
    const start = m.index ?? 0
    const end = start + m[0].length
    out.push(
      makeCandidate(
        text,
        { start, end },
        start,
        end,
        'ratio',
        round4(numerator / denominator),
        null,
        1,
      ),
    )
  }
  return out.map((c) => ({ ...c, value: typeof c.value === 'number' ? clean(c.value) : c.value }))
}
