/**
 * Precision on real notes: figures found in real French documents (reports, laws, press,
 * parliamentary debates, READMEs), each judged by hand "is it a statistic a reader would call
 * one?", kept as one-sentence excerpts in fixtures/statistics-precision.json. `at` is the offset
 * of the figure in the excerpt; `heldOut` marks documents the rules were not tuned on;
 * `knownError` marks the samples the recognizer still gets wrong (remove it when one is fixed).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isFigure } from '../../src/model/schema.ts'
import { extractStatistics } from '../../src/text/statistics.ts'

interface Sample {
  source: string
  heldOut: boolean
  text: string
  figure: string
  at: number
  statistic: boolean
  knownError?: boolean
}

const samples = JSON.parse(
  readFileSync(new URL('./fixtures/statistics-precision.json', import.meta.url), 'utf8'),
) as Sample[]

/** Does the recognizer report a figure (not a date or a year) over the sample's span? */
function reported(sample: Sample): boolean {
  const end = sample.at + sample.figure.length
  return extractStatistics(sample.text)
    .filter(isFigure)
    .some((s) => s.start < end && s.end > sample.at)
}

function precision(list: Sample[]): number {
  const found = list.filter(reported)
  return found.filter((s) => s.statistic).length / found.length
}

describe('statistics precision on judged excerpts of real notes', () => {
  it('the fixture is well formed', () => {
    expect(samples.length).toBeGreaterThanOrEqual(150)
    for (const s of samples) expect(s.text.slice(s.at, s.at + s.figure.length)).toBe(s.figure)
  })

  it.each(samples.filter((s) => !s.knownError))(
    '“$figure” is a statistic: $statistic',
    (sample) => {
      expect(reported(sample), sample.text).toBe(sample.statistic)
    },
  )

  it.each(samples.filter((s) => s.knownError === true))(
    'known error, still wrong: “$figure” (statistic: $statistic)',
    (sample) => {
      expect(reported(sample), sample.text).toBe(!sample.statistic)
    },
  )

  it('keeps precision and recall high, on held-out documents too', () => {
    expect(precision(samples)).toBeGreaterThanOrEqual(0.9)
    expect(precision(samples.filter((s) => s.heldOut))).toBeGreaterThanOrEqual(0.8)
    const figures = samples.filter((s) => s.statistic)
    expect(figures.filter(reported).length / figures.length).toBeGreaterThanOrEqual(0.95)
  })
})
