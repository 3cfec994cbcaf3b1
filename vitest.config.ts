import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts', 'plugins/**/*.test.ts'],
    // The test files share no mutable state: reusing the module graph between
    // files of one worker saves most of the suite's import time.
    isolate: false,
    pool: 'threads',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
