import { describe, expect, it } from 'vitest'
import { scanEnglishNumbers } from '../../src/text/english-figures.ts'

const values = (text: string) => scanEnglishNumbers(text).map((n) => n.value)

describe('scanEnglishNumbers', () => {
  it('reads group separators: comma, space, no-break and narrow no-break space', () => {
    expect(values('15,000 jobs, 15 000 jobs, 15\u00a0000 jobs, 15\u202f000 jobs')).toEqual([
      15000, 15000, 15000, 15000,
    ])
  })

  it('reads decimals, percentages with or without space, scale words and currencies', () => {
    expect(values('2.5 % and 2.5% of GDP')).toEqual([2.5, 2.5])
    expect(values('EUR 200 billion, €1.5 million, €3bn')).toEqual([200e9, 1.5e6, 3e9])
  })

  it('reads the day and the year of a date, and plain numbers', () => {
    expect(values('On 5 February 2026, Article 5 applies.')).toEqual([5, 2026, 5])
  })

  it('does not join two numbers separated by a space when the second is not a group', () => {
    expect(values('in 2026 12 countries')).toEqual([2026, 12])
  })
})
