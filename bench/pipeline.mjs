/**
 * `npm run bench` (first part): the compiled CLI on generated notes, measured
 * with hyperfine (median of several runs), printed as ratios and written to
 * bench/results.json:
 *
 * - scaling: `fiche build` on notes of 100, 200 and 400 KB (and 1 MB with
 *   FICHE_BENCH_LARGE=1): the ratio per doubling is about 2 when every pass
 *   is linear;
 * - `fiche build` against `pandoc -f markdown -t docx` on the same note;
 * - `fiche check` against `fiche build`;
 * - `fiche translate` against `fiche build` on a note of about 1,000
 *   translation units (issue 9: within 2×).
 *
 * Notes are made by repeating the body of input/cesia-note-2026-02-05.md
 * with renumbered headings, so they read like real notes.
 */
/* global Buffer, console, process */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'bin/fiche.js')
const sample = readFileSync(path.join(root, 'input/cesia-note-2026-02-05.md'), 'utf8')
const body = sample.replace(/^[\s\S]*?\n## /, '## ')

/** A note of about `bytes` bytes in a fresh project folder; returns the folder. */
function project(bytes) {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiche-bench-'))
  mkdirSync(path.join(dir, 'input'))
  const parts = ['---\ntitle: Note de référence\ndate: 2026-02-05\n---\n\n# Note générée\n\n']
  let length = 0
  for (let n = 1; length < bytes; n++) {
    const chunk = body.replace(/^## (\d+)\./gm, (_, d) => `## ${n}.${d}.`)
    parts.push(`${chunk}\n\n`)
    length += Buffer.byteLength(chunk) + 2
  }
  writeFileSync(path.join(dir, 'input', 'note.md'), parts.join(''))
  writeFileSync(
    path.join(dir, 'pipeline.config.json'),
    JSON.stringify({
      input: ['input'],
      termbase: [path.join(root, 'input/termbase.yaml')],
      limits: { fileBytes: 50_000_000, links: 10_000_000 },
    }),
  )
  return dir
}

/** Median seconds of `command` run in `cwd`, through hyperfine. */
function median(name, command, cwd, runs = 3) {
  const json = path.join(cwd, `${name}.json`)
  execFileSync(
    'hyperfine',
    ['--runs', String(runs), '--warmup', '1', '-N', '-i', '--export-json', json, command],
    { cwd, stdio: 'ignore' },
  )
  return JSON.parse(readFileSync(json, 'utf8')).results[0].median
}

if (spawnSync('hyperfine', ['--version']).status !== 0) {
  console.log('bench: hyperfine not found (apt-get install hyperfine); skipped')
  process.exit(0)
}
const pandoc = spawnSync('pandoc', ['--version']).status === 0
const fiche = (args) => `node ${bin} ${args}`
const round = (x) => Math.round(x * 1000) / 1000
const results = { scaling: [], ratios: {} }

const sizes = [100_000, 200_000, 400_000]
if (process.env.FICHE_BENCH_LARGE) sizes.push(1_000_000)
let previous = null
for (const size of sizes) {
  const dir = project(size)
  const seconds = median(`build-${size}`, fiche('build -q'), dir)
  const perDoubling = previous
    ? (seconds / previous.seconds) ** (1 / Math.log2(size / previous.size))
    : null
  results.scaling.push({
    bytes: size,
    seconds: round(seconds),
    perDoubling: perDoubling && round(perDoubling),
  })
  console.log(
    `build ${String(size / 1000).padStart(5)} KB  ${seconds.toFixed(2)} s${perDoubling ? `  ×${perDoubling.toFixed(2)} per doubling (2 = linear)` : ''}`,
  )
  previous = { size, seconds }
}

const dir = project(100_000)
const build = median('build', fiche('build -q'), dir)
if (pandoc) {
  const seconds = median('pandoc', 'pandoc -f markdown -t docx -o pandoc.docx input/note.md', dir)
  results.ratios['build/pandoc'] = round(build / seconds)
  console.log(`build / pandoc -t docx (100 KB)   ${(build / seconds).toFixed(2)}`)
}
const check = median('check', fiche('check -q'), dir)
results.ratios['check/build'] = round(check / build)
console.log(`check / build (100 KB)            ${(check / build).toFixed(2)}`)

const big = project(250_000)
const units = spawnSync('node', [bin, 'translate'], { cwd: big, encoding: 'utf8' })
const translate = median('translate', fiche('translate'), big)
const buildBig = median('build-250', fiche('build -q'), big)
results.ratios['translate/build'] = round(translate / buildBig)
const count = /(\d+) units?/.exec(units.stdout + units.stderr)?.[1] ?? '?'
results.translateUnits = count === '?' ? null : Number(count)
console.log(`translate / build (${count} units)  ${(translate / buildBig).toFixed(2)} (budget 2)`)

writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log('bench/results.json written')
