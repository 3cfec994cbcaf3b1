import { describe, expect, it } from 'vitest'
import { en, englishLocale, fr, type Locale } from '../../../src/emit/docx/locale.ts'
import { BUILT_IN_STYLE_NAMES } from '../../../src/emit/docx/styles.ts'
import type { Citation, Statistic } from '../../../src/model/schema.ts'

/** Keys whose English value is rightly the French one. */
const SAME = new Set<keyof Locale>(['sources'])

/** Word's own style names, the same in every language. */
const WORD_NAMES =
  /^(?:Heading \d|List (?:Bullet|Number|Continue)|Quote|footnote text|header|footer|Hyperlink)$/

/** What a locale value gives, as text: functions are called on samples. */
function valueText(locale: Locale, key: keyof Locale): string {
  const statuses: Citation['status'][] = [
    'placeholder',
    'relative',
    'anchor',
    'unsafe-scheme',
    'ok',
  ]
  switch (key) {
    case 'figure':
      return String(
        locale.figure({ kind: 'percent', value: 2.5, unit: '%', text: '2,5 %' } as Statistic),
      )
    case 'generated':
      return locale.generated('input/note.md')
    case 'date':
      return locale.date(new Date('2026-02-05T00:00:00Z'))
    case 'dateline':
      return locale.dateline('Paris', '5 février 2026')
    case 'missingReason':
      return statuses
        .flatMap((status) => [
          locale.missingReason({ status, href: '#' }),
          locale.missingReason({ status, href: null }),
        ])
        .join('|')
    case 'quote':
      return locale.quote('label')
    case 'styleNames':
      return JSON.stringify(locale.styleNames)
    default:
      return JSON.stringify(locale[key])
  }
}

describe('the English locale of the handout', () => {
  it('has an English value, different from the French one, for every key of the French locale', () => {
    for (const key of Object.keys(fr) as Array<keyof Locale>) {
      expect(en, key).toHaveProperty(key)
      if (SAME.has(key)) continue
      expect(valueText(en, key), key).not.toBe(valueText(fr, key))
    }
    for (const locale of [en, englishLocale('press')])
      expect(Object.keys(locale).sort()).toEqual(Object.keys(fr).sort())
  })

  it('names every built-in style in English: none keeps a French name', () => {
    const french = [...BUILT_IN_STYLE_NAMES].filter(([, name]) => !WORD_NAMES.test(name))
    expect(french.length).toBeGreaterThan(10)
    for (const [id, name] of french) {
      const english = en.styleNames[id]
      expect(english, `${id} (${name})`).toBeDefined()
      expect(english, id).not.toBe(name)
    }
    // The French brief keeps its names.
    expect(fr.styleNames).toEqual({})
  })
})
