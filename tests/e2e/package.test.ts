/**
 * fiche as someone else installs it: the packed package (`npm pack`, from the
 * dist/ that `npm run build` wrote) installed with `npm install --save-dev`
 * into an empty notes repository whose package.json has no `"type": "module"`.
 * The command with no config and with the config `fiche init` writes, the
 * public API from an ES module and from TypeScript, and the dependencies:
 * each one used by dist/, none missing at run time.
 */
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { root, tempProject, treeHashes } from '../helpers.ts'

const run = promisify(execFile)
const TIMEOUT = 300_000

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `command …args` in `cwd`; never throws for a non-zero exit. */
async function exec(cwd: string, command: string, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
      maxBuffer: 64 * 1024 * 1024,
      timeout: TIMEOUT,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number | string; stdout?: string; stderr?: string }
    return {
      code: typeof e.code === 'number' ? e.code : -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? String(error),
    }
  }
}

/** The run's output, for the failure message of an exit code. */
const shown = (r: Run) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string
  dependencies?: Record<string, string>
}
const dependencies = Object.keys(pkg.dependencies ?? {})

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`), or undefined for a path, URL or built-in. */
function packageOf(specifier: string): string | undefined {
  if (/^[./]|^[a-z]+:/i.test(specifier)) return undefined
  const parts = specifier.split('/')
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
  if (name === undefined || !/^(@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/.test(name)) return undefined
  return builtinModules.includes(name) ? undefined : name
}

/** Every string a module loads in `code`: import/export … from, import(), require() and src/lazy.ts's lazy(). */
function specifiersIn(code: string): string[] {
  const pattern =
    /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\blazy\s*\(\s*|^\s*import\s+)(['"])([^'"\n$]+)\1/gm
  return [...code.matchAll(pattern)].map((match) => match[2] ?? '')
}

/** The packages the files under `dir` ending with `extension` load, each with one file that does. */
function packagesUnder(dir: string, extension: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(extension)) continue
    const file = path.join(entry.parentPath, entry.name)
    for (const specifier of specifiersIn(readFileSync(file, 'utf8'))) {
      const name = packageOf(specifier)
      if (name !== undefined && !found.has(name)) found.set(name, path.relative(dir, file))
    }
  }
  return found
}

describe('the packed package, installed in a notes repository', () => {
  let work = ''
  let project = ''
  let installed = ''
  const fiche = (...argv: string[]) => exec(project, 'npx', '--no-install', 'fiche', ...argv)

  beforeAll(async () => {
    expect(
      existsSync(path.join(root, 'dist/cli.js')),
      'dist/ is missing: run `npm run build` first',
    ).toBe(true)
    work = tempProject({}, 'fiche-package-')
    // --ignore-scripts: `prepare` would rebuild dist/ under the other test files' feet.
    const packed = await exec(root, 'npm', 'pack', '--ignore-scripts', '--pack-destination', work)
    expect(packed.code, shown(packed)).toBe(0)
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))
    expect(tarball, `no tarball in ${work}`).toBeDefined()
    project = path.join(work, 'notes-repo')
    mkdirSync(path.join(project, 'notes'), { recursive: true })
    writeFileSync(path.join(project, 'package.json'), '{"name":"notes","private":true}\n')
    for (const name of readdirSync(path.join(root, 'input'))) {
      if (/\.(md|txt)$/.test(name)) {
        cpSync(path.join(root, 'input', name), path.join(project, 'notes', name))
      }
    }
    const install = await exec(
      project,
      'npm',
      'install',
      '--save-dev',
      path.join(work, tarball ?? ''),
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
    )
    expect(install.code, shown(install)).toBe(0)
    installed = path.join(project, 'node_modules', pkg.name)
  }, TIMEOUT)

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true })
  })

  const notes = () =>
    readdirSync(path.join(project, 'notes'))
      .map((name) => name.replace(/\.[^.]+$/, ''))
      .sort()

  it(
    'builds with no config, and does not read output/ back on a second run',
    async () => {
      expect(notes().length).toBeGreaterThan(0)
      const first = await fiche('build')
      expect(first.code, shown(first)).toBe(0)
      const output = path.join(project, 'output')
      for (const id of notes()) {
        const model = JSON.parse(readFileSync(path.join(output, id, 'model.json'), 'utf8')) as {
          id: string
        }
        expect(model.id).toBe(id)
        expect(
          readFileSync(path.join(output, id, 'brief.fr.docx'))
            .subarray(0, 2)
            .toString(),
        ).toBe('PK')
      }
      const hashes = treeHashes(output)
      const second = await fiche('build')
      expect(second.code, shown(second)).toBe(0)
      expect(second.stdout + second.stderr).not.toMatch(/built output\//)
      // Only the notes' folders: a note read from output/ would add one.
      const folders = readdirSync(output, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
      expect(folders).toEqual(notes())
      expect(treeHashes(output)).toEqual(hashes)
    },
    TIMEOUT,
  )

  it(
    'writes a commented config with `fiche init` that imports fiche and builds with it',
    async () => {
      const init = await fiche('init')
      expect(init.code, shown(init)).toBe(0)
      const config = readFileSync(path.join(project, 'pipeline.config.ts'), 'utf8')
      expect(config).toContain("import { defineConfig } from 'fiche'")
      expect(config).toMatch(/\/\/ .*\n\s+ignore:/)
      expect(config).toMatch(/\/\/ .*'fr'.*\n\s+language: 'fr'/)
      expect(config).toContain("input: ['notes']")
      rmSync(path.join(project, 'output'), { recursive: true })
      const build = await fiche('build')
      expect(build.code, shown(build)).toBe(0)
      for (const id of notes()) {
        expect(existsSync(path.join(project, 'output', id, 'model.json'))).toBe(true)
      }
      // A .js config in a package without "type": "module" is CommonJS, which Node reads without a warning.
      rmSync(path.join(project, 'pipeline.config.ts'))
      const js = await fiche('init', '--format', 'js')
      expect(js.code, shown(js)).toBe(0)
      expect(readFileSync(path.join(project, 'pipeline.config.js'), 'utf8')).toContain(
        'module.exports = {',
      )
      const withJs = await fiche('build', '--out', 'out-js')
      expect(withJs.code, shown(withJs)).toBe(0)
      expect(withJs.stderr).not.toMatch(/\(node:\d+\)|MODULE_TYPELESS/)
      expect(
        readdirSync(path.join(project, 'out-js'))
          .filter((n) => notes().includes(n))
          .sort(),
      ).toEqual(notes())
    },
    TIMEOUT,
  )

  it(
    'has a public API that an ES module imports and TypeScript types',
    async () => {
      writeFileSync(
        path.join(project, 'api.mjs'),
        [
          "import { buildNote, check, defineConfig } from 'fiche'",
          'console.log([buildNote, check, defineConfig].map((f) => typeof f).join(" "))',
          '',
        ].join('\n'),
      )
      const api = await exec(project, 'node', 'api.mjs')
      expect(api.code, shown(api)).toBe(0)
      expect(api.stdout.trim()).toBe('function function function')

      const typed = [
        "import { buildNote, check, defineConfig, resolveConfig } from 'fiche'",
        "import type { FicheConfig, NoteResult, CheckResult } from 'fiche'",
        "const config: FicheConfig = defineConfig({ input: ['notes'], language: 'fr', ignore: 'drafts/' })",
        'export async function run(): Promise<[NoteResult, CheckResult]> {',
        '  const resolved = resolveConfig(config, process.cwd())',
        "  const bytes = new TextEncoder().encode('# Titre')",
        "  return [await buildNote({ path: 'notes/a.md', bytes }, resolved), await check('notes/a.md', resolved)]",
        '}',
        '',
      ].join('\n')
      // api.ts is a CommonJS module here (no "type": "module"), api.mts an ES module.
      writeFileSync(path.join(project, 'api.ts'), typed)
      writeFileSync(path.join(project, 'api.mts'), typed)
      writeFileSync(
        path.join(project, 'wrong.ts'),
        "import { defineConfig } from 'fiche'\nexport default defineConfig({ input: 3 })\n",
      )
      writeFileSync(
        path.join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            module: 'nodenext',
            moduleResolution: 'nodenext',
            target: 'es2022',
            strict: true,
            noEmit: true,
            types: ['node'],
          },
          files: ['api.ts', 'api.mts', 'wrong.ts'],
        }),
      )
      const tsc = await exec(
        project,
        path.join(root, 'node_modules/.bin/tsc'),
        '-p',
        'tsconfig.json',
      )
      const errors = tsc.stdout.split('\n').filter((line) => /error TS\d+/.test(line))
      // Only the deliberate mistake: fiche's declarations and the right calls check.
      expect(errors.length, shown(tsc)).toBeGreaterThan(0)
      expect(
        errors.filter((line) => !line.startsWith('wrong.ts(2,')),
        shown(tsc),
      ).toEqual([])
      expect(tsc.code, shown(tsc)).toBe(2)
    },
    TIMEOUT,
  )

  it(
    'reads BibTeX and CSL-JSON sources, TBX and CSV termbases and a Windows-1252 note',
    async () => {
      // The libraries fiche loads on first use (src/lazy.ts), from the installed package.
      writeFileSync(
        path.join(project, 'refs.bib'),
        '@report{dupont2025, author = {Dupont, Marie and Martin, Jean}, title = {Rapport annuel}, year = 2025}\n',
      )
      writeFileSync(
        path.join(project, 'refs.json'),
        '[{ "id": "oecd2024", "type": "report", "title": "Regards", "author": [{ "literal": "OCDE" }], "issued": { "date-parts": [[2024]] } }]\n',
      )
      writeFileSync(
        path.join(project, 'extras.mjs'),
        [
          "import { readFileSync, writeFileSync } from 'node:fs'",
          "import { exportTbx, exportTermbaseCsv, loadSources, parseTermbase } from 'fiche'",
          "const termbase = parseTermbase(readFileSync(process.argv[2], 'utf8'), 'termbase.yaml')",
          'const [first, ...rest] = termbase.concepts',
          "writeFileSync('terms.tbx', exportTbx({ ...termbase, concepts: [first] }))",
          "writeFileSync('terms.csv', exportTermbaseCsv({ ...termbase, concepts: rest }))",
          "const registry = loadSources(['refs.bib', 'refs.json'], process.cwd())",
          'console.log(JSON.stringify(registry.entries.map((e) => [e.key, e.authors, e.year])))',
          '',
        ].join('\n'),
      )
      const extras = await exec(
        project,
        'node',
        'extras.mjs',
        path.join(root, 'input/termbase.yaml'),
      )
      expect(extras.code, shown(extras)).toBe(0)
      expect(JSON.parse(extras.stdout)).toEqual([
        ['dupont2025', ['Dupont', 'Martin'], 2025],
        ['oecd2024', ['OCDE'], 2024],
      ])
      mkdirSync(path.join(project, 'legacy'))
      cpSync(
        path.join(root, 'tests/fixtures/hostile/cp1252.md'),
        path.join(project, 'legacy/cp1252.md'),
      )
      writeFileSync(
        path.join(project, 'extra.config.mjs'),
        "import { defineConfig } from 'fiche'\nexport default defineConfig({ input: 'legacy', output: 'out-extra', sources: ['refs.bib', 'refs.json'], termbase: ['terms.tbx', 'terms.csv'] })\n",
      )
      const build = await fiche('build', '--config', 'extra.config.mjs')
      expect(build.code, shown(build)).toBe(0)
      const model = readFileSync(path.join(project, 'out-extra/cp1252/model.json'), 'utf8')
      expect(model).toContain('Le cœur du problème')
    },
    TIMEOUT,
  )

  it('uses every dependency in dist/, and loads no package it does not depend on', async () => {
    const runtime = packagesUnder(path.join(installed, 'dist'), '.js')
    const types = packagesUnder(path.join(installed, 'dist'), '.d.ts')
    const unused = dependencies.filter((name) => {
      const typesOf = name.startsWith('@types/') ? name.slice('@types/'.length) : undefined
      return !runtime.has(name) && !(typesOf !== undefined && types.has(typesOf))
    })
    expect(unused, 'in dependencies but never imported by dist/').toEqual([])
    const undeclared = [...runtime]
      .filter(([name]) => name !== pkg.name && !dependencies.includes(name))
      .map(([name, file]) => `${name} (${file})`)
    expect(undeclared, 'imported by dist/ but not in dependencies').toEqual([])
    // And each loads as dist/ loads it: the script sits in the installed dist/.
    const script = [
      'const failed = []',
      `for (const name of ${JSON.stringify([...runtime.keys()].filter((name) => name !== pkg.name))}) {`,
      '  try { await import(name) } catch (error) { failed.push(`${name}: ${error.message}`) }',
      '}',
      "console.log(failed.join('\\n'))",
      '',
    ].join('\n')
    const checker = path.join(installed, 'dist', 'dependencies-check.mjs')
    writeFileSync(checker, script)
    const loaded = await exec(project, 'node', checker)
    expect(loaded.code, shown(loaded)).toBe(0)
    expect(loaded.stdout.trim()).toBe('')
  })
})
