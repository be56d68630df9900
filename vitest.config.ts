import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['__tests__/helpers/global-setup.ts'],
    // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`: let vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  }
})
