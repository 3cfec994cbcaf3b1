/**
 * In-document suppression, the way linters do it, with HTML comments:
 * `<!-- fiche-disable-next-line rule-id [rule-id…] -->` (the next line),
 * `<!-- fiche-disable rule-id -->` … `<!-- fiche-enable rule-id -->` (a
 * range). Without rule ids, a comment applies to every rule. Messages of
 * the whole document (no position) are suppressed when the rule is
 * disabled at the end of the note. Plain-text notes have no comments.
 */
import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { Diagnostic, Position } from '../model/schema.ts'

/** One suppression comment. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line'
  /** Rule ids; empty for every rule. */
  ruleIds: string[]
  /** Line of the comment's end. */
  line: number
  position: Position
}

const DIRECTIVE = /<!--\s*fiche-(disable-next-line|disable|enable)\b([^]*?)-->/gu

/** Reads the suppression comments of a tree, in document order. */
export function readDirectives(tree: Root): Directive[] {
  const found: Directive[] = []
  visit(tree, 'html', (node) => {
    const position = node.position
    if (!position) return
    for (const match of node.value.matchAll(DIRECTIVE)) {
      const before = node.value.slice(0, match.index + match[0].length)
      const line = position.start.line + (before.match(/\n/g)?.length ?? 0)
      found.push({
        kind: match[1] as Directive['kind'],
        ruleIds: match[2]!.split(/[\s,]+/u).filter(Boolean),
        line,
        position: {
          start: {
            line: position.start.line,
            column: position.start.column,
            offset: position.start.offset ?? 0,
          },
          end: {
            line: position.end.line,
            column: position.end.column,
            offset: position.end.offset ?? 0,
          },
        },
      })
    }
  })
  return found.sort((a, b) => a.line - b.line)
}

const applies = (directive: Directive, ruleId: string): boolean =>
  directive.ruleIds.length === 0 || directive.ruleIds.includes(ruleId)

/** True when a message of `ruleId` on `line` (Infinity: the whole document) is suppressed. */
export function isSuppressed(directives: Directive[], ruleId: string, line: number): boolean {
  let disabled = false
  for (const directive of directives) {
    if (!applies(directive, ruleId)) continue
    if (directive.kind === 'disable-next-line') {
      if (directive.line + 1 === line) return true
      continue
    }
    if (directive.line > line) break
    disabled = directive.kind === 'disable'
  }
  return disabled
}

/**
 * Drops suppressed messages, and reports comments naming rules that do not
 * exist (`known` ids) so that a typo does not silently keep a message.
 */
export function applySuppressions(
  diagnostics: Diagnostic[],
  directives: Directive[],
  known: ReadonlySet<string>,
): Diagnostic[] {
  const kept = diagnostics.filter(
    (d) => !isSuppressed(directives, d.ruleId, d.position?.start.line ?? Number.POSITIVE_INFINITY),
  )
  for (const directive of directives) {
    for (const id of directive.ruleIds) {
      if (known.has(id)) continue
      kept.push({
        ruleId: 'fiche-directive',
        source: 'fiche',
        severity: 'warning',
        message: `Unexpected unknown rule “${id}” in a fiche-${directive.kind} comment, expected one of: ${[...known].join(', ')}`,
        position: directive.position,
        url: null,
        fatal: false,
      })
    }
  }
  return kept
}
