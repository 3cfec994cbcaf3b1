/**
 * The styles and theme a process prepares once: a brief packed after others
 * (other languages, other lists, a template, a table of contents) has the
 * bytes it has when it is the process's first.
 */
import JSZip from 'jszip'
import { describe, expect, it, vi } from 'vitest'
import type { DocumentModel } from '../../../src/model/schema.ts'
import { CASES, loadModel } from './helpers.ts'

type Emit = typeof import('../../../src/emit/docx/index.ts')
type Template = Awaited<ReturnType<Emit['loadTemplate']>>

/** The docx modules as a new process loads them: nothing prepared yet. */
async function fresh(): Promise<Emit> {
  vi.resetModules()
  return import('../../../src/emit/docx/index.ts')
}

/** A model without lists: its only list numbering comes from the list paragraph styles. */
function withoutLists(model: DocumentModel): DocumentModel {
  return { ...model, blocks: model.blocks.filter((b) => b.type !== 'list') }
}

/** A template: the brief's own styles with another body font. */
async function template(emit: Emit): Promise<Template> {
  const brief = await emit.packDocx(emit.buildBrief(loadModel('lignes-rouges')))
  const zip = await JSZip.loadAsync(brief)
  const styles = (await zip.file('word/styles.xml')!.async('string')).replace(
    /w:ascii="Cambria"/g,
    'w:ascii="Garamond"',
  )
  zip.file('word/styles.xml', styles)
  return emit.loadTemplate(await zip.generateAsync({ type: 'uint8array' }), 'house.dotx')
}

type Make = (emit: Emit, house: Template) => Promise<Uint8Array>

const briefs: [string, Make][] = [
  ...CASES.flatMap((name): [string, Make][] => [
    [`${name} brief`, async (e) => e.packDocx(e.buildBrief(loadModel(name)))],
    [`${name} handout`, async (e) => e.packDocx(e.buildHandout(loadModel(name)))],
  ]),
  [
    'brief without lists',
    async (e) => e.packDocx(e.buildBrief(withoutLists(loadModel('cesia-note')))),
  ],
  [
    'brief with a table of contents',
    async (e) => e.packDocx(e.buildBrief(loadModel('cesia-note'), { toc: true })),
  ],
  [
    'brief with a template',
    async (e, house) => e.packDocx(e.buildBrief(loadModel('cesia-note'), { template: house })),
  ],
]

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

describe('parts prepared once per process', () => {
  it('give every brief the bytes it has as the first of its process, in any order', async () => {
    const first = new Map<string, Uint8Array>()
    for (const [name, make] of briefs) {
      const emit = await fresh()
      first.set(name, await make(emit, await template(emit)))
    }
    const emit = await fresh()
    const house = await template(emit)
    for (const order of [briefs, [...briefs].reverse(), briefs]) {
      for (const [name, make] of order) {
        expect(same(await make(emit, house), first.get(name)!), name).toBe(true)
      }
    }
  })

  it('keep the list numbering of a brief whose only lists are in its styles', async () => {
    const emit = await fresh()
    await emit.packDocx(emit.buildBrief(loadModel('cesia-note')))
    const bytes = await emit.packDocx(emit.buildBrief(withoutLists(loadModel('cesia-note'))))
    const zip = await JSZip.loadAsync(bytes)
    const styles = await zip.file('word/styles.xml')!.async('string')
    const numbering = await zip.file('word/numbering.xml')!.async('string')
    const styleIds = [...styles.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1])
    expect(styleIds.length).toBeGreaterThan(0)
    for (const id of styleIds) expect(numbering).toContain(`<w:num w:numId="${id}"`)
  })
})
