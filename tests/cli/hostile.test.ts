/**
 * A note full of javascript:, vbscript:, data: and file: links (plain and
 * obfuscated; inline, images, references, autolinks, raw HTML), translated
 * with `fiche translate` and built: no output file stores or links to such a
 * target, raw HTML is never emitted as markup, the link texts stay.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const bin = path.resolve(import.meta.dirname, '../../bin/fiche.js')

async function fiche(cwd: string, ...argv: string[]) {
  try {
    const { stdout, stderr } = await run('node', [bin, ...argv], { cwd })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** An unsafe scheme, ignoring the white space and control characters browsers skip. */
const UNSAFE = {
  test: (target: string) =>
    /^(?:javascript|vbscript|data|file):/iu.test(
      [...target].filter((char) => char.charCodeAt(0) > 0x20).join(''),
    ),
}

const NOTE = [
  '# Liens dangereux',
  '',
  'Un [lien script](javascript:alert(1)) et un [lien VB](VBScript:msgbox(1)) dans le texte.',
  '',
  'Un [lien data](data:text/html;base64,PHNjcmlwdD4=) et un [lien fichier](file:///etc/passwd) ici.',
  '',
  'Un [lien masqué](<  JaVaScRiPt:alert(2)>) et un [lien tab](java&#9;script:alert(3)) et un [lien encodé](&#106;avascript:alert(4)) et un [lien nul](java&#0;script:alert(14)).',
  '',
  'Une image ![image piégée](javascript:alert(5)) et ![image data](data:text/html,x) aussi.',
  '',
  'Un [lien référence][piege] et un autre [lien ref data][donnees].',
  '',
  'Un lien automatique <javascript:alert(6)> et <file:///etc/shadow> ici.',
  '',
  'Du HTML brut <a href="javascript:alert(7)">ancre brute</a> et <a href="&#106;avascript:alert(8)">ancre encodée</a> et <img src="javascript:alert(9)"> fin.',
  '',
  '<!-- un commentaire secret <script>alert(10)</script> -->',
  '',
  '<div onclick="alert(11)"><a href="vbscript:x">bloc brut</a><script>alert(15)</script></div>',
  '',
  'Un [bon lien](https://example.org/rapport.pdf) reste.',
  '',
  '[piege]: javascript:alert(12)',
  '[donnees]: data:text/html,<script>alert(13)</script>',
  '',
].join('\n')

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
        expect(text, name).not.toMatch(/<(?:script|a|img|div)[\s>]/iu)
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
    expect(texts.get('output/memory.en.tmx')).toContain('link script')
    // The links keep their paired codes, with no target.
    expect(english.match(/<g id="\d+" ctype="link">/gu)?.length).toBeGreaterThanOrEqual(12)
    expect(german).toContain('<data id="d1e">]()</data>')
  })
})
