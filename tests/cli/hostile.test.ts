/**
 * A note full of javascript:, vbscript:, data: and file: links (plain and
 * obfuscated; inline, images, references, autolinks, raw HTML), translated
 * with `fiche translate` and built: no output file stores or links to such a
 * target, raw HTML is never emitted as markup, the link texts stay.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { fiche } from './fiche.ts'

/** An unsafe scheme, ignoring the white space and control characters browsers skip. */
const UNSAFE = {
  test: (target: string) =>
    /^(?:javascript|vbscript|data|file):/iu.test(
      [...target].filter((char) => char.charCodeAt(0) > 0x20).join(''),
    ),
}

/** The hostile fixture: every form of unsafe link, raw HTML, an HTML comment. */
const NOTE = readFileSync(
  path.join(import.meta.dirname, '../fixtures/hostile/unsafe-links.md'),
  'utf8',
)

/** Link texts that every output keeps. */
const TEXTS = ['lien script', 'lien VB', 'lien data', 'lien fichier', 'lien masqué', 'lien tab']
const TEXTS_EN = TEXTS.map((text) => text.replace('lien', 'link'))

/** What a translator's tool does: a target for every unit, "lien" turned into "link", codes kept. */
function fill(xml: string): string {
  return xml.replace(
    /(<trans-unit [^>]*>\s*<source>)(.*?)(<\/source>)(?!\s*<target)/gs,
    (_all, open: string, source: string, close: string) =>
      `${open}${source}${close}<target state="translated">${source.replaceAll('lien', 'link')}</target>`,
  )
}

/** Every file under a folder, relative paths sorted. */
function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? walk(full, base) : [path.relative(base, full)]
    })
    .sort()
}

/** Targets an XML part stores: attribute values and the link data fiche writes as element text. */
function xmlTargets(xml: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/&#x([0-9a-f]+);/giu, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/gu, (_m, dec: string) => String.fromCodePoint(Number(dec)))
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&')
  const targets = [...xml.matchAll(/\s[\w:.-]+\s*=\s*"([^"]*)"/gu)].map((m) => decode(m[1]!))
  // XLIFF 1.2 code contexts, XLIFF 2.0 original data and TMX codes: "](target)".
  for (const m of xml.matchAll(/<context context-type="x-(?:link|image)">([^<]*)</gu))
    targets.push(decode(m[1]!))
  for (const m of decode(xml).matchAll(/\]\(([^)]*)\)/gu)) targets.push(m[1]!)
  // Word field codes: HYPERLINK "target".
  for (const m of decode(xml).matchAll(/HYPERLINK\s+"?([^"\s<]*)/gu)) targets.push(m[1]!)
  return targets
}

/** Link and image targets of a JSON output: every `href`, `url`, `URL` or `target` value. */
function jsonTargets(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => jsonTargets(item, out))
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (/^(?:href|url|URL|target)$/u.test(key) && typeof item === 'string') out.push(item)
      else jsonTargets(item, out)
    }
  }
  return out
}

describe('fiche translate and build over hostile links', () => {
  it('stores and links no unsafe target in any output, keeps the link texts, emits no raw HTML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-hostile-links-'))
    mkdirSync(path.join(dir, 'input'))
    writeFileSync(path.join(dir, 'input', 'note.md'), NOTE)

    expect((await fiche(dir, 'translate')).code).toBe(0)
    const xlf = path.join(dir, 'input', 'translations', 'note.en.xlf')
    writeFileSync(xlf, fill(readFileSync(xlf, 'utf8')))
    // Again: the translated units reach the memory (output/memory.en.tmx).
    const again = await fiche(dir, 'translate')
    expect(again.code).toBe(0)
    expect((await fiche(dir, 'translate', '--to', 'de', '--format', 'xliff2')).code).toBe(0)

    const build = await fiche(dir, 'build', '--quiet')
    expect([0, 1]).toContain(build.code)
    expect(build.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/u)
    expect(build.stderr).toContain('1 document(s) built, 0 failed')

    const outputs = walk(path.join(dir, 'output')).map((f) => path.join('output', f))
    const translations = walk(path.join(dir, 'input', 'translations')).map((f) =>
      path.join('input', 'translations', f),
    )
    const files = [...outputs, ...translations]
    for (const name of [
      'output/note/brief.fr.docx',
      'output/note/handout.en.docx',
      'output/note/model.json',
      'output/note/sources.csl.json',
      'output/note/glossary.tbx',
      'output/memory.en.tmx',
      'input/translations/note.en.xlf',
      'input/translations/note.de.xlf',
    ])
      expect(files).toContain(name)

    const texts = new Map<string, string>()
    for (const file of files) {
      const bytes = readFileSync(path.join(dir, file))
      if (!file.endsWith('.docx')) {
        texts.set(file, bytes.toString('utf8'))
        continue
      }
      const zip = await JSZip.loadAsync(bytes)
      for (const [name, entry] of Object.entries(zip.files))
        if (!entry.dir) texts.set(`${file}!${name}`, await entry.async('string'))
    }

    let links = 0
    for (const [name, text] of texts) {
      // The HTML comment is ignored: neither its text nor its markup reaches an output.
      expect(text, name).not.toContain('commentaire secret')
      let targets: string[]
      if (name.endsWith('.json')) {
        const data = JSON.parse(text) as Record<string, unknown>
        // model.json keeps each citation's target as written, with the status that flags it.
        if (name.endsWith('model.json')) {
          const citations = data.citations as Array<{ href: string | null; status: string }>
          for (const c of citations)
            if (c.href !== null && UNSAFE.test(c.href)) expect(c.status).toBe('unsafe-scheme')
          data.citations = []
          data.diagnostics = []
        }
        targets = jsonTargets(data)
      } else if (/\.(?:xml|rels|xlf|tmx|tbx)$/u.test(name)) {
        targets = xmlTargets(text)
        // Raw HTML of the note is text at most, never markup.
        expect(text, name).not.toMatch(/<(?:script|a|img|div)[\s>]/iu)
        if (name.endsWith('.rels')) {
          for (const m of text.matchAll(/<Relationship [^>]*Type="[^"]*\/hyperlink"[^>]*>/gu)) {
            links++
            expect(m[0], name).toMatch(/Target="https:\/\/example\.org\/rapport\.pdf"/u)
          }
        }
        if (name.endsWith('.xml')) {
          for (const m of text.matchAll(/<w:hyperlink [^>]*>/gu))
            expect(m[0], name).toMatch(/r:id="rId|w:anchor="[\w-]+"/u)
        }
      } else {
        // CSV, Markdown and plain text glossary files.
        targets = [...text.matchAll(/\]\(([^)]*)\)/gu)].map((m) => m[1]!)
        if (name.endsWith('note.en.md')) {
          // The English note: the note's code stays code (escaped by Markdown), never an HTML node.
          const tree = unified().use(remarkParse).use(remarkGfm).parse(text)
          expect(JSON.stringify(tree), name).not.toContain('"type":"html"')
        } else expect(text, name).not.toMatch(/<(?:script|a|img|div)[\s>]/iu)
      }
      for (const target of targets) expect(UNSAFE.test(target), `${name}: ${target}`).toBe(false)
    }
    // The safe link stays a hyperlink in both documents.
    expect(links).toBeGreaterThanOrEqual(2)

    const brief = texts.get('output/note/brief.fr.docx!word/document.xml')!
    const handout = texts.get('output/note/handout.en.docx!word/document.xml')!
    const english = texts.get('input/translations/note.en.xlf')!
    const german = texts.get('input/translations/note.de.xlf')!
    for (const text of [...TEXTS, 'ancre brute', 'ancre encodée']) {
      expect(brief).toContain(text)
      expect(english).toContain(text)
      expect(german).toContain(text)
    }
    for (const text of TEXTS_EN) expect(handout).toContain(text)
    // HTML written as code is text, escaped in Word and XLIFF.
    for (const text of [brief, handout, english, german]) {
      expect(text).toContain('&lt;script&gt;alert(16)&lt;/script&gt;')
    }
    expect(brief).toContain('&lt;script&gt;alert(18)&lt;/script&gt;')
    expect(texts.get('output/memory.en.tmx')).toContain('link script')
    // The links keep their paired codes, with no target.
    expect(english.match(/<g id="\d+" ctype="link">/gu)?.length).toBeGreaterThanOrEqual(12)
    expect(german).toContain('<data id="d1e">]()</data>')
  })
})

const HOSTILE = path.join(import.meta.dirname, '../fixtures/hostile')

/** The notes of the hostile folder that build, and those refused with a clear error. */
const BUILT = [
  'control-chars',
  'cp1252',
  'latin9',
  'line-endings-cr',
  'line-endings-crlf',
  'line-endings-lf',
  'unsafe-links',
  'utf16be-bom',
  'utf16le-bom',
]
const FAILED = ['docx-renamed', 'empty', 'macroman', 'nul-bytes', 'utf16-no-bom', 'whitespace']

/** What `fiche build` writes for every note (no translation file: no handout). */
const OUTPUTS = [
  'brief.fr.docx',
  'glossary.candidates.csv',
  'glossary.csv',
  'glossary.json',
  'glossary.md',
  'glossary.omegat.txt',
  'glossary.tbx',
  'glossary.tbx2008.tbx',
  'model.json',
  'sources.csl.json',
]

describe('fiche build over the whole hostile folder', () => {
  it('never crashes: builds the good notes completely, one error line per bad one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fiche-hostile-folder-'))
    mkdirSync(path.join(dir, 'input'))
    const names = readdirSync(HOSTILE).filter((name) => !name.startsWith('.'))
    for (const name of names) copyFileSync(path.join(HOSTILE, name), path.join(dir, 'input', name))
    const notes = names.filter((name) => name.endsWith('.md')).map((name) => name.slice(0, -3))
    // Every note of the folder is expected to build or to fail: a new fixture is listed above.
    expect([...BUILT, ...FAILED].sort()).toEqual(notes.sort())

    const build = await fiche(dir, 'build', '--quiet')
    expect(build.code).toBe(1)
    // No uncaught error: no stack trace, no Node error name.
    expect(build.stderr).not.toMatch(/^\s+at /mu)
    expect(build.stderr).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/u)
    expect(build.stderr).toContain(`${BUILT.length} document(s) built, ${FAILED.length} failed`)
    const errors = build.stderr.split('\n').filter((line) => line.startsWith('error: '))
    expect(errors).toHaveLength(FAILED.length)
    for (const name of FAILED) {
      const lines = errors.filter((line) => line.startsWith(`error: input/${name}.md: `))
      expect(lines, name).toHaveLength(1)
      expect(lines[0]!.length, name).toBeGreaterThan(`error: input/${name}.md: `.length + 10)
      expect(existsSync(path.join(dir, 'output', name)), name).toBe(false)
    }
    // The data files of the folder (termbases, sources) are not notes: neither built nor reported.
    for (const name of names.filter((n) => !n.endsWith('.md')))
      expect(build.stderr, name).not.toContain(name)

    const written = new Map<string, Buffer>()
    for (const id of BUILT) {
      const out = path.join(dir, 'output', id)
      expect(readdirSync(out).sort(), id).toEqual(OUTPUTS)
      for (const name of OUTPUTS) written.set(`${id}/${name}`, readFileSync(path.join(out, name)))
      const model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8')) as {
        id: string
        meta: { title: string }
        blocks: unknown[]
      }
      expect(model.id).toBe(id)
      expect(model.blocks.length, id).toBeGreaterThan(0)
      const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'brief.fr.docx')))
      const document = await zip.file('word/document.xml')!.async('string')
      expect(document, id).toContain(model.meta.title.replaceAll('&', '&amp;'))
      expect(document, id).toMatch(/<\/w:body><\/w:document>$/u)
      expect(JSON.parse(readFileSync(path.join(out, 'sources.csl.json'), 'utf8'))).toBeInstanceOf(
        Array,
      )
    }
    for (const name of ['glossary.csv', 'glossary.tbx', 'glossary.json'])
      expect(existsSync(path.join(dir, 'output', name)), name).toBe(true)

    // A second run writes the same bytes.
    expect((await fiche(dir, 'build', '--quiet')).code).toBe(1)
    for (const [name, bytes] of written)
      expect(readFileSync(path.join(dir, 'output', name)).equals(bytes), name).toBe(true)
  })
})
