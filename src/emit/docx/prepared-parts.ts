/**
 * The parts every brief shares, prepared once per process: the styles (for
 * each set of styles) and the theme.
 *
 * Every brief of a batch has the same styles (one set in French, one in
 * English, or a template's) and the same theme, yet the docx library builds
 * them again for each document: it parses the base `styles.xml`, makes its own
 * default styles and ours, then walks them and the theme to XML. For a
 * one-paragraph note that was about 2.2 ms of the 5.9 ms a brief cost to
 * build and pack once its shared parts were deflated once (`zip.ts`): styles
 * 1.6 ms, theme 0.6 ms, measured warm.
 *
 * The first document with a given part is built as usual, and what the part's
 * component gave (the XML object tree, which the docx library does not change
 * when it writes it) is kept, with the one side effect of walking it: the list
 * numbering instances that paragraph styles with a list create
 * (`createConcreteNumberingInstance`). A later document is given a component
 * that makes the same calls and returns the same tree, so its parts are the
 * same text; and, for the styles, it is built without style options at all.
 *
 * This relies on internals of the docx library (9.15): the File's `styles`
 * and `theme` fields and its numbering's `createConcreteNumberingInstance`.
 * When they are not there, nothing is kept and every brief is built as usual.
 * Briefs with a table of contents always get their own styles: the docx
 * library reads the styles again while it writes the table, with the
 * document's own list state. At most `MAX_KEPT` parts are kept.
 */
import { Document, type IStylesOptions } from 'docx'

/** The style options of a brief's `Document`. */
export interface StyleOptions {
  externalStyles: string
  styles: IStylesOptions
}

type Call = readonly unknown[]

interface Numbering {
  createConcreteNumberingInstance(...args: unknown[]): unknown
}

interface Context {
  file?: { Numbering?: Numbering }
}

interface Component {
  prepForXml(context: Context): unknown
}

/** The docx library's File, by the internals used here. */
type DocxFile = Partial<Record<Field, Component>>

type Field = 'styles' | 'theme'

interface Prepared {
  tree: unknown
  calls: Call[]
}

const MAX_KEPT = 16

const prepared = new Map<string, Prepared>()

let supported: boolean | undefined

/** Whether this docx library's File has the internals the memo relies on. */
function isSupported(): boolean {
  if (supported === undefined) {
    const file = new Document({ sections: [] }) as unknown as DocxFile & {
      Numbering?: Partial<Numbering>
    }
    supported =
      typeof file.styles?.prepForXml === 'function' &&
      typeof file.theme?.prepForXml === 'function' &&
      typeof file.Numbering?.createConcreteNumberingInstance === 'function'
  }
  return supported
}

/** A component that replays a prepared part. */
function replay(known: Prepared): Component {
  return {
    prepForXml(context) {
      const numbering = context.file?.Numbering
      for (const call of known.calls) numbering?.createConcreteNumberingInstance(...call)
      return known.tree
    },
  }
}

/** Wraps the document's own component so that its first walk is kept under `key`. */
function recording(own: Component, key: string): Component {
  return {
    prepForXml(context) {
      const numbering = context.file?.Numbering
      if (!numbering || prepared.has(key)) return own.prepForXml(context)
      const calls: Call[] = []
      const create = numbering.createConcreteNumberingInstance
      const ownMethod = Object.hasOwn(numbering, 'createConcreteNumberingInstance')
      numbering.createConcreteNumberingInstance = (...call: unknown[]) => {
        calls.push(call)
        return create.apply(numbering, call)
      }
      let tree: unknown
      try {
        tree = own.prepForXml(context)
      } finally {
        if (ownMethod) numbering.createConcreteNumberingInstance = create
        else delete (numbering as Partial<Numbering>).createConcreteNumberingInstance
      }
      if (prepared.size >= MAX_KEPT) prepared.clear()
      prepared.set(key, { tree, calls })
      return tree
    },
  }
}

/** Gives `document` the part kept under `key`, or records its own. */
function usePrepared(document: Document, field: Field, key: string): void {
  const file = document as unknown as DocxFile
  const known = prepared.get(key)
  if (known) file[field] = replay(known)
  else if (file[field]) file[field] = recording(file[field], key)
}

/** How a brief's `Document` gets its styles and theme. */
export interface SharedParts {
  /** The style options to give `new Document`: none when the styles were prepared before. */
  options: Partial<StyleOptions>
  /** Gives the built document its parts; call it once, right after `new Document`. */
  attach(document: Document): void
}

/**
 * The styles (with `options`) and theme of a brief. `ownStyles: true` builds
 * the styles as usual and keeps nothing of them.
 */
export function sharedParts(options: StyleOptions, ownStyles = false): SharedParts {
  if (!isSupported()) return { options, attach: () => {} }
  const stylesKey = ownStyles ? null : `styles:${JSON.stringify(options)}`
  const reuseStyles = stylesKey !== null && prepared.has(stylesKey)
  return {
    options: reuseStyles ? {} : options,
    attach: (document) => {
      // The theme: the docx library's default, as no brief sets one.
      usePrepared(document, 'theme', 'theme')
      if (stylesKey !== null) usePrepared(document, 'styles', stylesKey)
    },
  }
}
