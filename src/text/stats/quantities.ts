/**
 * Percentages, money, durations and counts: a number token followed by its unit.
 */
import {
  qualifierAfter,
  qualifierBefore,
  type QualifierMatch,
  wordAt,
  wordBefore,
} from './context.ts'
import { isYearLike, yearContext } from './dates.ts'
import {
  CURRENCY_NAMES,
  CURRENCY_SYMBOLS,
  DURATION_ABBREVIATIONS,
  DURATION_WORDS,
  HSPACE,
  MONTHS,
  MONTH_ABBREVIATIONS,
  NUMBER_WORDS,
  PRE_NOUN_ADJECTIVES,
  SCALE_ABBREVIATIONS,
  STOP_WORDS,
  WEEKDAYS,
} from './lexicon.ts'
import { clean, isSigned, type NumToken } from './numbers.ts'
import type { Candidate, StatisticKind } from './types.ts'

export const PRIORITY: Record<StatisticKind, number> = {
  date: 90,
  money: 80,
  percent: 70,
  multiplier: 60,
  ratio: 55,
  duration: 50,
  year: 30,
  count: 20,
}

/** Build a candidate, extending the span with the qualifier written before or after. */
export function makeCandidate(
  text: string,
  token: { start: number; end: number },
  spanStart: number,
  spanEnd: number,
  kind: StatisticKind,
  value: number | string,
  unit: string | null,
  factor: number,
  qualifier: QualifierMatch | null = qualifierBefore(text, spanStart),
): Candidate {
  let start = spanStart
  let end = spanEnd
  let q = qualifier
  if (q) start = Math.min(start, q.start)
  else {
    q = qualifierAfter(text, spanEnd)
    if (q) end = q.end
  }
  return {
    start,
    end,
    kind,
    value,
    unit,
    qualifier: q?.qualifier ?? 'exact',
    qualifierText: q?.text ?? null,
    change: null,
    priority: PRIORITY[kind],
    factor,
    numberStart: token.start,
    numberEnd: token.end,
  }
}

function sticky(source: string, flags = 'iuy'): RegExp {
  return new RegExp(source, flags)
}

// ---------------------------------------------------------------- percent

const PERCENT_UNITS: Array<[RegExp, string]> = [
  [sticky(`${HSPACE}?%`), '%'],
  [sticky(`${HSPACE}?‰`), '‰'],
  [sticky(`${HSPACE}+pour${HSPACE}?cent(?![\\p{L}])`), '%'],
  [sticky(`${HSPACE}+pour${HSPACE}?mille(?![\\p{L}])`), '‰'],
  [sticky(`${HSPACE}+points?${HSPACE}+(?:de${HSPACE}+pourcentage|de${HSPACE}*%|%)`), 'pp'],
  [sticky(`${HSPACE}?(?:pp|p\\.${HSPACE}?p\\.)(?![\\p{L}])`, 'uy'), 'pp'],
]

const POINTS_RE = sticky(`${HSPACE}+points?(?![\\p{L}])`)
const POINTS_OF_RE = sticky(
  `${HSPACE}+(?:de${HSPACE}+(?:PIB|croissance|chômage|pourcentage|base|plus|moins|mieux|différence|écart)|d['’](?:écart|avance|retard)|par${HSPACE}+an|en${HSPACE}+(?:plus|moins))(?![\\p{L}])`,
)
const POINT_CHANGE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(?:hausse|baisse|augmentation|diminution|recul|progression|gain|perte|écart|révision|variation|chute|repli|amélioration|dégradation|gagn\\p{L}*|perd\\p{L}*|recul\\p{L}*|progress\\p{L}*|cèd\\p{L}*|prend\\p{L}*|pris)${HSPACE}+(?:(?:de|d['’])${HSPACE}*)?(?:${HSPACE}*[+−-])?${HSPACE}*$`,
  'iu',
)

/**
 * "0,6 point par an", "+3 points", "une hausse de 2 points", "5 points de PIB": a change measured
 * in (percentage) points. A whole number of "points" without any of these ("les trois points
 * suivants") is a structural count, not a figure.
 */
function pointsEnd(text: string, token: NumToken): number | null {
  POINTS_RE.lastIndex = token.end
  const m = POINTS_RE.exec(text)
  if (!m) return null
  const end = token.end + m[0].length
  POINTS_OF_RE.lastIndex = end
  const decimal = token.base !== Math.trunc(token.base)
  const before = text.slice(Math.max(0, token.start - 30), token.start)
  return decimal ||
    isSigned(text, token) ||
    POINTS_OF_RE.test(text) ||
    POINT_CHANGE_BEFORE.test(before)
    ? end
    : null
}

/**
 * Percentages: "2 %", "2,5 %", "10%", "94 pour cent", "5 points de pourcentage", "+3 points".
 * Value is the number as written (2,5 % -> 2.5); unit '%', '‰', or 'pp' for percentage points.
 */
export function recognizePercents(text: string, tokens: ReadonlyArray<NumToken>): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (token.label || token.article) continue
    if (token.suffix === 'pp' || token.suffix === 'pts') {
      out.push(
        makeCandidate(
          text,
          token,
          token.start,
          token.end + token.suffix.length,
          'percent',
          token.value,
          'pp',
          1,
        ),
      )
      continue
    }
    if (token.suffix) continue
    for (const [re, unit] of PERCENT_UNITS) {
      re.lastIndex = token.end
      const m = re.exec(text)
      if (!m) continue
      out.push(
        makeCandidate(
          text,
          token,
          token.start,
          token.end + m[0].length,
          'percent',
          token.value,
          unit,
          1,
        ),
      )
      break
    }
    if (token.article || out[out.length - 1]?.numberStart === token.start) continue
    const end = pointsEnd(text, token)
    if (end !== null) {
      // "+ 0,6 point": a sign one space before belongs to the figure
      const spaced = /[+−][ \u00A0\u202F]$/.exec(
        text.slice(Math.max(0, token.start - 2), token.start),
      )
      const start = spaced ? token.start - 2 : token.start
      const value = spaced?.[0].startsWith('−') ? -token.value : token.value
      out.push(makeCandidate(text, token, start, end, 'percent', value, 'pp', 1))
    }
  }
  return out
}

// ---------------------------------------------------------------- money

const SYMBOL_ALT = [...CURRENCY_SYMBOLS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((s) => s.replace(/[$]/g, '\\$'))
  .join('|')
const PREFIX_SYMBOL_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${SYMBOL_ALT})${HSPACE}?$`, 'u')
const SCALE_ALT = [...SCALE_ABBREVIATIONS.keys()].sort((a, b) => b.length - a.length).join('|')
const SUFFIX_SYMBOL_RE = sticky(`${HSPACE}?(${SYMBOL_ALT})(?![\\p{L}\\p{N}])`, 'uy')
const SPACED_SCALE_BEFORE_CURRENCY_RE = sticky(
  `${HSPACE}?(${SCALE_ALT})(?=${HSPACE}?(?:${SYMBOL_ALT})(?![\\p{L}])|${HSPACE}+d(?:e${HSPACE}+|['’])(?:euros?|dollars?|livres?))`,
  'uy',
)
const PREFIX_SCALE_RE = sticky(
  `${HSPACE}?(${SCALE_ALT}|millions?|milliards?)(?![\\p{L}\\p{N}])`,
  'uy',
)
const CURRENCY_NAME_RES: Array<[RegExp, string]> = CURRENCY_NAMES.map(([src, code]) => [
  sticky(`${HSPACE}+(?:(de|d['’])${HSPACE}*)?(?:${src})(?![\\p{L}])`),
  code,
])

/**
 * Money: "200 milliards d'euros", "3 M€", "1,2 Md€", "15 millions de dollars", "€5m", "5 000 €",
 * "5 k€", "3 millions de livres sterling". Value is the full amount in currency units.
 */
export function recognizeMoney(text: string, tokens: ReadonlyArray<NumToken>): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (token.label) continue
    // currency before the amount: €5m, $3bn, £3 millions, US$ 200
    if (token.form === 'digits') {
      const pm = PREFIX_SYMBOL_RE.exec(text.slice(Math.max(0, token.start - 4), token.start))
      if (pm && pm[1]) {
        const code = CURRENCY_SYMBOLS.get(pm[1]) ?? 'USD'
        let end = token.end
        let factor = token.scale
        const glued = token.suffix ? SCALE_ABBREVIATIONS.get(token.suffix) : undefined
        if (token.suffix && glued === undefined) continue
        if (glued !== undefined) {
          factor *= glued
          end += token.suffix.length
        } else if (token.scale === 1) {
          PREFIX_SCALE_RE.lastIndex = end
          const sm = PREFIX_SCALE_RE.exec(text)
          if (sm && sm[1]) {
            factor *= SCALE_ABBREVIATIONS.get(sm[1]) ?? NUMBER_WORDS.get(sm[1].toLowerCase()) ?? 1
            end += sm[0].length
          }
        }
        const symbolStart = token.start - pm[0].length
        out.push(
          makeCandidate(
            text,
            token,
            symbolStart,
            end,
            'money',
            clean(token.base * factor),
            code,
            factor,
          ),
        )
        continue
      }
    }
    if (token.article && token.scale === 1) continue
    let pos = token.end
    let factor = token.scale
    if (token.suffix) {
      const glued = SCALE_ABBREVIATIONS.get(token.suffix)
      if (glued === undefined) continue
      factor *= glued
      pos += token.suffix.length
    } else {
      SPACED_SCALE_BEFORE_CURRENCY_RE.lastIndex = pos
      const sm = SPACED_SCALE_BEFORE_CURRENCY_RE.exec(text)
      if (sm && sm[1] && token.scale === 1) {
        factor *= SCALE_ABBREVIATIONS.get(sm[1]) ?? 1
        pos += sm[0].length
      }
    }
    const scaled = factor !== 1 || (token.value >= 1e6 && token.value % 1e6 === 0)
    const money = (end: number, code: string) =>
      out.push(
        makeCandidate(
          text,
          token,
          token.start,
          end,
          'money',
          clean(token.base * factor),
          code,
          factor,
        ),
      )
    SUFFIX_SYMBOL_RE.lastIndex = pos
    const sym = SUFFIX_SYMBOL_RE.exec(text)
    if (sym && sym[1]) {
      money(pos + sym[0].length, CURRENCY_SYMBOLS.get(sym[1]) ?? 'USD')
      continue
    }
    for (const [re, code] of CURRENCY_NAME_RES) {
      re.lastIndex = pos
      const m = re.exec(text)
      if (!m) continue
      if (m[1] !== undefined && !scaled) break // "5 d'euros" is not French
      money(pos + m[0].length, code)
      break
    }
  }
  return out
}

// ---------------------------------------------------------------- durations

const TIME_OF_DAY_PREPOSITIONS = new Set(['à', 'vers', 'dès', 'avant', 'après', "jusqu'à", 'entre'])

interface DurationUnit {
  minutes: number
  end: number
  hour: boolean
  abbreviated: boolean
}

const SPACED_WORD_RE = sticky(`${HSPACE}*(\\p{L}+)(?![\\p{L}\\p{N}])`, 'uy')

function durationUnitAfter(text: string, token: NumToken, pos: number): DurationUnit | null {
  if (token.suffix) {
    const minutes = DURATION_ABBREVIATIONS.get(token.suffix)
    if (minutes === undefined) return null
    return {
      minutes,
      end: pos + token.suffix.length,
      hour: token.suffix === 'h',
      abbreviated: true,
    }
  }
  SPACED_WORD_RE.lastIndex = pos
  const m = SPACED_WORD_RE.exec(text)
  if (!m || !m[1] || m[0].length === m[1].length) return null
  if (/^['’]/.test(text.slice(pos + m[0].length))) return null // "6 s'appliquent"
  const written = m[1]
  const lower = written.toLowerCase()
  let minutes = DURATION_WORDS.get(lower)
  let abbreviated = false
  if (minutes === undefined && token.form === 'digits') {
    minutes = DURATION_ABBREVIATIONS.get(written)
    abbreviated = minutes !== undefined
  }
  if (minutes === undefined) return null
  if ((lower === 'an' || lower === 'année') && token.value !== 1) return null
  return { minutes, end: pos + m[0].length, hour: minutes === 60, abbreviated }
}

/** Durations written without a number: "une demi-heure" (30 min), "trois quarts d'heure" (45 min). */
const FIXED_DURATIONS: ReadonlyArray<readonly [RegExp, number]> = [
  [new RegExp(`(?<![\\p{L}])(?:une${HSPACE}+)?demi-heures?(?![\\p{L}])`, 'giu'), 30],
  [new RegExp(`(?<![\\p{L}])(?:une${HSPACE}+)?demi-journées?(?![\\p{L}])`, 'giu'), 720],
  [new RegExp(`(?<![\\p{L}])un${HSPACE}+quart${HSPACE}+d['’]heure(?![\\p{L}])`, 'giu'), 15],
  [new RegExp(`(?<![\\p{L}])trois${HSPACE}+quarts${HSPACE}+d['’]heure(?![\\p{L}])`, 'giu'), 45],
]

/**
 * Durations in minutes: "six minutes" -> 6, "1 heure et 30 minutes" -> 90, "2 h 30" -> 150,
 * "deux ans" -> 1051920 (1 year = 525960 min = 365.25 days; 1 month = 43830 min), "une
 * demi-heure" -> 30. Unit 'min'. Times of day ("à 14 h 30") and lone "un an"/"une heure" are
 * skipped (too often not a statistic); "un an et demi", "une heure et quart" are kept.
 */
export function recognizeDurations(
  text: string,
  tokens: ReadonlyArray<NumToken>,
  byStart: ReadonlyMap<number, NumToken>,
  timesOfDay: Array<[number, number]> = [],
): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (token.label || token.afterName || token.dotDecimal || token.value < 0) continue
    const unit = durationUnitAfter(text, token, token.end)
    if (!unit) continue
    let total = token.value * unit.minutes
    let end = unit.end
    let compound = false
    if (unit.hour) {
      const mm = sticky(`${HSPACE}?(\\d{2})(?:${HSPACE}?(?:min|mn)(?![\\p{L}]))?(?![\\p{N}])`, 'uy')
      mm.lastIndex = end
      const m = mm.exec(text)
      const minutes = m ? Number(m[1]) : NaN
      if (m && minutes < 60) {
        const follower = wordAt(text, end + m[0].length)
        const followerIsNoun =
          !/(?:min|mn)$/.test(m[0]) &&
          follower !== null &&
          follower.start === end + m[0].length + 1 &&
          !STOP_WORDS.has(follower.lower)
        if (!followerIsNoun) {
          total += minutes
          end += m[0].length
          compound = true
        }
      }
    }
    const half = sticky(`${HSPACE}+et${HSPACE}+(demie?|quart)(?![\\p{L}])`)
    half.lastIndex = end
    const hm = half.exec(text)
    if (!compound && hm && hm[1]) {
      total += unit.minutes * (hm[1].toLowerCase() === 'quart' ? 0.25 : 0.5)
      end += hm[0].length
      compound = true
    }
    if (!compound) {
      // "1 heure et 30 minutes", "3 heures 20 minutes", "2 ans, 3 mois et 10 jours"
      let lastMinutes = unit.minutes
      let chainTotal = total
      let chainEnd = end
      let beforeComma: { total: number; end: number } | null = null
      for (;;) {
        const join = sticky(`(,)?${HSPACE}+(et${HSPACE}+)?`)
        join.lastIndex = chainEnd
        const jm = join.exec(text)
        const next = jm ? byStart.get(chainEnd + jm[0].length) : undefined
        if (!jm || !next || next.label || next.value < 0) break
        const nextUnit = durationUnitAfter(text, next, next.end)
        if (!nextUnit || nextUnit.minutes >= lastMinutes) break
        if (jm[1] && !beforeComma) beforeComma = { total: chainTotal, end: chainEnd }
        chainTotal += next.value * nextUnit.minutes
        chainEnd = nextUnit.end
        lastMinutes = nextUnit.minutes
        if (jm[2]) {
          beforeComma = null // a list "X, Y et Z" closed by "et" is one duration
          break
        }
      }
      if (beforeComma) {
        chainTotal = beforeComma.total
        chainEnd = beforeComma.end
      }
      if (chainEnd !== end) {
        total = chainTotal
        end = chainEnd
        compound = true
      }
    }
    if (token.article && !compound) continue
    if (unit.hour && token.value <= 24) {
      const prev = wordBefore(text, token.start)
      const prevLower = prev?.lower ?? ''
      const clock = unit.abbreviated || compound
      const explicitMinutes = /min/i.test(text.slice(unit.end, end))
      const afterDuration = out.some(
        (d) =>
          d.kind === 'duration' &&
          d.end <= token.start &&
          token.start - d.end < 100 &&
          !/[.!?;\n]/.test(text.slice(d.end, token.start)),
      )
      const timeWord = prevLower === 'à' || prevLower === 'vers' || prevLower === 'dès'
      if (
        TIME_OF_DAY_PREPOSITIONS.has(prevLower) &&
        (clock || timeWord) &&
        !explicitMinutes &&
        !afterDuration
      ) {
        timesOfDay.push([token.start, end])
        continue
      }
      const clockRange = sticky(`${HSPACE}*(?:à|-|–)${HSPACE}*\\d{1,2}${HSPACE}?h`)
      if (prevLower === 'de' && clockRange.test(text.slice(end))) {
        timesOfDay.push([token.start, end])
        continue
      }
      if (
        /[-–]$/.test(text.slice(Math.max(0, token.start - 10), token.start).trimEnd()) &&
        unit.abbreviated
      ) {
        timesOfDay.push([token.start, end])
        continue
      }
    }
    out.push(
      makeCandidate(
        text,
        token,
        token.start,
        end,
        'duration',
        clean(Math.round(total * 1e4) / 1e4),
        'min',
        unit.minutes,
      ),
    )
  }
  for (const [re, minutes] of FIXED_DURATIONS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0
      const end = start + m[0].length
      out.push(makeCandidate(text, { start, end }, start, end, 'duration', minutes, 'min', 1))
    }
  }
  return out
}

// ---------------------------------------------------------------- counts

const NOT_COUNTED = new Set<string>([
  ...STOP_WORDS,
  ...MONTHS.keys(),
  ...MONTH_ABBREVIATIONS.keys(),
  ...WEEKDAYS.keys(),
  ...NUMBER_WORDS.keys(),
  ...DURATION_WORDS.keys(),
  'euro',
  'euros',
  'dollar',
  'dollars',
  'pour',
  'pourcent',
  'quelque',
  'quelques',
  'h',
  'min',
  'mn',
  'sec',
  'j',
  'e',
  'er',
  'ème',
  'heures',
  'rue',
  'avenue',
  'boulevard',
  'bd',
  'place',
  'allée',
  'impasse',
  'quai',
])

function isCountNoun(word: string, lower: string): boolean {
  if (NOT_COUNTED.has(lower) || lower.length < 2) return false
  if (!/^\p{L}/u.test(word)) return false
  // a word in capitals longer than an acronym ("14 MÉTHODE") is a title, not a counted noun
  return !(word.length > 4 && word === word.toUpperCase())
}

const PLURAL = /(?:s|x|z)$/

const COMPARATIVE_ADJECTIVES = new Set([
  ...PRE_NOUN_ADJECTIVES,
  'importants',
  'importantes',
  'riches',
  'pauvres',
  'puissants',
  'puissantes',
  'performants',
  'performantes',
  'avancés',
  'avancées',
  'peuplés',
  'peuplées',
  'fréquents',
  'fréquentes',
  'courants',
  'courantes',
])

/**
 * Counts: a number and the counted noun ("15 lauréats", "Vingt autres organismes",
 * "40 millions de personnes"); unit is the noun as written. Digits without noun are counts with
 * unit null ("ils étaient 40 000"); number words need a plural noun ("cinq continents" yes,
 * "les deux" no). Ordinals, the article "un/une", labels ("article 5") and numbers inside names
 * are never counts.
 */
export function recognizeCounts(text: string, tokens: ReadonlyArray<NumToken>): Candidate[] {
  const out: Candidate[] = []
  for (const token of tokens) {
    if (token.label || token.afterName || token.suffix || token.article) continue
    // "2.2 millions": a dot decimal followed by a scale word is a quantity, not a section number
    if (token.dotDecimal && token.scale === 1) continue
    const yearLike = isYearLike(token)
    const context = yearLike ? yearContext(text, token) : 'none'
    if (yearLike && context === 'strong') continue
    let pos = token.end
    let noun: { word: string; end: number } | null = null
    if (token.scale > 1 || (token.value >= 1e6 && token.value % 1e6 === 0)) {
      const de = sticky(`${HSPACE}+d(?:e${HSPACE}+|['’])`)
      de.lastIndex = pos
      const dm = de.exec(text)
      if (dm) {
        const w = wordAt(text, pos + dm[0].length)
        if (w && w.start === pos + dm[0].length && isCountNoun(w.word, w.lower)) noun = w
      }
    } else {
      for (let i = 0; i < 3; i++) {
        const w = wordAt(text, pos)
        if (!w || w.start === pos) break
        if (i < 2 && PRE_NOUN_ADJECTIVES.has(w.lower)) {
          pos = w.end
          continue
        }
        // "les 10 plus grandes entreprises"
        if (i === 0 && (w.lower === 'plus' || w.lower === 'moins')) {
          const adjective = wordAt(text, w.end)
          if (adjective && adjective.start > w.end && COMPARATIVE_ADJECTIVES.has(adjective.lower)) {
            pos = adjective.end
            i++
            continue
          }
        }
        if (isCountNoun(w.word, w.lower)) noun = w
        break
      }
    }
    // After a plural number, a word in -ent is a verb ("en valeur 100 montrent"), not a noun:
    // counted nouns take the plural (-s, -x).
    if (noun && token.value >= 2 && /ent$/.test(noun.word.toLowerCase())) noun = null
    if (noun) {
      if (yearLike && !/^\p{Ll}/u.test(noun.word)) noun = null
      else if (token.form === 'words' && token.value > 1 && !PLURAL.test(noun.word.toLowerCase()))
        continue
    }
    const degrees = sticky(`${HSPACE}?°${HSPACE}?([CF](?![\\p{L}]))?`, 'uy')
    degrees.lastIndex = token.end
    const dg = degrees.exec(text)
    if (dg && !token.suffix) {
      const unit = dg[1] ? `°${dg[1]}` : '°'
      out.push(
        makeCandidate(
          text,
          token,
          token.start,
          token.end + dg[0].length,
          'count',
          token.value,
          unit,
          1,
        ),
      )
      continue
    }
    if (noun) {
      out.push(
        makeCandidate(
          text,
          token,
          token.start,
          noun.end,
          'count',
          token.value,
          noun.word,
          token.scale,
        ),
      )
      continue
    }
    // bare number
    if (token.form === 'words' && token.scale === 1) continue
    const qualified = qualifierBefore(text, token.start) !== null
    if (
      yearLike &&
      !qualified &&
      (context !== 'none' || (token.value >= 1900 && token.value <= 2100))
    ) {
      continue
    }
    const before = text.slice(Math.max(0, token.start - 10), token.start).trimEnd()
    if (text[token.end] === ')' && before.endsWith('(')) continue
    const prev = wordBefore(text, token.start)
    if (prev && /^(?:le|du|au)$/.test(prev.lower) && token.value <= 31 && token.plainInt) continue
    out.push(
      makeCandidate(text, token, token.start, token.end, 'count', token.value, null, token.scale),
    )
  }
  return out
}
