/**
 * What the terms plugin stores in the model besides `terms[]`, under
 * `extensions.terms`: the sentence of each concept's first occurrence, the
 * uses of forbidden terms and the candidate terms. The glossary outputs and
 * the glossary rules read it from the model.
 */
import * as z from 'zod'
import { Position } from '../model/base.ts'
import type { DocumentModel } from '../model/schema.ts'

/** Key of the terms plugin's data in `model.extensions`. */
export const TERMS_EXTENSION = 'terms'

/** A candidate term, as stored in the model. */
export const StoredCandidate = z.object({
  key: z.string(),
  kind: z.enum(['acronym', 'name', 'phrase']),
  text: z.string(),
  short: z.string().nullable(),
  long: z.string().nullable(),
  frequency: z.number().int().min(1),
  termhood: z.number().min(0),
  first: z.object({ position: Position, sentence: z.string() }),
})

/** The terms plugin's data. */
export const TermsExtension = z.object({
  /** Sentence of the first occurrence of each concept, by concept id. */
  first: z.record(z.string(), z.object({ termId: z.string(), sentence: z.string() })),
  /** Occurrences of forbidden terms, with the preferred term to use instead. */
  forbidden: z.array(
    z.object({
      termId: z.string(),
      conceptId: z.string(),
      form: z.string(),
      preferred: z.string().nullable(),
    }),
  ),
  candidates: z.array(StoredCandidate),
})
export type TermsExtension = z.infer<typeof TermsExtension>

/** The terms plugin's data of a model, or an empty one when the plugin did not run. */
export function termsExtensionOf(model: DocumentModel): TermsExtension {
  const parsed = TermsExtension.safeParse(model.extensions[TERMS_EXTENSION])
  return parsed.success ? parsed.data : { first: {}, forbidden: [], candidates: [] }
}
