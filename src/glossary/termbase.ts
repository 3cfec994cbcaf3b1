/**
 * The bilingual termbase: one concept per entry, with its French and English
 * terms, variants, acronyms and forbidden forms, a definition, the origin of
 * the English equivalent and a status. Written by hand in
 * `input/termbase.yaml` (see docs/termbase.md), read and written as TBX and CSV.
 */
import * as z from 'zod'
import { isUnsafeHref } from '../text/citations.ts'

/** Status of a concept: approved, proposed for review, or forbidden (do not use its terms). */
export const ConceptStatus = z.enum(['approved', 'proposed', 'forbidden'])
export type ConceptStatus = z.infer<typeof ConceptStatus>

/** Where the English equivalent comes from. */
export const OriginKind = z.enum(['official-text', 'body-name', 'iate', 'usage', 'alignment'])
export type OriginKind = z.infer<typeof OriginKind>

const text = z.string().trim().min(1)

/** The terms of a concept in one language. */
export const LanguageTerms = z.strictObject({
  term: text.describe('The preferred term (full form).'),
  variants: z.array(text).default([]).describe('Other accepted full forms.'),
  acronyms: z.array(text).default([]).describe('Acronyms (initialisms), matched case-sensitively.'),
  abbreviations: z.array(text).default([]).describe('Other short forms.'),
  forbidden: z.array(text).default([]).describe('Forms not to use (deprecated).'),
  definition: text
    .optional()
    .describe('The definition in this language (the concept-level one is in English).'),
})
export type LanguageTerms = z.infer<typeof LanguageTerms>

/** The origin of the English equivalent: kind, reference, and a link when there is one. */
export const Origin = z.strictObject({
  kind: OriginKind,
  reference: text.describe('The text, body or IATE entry the English term is taken from.'),
  url: z
    .url()
    .refine(
      (url) => !isUnsafeHref(url),
      'Unexpected javascript:, data:, vbscript: or file: URL, expected an http(s) URL',
    )
    .optional(),
})
export type Origin = z.infer<typeof Origin>

/** One concept. */
export const Concept = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]*$/,
      'expected a lower-case id of letters, digits and hyphens, starting with a letter',
    ),
  status: ConceptStatus.default('approved'),
  subject: text.optional().describe('Subject field, e.g. "AI regulation".'),
  definition: text.optional(),
  note: text.optional(),
  fr: LanguageTerms,
  en: LanguageTerms,
  origin: Origin,
})
export type Concept = z.infer<typeof Concept>
/** A concept as written in a file, before defaults are applied. */
export type ConceptInput = z.input<typeof Concept>

/** Version of the termbase file format. */
export const TERMBASE_VERSION = 1

/** The termbase file. */
export const Termbase = z.strictObject({
  version: z.literal(TERMBASE_VERSION).default(TERMBASE_VERSION),
  concepts: z.array(Concept),
})
export type Termbase = z.infer<typeof Termbase>

const indexes = new WeakMap<
  Termbase,
  { concepts: Concept[]; length: number; byId: Map<string, Concept> }
>()

/**
 * The termbase's concepts by id, built once per termbase (and again if its
 * list of concepts was replaced or grew): each note's glossary asks for it,
 * and a note should not pay for the whole termbase.
 */
export function conceptsById(termbase: Termbase): ReadonlyMap<string, Concept> {
  const known = indexes.get(termbase)
  if (known && known.concepts === termbase.concepts && known.length === termbase.concepts.length)
    return known.byId
  const byId = new Map(termbase.concepts.map((c) => [c.id, c]))
  indexes.set(termbase, { concepts: termbase.concepts, length: termbase.concepts.length, byId })
  return byId
}

/** The type of a term inside a concept, as TBX-Basic names it. */
export type TermType = 'fullForm' | 'variant' | 'acronym' | 'abbreviation'

/** One term of a concept with its type and whether it is forbidden. */
export interface TermEntry {
  text: string
  type: TermType
  /** True for the preferred term. */
  preferred: boolean
  forbidden: boolean
}

/** Every term of a concept in one language: preferred term, variants, acronyms, abbreviations, forbidden forms. */
export function termsOf(concept: Concept, language: 'fr' | 'en'): TermEntry[] {
  const side = concept[language]
  const forbiddenConcept = concept.status === 'forbidden'
  return [
    { text: side.term, type: 'fullForm' as const, preferred: true, forbidden: forbiddenConcept },
    ...side.variants.map((t) => ({
      text: t,
      type: 'variant' as const,
      preferred: false,
      forbidden: forbiddenConcept,
    })),
    ...side.acronyms.map((t) => ({
      text: t,
      type: 'acronym' as const,
      preferred: false,
      forbidden: forbiddenConcept,
    })),
    ...side.abbreviations.map((t) => ({
      text: t,
      type: 'abbreviation' as const,
      preferred: false,
      forbidden: forbiddenConcept,
    })),
    ...side.forbidden.map((t) => ({
      text: t,
      type: 'variant' as const,
      preferred: false,
      forbidden: true,
    })),
  ]
}

/** An empty termbase. */
export function emptyTermbase(): Termbase {
  return { version: TERMBASE_VERSION, concepts: [] }
}

/** Merges termbases; a concept id defined twice is an error naming both. */
export function mergeTermbases(termbases: Array<{ file: string; termbase: Termbase }>): Termbase {
  const seen = new Map<string, string>()
  const concepts: Concept[] = []
  for (const { file, termbase } of termbases) {
    for (const concept of termbase.concepts) {
      const earlier = seen.get(concept.id)
      if (earlier)
        throw new Error(`${file}: concept "${concept.id}" is already defined in ${earlier}`)
      seen.set(concept.id, file)
      concepts.push(concept)
    }
  }
  return { version: TERMBASE_VERSION, concepts }
}

/** A short human-readable origin: "Official English text: Regulation (EU) 2024/1689 (AI Act), Article 3(65)". */
export function originLabel(origin: Origin): string {
  const kinds: Record<OriginKind, string> = {
    'official-text': 'Official English text',
    'body-name': "Body's own English name",
    iate: 'IATE',
    usage: 'Usage',
    alignment: 'Proposed from an aligned translation',
  }
  const prefix = kinds[origin.kind]
  return origin.reference.toLowerCase().startsWith(prefix.toLowerCase())
    ? origin.reference
    : `${prefix}: ${origin.reference}`
}
