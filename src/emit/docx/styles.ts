/**
 * The built-in look of the brief: document defaults (fr-FR), paragraph,
 * character and table styles, list numbering and the A4 page. Every element
 * of the brief refers to one of these styles, so restyling the brief in Word
 * means editing styles only. A template's styles take the place of these.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  type INumberingOptions,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IStylesOptions,
} from 'docx'

/** Ids of the styles the writer uses. */
export const Style = {
  heading: (level: number) => `Heading${Math.min(Math.max(level, 1), 6)}`,
  missingTitle: 'FicheTitreAbsent',
  dateline: 'FicheDateLieu',
  lead: 'FicheChapo',
  annex: 'FicheTitreAnnexe',
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  quote: 'Quote',
  code: 'FicheCode',
  rule: 'FicheFiletSeparateur',
  source: 'FicheSource',
  tableText: 'FicheTexteTableau',
  tableHeader: 'FicheEnteteTableau',
  note: 'FicheRemarque',
  footnoteText: 'FootnoteText',
  header: 'Header',
  footer: 'Footer',
  hyperlink: 'Hyperlink',
  missingSource: 'FicheSourceManquante',
  inlineCode: 'FicheCodeEnLigne',
  table: 'FicheTableau',
} as const

/** Numbering references of the lists. */
export const Numbering = { bullet: 'fiche-puces', ordered: 'fiche-numeros' } as const

const BODY_FONT = 'Cambria'
const HEADING_FONT = 'Calibri'
const MONO_FONT = 'Consolas'
const INK = '262626'
const NAVY = '1F3864'
const ACCENT = '2E5C8A'
const GREY = '595959'
const RULE = 'A6A6A6'

/** A4 portrait, 2.5 cm margins; twips. */
export const Page = {
  width: 11906,
  height: 16838,
  margin: { top: 1418, right: 1418, bottom: 1418, left: 1418, header: 709, footer: 709 },
} as const

/** Width of the text block of the built-in page, in twips. */
export const TEXT_WIDTH = Page.width - Page.margin.left - Page.margin.right

const heading = (
  level: number,
  size: number,
  color: string,
  before: number,
  after: number,
  extra: Partial<IParagraphStyleOptions> = {},
): IParagraphStyleOptions => ({
  id: Style.heading(level),
  name: `Heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: HEADING_FONT, size, bold: true, color },
  paragraph: {
    keepNext: true,
    keepLines: true,
    outlineLevel: level - 1,
    alignment: AlignmentType.LEFT,
    spacing: { before, after, line: 240, lineRule: LineRuleType.AUTO },
    ...extra.paragraph,
  },
})

const paragraphStyles: IParagraphStyleOptions[] = [
  heading(1, 40, NAVY, 0, 160),
  heading(2, 28, NAVY, 400, 120, {
    paragraph: {
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 2 } },
    },
  }),
  heading(3, 24, ACCENT, 280, 80),
  heading(4, 22, ACCENT, 200, 60),
  heading(5, 22, GREY, 200, 60),
  heading(6, 22, GREY, 200, 60),
  {
    id: Style.missingTitle,
    name: 'Titre absent',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: HEADING_FONT, size: 36, italics: true, color: GREY },
    paragraph: { keepNext: true, spacing: { before: 0, after: 160 } },
  },
  {
    id: Style.dateline,
    name: 'Date et lieu',
    basedOn: 'Normal',
    next: Style.lead,
    run: { font: HEADING_FONT, size: 21, color: GREY },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 0, after: 240 } },
  },
  {
    id: Style.lead,
    name: 'Chapô',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 23, color: INK },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: 227 },
      spacing: { before: 120, after: 360, line: 288, lineRule: LineRuleType.AUTO },
      border: { left: { style: BorderStyle.SINGLE, size: 18, color: ACCENT, space: 8 } },
    },
  },
  {
    id: Style.annex,
    name: "Titre d'annexe",
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: HEADING_FONT, size: 28, bold: true, color: NAVY },
    paragraph: {
      keepNext: true,
      spacing: { before: 480, after: 160, line: 240, lineRule: LineRuleType.AUTO },
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 2 } },
    },
  },
  {
    id: Style.listBullet,
    name: 'List Bullet',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { spacing: { after: 80 }, numbering: { reference: Numbering.bullet, level: 0 } },
  },
  {
    id: Style.listNumber,
    name: 'List Number',
    basedOn: 'Normal',
    quickFormat: true,
    paragraph: { spacing: { after: 80 }, numbering: { reference: Numbering.ordered, level: 0 } },
  },
  {
    id: Style.listContinue,
    name: 'List Continue',
    basedOn: 'Normal',
    paragraph: { indent: { left: 397 }, spacing: { after: 80 } },
  },
  {
    id: Style.quote,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true, color: '404040' },
    paragraph: {
      indent: { left: 567, right: 567 },
      spacing: { before: 120, after: 120 },
      border: { left: { style: BorderStyle.SINGLE, size: 8, color: RULE, space: 8 } },
    },
  },
  {
    id: Style.code,
    name: 'Code source',
    basedOn: 'Normal',
    run: { font: MONO_FONT, size: 18 },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      shading: { type: 'clear', color: 'auto', fill: 'F2F2F2' },
    },
  },
  {
    id: Style.rule,
    name: 'Filet séparateur',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 8 },
    paragraph: {
      spacing: { before: 120, after: 240, line: 240, lineRule: LineRuleType.AUTO },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: RULE, space: 1 } },
    },
  },
  {
    id: Style.source,
    name: 'Source (liste)',
    basedOn: 'Normal',
    run: { size: 19 },
    paragraph: {
      alignment: AlignmentType.LEFT,
      indent: { left: 567, hanging: 567 },
      spacing: { after: 80, line: 252, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: Style.tableText,
    name: 'Texte de tableau',
    basedOn: 'Normal',
    run: { size: 18 },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: Style.tableHeader,
    name: 'En-tête de tableau',
    basedOn: Style.tableText,
    run: { font: HEADING_FONT, bold: true, color: NAVY },
    paragraph: { keepNext: true },
  },
  {
    id: Style.note,
    name: 'Remarque',
    basedOn: 'Normal',
    run: { italics: true, size: 20, color: GREY },
    paragraph: { spacing: { after: 120 } },
  },
  {
    id: Style.footnoteText,
    name: 'footnote text',
    basedOn: 'Normal',
    run: { size: 17 },
    paragraph: {
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 40, line: 240, lineRule: LineRuleType.AUTO },
    },
  },
  {
    id: Style.header,
    name: 'header',
    basedOn: 'Normal',
    run: { font: HEADING_FONT, size: 17, color: GREY },
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { before: 0, after: 0 } },
  },
  {
    id: Style.footer,
    name: 'footer',
    basedOn: 'Normal',
    run: { font: HEADING_FONT, size: 17, color: GREY },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 } },
  },
]

const characterStyles: ICharacterStyleOptions[] = [
  {
    id: Style.hyperlink,
    name: 'Hyperlink',
    basedOn: 'DefaultParagraphFont',
    run: { color: ACCENT, underline: { type: 'single', color: ACCENT } },
  },
  {
    id: Style.missingSource,
    name: 'Source manquante',
    basedOn: 'DefaultParagraphFont',
    run: { highlight: 'yellow', color: '7F3F00' },
  },
  {
    id: Style.inlineCode,
    name: 'Code en ligne',
    basedOn: 'DefaultParagraphFont',
    run: { font: MONO_FONT, size: 19 },
  },
]

/** The table style of the brief's tables: rules above, below and between rows, a shaded header. */
const TABLE_STYLE_NAME = 'Tableau fiche'

const TABLE_STYLE_XML = `<w:style w:type="table" w:styleId="${Style.table}"><w:name w:val="${TABLE_STYLE_NAME}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr><w:suppressAutoHyphens/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="${NAVY}"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${NAVY}"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="D9D9D9"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${NAVY}"/></w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="E7ECF4"/></w:tcPr></w:tblStylePr></w:style>`

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

/** The built-in base of `styles.xml`: French document defaults, Normal, and the table style. */
const BASE_STYLES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${BODY_FONT}" w:hAnsi="${BODY_FONT}" w:eastAsia="${BODY_FONT}" w:cs="${BODY_FONT}"/><w:color w:val="${INK}"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="fr-FR" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="140" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:lang w:val="fr-FR"/></w:rPr></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>${TABLE_STYLE_XML}</w:styles>`

/**
 * The `styles.xml` the document starts from: the built-in base, or the
 * template's styles (with French defaults) plus the table style if it lacks it.
 */
export function baseStylesXml(
  template: { styles: string; styleIds: ReadonlySet<string> } | null,
  language = 'fr-FR',
  names: StyleNames = {},
): string {
  const table = TABLE_STYLE_XML.replace(
    `<w:name w:val="${TABLE_STYLE_NAME}"/>`,
    `<w:name w:val="${names[Style.table] ?? TABLE_STYLE_NAME}"/>`,
  )
  if (!template)
    return BASE_STYLES_XML.replace(TABLE_STYLE_XML, table).replaceAll(
      'w:val="fr-FR"',
      `w:val="${language}"`,
    )
  return template.styleIds.has(Style.table)
    ? template.styles
    : template.styles.replace(/<\/w:styles>\s*$/, `${table}</w:styles>`)
}

/** Display names of the built-in styles by id, in another language than the French built-in ones. */
export type StyleNames = Readonly<Partial<Record<string, string>>>

/**
 * The paragraph and character styles of the brief. With a template, only
 * the styles it lacks are added, so its fonts, colours and spacing win.
 */
export function briefStyles(
  templateStyleIds: ReadonlySet<string> | null,
  names: StyleNames = {},
): IStylesOptions {
  const missing = (id: string) => !templateStyleIds?.has(id)
  const named = <T extends { id: string; name?: string }>(style: T): T => {
    const name = names[style.id]
    return name === undefined ? style : { ...style, name }
  }
  return {
    paragraphStyles: paragraphStyles.filter((s) => missing(s.id)).map(named),
    characterStyles: characterStyles.filter((s) => missing(s.id)).map(named),
  }
}

/** The built-in display name of each style, by id (the French names, and Word's own). */
export const BUILT_IN_STYLE_NAMES: ReadonlyMap<string, string> = new Map([
  ...[...paragraphStyles, ...characterStyles].map((s) => [s.id, s.name ?? s.id] as const),
  [Style.table, TABLE_STYLE_NAME],
])

const BULLETS = ['•', '–', '▪']

/** The numbering definitions of bulleted and ordered lists, nine levels each. */
export function briefNumbering(): INumberingOptions {
  const indent = (level: number) => ({ left: 397 + level * 397, hanging: 284 })
  return {
    config: [
      {
        reference: Numbering.bullet,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: BULLETS[level % BULLETS.length]!,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) }, run: { color: ACCENT } },
        })),
      },
      {
        reference: Numbering.ordered,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][
            level % 3
          ]!,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
    ],
  }
}
