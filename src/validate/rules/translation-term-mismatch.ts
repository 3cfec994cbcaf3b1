/**
 * translation-term-mismatch: a termbase term of the French source is
 * rendered by its English equivalent in the target, and no forbidden English
 * form is used. Both sides are matched as the termbase matches (case, accents,
 * number and elision folded; acronyms case-sensitive), through the term
 * indexes built once per termbase. The English side is walked from every word
 * (all terms, not only the longest), so that "AI" inside "general-purpose AI
 * model" counts too: linear in the unit size times the longest term. A
 * concept the French uses more often than the English names it is a minor
 * report (one level below the rule's severity): English may refer back with
 * a pronoun where French repeats the term.
 */
import * as z from 'zod'
import {
  buildTermIndex,
  matchTerms,
  type IndexedTerm,
  type TermIndex,
} from '../../glossary/matcher.ts'
import { termsOf, type Concept, type Termbase } from '../../glossary/termbase.ts'
import { tokenize, type Token } from '../../glossary/tokens.ts'
import { defineRule } from '../rule.ts'

/** The termbase as the rule reads it. */
interface TermForms {
  french: TermIndex
  english: TermIndex
  /** English form key → concepts that accept it (preferred term, variants, acronyms, abbreviations). */
  accepted: Map<string, Set<string>>
  /** English form key → concepts that forbid it. */
  forbidden: Map<string, Set<string>>
}

/** The key of an English form: its tokens' keys. */
const formKey = (text: string) =>
  tokenize(text, 'en')
    .map((t) => t.key)
    .join(' ')

const cache = new WeakMap<Termbase, TermForms>()

function formsOf(termbase: Termbase): TermForms {
  const cached = cache.get(termbase)
  if (cached) return cached
  const accepted = new Map<string, Set<string>>()
  const forbidden = new Map<string, Set<string>>()
  for (const concept of termbase.concepts)
    for (const entry of termsOf(concept, 'en')) {
      const key = formKey(entry.text)
      if (key === '') continue
      const table = entry.forbidden ? forbidden : accepted
      const ids = table.get(key) ?? new Set<string>()
      ids.add(concept.id)
      table.set(key, ids)
    }
  const forms: TermForms = {
    french: buildTermIndex(termbase, 'fr'),
    english: buildTermIndex(termbase, 'en'),
    accepted,
    forbidden,
  }
  cache.set(termbase, forms)
  return forms
}

/** Every term of the index in the tokens, nested ones included, with its offsets. */
function allTerms(
  index: TermIndex,
  tokens: readonly Token[],
): Array<{ term: IndexedTerm; start: number; end: number }> {
  const found: Array<{ term: IndexedTerm; start: number; end: number }> = []
  for (let i = 0; i < tokens.length; i++) {
    let current = index.root
    for (let j = i; j < tokens.length; j++) {
      const token = tokens[j]!
      if (j > i && !token.joined) break
      const next =
        current.children.get(token.key) ??
        (token.alt !== null ? current.children.get(token.alt) : undefined)
      if (!next) break
      current = next
      if (current.term) found.push({ term: current.term, start: tokens[i]!.start, end: token.end })
    }
  }
  return found
}

/** The accepted English forms of a concept, preferred term first. */
const acceptedForms = (concept: Concept) =>
  termsOf(concept, 'en')
    .filter((t) => !t.forbidden)
    .map((t) => t.text)

const quoted = (forms: readonly string[]) => forms.map((f) => `“${f}”`).join(', ')

export default defineRule({
  id: 'translation-term-mismatch',
  scope: 'translation',
  defaultSeverity: 'warning',
  description:
    'A translated unit whose French source uses a termbase term and whose English target lacks its English equivalent, or uses a forbidden English form.',
  options: z.strictObject({}),
  messages: {
    missing: (id: string, french: string, english: readonly string[]) =>
      `Unexpected translation of “${french}” in unit “${id}”, expected the English term “${english[0]}”${english.length > 1 ? ` (or ${quoted(english.slice(1))})` : ''}`,
    replace: (id: string, form: string, preferred: string) =>
      `Unexpected forbidden English term “${form}” in unit “${id}”, expected “${preferred}”`,
    fewer: (id: string, french: string, times: number, english: string, found: number) =>
      `Unexpected count of “${english}” in unit “${id}”: “${french}” occurs ${times} times in the French, “${english}” ${found} time${found > 1 ? 's' : ''} in the English, expected the English term for each occurrence (unless a pronoun stands for it)`,
    avoid: (id: string, form: string, conceptId: string) =>
      `Unexpected forbidden English term “${form}” (concept ${conceptId}) in unit “${id}”, expected another wording`,
  },
  check({ translation, config, messages, report }) {
    const units = translation?.units ?? []
    if (units.length === 0 || config.termbase.concepts.length === 0) return
    const forms = formsOf(config.termbase)
    for (const unit of units) {
      if (unit.status === 'missing' || unit.target.trim() === '') continue
      // French terms of the source: each concept's first form as written, and its count.
      const expected = new Map<string, { form: string; count: number }>()
      for (const occurrence of matchTerms(forms.french, unit.source)) {
        const concept = forms.french.concepts.get(occurrence.term.conceptId)
        if (!concept || concept.status === 'forbidden') continue
        const seen = expected.get(concept.id)
        if (seen) seen.count++
        else
          expected.set(concept.id, {
            form: unit.source.slice(occurrence.start, occurrence.end),
            count: 1,
          })
      }
      // English occurrences per concept, overlapping forms of one concept counted once.
      const present = new Map<string, { form: string; count: number; end: number }>()
      const wrong: Array<{ form: string; conceptId: string }> = []
      for (const found of allTerms(forms.english, tokenize(unit.target, 'en'))) {
        const key = formKey(found.term.text)
        const accepted = forms.accepted.get(key)
        for (const id of accepted ?? []) {
          const seen = present.get(id)
          if (!seen)
            present.set(id, {
              form: unit.target.slice(found.start, found.end),
              count: 1,
              end: found.end,
            })
          else if (found.start >= seen.end) {
            seen.count++
            seen.end = found.end
          } else seen.end = Math.max(seen.end, found.end)
        }
        const forbidden = forms.forbidden.get(key)
        if (forbidden && !accepted)
          for (const conceptId of forbidden)
            wrong.push({ form: unit.target.slice(found.start, found.end), conceptId })
      }
      for (const [conceptId, french] of expected) {
        const english = present.get(conceptId)
        if (!english) {
          const concept = forms.french.concepts.get(conceptId)!
          report(messages.missing(unit.id, french.form, acceptedForms(concept)), unit.position)
        } else if (english.count < french.count) {
          // Fewer English terms than French ones: a lesser finding, since English may say "them".
          report(
            messages.fewer(unit.id, french.form, french.count, english.form, english.count),
            unit.position,
            { minor: true },
          )
        }
      }
      for (const { form, conceptId } of wrong) {
        const concept = forms.english.concepts.get(conceptId)!
        report(
          concept.status === 'forbidden'
            ? messages.avoid(unit.id, form, conceptId)
            : messages.replace(unit.id, form, concept.en.term),
          unit.position,
        )
      }
    }
  },
})
