import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    globalSetup: ['tests/global-setup.ts'],
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'plugins/**/*.test.ts'],
    // The test files share no mutable state: reusing the module graph between
    // files of one worker saves most of the suite's import time.
    isolate: false,
    pool: 'threads',
    // Many tests wait on child processes (pandoc, LibreOffice, the CLI): more
    // workers than cores keeps both cores busy.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
