/** heading-number-matches-depth: "1.2" sits at the level of "1.1", one below "1". */
import * as z from 'zod'
import type { Heading } from '../../model/schema.ts'
import { readNumbers } from '../numbering.ts'
import { defineRule } from '../rule.ts'

/** The most frequent value; on a tie, the one seen first. */
function mode(values: number[]): number | null {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  let best: number | null = null
  for (const [value, count] of counts) if (best === null || count > counts.get(best)!) best = value
  return best
}

export default defineRule({
  id: 'heading-number-matches-depth',
  defaultSeverity: 'warning',
  description:
    'A manually numbered heading whose level disagrees with its number, relative to the other numbered headings of the note ("1.2" as `##` when "1.1" is `###`).',
  options: z.strictObject({}),
  messages: {
    depth: (number: string, depth: number, expected: number, markdown: boolean) =>
      `Unexpected level ${depth}${markdown ? ` (${'#'.repeat(depth)})` : ''} for heading “${number}”, expected level ${expected}${markdown ? ` (${'#'.repeat(expected)})` : ''}`,
  },
  check({ model, messages, report }) {
    const numbers = readNumbers(model.headings)
    const numbered = model.headings.filter((h) => numbers.has(h.id))
    const markdown = model.source.format === 'markdown'
    const expectedDepth = new Map<string, number>()
    const arabic = numbered.filter((h) => numbers.get(h.id)!.scheme === 'arabic')
    const offset = mode(arabic.map((h) => h.depth - numbers.get(h.id)!.parts.length))
    for (const heading of arabic) {
      if (offset !== null)
        expectedDepth.set(heading.id, offset + numbers.get(heading.id)!.parts.length)
    }
    for (const scheme of ['roman', 'letter'] as const) {
      const same = numbered.filter((h) => numbers.get(h.id)!.scheme === scheme)
      const depth = mode(same.map((h) => h.depth))
      for (const heading of same) if (depth !== null) expectedDepth.set(heading.id, depth)
    }
    for (const heading of numbered) {
      const expected = expectedDepth.get(heading.id)
      if (expected === undefined || expected === heading.depth || expected < 1 || expected > 6)
        continue
      const own = numbers.get(heading.id)!
      const prefix = own.parts.slice(0, -1).join('.')
      const peers = numbered.filter((other: Heading) => {
        const theirs = numbers.get(other.id)!
        return (
          other.depth === expected &&
          expectedDepth.get(other.id) === expected &&
          theirs.scheme === own.scheme &&
          theirs.parts.length === own.parts.length
        )
      })
      const before = (other: Heading) => other.position.start.offset < heading.position.start.offset
      const samePrefix = peers.filter(
        (o) => numbers.get(o.id)!.parts.slice(0, -1).join('.') === prefix,
      )
      const like =
        samePrefix.filter(before).at(-1) ?? samePrefix[0] ?? peers.filter(before).at(-1) ?? peers[0]
      report(
        messages.depth(heading.number!, heading.depth, expected, markdown),
        heading.position,
        like ? { cause: { message: `like “${like.number}”`, position: like.position } } : undefined,
      )
    }
  },
})
