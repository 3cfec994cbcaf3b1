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

  it('reads ordinals as their number, and no digits inside names or codes', () => {
    expect(values('the 80th session, the 1st, 2nd and 3rd rounds')).toEqual([80, 1, 2, 3])
    expect(values('GPT-4o, COVID-19, the G7, 3D printing, A4 paper, 5km')).toEqual([])
    expect(values('Claude Opus 4, 2020-2025')).toEqual([4, 2020, 2025])
  })
})
