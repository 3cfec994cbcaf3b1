/** Footnotes written in the note ("[^1]") reach the model and the brief as Word footnotes. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { modelOf } from '../../helpers.ts'
import { briefBytes, pandoc, part } from './helpers.ts'

const source = [
  '# Budget',
  '',
  'La dette dépasse 3 300 milliards d’euros[^dette]. Le déficit baisse[^2].',
  '',
  '[^dette]: Selon la Banque de France, [bulletin de février 2026](https://example.org/bdf).',
  '[^2]: Projet de loi de finances.',
  '',
].join('\n')

describe('footnotes of the note', async () => {
  const model = await modelOf(source, 'budget.md')

  it('are in the model, referenced from the text, and their citations extracted', () => {
    expect(model.footnotes.map((f) => f.identifier)).toEqual(['dette', '2'])
    expect(JSON.stringify(model.blocks)).toContain(
      '{"type":"footnoteReference","identifier":"dette"}',
    )
    expect(model.citations.map((c) => c.label)).toEqual([
      'Banque de France',
      'bulletin de février 2026',
    ])
  })

  it('become Word footnotes that pandoc reads', async () => {
    const bytes = await briefBytes(model)
    const footnotes = await part(bytes, 'word/footnotes.xml')
    expect(footnotes).toContain('Projet de loi de finances.')
    expect(await part(bytes, 'word/document.xml')).toMatch(/w:footnoteReference w:id="\d+"/)
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'fiche-notes-')), 'brief.docx')
    writeFileSync(file, bytes)
    const text = pandoc(file, 'plain')
    expect(text).toMatch(/\[\d\]\s+Selon la Banque de France/)
    expect(text).toContain('Projet de loi de finances.')
  })
})
