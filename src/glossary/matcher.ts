/**
 * The term index: a trie over normalized token keys (see tokens.ts), built
 * once per termbase. Matching walks the trie from each token, so its cost
 * depends on the text and the longest term, not on the number of concepts;
 * at each place the longest term wins and the scan resumes after it.
 */
import { termsOf, type Concept, type Termbase, type TermType } from './termbase.ts'
import { tokenize, type TermLanguage, type Token } from './tokens.ts'

/** What a term of the index stands for. */
export interface IndexedTerm {
  conceptId: string
  text: string
  type: TermType
  preferred: boolean
  forbidden: boolean
}

interface TrieNode {
  children: Map<string, TrieNode>
  term: IndexedTerm | null
}

/** The index of one language side of a termbase. */
export interface TermIndex {
  language: TermLanguage
  concepts: Map<string, Concept>
  root: TrieNode
  /** Terms whose keys are the same as an earlier term of another concept (the earlier one wins). */
  conflicts: Array<{ term: IndexedTerm; kept: IndexedTerm }>
}

/** A term found in a text. */
export interface TermOccurrence {
  term: IndexedTerm
  /** Offsets in the text, from the first to the last word of the term. */
  start: number
  end: number
  /** Index of the first and one past the last token. */
  firstToken: number
  endToken: number
}

const node = (): TrieNode => ({ children: new Map(), term: null })

/** Builds the index of a termbase's terms in one language. */
export function buildTermIndex(termbase: Termbase, language: TermLanguage = 'fr'): TermIndex {
  const index: TermIndex = { language, concepts: new Map(), root: node(), conflicts: [] }
  for (const concept of termbase.concepts) {
    index.concepts.set(concept.id, concept)
    for (const entry of termsOf(concept, language)) {
      const tokens = tokenize(entry.text, language)
      if (tokens.length === 0) continue
      let current = index.root
      for (const token of tokens) {
        let next = current.children.get(token.key)
        if (!next) {
          next = node()
          current.children.set(token.key, next)
        }
        current = next
      }
      const term: IndexedTerm = { conceptId: concept.id, ...entry }
      if (!current.term) current.term = term
      else if (current.term.conceptId !== concept.id)
        index.conflicts.push({ term, kept: current.term })
    }
  }
  return index
}

/** Finds the terms of the index in already tokenized text; longest match first, no overlaps. */
export function matchTokens(index: TermIndex, tokens: Token[]): TermOccurrence[] {
  const found: TermOccurrence[] = []
  let i = 0
  while (i < tokens.length) {
    let current: TrieNode | undefined = index.root
    let best: { term: IndexedTerm; end: number } | null = null
    for (let j = i; j < tokens.length; j++) {
      const token: Token = tokens[j]!
      if (j > i && !token.joined) break
      const next: TrieNode | undefined =
        current.children.get(token.key) ??
        (token.alt !== null ? current.children.get(token.alt) : undefined)
      if (!next) break
      current = next
      if (current.term) best = { term: current.term, end: j + 1 }
    }
    if (best) {
      found.push({
        term: best.term,
        start: tokens[i]!.start,
        end: tokens[best.end - 1]!.end,
        firstToken: i,
        endToken: best.end,
      })
      i = best.end
    } else i++
  }
  return found
}

/** Finds the terms of the index in a text. */
export function matchTerms(index: TermIndex, text: string): TermOccurrence[] {
  return matchTokens(index, tokenize(text, index.language))
}
