/**
 * A user template: its styles and page set-up replace the built-in ones, the
 * document language stays French, and a bad template is a clear error.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../../../src/config/resolve.ts'
import { loadTemplate } from '../../../src/emit/docx/template.ts'
import { root } from '../../helpers.ts'
import { briefBytes, loadModel, part } from './helpers.ts'

/** A template made from a brief: Garamond body text, US Letter pages, English defaults. */
async function makeTemplate(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await briefBytes(loadModel('lignes-rouges')))
  const styles = (await zip.file('word/styles.xml')!.async('string'))
    .replace(/w:ascii="Cambria"/g, 'w:ascii="Garamond"')
    .replace(/w:val="fr-FR"/g, 'w:val="en-US"')
  expect(styles).toContain('Garamond')
  const document = (await zip.file('word/document.xml')!.async('string')).replace(
    /<w:pgSz [^>]*>/g,
    '<w:pgSz w:w="12240" w:h="15840"/>',
  )
  zip.file('word/styles.xml', styles)
  zip.file('word/document.xml', document)
  return zip.generateAsync({ type: 'uint8array' })
}

describe('Word template', () => {
  it('gives the brief its styles and page size, with French proofing', async () => {
    const template = await loadTemplate(await makeTemplate(), 'house.dotx')
    expect(template.page?.width).toBe(12240)
    const bytes = await briefBytes(loadModel('cesia-note'), { template })
    const styles = await part(bytes, 'word/styles.xml')
    expect(styles).toContain('w:ascii="Garamond"')
    expect(styles).not.toContain('w:ascii="Cambria"')
    expect(/<w:docDefaults>[\s\S]*?<w:lang [^>]*w:val="fr-FR"/.test(styles)).toBe(true)
    expect(await part(bytes, 'word/document.xml')).toMatch(/<w:pgSz w:w="12240" w:h="15840"/)
  })

  it('rejects a file that is not a Word document, naming it', async () => {
    await expect(loadTemplate(new TextEncoder().encode('not a zip'), 'notes.txt')).rejects.toThrow(
      /^notes\.txt: cannot read the template .*expected a \.docx or \.dotx file/,
    )
    const zip = new JSZip()
    zip.file('hello.txt', 'x')
    const empty = await zip.generateAsync({ type: 'uint8array' })
    await expect(loadTemplate(empty, 'empty.docx')).rejects.toThrow(/no word\/styles\.xml/)
  })

  it('is a configuration error when the path is wrong', () => {
    expect(() => resolveConfig({ docx: { template: 'modele.pdf' } }, root)).toThrow(
      /docx\.template/,
    )
    expect(() => resolveConfig({ docx: { template: 'absent.dotx' } }, root)).toThrow(/not found/)
    expect(() => resolveConfig({ docx: { toc: 'yes' } }, root)).toThrow(/docx\.toc/)
  })
})
