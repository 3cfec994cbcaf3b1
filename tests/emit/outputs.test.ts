/** The registry of output writers: what files a note gets, in which order, and the same bytes twice. */
import { describe, expect, it } from 'vitest'
import { noteOutputs, outputWriters, type OutputInput } from '../../src/emit/outputs.ts'
import { emptyTermbase } from '../../src/glossary/termbase.ts'
import { loadSources } from '../../src/sources/registry.ts'
import { modelOf, root } from '../helpers.ts'

describe('output writers', async () => {
  const model = await modelOf(
    '# Note\n\nSelon [Insee, 2024](https://insee.fr), le chômage baisse de 2 %.\n',
  )
  const input: OutputInput = {
    model,
    english: null,
    termbase: emptyTermbase(),
    sources: loadSources([], root),
    glossary: [],
    docx: { sourceDateEpoch: 0 },
    englishStyle: 'eu',
  }

  it('runs the brief first, then the model, the sources, the glossary and the handout', () => {
    expect(Object.keys(outputWriters)).toEqual(['brief', 'model', 'sources', 'glossary', 'handout'])
  })

  it('gives every file of a note without a translation, and no handout', async () => {
    const outputs = await noteOutputs(input)
    expect(Object.keys(outputs.files)).toEqual([
      'brief.fr.docx',
      'model.json',
      'sources.csl.json',
      'glossary.csv',
      'glossary.tbx',
      'glossary.tbx2008.tbx',
      'glossary.omegat.txt',
      'glossary.json',
      'glossary.md',
      'glossary.candidates.csv',
    ])
    expect(outputs.untranslated).toBeNull()
    expect(outputs.missingSources).toEqual([])
  })

  it('gives the same bytes for the same input', async () => {
    const [a, b] = [await noteOutputs(input), await noteOutputs(input)]
    expect(a.files).toEqual(b.files)
  })
})
