/**
 * Termhood: how much a candidate looks like a term of the note's field rather
 * than ordinary language, so that a terminologist reads the likely terms first
 * and never sees the phrases any French text is full of.
 *
 * The score is frequency × specificity:
 * - an acronym definition and a multi-word name are specific by construction
 *   (the writer defined or capitalised them): specificity 1;
 * - a noun phrase loses specificity for each word of general language it
 *   holds: vague nouns ("importance", "manière", "échelle") and evaluative or
 *   relational adjectives ("crucial", "majeur", "associé", "grand"). A phrase
 *   made of such words only ("importance cruciale", "grande échelle",
 *   "conséquences dévastatrices") is noise, not a term: it is left out.
 *
 * Linear in the number of candidates (plus the sort).
 */
import { keyOf } from './tokens.ts'

/** The folded, singular keys of a list of words, as the tokenizer computes them. */
const keys = (words: string): Set<string> =>
  new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => keyOf(w, 'fr').key),
  )

/**
 * Words of general French that say nothing about a field: vague nouns,
 * adjectives that grade, judge or relate rather than classify, and the words
 * of amounts and durations ("millions d'euros", "deux années"). Masculine and
 * feminine forms are both listed where they differ (the keys fold accents and
 * plurals, not gender).
 */
export const GENERAL_WORDS = keys(`
  importance conséquence manière façon partie nombre niveau rôle place point question chose fait type sorte genre
  ensemble exemple moment temps période part côté sens objet aspect élément sujet suite base lieu forme
  titre vue égard échelle ampleur hauteur mesure besoin fin début moitié reste totalité majorité
  grand grande petit petite nouveau nouvelle nouvel ancien ancienne certain certaine différent différente
  divers diverse possible nécessaire essentiel essentielle fondamental fondamentale significatif
  significative considérable dévastateur dévastatrice rapide récent récente simple complexe réel réelle
  véritable vrai vraie seul seule propre principal principale particulier particulière total totale
  entier entière premier première dernier dernière prochain prochaine précédent précédente suivant
  suivante actuel actuelle large fort forte faible bon bonne mauvais mauvaise meilleur meilleure pire
  clair claire délicat délicate difficile facile ambitieux ambitieuse précieux précieuse vital vitale
  crucial cruciale majeur majeure important importante notable remarquable sérieux sérieuse énorme
  immense croissant croissante élevé élevée associé associée lié liée concerné concernée mentionné
  mentionnée évoqué évoquée précité précitée cité citée présent présente tel telle
  même autre nombreux nombreuse multiple unique double général générale global globale
  million milliard millier centaine dizaine euro dollar pourcentage pourcent fois
  an année mois semaine jour heure minute seconde
`)

/** Candidate kinds whose specificity is given by their form. */
type Kind = 'acronym' | 'name' | 'phrase'

/** What a candidate's termhood is computed from. */
export interface TermhoodInput {
  kind: Kind
  /** The folded keys of the candidate's words, connectors ("de", "la") included. */
  words: readonly string[]
  frequency: number
}

/** Short words that join the words of a phrase and weigh nothing ("de", "d'", "la"). */
const JOINING = keys("de d' du des la le les l'")

/**
 * The specificity of a candidate, from 0 to 1: 1 for acronyms and names; for
 * a phrase, halved for each word of general language; 0 when all its words are.
 */
export function specificity(input: Omit<TermhoodInput, 'frequency'>): number {
  if (input.kind !== 'phrase') return 1
  const content = input.words.filter((w) => !JOINING.has(w))
  const general = content.filter((w) => GENERAL_WORDS.has(w)).length
  if (content.length === 0 || general === content.length) return 0
  return 0.5 ** general
}

/** Frequency × specificity, rounded to two decimals so that outputs stay stable. */
export function termhood(input: TermhoodInput): number {
  return Math.round(input.frequency * specificity(input) * 100) / 100
}
