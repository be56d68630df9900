import { existsSync } from 'node:fs'
import path from 'node:path'
import { startForkRun, stopForkRun } from './pdd-fork.js'
import { bundleDir, ensureBundles } from './test-bundles.js'

/**
 * Bundles the action and the CLI for the end-to-end tests (helpers/test-bundles.ts): names the folder for the
 * current sources in `PDD_SYNC_TEST_DIST` (inherited by the workers) and builds it in the background unless an
 * earlier run already did, so that files which run no bundle start at once. A file that runs one waits for the
 * build when it imports helpers/bundles.ts. A build still going when the run ends (no file needed it) is stopped.
 * With `PDD_SYNC_TEST_DIST` already set (CI: the dist/ it has just built), nothing is built.
 */
/** Set beside `PDD_SYNC_TEST_DIST` when this setup named the folder itself (not the caller). */
const OWNED = 'PDD_SYNC_TEST_DIST_BUILT_HERE'

export default function setup(): () => Promise<void> {
  const bundles = setupBundles()
  // The pdd fork server's folder (helpers/pdd-fork.ts), once per run (vitest calls this once per project).
  if (process.env.PDD_SYNC_TEST_PDD_FORK_DIR) return bundles
  const forkDir = startForkRun()
  return async () => {
    await bundles()
    const lines = await stopForkRun(forkDir)
    if (lines.length > 0) process.stderr.write(`pdd fork servers: ${lines.join('; ')}\n`)
  }
}

function setupBundles(): () => Promise<void> {
  // A folder the caller names is used as it is: CI builds dist/ from the same sources before the tests (to check
  // that the committed dist/ is fresh) and points the tests at it, instead of a second build inside `npm test`.
  const given = process.env.PDD_SYNC_TEST_DIST
  // vitest runs this once per project (vitest.config.ts) in one process: the first run names and builds the folder;
  // the others find it named by that run, not by the caller, and leave it to the first.
  if (given && process.env[OWNED] === given) return () => Promise.resolve()
  if (given) {
    for (const f of ['index.js', 'cli.js'])
      if (!existsSync(path.join(given, f)))
        throw new Error(
          `PDD_SYNC_TEST_DIST=${given} holds no ${f}: build it (node scripts/build.mjs --out DIR).`
        )
    return () => Promise.resolve()
  }
  const dir = bundleDir()
  process.env.PDD_SYNC_TEST_DIST = dir
  process.env[OWNED] = dir
  const stop = new AbortController()
  // A failure is written beside the folder, where the waiting test files read it and fail with it.
  const building = ensureBundles(dir, stop.signal).catch(() => undefined)
  return async () => {
    stop.abort()
    await building
  }
}
