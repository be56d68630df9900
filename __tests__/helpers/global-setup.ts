import { bundleDir, ensureBundles } from './test-bundles.js'

/**
 * Bundles the action and the CLI for the end-to-end tests (helpers/test-bundles.ts): names the folder for the
 * current sources in `PDD_SYNC_TEST_DIST` (inherited by the workers) and builds it in the background unless an
 * earlier run already did, so that files which run no bundle start at once. A file that runs one waits for the
 * build when it imports helpers/bundles.ts. A build still going when the run ends (no file needed it) is stopped.
 */
export default function setup(): () => Promise<void> {
  const dir = bundleDir()
  process.env.PDD_SYNC_TEST_DIST = dir
  const stop = new AbortController()
  // A failure is written beside the folder, where the waiting test files read it and fail with it.
  const building = ensureBundles(dir, stop.signal).catch(() => undefined)
  return async () => {
    stop.abort()
    await building
  }
}
