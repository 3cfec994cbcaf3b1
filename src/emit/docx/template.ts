/**
 * A user's Word document or template (.docx/.dotx) whose styles and page
 * setup replace the built-in ones, like pandoc's reference document.
 */
import JSZip from 'jszip'

/** What the brief takes from a template. */
export interface DocxTemplate {
  /** The template's `word/styles.xml`. */
  styles: string
  styleIds: ReadonlySet<string>
  /** Page size and margins (twips) of the template's last section, when it has them. */
  page: {
    width: number
    height: number
    margin: {
      top: number
      right: number
      bottom: number
      left: number
      header: number
      footer: number
    }
  } | null
}

function attribute(element: string, name: string): number | null {
  const match = new RegExp(`w:${name}="(-?\\d+)"`).exec(element)
  return match ? Number(match[1]) : null
}

/** Reads a template from its bytes; `name` is used in errors. */
export async function loadTemplate(bytes: Uint8Array, name: string): Promise<DocxTemplate> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (error) {
    throw new Error(
      `${name}: cannot read the template (${(error as Error).message}), expected a .docx or .dotx file`,
    )
  }
  const styles = await zip.file('word/styles.xml')?.async('string')
  if (!styles)
    throw new Error(
      `${name}: no word/styles.xml in the template, expected a Word document or template`,
    )
  const styleIds = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]!))
  const document = (await zip.file('word/document.xml')?.async('string')) ?? ''
  const sectPr = document.slice(document.lastIndexOf('<w:sectPr'))
  const size = /<w:pgSz\b[^>]*>/.exec(sectPr)?.[0] ?? ''
  const margins = /<w:pgMar\b[^>]*>/.exec(sectPr)?.[0] ?? ''
  const width = attribute(size, 'w')
  const height = attribute(size, 'h')
  const value = (key: string, fallback: number) => attribute(margins, key) ?? fallback
  return {
    styles,
    styleIds,
    page:
      width && height
        ? {
            width,
            height,
            margin: {
              top: value('top', 1418),
              right: value('right', 1418),
              bottom: value('bottom', 1418),
              left: value('left', 1418),
              header: value('header', 709),
              footer: value('footer', 709),
            },
          }
        : null,
  }
}

/**
 * The template's styles with French (fr-FR) as the language of the document
 * defaults, so proofing is French whatever language the template was made in.
 */
export function withFrenchDefaults(styles: string, language = 'fr-FR'): string {
  const lang = `<w:lang w:val="${language}" w:eastAsia="en-US" w:bidi="ar-SA"/>`
  if (/<w:rPrDefault>[\s\S]*?<w:lang\b[^>]*\/>/.test(styles)) {
    return styles.replace(/(<w:rPrDefault>[\s\S]*?)<w:lang\b[^>]*\/>/, `$1${lang}`)
  }
  if (/<w:rPrDefault>\s*<w:rPr>/.test(styles)) {
    return styles.replace(/(<w:rPrDefault>\s*<w:rPr>)/, `$1${lang}`)
  }
  if (/<w:docDefaults>/.test(styles)) {
    return styles.replace(
      '<w:docDefaults>',
      `<w:docDefaults><w:rPrDefault><w:rPr>${lang}</w:rPr></w:rPrDefault>`,
    )
  }
  return styles
}
