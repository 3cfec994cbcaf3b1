#!/usr/bin/env node
// Entry point of the `fiche` command: runs the compiled CLI in dist/ (built
// by `npm run build`, which `npm ci` runs through `prepare`). No TypeScript
// compiler is loaded here; a pipeline.config.ts is compiled only when there
// is one (src/config/load.ts).
import process from 'node:process'

let cli
try {
  cli = await import('../dist/cli.js')
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('fiche: dist/ is missing; run `npm run build` first\n')
    process.exit(2)
  }
  throw error
}
process.exitCode = await cli.main(process.argv.slice(2))
