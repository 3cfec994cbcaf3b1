/**
 * Blocks of the note in document order: headings in Heading 1–6 styles with
 * their manual numbers, paragraphs by role (dateline, lead, body), real Word
 * lists, quotations, code, rules and tables.
 */
import { Paragraph, TextRun, type FileChild } from 'docx'
import type { Block, ListItem } from '../../model/schema.ts'
import { cleanText, languageOf, type BriefContext } from './context.ts'
import { renderInlines } from './inlines.ts'
import { Numbering, Style } from './styles.ts'
import { renderTable } from './tables.ts'

const ROLE_STYLE = { lead: Style.lead, dateline: Style.dateline, body: undefined } as const

/** The deepest list level Word knows. */
const MAX_LIST_LEVEL = 8

/** Where a block stands: inside a quotation, inside a list item (at a level). */
interface Place {
  quote: boolean
  listLevel: number | null
}

const TOP: Place = { quote: false, listLevel: null }

/** The Word paragraphs and tables of `blocks`. */
export function renderBlocks(
  context: BriefContext,
  blocks: readonly Block[],
  place: Place = TOP,
): FileChild[] {
  return blocks.flatMap((block) => renderBlock(context, block, place))
}

function renderBlock(context: BriefContext, block: Block, place: Place): FileChild[] {
  switch (block.type) {
    case 'heading': {
      const heading = context.model.headings.find((h) => h.id === block.headingId)
      if (!heading) {
        throw new Error(
          `Unexpected heading id "${block.headingId}" in the blocks, expected one of model.headings`,
        )
      }
      const text = cleanText(context, heading.text, heading.position)
      const language = languageOf(text)
      return [
        new Paragraph({
          style: Style.heading(heading.depth),
          children: [new TextRun({ text, ...(language ? { language } : {}) })],
        }),
      ]
    }
    case 'paragraph': {
      const style = place.quote
        ? Style.quote
        : place.listLevel !== null
          ? Style.listContinue
          : ROLE_STYLE[block.role]
      return [
        new Paragraph({
          ...(style ? { style } : {}),
          ...(place.listLevel !== null && !place.quote
            ? { indent: { left: 397 + place.listLevel * 397 } }
            : {}),
          children: renderInlines(context, block.children, block.position),
        }),
      ]
    }
    case 'list': {
      const instance = context.nextListInstance++
      // Word has nine list levels (0–8): deeper lists stay at the last one.
      const level = place.listLevel === null ? 0 : Math.min(place.listLevel + 1, MAX_LIST_LEVEL)
      return block.items.flatMap((item) =>
        renderItem(context, item, block.ordered, instance, level, place),
      )
    }
    case 'blockquote':
      return renderBlocks(context, block.children, { ...place, quote: true })
    case 'table':
      return [renderTable(context, block.rows)]
    case 'code':
      return cleanText(context, block.value, null)
        .split('\n')
        .map(
          (line) => new Paragraph({ style: Style.code, children: [new TextRun({ text: line })] }),
        )
    case 'thematicBreak':
      return [new Paragraph({ style: Style.rule, children: [] })]
    default: {
      const unknown: never = block
      throw new Error(
        `Unexpected block ${JSON.stringify(unknown)}, expected heading, paragraph, list, blockquote, table, code or thematicBreak`,
      )
    }
  }
}

/** One list item: its first paragraph carries the number or bullet, the rest follow indented. */
function renderItem(
  context: BriefContext,
  item: ListItem,
  ordered: boolean,
  instance: number,
  level: number,
  place: Place,
): FileChild[] {
  const [first, ...rest] = item.children
  const numbering = { reference: ordered ? Numbering.ordered : Numbering.bullet, level, instance }
  const style = ordered ? Style.listNumber : Style.listBullet
  const head =
    first?.type === 'paragraph'
      ? [
          new Paragraph({
            style,
            numbering,
            children: renderInlines(context, first.children, first.position),
          }),
        ]
      : [
          new Paragraph({ style, numbering, children: [] }),
          ...(first ? renderBlock(context, first, { ...place, listLevel: level }) : []),
        ]
  return [...head, ...renderBlocks(context, rest, { ...place, listLevel: level })]
}
