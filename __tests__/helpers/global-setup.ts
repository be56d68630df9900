import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bundles the action and the CLI once per test run, into build/test-dist, so end-to-end tests run the bundles. */
export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
  execFileSync(process.execPath, ['scripts/build.mjs', '--out', 'build/test-dist'], {
    cwd: root,
    stdio: 'inherit'
  })
}
