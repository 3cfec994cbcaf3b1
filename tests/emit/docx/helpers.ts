/** Shared helpers of the Word brief tests: stored models, packing, unzipping, readers. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import JSZip from 'jszip'
import { buildBrief, packDocx, type BriefOptions } from '../../../src/emit/docx/index.ts'
import type { DocumentModel } from '../../../src/model/schema.ts'

/** Folder of the stored models (`fixtures/<case>/model.json`) and their goldens. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')

/** The cases with a stored model. */
export const CASES = ['cesia-note', 'lignes-rouges', 'resolved-sources'] as const

/** Reads a stored model. */
export function loadModel(name: string): DocumentModel {
  return JSON.parse(readFileSync(path.join(FIXTURES, name, 'model.json'), 'utf8')) as DocumentModel
}

/** Builds and packs a brief. */
export async function briefBytes(
  model: DocumentModel,
  options: BriefOptions = {},
): Promise<Uint8Array> {
  return packDocx(buildBrief(model, options))
}

/** The text of one part of a packed .docx. */
export async function part(bytes: Uint8Array, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(name)
  if (!file) throw new Error(`no ${name} in the package`)
  return file.async('string')
}

/** An XML part pretty-printed by xmllint, for readable goldens and diffs. */
export function prettyXml(xml: string): string {
  return execFileSync('xmllint', ['--format', '-'], { input: xml, encoding: 'utf8' })
}

/** Runs pandoc on a .docx file; `to` is a pandoc output format. */
export function pandoc(file: string, to: 'plain' | 'json'): string {
  return execFileSync('pandoc', ['-f', 'docx', '-t', to, '--wrap=none', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  })
}

/** Text with every run of white space (no-break spaces included) made one space. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

const SCHEMA = path.resolve(import.meta.dirname, '../../standards/ooxml/microsoft/wml-2010.xsd')
/** The WordprocessingML parts a brief or handout may hold. */
export const WORDML_PARTS = [
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'word/comments.xml',
  'word/header1.xml',
  'word/footer1.xml',
]
/** Prefixes the 2010 schema set understands; other ignorable ones are dropped. */
const UNDERSTOOD = new Set(['w', 'w14', 'r', 'wp', 'wp14', 'a', 'pic', 'mc', 'xml', 'v', 'o', 'm'])

/** Markup-compatibility preprocessing of one part, limited to attributes. */
function dropIgnorable(xml: string): string {
  const ignorable = /mc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/) ?? []
  const dropped = ignorable.filter((prefix) => !UNDERSTOOD.has(prefix))
  let result = xml.replace(/\s+mc:Ignorable="[^"]*"/g, '')
  for (const prefix of dropped)
    result = result.replace(new RegExp(`\\s+${prefix}:[\\w-]+="[^"]*"`, 'g'), '')
  return result
}

/** Validates parts (name → XML) in one xmllint run; returns "valid" or xmllint's complaints. */
export function validateWordml(parts: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-xsd-'))
  const files = Object.entries(parts).map(([name, xml]) => {
    const file = path.join(dir, name.replace('/', '__'))
    writeFileSync(file, dropIgnorable(xml))
    return file
  })
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, ...files], {
      stdio: 'pipe',
      timeout: 60_000,
    })
    return 'valid'
  } catch (error) {
    return String((error as { stderr: Buffer }).stderr)
  }
}
