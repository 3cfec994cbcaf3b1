#!/usr/bin/env node
// Entry point of the `fiche` command: registers tsx so the TypeScript
// sources (and the user's pipeline.config.ts) load directly, then runs the CLI.
import process from 'node:process'
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
