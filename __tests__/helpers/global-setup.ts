import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Bundles the action and the CLI once per test run, so end-to-end tests run the bundles. Each run gets its own
 * folder (build/test-dist-<pid>, passed to the workers as PDD_SYNC_TEST_DIST) so that two test runs at once do
 * not delete each other's bundles; it is removed when the run ends.
 */
export default function setup(): () => void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  const out = path.join(root, 'build', `test-dist-${process.pid}`)
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: root, stdio: 'inherit' })
  process.env.PDD_SYNC_TEST_DIST = out
  return () => rmSync(out, { recursive: true, force: true })
}
