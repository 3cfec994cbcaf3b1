/**
 * `npm run bench`: term matching cost against termbase size. Matches the
 * same note with the real termbase padded with synthetic concepts to 100
 * and to 10,000 concepts, and prints the times and their ratio (the index
 * makes it close to 1; the budget is about 2). Index building is timed
 * apart: it happens once per run, not per note. With `--json`, prints the
 * figures as one JSON line (bench/pipeline.mjs reads it).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { loadTermbase } from '../src/glossary/load.ts'
import { buildTermIndex, matchTerms } from '../src/glossary/matcher.ts'
import type { Concept, Termbase } from '../src/glossary/termbase.ts'

const root = path.resolve(import.meta.dirname, '..')
const note = readFileSync(path.join(root, 'input/cesia-note-2026-02-05.md'), 'utf8')
const real = loadTermbase([path.join(root, 'input/termbase.yaml')])

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same termbase. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES = 'ra ti mo lu sé dé con tra pré vi no ga ré mi pa ssi on té que ble men al'.split(
  ' ',
)

/** The real termbase padded with synthetic French-looking concepts (words starting with z, found in no note) up to `size`. */
function padded(size: number): Termbase {
  const next = random(size)
  const word = () =>
    'z' +
    Array.from(
      { length: 2 + Math.floor(next() * 3) },
      () => SYLLABLES[Math.floor(next() * SYLLABLES.length)],
    ).join('')
  const concepts: Concept[] = [...real.concepts]
  for (let n = concepts.length; n < size; n++) {
    const term = Array.from({ length: 1 + Math.floor(next() * 4) }, word).join(' ')
    concepts.push({
      id: `synthetic-${n}`,
      status: 'approved',
      fr: { term, variants: [`${term}s`], acronyms: [], abbreviations: [], forbidden: [] },
      en: { term: `term ${n}`, variants: [], acronyms: [], abbreviations: [], forbidden: [] },
      origin: { kind: 'usage', reference: 'synthetic' },
    })
  }
  return { version: real.version, concepts }
}

function measure(size: number): { build: number; match: number; found: number } {
  const termbase = padded(size)
  const startBuild = performance.now()
  const index = buildTermIndex(termbase, 'fr')
  const build = performance.now() - startBuild
  let found = 0
  for (let i = 0; i < 20; i++) found = matchTerms(index, note).length
  const rounds: number[] = []
  for (let round = 0; round < 7; round++) {
    const start = performance.now()
    for (let i = 0; i < 50; i++) matchTerms(index, note)
    rounds.push((performance.now() - start) / 50)
  }
  rounds.sort((a, b) => a - b)
  return { build, match: rounds[3]!, found }
}

const small = measure(100)
const large = measure(10_000)
const ms = (value: number) => `${value.toFixed(3)} ms`
if (process.argv.includes('--json')) {
  // For bench/pipeline.mjs, which writes bench/results.json and bench/README.md.
  process.stdout.write(
    `${JSON.stringify({ characters: note.length, concepts100: small, concepts10000: large, ratio: large.match / small.match })}\n`,
  )
} else {
  process.stdout.write(
    [
      `note: input/cesia-note-2026-02-05.md (${note.length} characters)`,
      `100 concepts:    match ${ms(small.match)} per note, ${small.found} occurrences; index built in ${ms(small.build)}`,
      `10,000 concepts: match ${ms(large.match)} per note, ${large.found} occurrences; index built in ${ms(large.build)}`,
      `ratio 10,000 / 100: ${(large.match / small.match).toFixed(2)} (budget: about 2)`,
      '',
    ].join('\n'),
  )
}
