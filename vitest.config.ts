import { defineConfig } from 'vitest/config'
import KindSequencer from './__tests__/helpers/sequencer.js'

const UNIT = '__tests__/**/*.unit.test.ts'
const INT = '__tests__/**/*.int.test.ts'
/** `.int.` files that install or run the real pdd-cli: kept in fresh workers (not measured without isolation). */
const INT_REAL_PDD = ['__tests__/pdd-install.int.test.ts', '__tests__/pdd-test-env.int.test.ts']

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on git, pdd and servers rather than compute: three at a time on a 2-core runner (vitest's
    // default there is one). With two, the cores were 1.68 busy on average over a run (execute-faults.pdd waits
    // out two timeouts while holding a worker): 369 s; with three, 1.93 busy and 343 s (session 10).
    maxWorkers: 3,
    // Tests of a `describe.concurrent` block (real-PDD scenarios that each own their world) run at most three at
    // a time per file: six pdd processes on two cores keep every sync well inside its wall-clock limits.
    maxConcurrency: 3,
    // Longest files first (by kind when no earlier run timed them), so both workers finish together.
    sequence: { sequencer: KindSequencer },
    reporters: ['default', './__tests__/helpers/slowest-reporter.ts'],
    globalSetup: ['__tests__/helpers/global-setup.ts'],
    // Per-file CPU (worker and its children) to a TSV file, to see where the suite's CPU goes (helpers/cpu-log.ts).
    // Every file's temp folders are removed after it (helpers/temp-cleanup.ts: hooks a shared module cannot give).
    setupFiles: [
      '__tests__/helpers/temp-cleanup.ts',
      ...(process.env.PDD_SYNC_TEST_CPU_LOG ? ['__tests__/helpers/cpu-log.ts'] : [])
    ],
    // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`: let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      // The `.unit.` files (pure tables: no env, cwd or module mocks; stray-errors.unit removes its listeners)
      // share their workers' module graph instead of re-importing vitest and the sources per file: half their
      // CPU (31 -> 15 s on 2 cores, measured alone).
      { extends: true, test: { name: 'unit', include: [UNIT], isolate: false } },
      // The `.int.` files too (none sets env, cwd, timers or mocks; each closes its servers): they also share
      // the API stand-in's OpenAPI description and GraphQL schema, parsed once per worker instead of per file.
      { extends: true, test: { name: 'int', include: [INT], exclude: INT_REAL_PDD, isolate: false } },
      { extends: true, test: { name: 'int-real-pdd', include: INT_REAL_PDD } },
      // The real-PDD and end-to-end files too (none sets env, cwd, timers or mocks; each closes its servers and
      // stops its processes): a worker keeps the API stand-in's parsed OpenAPI description and the live checks'
      // PDD decision process (helpers/pdd-decider.ts) from one file to the next.
      {
        extends: true,
        test: { name: 'world', include: ['__tests__/**/*.test.ts'], exclude: [UNIT, INT], isolate: false }
      }
    ]
  }
})
