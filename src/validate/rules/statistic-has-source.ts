/** statistic-has-source: a figure comes with a citation in its sentence or bullet. */
import { z } from 'zod'
import { FigureKind, isFigure, type Statistic } from '../../model/schema.ts'
import { exemptSections, headingPatterns } from '../sections.ts'
import { defineRule } from '../rule.ts'

export default defineRule({
  id: 'statistic-has-source',
  defaultSeverity: 'warning',
  description:
    'A statistic whose sentence or bullet carries no citation; one message per bullet (or sentence) listing its figures.',
  supersedes: ['claim-has-source'],
  options: z.strictObject({
    /** Kinds of figures that need a source; dates and years are not figures and never do. */
    kinds: z.array(FigureKind).default([...FigureKind.options]),
    /** Sections (heading patterns, case-insensitive regular expressions) where figures need no source. */
    exemptSections: headingPatterns([]),
  }),
  messages: {
    unsourced: (figures: string[], where: 'bullet' | 'sentence') =>
      `Unexpected unsourced ${figures.length > 1 ? 'figures' : 'figure'} ${figures.map((f) => `“${f}”`).join(', ')}, expected a citation in the same ${where}`,
  },
  check({ model, options, messages, report }) {
    const kinds = new Set<string>(options.kinds)
    const exempt = exemptSections(model, options.exemptSections)
    const sourcedBullets = new Set(
      model.bullets.filter((b) => b.citationIds.length > 0).map((b) => b.id),
    )
    const groups = new Map<string, Statistic[]>()
    for (const statistic of model.statistics) {
      if (!isFigure(statistic) || !kinds.has(statistic.kind)) continue
      if (statistic.citationIds.length > 0) continue
      if (statistic.sectionId !== null && exempt.has(statistic.sectionId)) continue
      if (statistic.bulletId !== null && sourcedBullets.has(statistic.bulletId)) continue
      const key = statistic.bulletId ?? `${statistic.sectionId ?? ''}\u0000${statistic.sentence}`
      groups.set(key, [...(groups.get(key) ?? []), statistic])
    }
    for (const statistics of groups.values()) {
      const first = statistics[0]!
      const figures = [...new Set(statistics.map((s) => s.text))]
      report(messages.unsourced(figures, first.bulletId ? 'bullet' : 'sentence'), first.position)
    }
  },
})
