/** The public API of fiche. */
export { defineConfig } from './config/define.ts'
export type {
  DocxOptions,
  ExtractorOptions,
  FicheConfig,
  TranslationOptions,
} from './config/define.ts'
export { loadConfig, resolveConfig, ConfigError } from './config/resolve.ts'
export type { ResolvedConfig } from './config/resolve.ts'
export * from './model/schema.ts'
export { buildNote, buildFile, createProcessor, documentId } from './pipeline/process.ts'
export { check } from './check.ts'
export type { CheckResult } from './check.ts'
export type { NoteInput, NoteResult } from './pipeline/process.ts'
export { draftOf } from './draft/index.ts'
export type { Draft } from './draft/index.ts'
export { emitJson } from './emit/json.ts'
export { emitCsl, citedSources } from './emit/csl.ts'
export { buildBrief, loadTemplate, packDocx } from './emit/docx/index.ts'
export type { Brief, BriefOptions, DocxTemplate, GlossaryRow } from './emit/docx/index.ts'
export { defineRule } from './validate/rule.ts'
export type { Rule, RuleContext, RuleLevel, RuleSpec } from './validate/rule.ts'
export { rules, ruleById } from './validate/registry.ts'
export type { RuleId } from './validate/registry.ts'
export { presets, resolveRules } from './validate/settings.ts'
export type { PresetName, ResolvedRules, RuleSetting, RulesConfig } from './validate/settings.ts'
export { validateModel } from './validate/run.ts'
export { loadSources, SourcesError } from './sources/registry.ts'
export type { CslItem, SourceEntry, SourceRegistry } from './sources/registry.ts'
export { matchCitation, normalizeName } from './sources/match.ts'
export { reporters } from './report/registry.ts'
export type { ReporterName } from './report/registry.ts'
export type { FileReport, ReportInput, Reporter } from './report/types.ts'
export { loadTermbase, parseTermbase, serializeTermbase } from './glossary/load.ts'
export { Termbase as TermbaseSchema, termsOf, originLabel } from './glossary/termbase.ts'
export type { Concept, ConceptStatus, Origin, Termbase } from './glossary/termbase.ts'
export { TermbaseError } from './glossary/yaml.ts'
export { exportTbx, importTbx } from './glossary/tbx.ts'
export { exportOmegatGlossary, exportTbx2008 } from './glossary/cat.ts'
export { exportTermbaseCsv, importTermbaseCsv } from './glossary/csv.ts'
export { buildTermIndex, matchTerms } from './glossary/matcher.ts'
export type { TermIndex, TermOccurrence } from './glossary/matcher.ts'
export { findCandidates } from './glossary/candidates.ts'
export type { Candidate } from './glossary/candidates.ts'
export { glossaryRows, corpusGlossaryRows } from './glossary/rows.ts'
export type { GlossaryRow as TermGlossaryRow } from './glossary/rows.ts'
export {
  glossaryCsv,
  glossaryJson,
  glossaryMarkdown,
  glossaryTbx,
  glossaryTbx2008,
  glossaryOmegat,
  candidatesCsv,
} from './glossary/emit.ts'
export { alignNotes, proposeTerms, proposalsToTermbase, segmentsToTmx } from './translate/align.ts'
export type { SegmentPair, TermProposal } from './translate/align.ts'
export { translateNote } from './translate/translate.ts'
export type {
  TranslateOptions,
  TranslateResult,
  TranslateStats,
  Translator,
  TranslatorRequest,
  TranslatorSegment,
} from './translate/translate.ts'
export { unitsOf } from './translate/units.ts'
export type { SourceUnit, UnitKind } from './translate/units.ts'
export { contentOf, piecesToInlines } from './translate/content.ts'
export type { Code, Content, Piece } from './translate/content.ts'
export { readTranslationFile, TranslationFileError } from './translate/read.ts'
export { TranslationMemory, memoryEntries } from './translate/memory.ts'
export { readTmx } from './translate/tmx.ts'
export { emitTmx } from './translate/tmx-write.ts'
export type { TmxEntry } from './translate/tmx-write.ts'
export { unitTranslations } from './translate/targets.ts'
export type { UnitTranslation } from './translate/targets.ts'
