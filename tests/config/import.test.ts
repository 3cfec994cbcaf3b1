/**
 * Importing configuration files again once they changed (fiche watch), in
 * Node itself (a child process on dist/, not vitest's module loader): CommonJS
 * ones too, as `fiche init --format js` writes them without "type": "module".
 */
import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { root, tempProject } from '../helpers.ts'

const run = promisify(execFile)

describe('loadConfig', () => {
  const dir = tempProject({ 'package.json': '{"name":"notes","private":true}\n' }, 'fiche-import-')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each(['pipeline.config.js', 'pipeline.config.cjs', 'pipeline.config.mjs'])(
    'reads %s again once it changed',
    async (name) => {
      const exporting = name.endsWith('.mjs') ? 'export default' : 'module.exports ='
      const script = [
        "import { writeFileSync } from 'node:fs'",
        `import { loadConfig } from ${JSON.stringify(path.join(root, 'dist/index.js'))}`,
        `const write = (out) => writeFileSync(${JSON.stringify(name)}, \`${exporting} { output: '\${out}' }\\n\`)`,
        "write('first')",
        'const first = await loadConfig(null, process.cwd())',
        "write('second')",
        'const second = await loadConfig(null, process.cwd())',
        'console.log(JSON.stringify([first.output, second.output].map((o) => o.slice(process.cwd().length + 1))))',
      ].join('\n')
      const { stdout } = await run('node', ['--input-type=module', '-e', script], { cwd: dir })
      rmSync(path.join(dir, name))
      expect(JSON.parse(stdout)).toEqual(['first', 'second'])
    },
  )
})
