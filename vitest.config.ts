import { defineConfig } from 'vitest/config'
import KindSequencer from './__tests__/helpers/sequencer.js'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on git, pdd and servers rather than compute: two at a time on a 2-core runner (vitest's
    // default there is one).
    maxWorkers: 2,
    // Tests of a `describe.concurrent` block (real-PDD scenarios that each own their world) run at most three at
    // a time per file: six pdd processes on two cores keep every sync well inside its wall-clock limits.
    maxConcurrency: 3,
    // Longest files first (by kind when no earlier run timed them), so both workers finish together.
    sequence: { sequencer: KindSequencer },
    reporters: ['default', './__tests__/helpers/slowest-reporter.ts'],
    globalSetup: ['__tests__/helpers/global-setup.ts'],
    // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`: let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  }
})
