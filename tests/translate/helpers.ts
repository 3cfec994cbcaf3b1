/** Helpers of the translation tests: sync a note's file, act as a translator's tool, validate. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DocumentModel } from '../../src/model/schema.ts'
import { TranslationMemory } from '../../src/translate/memory.ts'
import {
  translateNote,
  type TranslateOptions,
  type TranslateResult,
} from '../../src/translate/translate.ts'
import { modelOf } from '../helpers.ts'

/** The test note of tests/fixtures/translate/. */
export const noteText = readFileSync(
  path.join(import.meta.dirname, '../fixtures/translate/note.md'),
  'utf8',
)

/** The model of a variant of the test note. */
export function noteModel(text = noteText): Promise<DocumentModel> {
  return modelOf(text, 'note.md')
}

/** Syncs the model's file (1.2 by default). */
export function sync(
  model: DocumentModel,
  existing: string | null,
  options: Partial<TranslateOptions> = {},
): Promise<TranslateResult> {
  return translateNote(model, existing, {
    file: 'input/translations/note.en.xlf',
    original: 'input/note.md',
    sourceLanguage: 'fr',
    targetLanguage: 'en',
    version: '1.2',
    weblate: false,
    memory: null,
    translator: null,
    terms: [],
    ...options,
  })
}

/** A memory of one French → English pair of plain text. */
export function memoryOf(pairs: Array<[string, string]>, threshold?: number): TranslationMemory {
  return new TranslationMemory(
    pairs.map(([fr, en]) => ({
      source: [{ type: 'text', value: fr }],
      target: [{ type: 'text', value: en }],
      codes: new Map(),
      from: 'test.tmx',
    })),
    threshold,
  )
}

/**
 * What a translator's tool does: gives every unit without a target the
 * target `translate(source inner XML)` with state="translated" (1.2) or a
 * translated segment (2.0), by editing the XML text. A unit for which
 * `translate` gives null is left without a target.
 */
export function translateAll(
  xml: string,
  translate: (source: string) => string | null = (source) => `EN ${source}`,
): string {
  if (xml.includes('version="2.0"')) {
    return xml.replace(
      /(<segment id="[^"]*")>(\s*)<source>(.*?)<\/source>(\s*)<\/segment>/gs,
      (all, open: string, s1: string, source: string, s2: string) =>
        translate(source) === null
          ? all
          : `${open} state="translated">${s1}<source>${source}</source>${s1}<target>${translate(source)}</target>${s2}</segment>`,
    )
  }
  return xml.replace(
    /<trans-unit ([^>]*)>(\s*)<source>(.*?)<\/source>((?:\s*<seg-source>.*?<\/seg-source>)?)(?!\s*<seg-source)(?!\s*<target)/gs,
    (all, attributes: string, space: string, source: string, seg: string) =>
      translate(source) === null
        ? all
        : `<trans-unit ${attributes}>${space}<source>${source}</source>${seg}${space}<target state="translated">${translate(source)}</target>`,
  )
}

/** xmllint's complaint about a file against a schema (XLIFF 1.2, 2.0) or the TMX DTD; '' when valid. */
export function validate(text: string, kind: '1.2' | '2.0' | 'tmx'): string {
  const standards = path.join(import.meta.dirname, '../standards')
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-xlf-'))
  const file = path.join(dir, kind === 'tmx' ? 'memory.tmx' : 'note.xlf')
  writeFileSync(file, text)
  const args =
    kind === 'tmx'
      ? ['--nonet', '--noout', '--dtdvalid', path.join(standards, 'tmx/tmx14.dtd'), file]
      : [
          '--nonet',
          '--noout',
          '--schema',
          path.join(
            standards,
            kind === '1.2' ? 'xliff/xliff-core-1.2-strict.xsd' : 'xliff/xliff_core_2.0.xsd',
          ),
          file,
        ]
  try {
    execFileSync('xmllint', args, {
      stdio: 'pipe',
      env: { ...process.env, XML_CATALOG_FILES: path.join(standards, 'catalog.xml') },
    })
    return ''
  } catch (error) {
    return String((error as { stderr: Buffer }).stderr)
  }
}

/** The `<trans-unit>`/`<unit>` elements of a file by id, as written. */
export function unitsById(xml: string): Map<string, string> {
  const units = new Map<string, string>()
  for (const match of xml.matchAll(/<(trans-unit|unit) id="([^"]+)"[\s\S]*?<\/\1>/g)) {
    units.set(match[2]!, match[0])
  }
  return units
}
