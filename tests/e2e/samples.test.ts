/**
 * Both sample notes end to end: hand-checked facts, then the whole model
 * against a golden file reviewed by hand (`UPDATE=1 npm test` rewrites it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { emitJson } from '../../src/emit/json.ts'
import type { DocumentModel } from '../../src/model/schema.ts'
import { modelOf, root } from '../helpers.ts'

const samples = {
  markdown: 'cesia-note-2026-02-05.md',
  text: 'lignes-rouges-onu-2025-09-23.txt',
}

async function sample(name: string): Promise<DocumentModel> {
  return modelOf(readFileSync(path.join(root, 'input', name)), name)
}

function golden(model: DocumentModel): void {
  const file = path.join(import.meta.dirname, 'golden', `${model.id}.model.json`)
  const text = emitJson(model)
  if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, text)
  expect(text).toBe(readFileSync(file, 'utf8'))
}

const find = (model: DocumentModel, text: string) => model.statistics.find((s) => s.text === text)

describe('Markdown sample', async () => {
  const model = await sample(samples.markdown)

  it('has its metadata', () => {
    expect(model.id).toBe('cesia-note-2026-02-05')
    expect(model.source).toMatchObject({
      path: 'input/cesia-note-2026-02-05.md',
      format: 'markdown',
    })
    expect(model.meta).toMatchObject({ date: '2026-02-05', place: 'Paris' })
    expect(model.meta.title).toBe(
      "Note de positionnement du Centre pour la sécurité de l'IA (CeSIA)",
    )
    expect(model.meta.lead).toMatch(/^Un peu plus d'un an s'est écoulé/)
  })

  it('has 11 headings with their manual numbers', () => {
    expect(model.headings.map((h) => h.number)).toEqual([
      null,
      '1',
      '1.0',
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2',
      '2.1',
      '2.2',
      '2.3',
    ])
    expect(model.headings[4]).toMatchObject({
      depth: 2,
      title: 'Armes chimiques, biologiques, radiologiques et nucléaires (CBRN)',
    })
  })

  it('has 23 bullets, each in its section', () => {
    expect(model.bullets).toHaveLength(23)
    const perSection = model.headings.map(
      (h) => model.bullets.filter((b) => b.sectionId === h.sectionId).length,
    )
    expect(perSection).toEqual([0, 0, 0, 3, 5, 3, 3, 0, 2, 4, 3])
  })

  it('has 23 links, 18 author-year, all placeholders', () => {
    const links = model.citations.filter((c) => c.kind !== 'attribution')
    expect(links).toHaveLength(23)
    expect(links.filter((c) => c.kind === 'author-year')).toHaveLength(18)
    expect(links.every((c) => c.status === 'placeholder')).toBe(true)
    expect(model.citations.find((c) => c.label === 'Kučinskas et al., 2025')).toMatchObject({
      authors: ['Kučinskas', 'et al.'],
      year: 2025,
    })
    expect(model.citations.find((c) => c.label === 'Global Call for AI Red Lines')?.kind).toBe(
      'link',
    )
  })

  it('has the acronyms with their long forms', () => {
    expect(model.acronyms.map((a) => [a.short, a.long])).toEqual([
      ['CeSIA', "Centre pour la sécurité de l'IA"],
      ['RIA', "Règlement européen sur l'IA"],
      ['CBRN', 'Armes chimiques, biologiques, radiologiques et nucléaires'],
      ['NCSC', 'Centre national de cybersécurité du Royaume-Uni'],
      ['UK AISI', "Institut britannique pour la sûreté de l'IA"],
    ])
  })

  it('normalizes the statistics', () => {
    expect(find(model, '2 %')).toMatchObject({ kind: 'percent', value: 2, unit: '%' })
    expect(find(model, '94 %')).toMatchObject({ kind: 'percent', value: 94 })
    expect(find(model, 'multiplié par 5')).toMatchObject({ kind: 'multiplier', value: 5 })
    expect(find(model, '1 heure et 30 minutes')).toMatchObject({
      kind: 'duration',
      value: 90,
      change: { from: 15, to: 90 },
    })
    expect(find(model, 'plus de 60 %')).toMatchObject({
      kind: 'percent',
      value: 60,
      qualifier: 'at-least',
      change: { from: 5, to: 60 },
    })
    expect(find(model, "200 milliards d'euros")).toMatchObject({
      kind: 'money',
      value: 200e9,
      unit: 'EUR',
    })
    expect(find(model, 'un Européen sur deux')).toMatchObject({ kind: 'ratio', value: 0.5 })
    expect(find(model, '15 lauréats')).toMatchObject({ kind: 'count', value: 15 })
    expect(find(model, 'près de 100 organisations')).toMatchObject({
      value: 100,
      qualifier: 'approximate',
    })
    expect(find(model, '~25 personnes')).toMatchObject({ value: 25, qualifier: 'approximate' })
  })

  it('takes no statistic from model names, citation years or heading numbers', () => {
    const texts = model.statistics.map((s) => s.text)
    for (const text of texts) expect(text).not.toMatch(/^(4o|4|7|1\.[0-4]|2\.[1-3])$/)
    const citationSpans = model.citations.map((c) => [
      c.position.start.offset,
      c.position.end.offset,
    ])
    for (const s of model.statistics) {
      const inside = citationSpans.some(
        ([a, b]) => s.position.start.offset >= a! && s.position.end.offset <= b!,
      )
      expect(inside, s.text).toBe(false)
    }
    for (const h of model.headings) {
      expect(
        model.statistics.some((s) => s.position.start.offset === h.position.start.offset + 3),
      ).toBe(false)
    }
  })

  it('links bullets to their citations and statistics', () => {
    const bullet = model.bullets.find((b) => b.text.startsWith('Des évaluations récentes'))!
    expect(bullet.citationIds).toHaveLength(1)
    expect(
      bullet.statisticIds.map((id) => model.statistics.find((s) => s.id === id)?.text),
    ).toEqual(['94 %'])
  })

  it('matches the reviewed golden model', () => golden(model))
})

describe('plain-text sample', async () => {
  const model = await sample(samples.text)

  it('has its metadata and no invented title', () => {
    expect(model.meta).toMatchObject({ title: null, date: '2025-09-23', place: null })
    expect(model.source.format).toBe('text')
  })

  it('has the two sub-headings and every paragraph', () => {
    expect(model.headings.map((h) => [h.depth, h.text])).toEqual([
      [2, 'Des garde-fous internationaux jugés urgents par les signataires'],
      [2, "Des soutiens issus de la recherche et de l'industrie"],
    ])
    expect(model.blocks.filter((b) => b.type === 'paragraph')).toHaveLength(9)
  })

  it('has the attributions to Le Figaro and AFP', () => {
    expect(model.citations.map((c) => [c.kind, c.label])).toEqual([
      ['attribution', 'Le Figaro'],
      ['attribution', 'AFP'],
      ['attribution', 'Le Figaro'],
    ])
  })

  it('has the acronyms TNP and AGI', () => {
    const acronyms = Object.fromEntries(model.acronyms.map((a) => [a.short, a.long]))
    expect(acronyms).toMatchObject({
      AGI: 'intelligence artificielle générale',
      TNP: 'traité de non-prolifération nucléaire',
    })
  })

  it('normalizes the statistics', () => {
    expect(find(model, 'lundi 22 septembre')).toMatchObject({ kind: 'date', value: '2025-09-22' })
    expect(find(model, 'Vingt autres organismes')).toMatchObject({ kind: 'count', value: 20 })
    expect(model.statistics.filter((s) => s.kind === 'year').map((s) => s.value)).toEqual(
      expect.arrayContaining([1970, 1997]),
    )
  })

  it('matches the reviewed golden model', () => golden(model))
})
