/**
 * `tsx __tests__/helpers/preinstall-pdd.ts <dir>`: the action's cold install of the pinned pdd-cli (installPdd,
 * through a folder cache) into `<dir>`, once per CI run; `.ci/run` passes `<dir>/install.json` to the tests as
 * `PDD_SYNC_PREINSTALLED`, and pdd-install.int.test.ts asserts on it. Exits 1 when the install fails (the
 * manifest then holds the error, so the test fails with it).
 */
import path from 'node:path'
import { coldInstall, MANIFEST } from './install-cache.js'

const dir = process.argv[2]
if (dir === undefined) {
  console.error('usage: tsx __tests__/helpers/preinstall-pdd.ts <empty dir>')
  process.exit(2)
}
try {
  const done = await coldInstall(path.resolve(dir))
  console.log(`installPdd cold install: ${done.seconds.toFixed(1)} s into ${done.result.venv}`)
  console.log(path.resolve(dir, MANIFEST))
} catch (e) {
  console.error(`preinstall-pdd: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
