/** heading-number-sequence: manual numbers follow 1, 2, 3 without gaps, repeats or disorder. */
import * as z from 'zod'
import type { Heading } from '../../model/schema.ts'
import { readNumbers, type HeadingNumber } from '../numbering.ts'
import { defineRule } from '../rule.ts'

/** Writes a number back in its scheme: [1, 3] → "1.3", roman [4] → "IV", letter [2] → "B". */
function format(number: HeadingNumber, last: number): string {
  if (number.scheme === 'arabic') return [...number.parts.slice(0, -1), last].join('.')
  if (number.scheme === 'letter') return String.fromCharCode(64 + last)
  const table: Array<[number, string]> = [
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let rest = last
  let out = ''
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol
      rest -= value
    }
  }
  return out
}

export default defineRule({
  id: 'heading-number-sequence',
  defaultSeverity: 'warning',
  description: 'Gaps, duplicates or disorder in the manual numbering of headings.',
  options: z.strictObject({
    /** Whether numbering may start at 0 ("1.0 Considérations générales"). */
    allowZero: z.boolean().default(false),
  }),
  messages: {
    zero: (number: string) =>
      `Unexpected number “${number}” starting at 0, expected numbering from 1 (or the option allowZero)`,
    gap: (number: string, expected: string) =>
      `Unexpected number “${number}”, expected “${expected}” (a number is missing)`,
    duplicate: (number: string) => `Unexpected repeated number “${number}”, expected a new number`,
    disorder: (number: string, expected: string) =>
      `Unexpected number “${number}” out of order, expected “${expected}”`,
  },
  check({ model, options, messages, report }) {
    const numbers = readNumbers(model.headings)
    const last = new Map<string, { value: number; heading: Heading }>()
    const stack: Heading[] = []
    for (const heading of model.headings) {
      while (stack.length > 0 && stack.at(-1)!.depth >= heading.depth) stack.pop()
      const number = numbers.get(heading.id)
      stack.push(heading)
      if (!number) continue
      let context: string
      if (number.parts.length > 1) context = `arabic:${number.parts.slice(0, -1).join('.')}`
      else {
        const parent = stack
          .slice(0, -1)
          .reverse()
          .find((h) => numbers.get(h.id)?.scheme !== number.scheme)
        context = `${number.scheme}:${parent?.id ?? ''}`
      }
      const value = number.parts.at(-1)!
      const previous = last.get(context)
      last.set(context, { value, heading })
      const start = options.allowZero ? 0 : 1
      if (!previous) {
        if (value === 0 && !options.allowZero)
          report(messages.zero(heading.number!), heading.position)
        else if (value > 1)
          report(messages.gap(heading.number!, format(number, start)), heading.position)
        continue
      }
      const cause = {
        message: `after “${previous.heading.number}”`,
        position: previous.heading.position,
      }
      if (value === previous.value)
        report(messages.duplicate(heading.number!), heading.position, { cause })
      else if (value < previous.value) {
        report(
          messages.disorder(heading.number!, format(number, previous.value + 1)),
          heading.position,
          { cause },
        )
      } else if (value > previous.value + 1) {
        report(
          messages.gap(heading.number!, format(number, previous.value + 1)),
          heading.position,
          { cause },
        )
      }
    }
  },
})
