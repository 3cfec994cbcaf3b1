/**
 * In-document suppression, the way linters do it, with HTML comments:
 * `<!-- fiche-disable-next-line rule-id [rule-id…] -->` (the next line),
 * `<!-- fiche-disable rule-id -->` … `<!-- fiche-enable rule-id -->` (a
 * range). Without rule ids, a comment applies to every rule. Messages of
 * the whole document (no position) are suppressed when the rule is
 * disabled at the end of the note. Plain-text notes have no comments.
 *
 * The ranges are `unified-message-control`'s: each comment becomes one of
 * its markers (`disable`, `enable`, or `ignore` for the next line), in a
 * tree of the comments alone, so that `ignore` spans exactly the next line
 * rather than the whole next node (a whole list, for a comment before it).
 */
import type { Html, Root } from 'mdast'
import type { Node } from 'unist'
import { messageControl, type Marker } from 'unified-message-control'
import { visit } from 'unist-util-visit'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { Diagnostic, Position } from '../model/schema.ts'

const NAME = 'fiche'
const DIRECTIVE = /<!--\s*fiche-(disable-next-line|disable|enable)\b([^]*?)-->/gu
const VERB = { disable: 'disable', enable: 'enable', 'disable-next-line': 'ignore' } as const

/** A node of the comments tree: a marker (its attributes) or the line a marker ignores. */
interface ControlNode extends Node {
  attributes?: string
  directive?: Position
}

/**
 * The comments of `tree` as message-control markers, in document order;
 * each `disable-next-line` is followed by a node spanning the next line.
 */
function commentsTree(tree: Root, text: string): Root {
  const place = location(text)
  const children: ControlNode[] = []
  visit(tree, 'html', (node: Html) => {
    const start = node.position?.start.offset
    if (start === undefined) return
    for (const match of node.value.matchAll(DIRECTIVE)) {
      const from = start + match.index
      const to = from + match[0].length
      const position = { start: pointAt(place, from), end: pointAt(place, to) }
      const verb = VERB[match[1] as keyof typeof VERB]
      children.push({
        type: 'marker',
        attributes: `${verb} ${match[2]!.trim()}`,
        directive: position,
        position,
      })
      if (verb !== 'ignore') continue
      const lineStart = place.toOffset({ line: position.end.line + 1, column: 1 })
      if (lineStart === undefined) continue
      const next = text.indexOf('\n', lineStart)
      const lineEnd = next === -1 ? text.length : next + 1
      children.push({
        type: 'line',
        position: { start: pointAt(place, lineStart), end: pointAt(place, lineEnd) },
      })
    }
  })
  // A root with a start but no end offset: message-control sees no gap, so drops no message.
  return {
    type: 'root',
    children: children as unknown as Root['children'],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1 } },
  }
}

function pointAt(place: ReturnType<typeof location>, offset: number) {
  const point = place.toPoint(offset)
  return { line: point?.line ?? 1, column: point?.column ?? 1, offset }
}

/**
 * Drops the messages that suppression comments turn off, and reports
 * comments naming rules that do not exist (`known` ids) so that a typo does
 * not silently keep a message.
 */
export function applySuppressions(
  diagnostics: Diagnostic[],
  tree: Root,
  text: string,
  known: ReadonlySet<string>,
): Diagnostic[] {
  const comments = commentsTree(tree, text)
  if (comments.children.length === 0) return diagnostics
  const file = new VFile({ value: text })
  const end = location(text).toPoint(text.length) ?? { line: 1, column: 1 }
  const byMessage = new Map<object, Diagnostic>()
  for (const diagnostic of diagnostics) {
    // A message of the whole document stands at its end: a rule disabled there is off for it.
    const start = diagnostic.position?.start ?? end
    const message = file.message(diagnostic.message, {
      place: { line: start.line, column: start.column },
      ruleId: diagnostic.ruleId,
      source: NAME,
    })
    byMessage.set(message, diagnostic)
  }
  messageControl(comments, {
    file,
    name: NAME,
    known: [...known],
    test: (node: Node) => node.type === 'marker',
    marker: (node) => {
      const control = node as ControlNode
      return { name: NAME, attributes: control.attributes!, parameters: {}, node } as Marker
    },
  })
  const kept: Diagnostic[] = []
  for (const message of file.messages) {
    const diagnostic = byMessage.get(message)
    if (diagnostic) {
      kept.push(diagnostic)
      continue
    }
    // message-control's own message: a marker naming an unknown rule.
    const id = /`'(.+)'`/u.exec(message.reason)?.[1] ?? ''
    const directive = (message.ancestors?.at(-1) as ControlNode | undefined)?.directive ?? null
    kept.push({
      ruleId: 'fiche-directive',
      source: 'fiche',
      severity: 'warning',
      message: `Unexpected unknown rule “${id}” in a fiche comment, expected a rule id`,
      position: directive,
      url: null,
      fatal: false,
    })
  }
  return kept
}
