/**
 * For a scenario that runs once in a `beforeAll` and is read by several tests: a stand-in for a test context's
 * `onTestFinished`, for helpers that close what they open when "their test" ends (`actionWorld`, …). What they
 * register runs when `close` is called, from the block's `afterAll`, last registered first.
 */
import type { TestContext } from 'vitest'

export interface SuiteScope {
  /** Pass where a helper wants a test context. */
  scope: Pick<TestContext, 'onTestFinished'>
  close: () => Promise<void>
}

export function suiteScope(): SuiteScope {
  const closers: (() => unknown)[] = []
  return {
    // The helpers' closers take no argument (they close a server, remove a folder).
    scope: { onTestFinished: fn => void closers.push(() => fn(undefined as never)) },
    close: async () => {
      for (const c of closers.splice(0).reverse()) await c()
    }
  }
}
