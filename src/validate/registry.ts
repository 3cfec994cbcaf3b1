/**
 * Every built-in rule, keyed by id. Adding a rule is one import and one
 * entry in `rules` (see `rule.ts` for the whole pattern).
 */
import type { Rule } from './rule.ts'
import citationHasUrl from './rules/citation-has-url.ts'
import citationKeyAmbiguous from './rules/citation-key-ambiguous.ts'
import citationLabelFormat from './rules/citation-label-format.ts'
import citationSourceResolved from './rules/citation-source-resolved.ts'
import claimHasSource from './rules/claim-has-source.ts'
import documentHasDate from './rules/document-has-date.ts'
import documentHasTitle from './rules/document-has-title.ts'
import glossaryForbiddenTerm from './rules/glossary-forbidden-term.ts'
import glossaryMissingTerm from './rules/glossary-missing-term.ts'
import headingNumberMatchesDepth from './rules/heading-number-matches-depth.ts'
import headingNumberSequence from './rules/heading-number-sequence.ts'
import linkSafeScheme from './rules/link-safe-scheme.ts'
import statisticHasSource from './rules/statistic-has-source.ts'
import translationCodesMismatch from './rules/translation-codes-mismatch.ts'
import translationDraft from './rules/translation-draft.ts'
import translationMissing from './rules/translation-missing.ts'
import translationNumberMismatch from './rules/translation-number-mismatch.ts'
import translationStale from './rules/translation-stale.ts'
import translationTypography from './rules/translation-typography.ts'
import translationTermMismatch from './rules/translation-term-mismatch.ts'
import translationUntranslated from './rules/translation-untranslated.ts'

/** The built-in rules, in the order their messages are reported for one position. */
export const rules = [
  citationHasUrl,
  citationKeyAmbiguous,
  citationLabelFormat,
  citationSourceResolved,
  claimHasSource,
  documentHasDate,
  documentHasTitle,
  glossaryForbiddenTerm,
  glossaryMissingTerm,
  headingNumberMatchesDepth,
  headingNumberSequence,
  linkSafeScheme,
  statisticHasSource,
  translationCodesMismatch,
  translationDraft,
  translationMissing,
  translationNumberMismatch,
  translationStale,
  translationTypography,
  translationTermMismatch,
  translationUntranslated,
] as const

/** Id of a built-in rule. */
export type RuleId = (typeof rules)[number]['id']

/** The rules by id. */
export const ruleById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]))
