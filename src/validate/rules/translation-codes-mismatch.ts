/**
 * translation-codes-mismatch: the English target carries the source's inline
 * codes (paired codes `<pc>`/`<g>`, placeholders `<ph>`/`<x/>`), each as many
 * times as the source, in any order. Codes are compared by id, one pass over
 * each side.
 */
import * as z from 'zod'
import { defineRule } from '../rule.ts'
import type { TranslationCode } from '../translation-input.ts'

/** What a code stands for, for a reader: “link to https://…”, “footnote call [^2]”, “emphasis”. */
function describeCode(code: TranslationCode): string {
  const target = code.target !== null && code.target !== '' ? code.target : null
  switch (code.kind) {
    case 'link':
      return target ? `link to ${target}` : 'link'
    case 'footnote':
      return target ? `footnote call [^${target}]` : 'footnote call'
    case 'image':
      return target ? `image ${target}` : 'image'
    case 'emphasis':
      return 'emphasis'
    case 'strong':
      return 'bold'
    case 'delete':
      return 'strikethrough'
    case 'break':
      return 'line break'
    case 'code':
      return target ? `inline code ${target}` : 'inline code'
    default:
      if (target) return target
      return code.paired === true ? 'paired code' : code.paired === false ? 'placeholder' : 'code'
  }
}

/** The codes by id, first occurrence kept, with how many times each occurs; in order of first occurrence. */
function tally(
  codes: readonly TranslationCode[],
): Map<string, { code: TranslationCode; n: number }> {
  const found = new Map<string, { code: TranslationCode; n: number }>()
  for (const code of codes) {
    const seen = found.get(code.id)
    if (seen) seen.n++
    else found.set(code.id, { code, n: 1 })
  }
  return found
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`)

export default defineRule({
  id: 'translation-codes-mismatch',
  scope: 'translation',
  defaultSeverity: 'error',
  description:
    'A translated unit whose English target lacks an inline code of the French source (link, footnote call, emphasis…), adds one, or repeats one.',
  options: z.strictObject({}),
  messages: {
    missing: (unit: string, id: string, what: string) =>
      `Unexpected missing code “${id}” (${what}) in the English of unit “${unit}”, expected every code of the source`,
    extra: (unit: string, id: string, what: string) =>
      `Unexpected code “${id}” (${what}) in the English of unit “${unit}”, not in the French source`,
    count: (unit: string, id: string, what: string, found: number, expected: number) =>
      `Unexpected code “${id}” (${what}) written ${times(found)} in the English of unit “${unit}”, expected ${times(expected)} as in the source`,
    shape: (unit: string, id: string, what: string, paired: boolean) =>
      `Unexpected ${paired ? 'placeholder' : 'paired code'} “${id}” (${what}) in the English of unit “${unit}”, expected ${paired ? 'a paired code around text' : 'a placeholder'} as in the source`,
  },
  check({ translation, messages, report }) {
    for (const unit of translation?.units ?? []) {
      if (unit.status === 'missing') continue
      // An empty target is left to translation-missing and translation-untranslated.
      if (unit.target.trim() === '' && unit.targetCodes.length === 0) continue
      const source = tally(unit.sourceCodes)
      const target = tally(unit.targetCodes)
      for (const [id, { code, n }] of source) {
        const found = target.get(id)
        const what = describeCode(code)
        if (!found) report(messages.missing(unit.id, id, what), unit.position)
        else {
          if (found.n !== n) report(messages.count(unit.id, id, what, found.n, n), unit.position)
          const shape = found.code.paired
          if (code.paired !== undefined && shape !== undefined && shape !== code.paired)
            report(messages.shape(unit.id, id, what, code.paired), unit.position)
        }
      }
      for (const [id, { code }] of target)
        if (!source.has(id)) report(messages.extra(unit.id, id, describeCode(code)), unit.position)
    }
  },
})
