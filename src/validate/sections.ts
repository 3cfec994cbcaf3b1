/** Section helpers shared by rules: exempting sections by heading pattern. */
import * as z from 'zod'
import type { DocumentModel, Section } from '../model/schema.ts'

/** An option listing heading patterns (case-insensitive regular expressions), checked when parsed. */
export function headingPatterns(defaults: string[]) {
  return z
    .array(
      z.string().refine(
        (pattern) => {
          try {
            new RegExp(pattern, 'iu')
            return true
          } catch {
            return false
          }
        },
        { message: 'expected a valid regular expression' },
      ),
    )
    .default(defaults)
}

/**
 * Ids of the sections whose heading title matches one of `patterns`, with
 * all their subsections: "Recommandations" exempts "2.1 Recommandations pour…".
 * The document title (a first heading of level 1) never exempts the whole note.
 */
export function exemptSections(model: DocumentModel, patterns: string[]): Set<string> {
  const regexps = patterns.map((pattern) => new RegExp(pattern, 'iu'))
  const first = model.headings[0]
  const titleId = first?.depth === 1 && first.text === model.meta.title ? first.sectionId : null
  const exempt = new Set<string>()
  const walk = (section: Section, inherited: boolean): void => {
    const matched =
      inherited || (section.id !== titleId && regexps.some((regexp) => regexp.test(section.title)))
    if (matched) exempt.add(section.id)
    for (const child of section.children) walk(child, matched)
  }
  for (const section of model.sections) walk(section, false)
  return exempt
}
