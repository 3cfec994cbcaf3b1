/**
 * `npm run bench`: the ratios of issue 10, measured in one run on one
 * machine, printed, written to bench/results.json and to the table of
 * bench/README.md (this script writes that file; do not edit it by hand).
 *
 * Every fiche command measured is the compiled CLI (`node bin/fiche.js`, no
 * TypeScript at run time; `npm run build` first). Times are hyperfine medians
 * (`-N`, no shell) unless said otherwise. The corpora are generated in a
 * temporary folder from input/cesia-note-2026-02-05.md, deterministically:
 * nothing large is committed.
 *
 * 1. corpus: `fiche build` of 50 generated notes against pandoc md→docx one
 *    process per note, pandoc in one process (pandoc concatenates its inputs
 *    into one document: one conversion of all the text, not 50 documents),
 *    and a bare unified + remark-parse + remark-gfm parse of the same files in
 *    one Node process (bench/remark.mjs).
 * 2. per byte: `fiche build` of one note of 10 KB, 100 KB, 1 MB and 5 MB
 *    (FICHE_BENCH_5MB=0 leaves 5 MB out: it takes about a minute), the same
 *    text repeated. The per-byte cost is the time divided by the bytes; "net"
 *    subtracts the build of a one-line note (start-up, configuration,
 *    termbase), which otherwise dominates 10 KB. 1 MB and 5 MB are one run
 *    each under /usr/bin/time -v, whose maximum resident set size is the peak
 *    memory. "At equal volume": 1 MB of text as 100 notes of 10 KB, 10 of
 *    100 KB and 1 of 1 MB, each set in one `fiche build -j 1` (one thread, one
 *    start-up), so that the figure compares the cost of a byte in a short
 *    note and in a long one with start-up and the JIT's warm-up spread over
 *    the same volume.
 * 3. cold start: `fiche check --no-cache` on one note against `node -e 0`;
 *    also `fiche check` with its cache warm (the hyperfine warm-up runs
 *    fill it), what a pre-commit hook meets on a note it checked before.
 * 4. rebuild: `fiche build` of the corpus with its outputs in place against a
 *    first build (output folder and node_modules/.cache removed), in
 *    alternating pairs timed by this script (median of three pairs).
 * 5. watch: `fiche watch` (native events) on 1,000 generated notes; one note is
 *    edited 20 times; each latency is from the write to the moment its
 *    model.json holds the edit (polled every 2 ms).
 * 6. termbase: term matching with 100 and 10,000 concepts (bench/run.ts).
 * 7. translate: `fiche translate` on a note of about 1,000 translation units
 *    (the sample's body repeated), creating its XLIFF file, and again with the
 *    file in place, against `fiche build --no-cache` of the same note.
 *
 * Environment: FICHE_BENCH_5MB=0 leaves the 5 MB note out; FICHE_BENCH_ONLY=watch,cold
 * runs only those parts (the README then lists only them); FICHE_BENCH_WATCH_NOTES
 * and FICHE_BENCH_EDITS change the watch corpus (1,000) and edits (20).
 */
/* global Buffer, console, performance, process, setTimeout */
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = path.join(root, 'bin/fiche.js')
const sampleFile = 'input/cesia-note-2026-02-05.md'
const sample = readFileSync(path.join(root, sampleFile), 'utf8')
const body = sample.replace(/^[\s\S]*?\n## /, '## ')
const termbase = path.join(root, 'input/termbase.yaml')
const scratch = mkdtempSync(path.join(tmpdir(), 'fiche-bench-'))
const round = (x, digits = 3) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits)
const fiche = (args) => `node ${bin} ${args}`

if (spawnSync('hyperfine', ['--version']).status !== 0) {
  console.log('bench: hyperfine not found (apt-get install hyperfine); skipped')
  process.exit(0)
}
if (!existsSync(path.join(root, 'dist/cli.js'))) {
  console.log('bench: dist/ is missing; run `npm run build` first')
  process.exit(2)
}
const hasPandoc = spawnSync('pandoc', ['--version']).status === 0

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The body of the sample note cut at its headings (each chunk starts with `#`). */
const sections = body.split(/\n(?=#{2,3} )/u).map((s) => s.trim())
const MONTHS =
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ')

/**
 * Note `n` of a corpus: a front matter, a title, a dateline, then a
 * deterministic selection of the sample's sections (shuffled, some dropped or
 * repeated), renumbered, with the figures shifted so that notes differ.
 */
function generatedNote(n, sectionCount) {
  const next = random(n * 7919 + 13)
  const day = 1 + (n % 28)
  const month = MONTHS[n % 12]
  const parts = [
    `---\ntitle: Note générée ${n}\n---\n\n# Note générée n° ${n}\n\nParis, le ${day} ${month} 2026.\n`,
  ]
  // The sections in a shuffled order (Fisher–Yates), taken in turn.
  const order = sections.map((_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  let major = 0
  let minor = 0
  for (let k = 0; k < sectionCount; k++) {
    const section = sections[order[k % order.length]]
    const shifted = section.replace(/\b(\d{1,2}) %/gu, (_, d) => `${(Number(d) + n) % 97} %`)
    const renumbered = shifted.replace(/^(#{2,3}) [\d.]+/u, (_, hashes) => {
      if (hashes === '##' || major === 0) {
        major++
        minor = 0
        return `## ${major}.`
      }
      minor++
      return `### ${Math.max(major, 1)}.${minor}`
    })
    parts.push(renumbered)
  }
  return `${parts.join('\n\n')}\n`
}

/** The corpus of part 1: 50 notes of 3 to 14 sections (2 to 20 KB). */
function corpusNotes() {
  const notes = {}
  for (let n = 1; n <= 50; n++) {
    notes[`note-${String(n).padStart(2, '0')}.md`] = generatedNote(n, 3 + (n % 12))
  }
  return notes
}

/** A project folder with `notes` (name → text) and a config using the real termbase. */
function project(name, notes) {
  const dir = path.join(scratch, name)
  mkdirSync(path.join(dir, 'input'), { recursive: true })
  for (const [file, text] of Object.entries(notes))
    writeFileSync(path.join(dir, 'input', file), text)
  writeFileSync(
    path.join(dir, 'pipeline.config.json'),
    JSON.stringify({
      input: ['input'],
      termbase: [termbase],
      limits: { fileBytes: 50_000_000, links: 10_000_000 },
    }),
  )
  return dir
}

/** One note of about `bytes` bytes: the sample's body repeated with renumbered headings. */
function longNote(bytes) {
  const parts = ['---\ntitle: Note de référence\ndate: 2026-02-05\n---\n\n# Note générée\n\n']
  let length = Buffer.byteLength(parts[0])
  for (let n = 1; length < bytes; n++) {
    const chunk = body.replace(/^(#{2,3}) (\d+)\./gmu, (_, hashes, d) => `${hashes} ${n}.${d}.`)
    parts.push(`${chunk}\n\n`)
    length += Buffer.byteLength(chunk) + 2
  }
  // Cut at the last paragraph that fits, so that 10 KB is not one 9 KB body twice.
  const text = parts.join('')
  let end = text.length
  while (Buffer.byteLength(text.slice(0, end)) > bytes) end = text.lastIndexOf('\n\n', end - 1)
  return `${text.slice(0, end)}\n`
}

/** Hyperfine's result (seconds) for `command` in `cwd`. */
function hyperfine(name, command, cwd, { runs = 3, warmup = 1, prepare = null } = {}) {
  const json = path.join(scratch, `${name}.json`)
  const args = ['--runs', String(runs), '--warmup', String(warmup), '-N', '-i']
  if (prepare) args.push('--prepare', prepare)
  execFileSync('hyperfine', [...args, '--export-json', json, command], { cwd, stdio: 'ignore' })
  const result = JSON.parse(readFileSync(json, 'utf8')).results[0]
  return { median: result.median, stddev: result.stddev ?? 0, runs: result.times.length }
}

/** One run of `node args` under /usr/bin/time -v: wall seconds and peak RSS in bytes. */
function timed(args, cwd) {
  const start = performance.now()
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  const seconds = (performance.now() - start) / 1000
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(run.stderr)
  return { seconds, rss: rss ? Number(rss[1]) * 1024 : null, status: run.status }
}

const log = (line) => console.log(line)
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? null,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    // Other jobs on the machine skew absolute times (and, less, ratios): the load when the bench started.
    loadAverage: round(loadavg()[0], 2),
    node: process.version,
    hyperfine: execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim(),
    pandoc: hasPandoc
      ? execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]
      : null,
  },
  corpus: {},
  perByte: { sizes: [] },
  coldStart: {},
  rebuild: {},
  watch: {},
  termbase: {},
  translate: {},
}
const rows = []
/** Whether to run part `name`: all of them unless FICHE_BENCH_ONLY lists some (corpus,size,cold,rebuild,watch,termbase). */
// (corpus,size,cold,rebuild,watch,termbase,translate)
const part = (name) =>
  !process.env.FICHE_BENCH_ONLY || process.env.FICHE_BENCH_ONLY.split(',').includes(name)
/** A row of the README table; `holds` is true, false, null (not measured) or undefined (no target). */
function row(figure, value, target, holds) {
  const verdict = holds === undefined ? '—' : holds === null ? 'not measured' : holds ? 'yes' : 'no'
  rows.push({ figure, value, target, holds: verdict })
  log(`${figure.padEnd(56)} ${String(value).padEnd(10)} target ${target.padEnd(9)} ${verdict}`)
}

// 1. corpus
if (part('corpus')) {
  const notes = corpusNotes()
  const count = Object.keys(notes).length
  const bytes = Object.values(notes).reduce((sum, text) => sum + Buffer.byteLength(text), 0)
  const dir = project('corpus', notes)
  writeFileSync(
    path.join(dir, 'pandoc-each.sh'),
    'for f in input/*.md; do pandoc -f markdown -t docx -o "out-$(basename "$f" .md).docx" "$f"; done\n',
  )
  log(`corpus: ${count} notes, ${(bytes / 1000).toFixed(0)} KB (${scratch}/corpus)`)
  const build = hyperfine('corpus-build', fiche('build -q'), dir, {
    prepare: 'rm -rf output node_modules/.cache',
  })
  const remark = hyperfine(
    'corpus-remark',
    `node ${path.join(root, 'bench/remark.mjs')} input`,
    dir,
  )
  const c = (results.corpus = {
    notes: count,
    bytes,
    buildSeconds: round(build.median),
    remarkSeconds: round(remark.median),
  })
  if (hasPandoc) {
    const each = hyperfine('corpus-pandoc-each', 'sh pandoc-each.sh', dir, { runs: 2 })
    const files = Object.keys(notes).map((file) => `input/${file}`)
    const one = hyperfine(
      'corpus-pandoc-one',
      `pandoc -f markdown -t docx -o all.docx ${files.join(' ')}`,
      dir,
    )
    c.pandocEachSeconds = round(each.median)
    c.pandocOneSeconds = round(one.median)
    c['build/pandocEach'] = round(build.median / each.median)
    c['build/pandocOne'] = round(build.median / one.median)
  }
  c['build/remark'] = round(build.median / remark.median)
  log(
    `  fiche build ${build.median.toFixed(2)} s, bare remark ${remark.median.toFixed(2)} s` +
      (hasPandoc
        ? `, pandoc one process per note ${c.pandocEachSeconds.toFixed(2)} s, pandoc one process ${c.pandocOneSeconds.toFixed(2)} s`
        : ', pandoc not found'),
  )
  if (hasPandoc) {
    row(
      'build / pandoc md→docx, one process per note',
      c['build/pandocEach'].toFixed(2),
      '≤ 0.33',
      c['build/pandocEach'] <= 0.33,
    )
    row('build / pandoc md→docx, one process (concatenated)', c['build/pandocOne'].toFixed(2), '—')
  } else {
    row('build / pandoc md→docx, one process per note', 'no pandoc', '≤ 0.33', null)
  }
  row(
    'build / bare remark parse (one process)',
    c['build/remark'].toFixed(2),
    '≤ 1.5',
    c['build/remark'] <= 1.5,
  )
}

// 2. per byte
if (part('size')) {
  const sizes = [10_000, 100_000, 1_000_000]
  if (process.env.FICHE_BENCH_5MB !== '0') sizes.push(5_000_000)
  const base = hyperfine(
    'tiny',
    fiche('build -q --no-cache'),
    project('tiny', { 'note.md': '# Note\n\nTexte.\n' }),
  )
  results.perByte.baseSeconds = round(base.median)
  for (const size of sizes) {
    const text = longNote(size)
    const bytes = Buffer.byteLength(text)
    const dir = project(`size-${size}`, { 'note.md': text })
    let seconds
    let rss = null
    if (size <= 100_000)
      seconds = hyperfine(`size-${size}`, fiche('build -q --no-cache'), dir).median
    else ({ seconds, rss } = timed([bin, 'build', '-q', '--no-cache'], dir))
    const entry = {
      bytes,
      seconds: round(seconds),
      microsecondsPerByte: round((seconds / bytes) * 1e6),
      netMicrosecondsPerByte: round((Math.max(seconds - base.median, 0) / bytes) * 1e6),
      peakRssBytes: rss,
    }
    results.perByte.sizes.push(entry)
    log(
      `  ${String(Math.round(bytes / 1000)).padStart(5)} KB  ${seconds.toFixed(2)} s  ${entry.microsecondsPerByte.toFixed(2)} µs/byte, net ${entry.netMicrosecondsPerByte.toFixed(2)} µs/byte` +
        (rss ? `, peak ${(rss / 2 ** 20).toFixed(0)} MiB` : ''),
    )
  }
  const ratio = (key) => {
    const values = results.perByte.sizes.map((s) => s[key]).filter((v) => v > 0)
    return Math.max(...values) / Math.min(...values)
  }
  results.perByte['max/min'] = round(ratio('microsecondsPerByte'))
  results.perByte['net max/min'] = round(ratio('netMicrosecondsPerByte'))
  const top = results.perByte.sizes.at(-1)
  const label = `${Math.round(top.bytes / 1e6)} MB`
  row(
    `per-byte cost max/min, 10 KB–${label}`,
    results.perByte['max/min'].toFixed(2),
    '≤ 1.5',
    results.perByte['max/min'] <= 1.5,
  )
  row(
    `per-byte cost max/min, 10 KB–${label}, net of a one-line note`,
    results.perByte['net max/min'].toFixed(2),
    '—',
  )
  // At equal volume: 1 MB as notes of 10 KB, 100 KB and 1 MB, one thread.
  results.perByte.equalVolume = []
  for (const size of [10_000, 100_000, 1_000_000]) {
    const text = longNote(size)
    const count = Math.round(1_000_000 / size)
    const notes = {}
    for (let i = 1; i <= count; i++) notes[`note-${String(i).padStart(3, '0')}.md`] = text
    const dir = project(`volume-${size}`, notes)
    const { seconds } = timed([bin, 'build', '-q', '--no-cache', '-j', '1'], dir)
    const bytes = Buffer.byteLength(text) * count
    const entry = {
      noteBytes: Buffer.byteLength(text),
      notes: count,
      seconds: round(seconds),
      microsecondsPerByte: round((seconds / bytes) * 1e6),
    }
    results.perByte.equalVolume.push(entry)
    log(
      `  ${count} × ${Math.round(entry.noteBytes / 1000)} KB  ${seconds.toFixed(2)} s  ${entry.microsecondsPerByte.toFixed(2)} µs/byte`,
    )
  }
  const volume = results.perByte.equalVolume.map((e) => e.microsecondsPerByte)
  results.perByte['equal volume max/min'] = round(Math.max(...volume) / Math.min(...volume))
  row(
    'per-byte cost max/min at equal volume (1 MB as 100×10 KB, 10×100 KB, 1×1 MB; -j 1)',
    results.perByte['equal volume max/min'].toFixed(2),
    '≤ 1.5',
    results.perByte['equal volume max/min'] <= 1.5,
  )
  const five = results.perByte.sizes.find((s) => s.bytes >= 4_900_000)
  if (five) {
    results.perByte.peakRss5MB = five.peakRssBytes
    row(
      'peak memory of the 5 MB build (max RSS)',
      `${(five.peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      '≤ 1 GiB',
      five.peakRssBytes <= 2 ** 30,
    )
  } else {
    row(
      `peak memory of the 5 MB build (${label}: ${(top.peakRssBytes / 2 ** 20).toFixed(0)} MiB)`,
      'not run',
      '≤ 1 GiB',
      null,
    )
  }
}

// 3. cold start
if (part('cold')) {
  const check = hyperfine('cold-check', fiche(`check --no-cache ${sampleFile}`), root, {
    runs: 10,
    warmup: 2,
  })
  const warm = hyperfine('warm-check', fiche(`check ${sampleFile}`), root, {
    runs: 10,
    warmup: 2,
  })
  const bare = hyperfine('node', 'node -e 0', root, { runs: 10, warmup: 2 })
  results.coldStart = {
    note: sampleFile,
    checkSeconds: round(check.median),
    cachedCheckSeconds: round(warm.median),
    nodeSeconds: round(bare.median),
    'check/node': round(check.median / bare.median),
    'cached check/node': round(warm.median / bare.median),
  }
  log(
    `  fiche check ${(check.median * 1000).toFixed(0)} ms (cache warm: ${(warm.median * 1000).toFixed(0)} ms), node -e 0 ${(bare.median * 1000).toFixed(0)} ms`,
  )
  row(
    'cold `fiche check` one note / `node -e 0`',
    results.coldStart['check/node'].toFixed(2),
    '≤ 3',
    results.coldStart['check/node'] <= 3,
  )
  row(
    '`fiche check` one note, cache warm / `node -e 0`',
    results.coldStart['cached check/node'].toFixed(2),
    '—',
  )
}

// 4. unchanged rebuild
if (part('rebuild')) {
  const dir = path.join(scratch, 'corpus')
  if (!existsSync(dir)) project('corpus', corpusNotes())
  // First builds and rebuilds alternate, so that each pair meets the same load
  // on the shared machine; the medians of three pairs, after one warm-up pair.
  const wall = () => {
    const start = performance.now()
    const run = spawnSync(process.execPath, [bin, 'build', '-q'], { cwd: dir, stdio: 'ignore' })
    if (run.status !== 0)
      throw new Error(`bench: fiche build failed in ${dir} (exit ${run.status})`)
    return (performance.now() - start) / 1000
  }
  const firsts = []
  const agains = []
  for (let pair = 0; pair < 4; pair++) {
    rmSync(path.join(dir, 'output'), { recursive: true, force: true })
    rmSync(path.join(dir, 'node_modules/.cache'), { recursive: true, force: true })
    const f = wall()
    const a = wall()
    if (pair > 0) {
      firsts.push(f)
      agains.push(a)
    }
  }
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]
  const first = { median: median(firsts) }
  const again = { median: median(agains) }
  results.rebuild = {
    firstSeconds: round(first.median),
    unchangedSeconds: round(again.median),
    'unchanged/first': round(again.median / first.median),
  }
  log(`  first build ${first.median.toFixed(2)} s, unchanged rebuild ${again.median.toFixed(2)} s`)
  row(
    'unchanged rebuild / first build',
    `${(100 * results.rebuild['unchanged/first']).toFixed(0)} %`,
    '≤ 5 %',
    results.rebuild['unchanged/first'] <= 0.05,
  )
}

// 5. watch
if (part('watch')) {
  const count = Number(process.env.FICHE_BENCH_WATCH_NOTES ?? 1000)
  const edits = Number(process.env.FICHE_BENCH_EDITS ?? 20)
  const notes = {}
  for (let n = 1; n <= count; n++) {
    notes[`note-${String(n).padStart(4, '0')}.md`] = generatedNote(n, 1 + (n % 3))
  }
  const dir = project('watch', notes)
  const edited = Object.keys(notes)[Math.floor(count / 2)]
  const target = path.join(dir, 'input', edited)
  const original = notes[edited]
  const started = performance.now()
  const child = spawn(process.execPath, [bin, 'watch'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const ready = new Promise((resolve, reject) => {
    const onData = (data) => {
      output += data
      if (output.includes('watching')) resolve()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => reject(new Error(`fiche watch exited (${code}):\n${output}`)))
  })
  process.on('exit', () => child.kill('SIGTERM'))
  await ready
  const startup = (performance.now() - started) / 1000
  // A second for the watcher to settle: an edit right after "watching" can be missed.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  // The output folder of the edited note is found at the first edit, by its content.
  const outputs = path.join(dir, 'output')
  const latencies = []
  let model = null
  for (let i = 1; i <= edits; i++) {
    const marker = `zqxbanc${i}z`
    const t0 = performance.now()
    writeFileSync(target, `${original}\nLe banc ${marker} mesure.\n`)
    for (;;) {
      if (model === null) {
        for (const name of readdirSync(outputs)) {
          const file = path.join(outputs, name, 'model.json')
          if (existsSync(file) && readFileSync(file, 'utf8').includes(marker)) model = file
        }
      }
      if (model !== null && readFileSync(model, 'utf8').includes(marker)) break
      if (performance.now() - t0 > 30_000)
        throw new Error(`watch: no model.json with edit ${i} after 30 s:\n${output}`)
      await sleep(2)
    }
    latencies.push(performance.now() - t0)
    await sleep(300)
  }
  child.kill('SIGTERM')
  const sorted = [...latencies].sort((a, b) => a - b)
  const quantile = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  results.watch = {
    notes: count,
    edits,
    startupSeconds: round(startup),
    p50Ms: round(quantile(0.5), 1),
    p95Ms: round(quantile(0.95), 1),
    maxMs: round(sorted.at(-1), 1),
  }
  log(
    `  watch: ${count} notes built and watched in ${startup.toFixed(1)} s; ${edits} edits p50 ${quantile(0.5).toFixed(0)} ms, p95 ${quantile(0.95).toFixed(0)} ms`,
  )
  row(`watch edit → model.json p50 (${count} notes)`, `${results.watch.p50Ms.toFixed(0)} ms`, '—')
  row(
    `watch edit → model.json p95 (${count} notes)`,
    `${results.watch.p95Ms.toFixed(0)} ms`,
    '≤ 100 ms',
    results.watch.p95Ms <= 100,
  )
}

// 6. termbase (bench/run.ts: the library's matcher, run through tsx)
if (part('termbase')) {
  const tsx = path.join(root, 'node_modules/.bin/tsx')
  const json = execFileSync(tsx, [path.join(root, 'bench/run.ts'), '--json'], {
    cwd: root,
    encoding: 'utf8',
  })
  const t = JSON.parse(json)
  results.termbase = {
    match100Ms: round(t.concepts100.match),
    match10000Ms: round(t.concepts10000.match),
    index100Ms: round(t.concepts100.build, 1),
    index10000Ms: round(t.concepts10000.build, 1),
    'match10000/match100': round(t.ratio),
  }
  row(
    'term matching, 10,000 / 100 concepts',
    results.termbase['match10000/match100'].toFixed(2),
    'about 2',
    results.termbase['match10000/match100'] <= 2,
  )
}

// 7. translate: a note of about 1,000 units, its XLIFF file created, then updated
if (part('translate')) {
  const repeated = (reps) => {
    const parts = ['---\ntitle: Note de référence\ndate: 2026-02-05\n---\n\n# Note générée\n\n']
    for (let n = 1; n <= reps; n++)
      parts.push(body.replace(/^(#{2,3}) (\d+)\./gmu, (_, hashes, d) => `${hashes} ${n}.${d}.`))
    return `${parts.join('\n\n')}\n`
  }
  const dir = project('translate', { 'note.md': repeated(1) })
  const xlf = path.join(dir, 'input/translations/note.en.xlf')
  const units = () => {
    execFileSync(process.execPath, [bin, 'translate', '-q'], { cwd: dir, stdio: 'ignore' })
    return (readFileSync(xlf, 'utf8').match(/<trans-unit /gu) ?? []).length
  }
  const reps = Math.ceil(1000 / units())
  writeFileSync(path.join(dir, 'input/note.md'), repeated(reps))
  rmSync(path.join(dir, 'input/translations'), { recursive: true, force: true })
  const count = units()
  const build = hyperfine('translate-build', fiche('build --no-cache -q'), dir)
  const created = hyperfine('translate-new', fiche('translate -q'), dir, {
    prepare: `rm -rf ${path.join(dir, 'input/translations')}`,
  })
  const updated = hyperfine('translate-again', fiche('translate -q'), dir)
  results.translate = {
    units: count,
    bytes: Buffer.byteLength(repeated(reps)),
    buildSeconds: round(build.median),
    translateNewSeconds: round(created.median),
    translateAgainSeconds: round(updated.median),
    'translate/build': round(created.median / build.median),
  }
  log(
    `  ${count} units: build ${build.median.toFixed(2)} s, translate ${created.median.toFixed(2)} s (new file), ${updated.median.toFixed(2)} s (file in place)`,
  )
  row(
    `translate / build, ${count}-unit note`,
    results.translate['translate/build'].toFixed(2),
    '≤ 2',
    results.translate['translate/build'] <= 2,
  )
}

writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
const m = results.machine
const readme = [
  '# Benchmark results',
  '',
  'Written by `npm run bench` (bench/pipeline.mjs, which says what each figure',
  'measures); do not edit by hand. Ratios come from one run on one machine;',
  'absolute times are in bench/results.json.',
  '',
  `Run ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB (load average ${m.loadAverage} at the start), Node ${m.node}, ${m.hyperfine}${m.pandoc ? `, ${m.pandoc}` : ''}.`,
  ...(results.corpus.notes
    ? [
        `Corpus: ${results.corpus.notes} notes generated from ${sampleFile}, ${Math.round(results.corpus.bytes / 1000)} KB.`,
      ]
    : []),
  ...(results.perByte.sizes.length
    ? [
        `Per byte: ${results.perByte.sizes.map((s) => `${Math.round(s.bytes / 1000)} KB`).join(', ')}; net of a one-line note's build (${results.perByte.baseSeconds} s).`,
      ]
    : []),
  ...(results.watch.notes
    ? [`Watch: ${results.watch.notes} notes, ${results.watch.edits} edits of one note.`]
    : []),
  '',
  '| figure | value | target | holds? |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.target} | ${r.holds} |`),
  '',
].join('\n')
writeFileSync(path.join(root, 'bench/README.md'), readme)
rmSync(scratch, { recursive: true, force: true })
log('bench/results.json and bench/README.md written')
