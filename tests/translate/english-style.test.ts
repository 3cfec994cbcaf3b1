/** The English style profiles of figures, amounts and dates (EU Interinstitutional Style Guide and press). */
import { describe, expect, it } from 'vitest'
import type { Statistic } from '../../src/model/schema.ts'
import {
  englishDate,
  englishDateOf,
  englishFigure,
  englishNumber,
  NBSP,
} from '../../src/translate/english-style.ts'

type Figure = Pick<Statistic, 'kind' | 'value' | 'unit' | 'qualifier'>
const stat = (
  kind: Statistic['kind'],
  value: number | string,
  unit: string | null = null,
  qualifier: Statistic['qualifier'] = 'exact',
): Figure => ({ kind, value, unit, qualifier })

/** Writes U+00A0 as "~" so that the expectations can be read. */
const show = (text: string) => text.replaceAll(NBSP, '~')

describe('englishFigure', () => {
  it.each([
    // kind, value, unit, qualifier, eu, press
    ['percent', 2.5, '%', 'exact', '2.5~%', '2.5%'],
    ['percent', 60, '%', 'at-least', 'more than 60~%', 'more than 60%'],
    ['money', 200e9, 'EUR', 'exact', 'EUR~200 billion', '€200 billion'],
    ['money', 1.5e6, 'USD', 'approximate', 'about USD~1.5 million', 'about $1.5 million'],
    ['money', 15000, 'CHF', 'exact', 'CHF~15~000', 'CHF~15,000'],
    ['count', 15000, 'personnes', 'exact', '15~000', '15,000'],
    ['count', 100, 'organisations', 'approximate', 'about 100', 'about 100'],
    ['duration', 90, 'min', 'exact', '1 hour 30 minutes', '1 hour 30 minutes'],
    ['duration', 15, 'min', 'exact', '15 minutes', '15 minutes'],
    ['duration', 1_051_920, 'min', 'exact', '2 years', '2 years'],
    ['duration', 4320, 'min', 'exact', '3 days', '3 days'],
    ['multiplier', 5, '×', 'exact', '5 times', '5 times'],
    ['ratio', 0.5, null, 'exact', '1 in 2', '1 in 2'],
    ['ratio', 0.3, null, 'exact', '3 in 10', '3 in 10'],
    ['date', '2026-02-05', null, 'exact', '5 February 2026', '5 February 2026'],
    ['date', '2024-11', 'end', 'exact', 'end of November 2024', 'end of November 2024'],
    ['date', '2026', 'start', 'exact', 'early 2026', 'early 2026'],
    ['date', '2026', 'spring', 'exact', 'spring 2026', 'spring 2026'],
    ['date', '2025-Q1', null, 'exact', 'Q1 2025', 'Q1 2025'],
    ['date', '--09-22', null, 'exact', '22 September', '22 September'],
    ['year', 2024, null, 'exact', '2024', '2024'],
    ['year', 1970, 'decade', 'exact', '1970s', '1970s'],
  ] as const)('%s %s (%s, %s): eu %s, press %s', (kind, value, unit, qualifier, eu, press) => {
    const figure = stat(kind, value, unit, qualifier)
    expect(show(englishFigure(figure, 'eu'))).toBe(eu)
    expect(show(englishFigure(figure, 'press'))).toBe(press)
  })

  it('writes the English counted noun after a count when one is given', () => {
    expect(show(englishFigure(stat('count', 15000, 'lauréats'), 'eu', 'laureates'))).toBe(
      '15~000 laureates',
    )
  })

  it('writes a value its kind does not expect as given', () => {
    expect(englishFigure(stat('percent', 'n/a', '%'), 'eu')).toBe('n/a')
  })
})

describe('englishNumber', () => {
  it('groups thousands with a hard space (eu) or a comma (press), decimals ungrouped', () => {
    expect(show(englishNumber(1234567.891, 'eu'))).toBe('1~234~567.891')
    expect(englishNumber(1234567.891, 'press')).toBe('1,234,567.891')
    expect(englishNumber(999, 'press')).toBe('999')
    expect(englishNumber(-2.5, 'eu')).toBe('−2.5')
  })
})

describe('dates', () => {
  it('writes day month year, without a leading zero or ordinal', () => {
    expect(englishDateOf(new Date(Date.UTC(2026, 1, 5)))).toBe('5 February 2026')
    expect(englishDateOf(new Date(Date.UTC(2026, 2, 1)))).toBe('1 March 2026')
    expect(englishDate('not a date')).toBe('not a date')
    expect(englishDate('2025-13')).toBe('2025-13')
  })
})
