/**
 * Candidate terms: terminology of a note that the termbase lacks, for a
 * terminologist to review. Three kinds:
 * - `acronym`: acronym definitions ("long form (ACR)", "long form, ACR",
 *   "ACR (long form)", see src/text/acronyms.ts) whose acronym is unknown;
 * - `name`: multi-word names of bodies, reports, treaties and events
 *   ("Convention sur l'interdiction des armes chimiques"), headed by a
 *   capitalised institutional noun, or several capitalised words one of
 *   which is such a noun ("The Future Society");
 * - `phrase`: recurring noun phrases (noun + adjective, noun + de + noun)
 *   seen at least twice, unless they are made of general language only
 *   ("importance cruciale") or are always a fragment of a longer phrase
 *   ("technologiques étrangers" in "géants technologiques étrangers").
 * Nothing that the termbase already matches is proposed. The list is ranked
 * by termhood, frequency × specificity (src/glossary/termhood.ts), most
 * term-like first.
 */
import type { Position } from '../model/schema.ts'
import { findAcronymDefinitions } from '../text/acronyms.ts'
import { sentenceIn, sentenceSpans } from '../text/sentences.ts'
import type { AcronymDefinition } from '../text/acronyms.ts'
import { matchTokens, type TermIndex } from './matcher.ts'
import { termhood } from './termhood.ts'
import { keyOf, tokenize, type Token } from './tokens.ts'

/** A piece of prose with a way to place its offsets in the source. */
export interface TextSegment {
  text: string
  locate(start: number, end: number): Position
  /**
   * The segment's analysis when it is already done (the draft's block
   * analysis, `src/draft/analysis.ts`): reused instead of tokenising,
   * splitting and scanning the text again. Computed here when absent.
   */
  analysis?: {
    readonly tokens: Token[]
    readonly sentences: ReadonlyArray<readonly [number, number]>
    readonly acronymDefinitions: AcronymDefinition[]
  }
}

/** Kinds of candidates. */
export type CandidateKind = 'acronym' | 'name' | 'phrase'

/** A term the termbase lacks. */
export interface Candidate {
  /** Normalized key, unique in a list. */
  key: string
  kind: CandidateKind
  /** The candidate as first written (for acronyms: "long form (ACR)"). */
  text: string
  short: string | null
  long: string | null
  frequency: number
  /** Frequency × specificity (src/glossary/termhood.ts): the rank of the candidate. */
  termhood: number
  first: { position: Position; sentence: string }
}

/** Nouns that head the names of bodies, documents and events (folded, singular). */
const NAME_HEADS = new Set(
  (
    'academie accord acte act agence agency agreement alliance appel assemblee assembly autorite authority ' +
    'bureau call centre center charte charter code comite commission committee conference conseil convention ' +
    'council cour court declaration directive fondation forum foundation groupe group haut haute initiative ' +
    'institut institute loi ministere ministry nation observatoire office olympiade organisation organization ' +
    'pacte pact parlement parliament partenariat partnership plan programme protocole protocol rapport report ' +
    'reglement regulation reseau sommet summit society societe strategie strategy traite treaty tribunal union ' +
    'universite university'
  ).split(' '),
)

/** The keys of a list of words, as the tokenizer computes them. */
const keys = (words: string): Set<string> =>
  new Set(words.split(/\s+/).map((w) => keyOf(w, 'fr').key))

/** Short words allowed inside a name when more of the name follows. */
const CONNECTORS = keys('de du des la le les pour sur une un of for the on en')
/** The articles among them: inside a name only after a preposition ("Centre pour la sécurité"). */
const ARTICLES = keys('la le les une un')

/** Function words, frequent verbs, adverbs and time nouns: never part of a noun phrase candidate. */
const STOPWORDS = keys(
  `à afin ainsi alors après au aucun aussi autre autres aux avant avec avoir bien car ce cela celle celui
  cependant ces cet cette ceux chaque chez comme comment contre dans déjà depuis dès désormais deux dont donc
  du elle elles en encore entre est et étaient était été être eux fait faire font hors il ils ici jamais
  jusque la le les leur leurs lors lorsque lui mais même mieux moins mon ne ni non nous notamment notre on
  ont ou où par parce parmi pas peu peut peuvent doit doivent devrait devraient plus plusieurs pour pourrait
  pourraient puis quand que quel quelle quelles quelques qui quoi sa sans se selon sera seraient serait ses si
  son sont souvent sous sur tandis tant tel telle tous tout toute toutes très trop un une vers via voire vous
  vraiment début fin an ans année années mois jour jours heure heures minute minutes fois cours afin toutefois
  permet permettre premier première ensuite également aujourd hui cas façon manière
  nos vos mes tes ma ta votre envers auprès malgré grâce face durant pendant outre concernant hormis
  sauf environ toujours plutôt surtout davantage beaucoup ailleurs enfin`,
)

const capitalised = (token: Token) => /^\p{Lu}/u.test(token.text)

/**
 * Finds the candidate terms of a note's prose segments, most term-like first.
 * Noun phrases count when they recur (`minPhraseFrequency`, default 2, with
 * their general words discounted: see termhood.ts); names and acronym
 * definitions count from their first occurrence.
 */
export function findCandidates(
  segments: TextSegment[],
  index: TermIndex,
  minPhraseFrequency = 2,
): Candidate[] {
  const byKey = new Map<string, Candidate>()
  const phrases = new Map<string, Candidate>()
  const add = (
    map: Map<string, Candidate>,
    candidate: Omit<Candidate, 'frequency' | 'termhood'>,
  ): Candidate => {
    const existing = map.get(candidate.key)
    if (existing) existing.frequency++
    else map.set(candidate.key, { ...candidate, frequency: 1, termhood: 0 })
    return existing ?? map.get(candidate.key)!
  }
  /** Occurrences of a phrase that are fragments of a longer one: all of them, and it is left out. */
  const fragments = new Map<string, number>()
  const acronymCounts = new Map<string, number>()
  const analysed = segments.map((segment) => {
    const tokens = segment.analysis?.tokens ?? tokenize(segment.text)
    const covered = new Array<boolean>(tokens.length).fill(false)
    const startsTerm = new Array<boolean>(tokens.length).fill(false)
    for (const occurrence of matchTokens(index, tokens)) {
      startsTerm[occurrence.firstToken] = true
      for (let t = occurrence.firstToken; t < occurrence.endToken; t++) covered[t] = true
    }
    for (const token of tokens)
      if (token.acronym) acronymCounts.set(token.key, (acronymCounts.get(token.key) ?? 0) + 1)
    return { segment, tokens, covered, startsTerm }
  })
  for (const { segment, tokens, covered, startsTerm } of analysed) {
    let spans = segment.analysis?.sentences
    const first = (start: number, end: number) => ({
      position: segment.locate(start, end),
      sentence: sentenceIn(segment.text, (spans ??= sentenceSpans(segment.text)), start, end).text,
    })
    const definitions = segment.analysis?.acronymDefinitions ?? findAcronymDefinitions(segment.text)
    for (const definition of definitions) {
      const shortTokens = tokenize(definition.short)
      const known = matchTokens(index, shortTokens).some(
        (o) => o.endToken - o.firstToken === shortTokens.length,
      )
      if (known) continue
      add(byKey, {
        key: `acronym:${shortTokens.map((t) => t.key).join(' ')}`,
        kind: 'acronym',
        text: `${definition.long} (${definition.short})`,
        short: definition.short,
        long: definition.long,
        first: first(definition.start, definition.end),
      })
    }
    for (const name of namesIn(tokens, segment.text)) {
      if (startsTerm[name.first] || covered.slice(name.first, name.end).every(Boolean)) continue
      const start = tokens[name.first]!.start
      const end = tokens[name.end - 1]!.end
      if (definitions.some((d) => start < d.end && end > d.start)) continue
      add(byKey, {
        key: `name:${tokens
          .slice(name.first, name.end)
          .map((t) => t.key)
          .join(' ')}`,
        kind: 'name',
        text: segment.text.slice(start, end).replace(/[\s\u00a0\u202f]+/gu, ' '),
        short: null,
        long: null,
        first: first(start, end),
      })
    }
    // Two phrases that share a word ("géants technologiques" + "technologiques
    // étrangers", "hydrogène bas" + "bas carbone"): the shared word goes with
    // the first phrase when it is an adjective, else with the second, and the
    // other occurrence is a fragment. The phrases come in order of their first token.
    let previous: { key: string; end: number; fragment: boolean } | null = null
    const flush = () => {
      if (previous?.fragment) fragments.set(previous.key, (fragments.get(previous.key) ?? 0) + 1)
    }
    for (const phrase of phrasesIn(tokens)) {
      if (covered.slice(phrase.first, phrase.end).some(Boolean)) continue
      const start = tokens[phrase.first]!.start
      const end = tokens[phrase.end - 1]!.end
      const added = add(phrases, {
        key: `phrase:${tokens
          .slice(phrase.first, phrase.end)
          .map((t) => t.key)
          .join(' ')}`,
        kind: 'phrase',
        text: segment.text.slice(start, end).replace(/[\s\u00a0\u202f]+/gu, ' '),
        short: null,
        long: null,
        first: first(start, end),
      })
      const current = { key: added.key, end: phrase.end, fragment: false }
      if (previous && phrase.first < previous.end) {
        if (ADJECTIVE.test(tokens[phrase.first]!.text)) current.fragment = true
        else previous.fragment = true
      }
      flush()
      previous = current
    }
    flush()
  }
  for (const candidate of byKey.values()) {
    if (candidate.kind === 'acronym') {
      candidate.frequency =
        acronymCounts.get(candidate.key.slice('acronym:'.length)) ?? candidate.frequency
    }
  }
  const names = new Set([...byKey.values()].map((c) => c.key.slice(c.key.indexOf(':') + 1)))
  const recurring = [...phrases.values()].filter(
    (p) =>
      p.frequency >= minPhraseFrequency &&
      !names.has(p.key.slice('phrase:'.length)) &&
      fragments.get(p.key) !== p.frequency,
  )
  const ranked: Candidate[] = []
  for (const candidate of [...byKey.values(), ...recurring]) {
    const words = candidate.key.slice(candidate.key.indexOf(':') + 1).split(' ')
    candidate.termhood = termhood({ kind: candidate.kind, words, frequency: candidate.frequency })
    // A phrase has to recur once its general words are discounted: "risques
    // associés" twice is not enough, "personnes concernées" five times is.
    const floor = candidate.kind === 'phrase' ? minPhraseFrequency : 0
    if (candidate.termhood > 0 && candidate.termhood >= floor) ranked.push(candidate)
  }
  return ranked.sort(
    (a, b) =>
      b.termhood - a.termhood ||
      a.first.position.start.offset - b.first.position.start.offset ||
      a.key.localeCompare(b.key),
  )
}

interface Span {
  first: number
  end: number
}

/** Endings of French adjectives and participles ("national", "chimiques", "unies", "avancés"): what may follow a noun in a name. */
const ADJECTIVE =
  /(?:aux|ale?s?|iques?|i?ens?|i?ennes?|ais|aises?|aires?|elles?|els?|ifs?|ives?|ée?s?|ains?|aines?|ines?|ies?|ère?s?|eurs?|ier|iers|ières?|iles?|bles?)$/u

/** The last token of a hyphenated compound starting at `index` ("humano-compatible"). */
function compoundEnd(tokens: Token[], index: number, text: string): number {
  let last = index
  while (
    tokens[last + 1] &&
    /^[-\u2010\u2011]$/u.test(text.slice(tokens[last]!.end, tokens[last + 1]!.start))
  ) {
    last++
  }
  return last
}

/**
 * Whether the text before `offset` ends with a sentence or clause opener
 * (`.`, `!`, `?`, `…`, `:`, `;`, `«`, a quote, `(` or a line break) and white
 * space. Looks back over the white space only, so that it stays cheap on long texts.
 */
function opensSentence(text: string, offset: number): boolean {
  let at = offset - 1
  while (at >= 0 && /[\s\u00a0\u202f]/u.test(text[at]!)) {
    if (text[at] === '\n') return true
    at--
  }
  return at >= 0 && '.!?…:;«"“('.includes(text[at]!)
}

/** Multi-word names: an institutional head with its complements, or capitalised words around one. */
function namesIn(tokens: Token[], text: string): Span[] {
  const spans: Span[] = []
  const firstWord = text.search(/[^\s\d.)]/u)
  let i = 0
  while (i < tokens.length) {
    const head = tokens[i]!
    const institutional = NAME_HEADS.has(head.key)
    const initial = firstWord === -1 || firstWord >= head.start || opensSentence(text, head.start)
    if (
      !capitalised(head) ||
      head.elided ||
      (CONNECTORS.has(head.key) && head.text !== 'The') ||
      STOPWORDS.has(head.key) ||
      (initial && !institutional && !head.acronym)
    ) {
      i++
      continue
    }
    let end = i + 1
    let capitals = 1
    let heads = institutional ? 1 : 0
    for (let j = i + 1; j < tokens.length && j - i < 12; j++) {
      const token = tokens[j]!
      if (!token.joined) break
      const previous = tokens[j - 1]!
      const afterConnector = previous.elided || CONNECTORS.has(previous.key)
      if (capitalised(token) || token.acronym) {
        end = j + 1
        capitals++
        if (NAME_HEADS.has(token.key)) heads++
      } else if (ARTICLES.has(token.key) && !CONNECTORS.has(previous.key)) {
        // "l'Académie des sciences les principaux axes": an article after a word ends the name
        break
      } else if (token.elided || CONNECTORS.has(token.key)) continue
      else if (institutional && !STOPWORDS.has(token.key) && /^\p{Ll}/u.test(token.text)) {
        const last = compoundEnd(tokens, j, text)
        if (!afterConnector && !ADJECTIVE.test(tokens[last]!.text)) break
        end = last + 1
        j = last
      } else break
    }
    const words = end - i
    if (words >= 2 && (institutional || (capitals >= 2 && heads >= 1))) {
      spans.push({ first: i, end })
      i = end
    } else i++
  }
  return spans
}

/** An infinitive ("capables de générer"): not a noun after "de". */
const INFINITIVE = /\p{L}{3,}(?:er|ir)$/u

/** Noun + adjective and noun + de + noun, in lower case. */
function phrasesIn(tokens: Token[]): Span[] {
  const spans: Span[] = []
  const content = (token: Token | undefined) =>
    token !== undefined &&
    /^\p{Ll}[\p{Ll}-]{2,}$/u.test(token.text) &&
    !STOPWORDS.has(token.key) &&
    !token.elided
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]
    const b = tokens[i + 1]
    const c = tokens[i + 2]
    if (!content(a) || !b?.joined) continue
    if (content(b)) spans.push({ first: i, end: i + 2 })
    else if (
      b.key === 'de' &&
      b.text.toLowerCase() !== 'des' &&
      c?.joined &&
      content(c) &&
      !INFINITIVE.test(c!.text)
    ) {
      spans.push({ first: i, end: i + 3 })
    }
  }
  return spans
}
