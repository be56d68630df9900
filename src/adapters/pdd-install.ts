import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Reporter } from './reporter.js'
import { runProcess } from './process.js'
import { pddVersion } from './pdd-process.js'
import { findPython, InstallError } from './find-python.js'

export { findPython, InstallError, type Python } from './find-python.js'

/**
 * pytest and pytest-cov, pinned: PDD runs the generated tests with them and reads coverage from pytest-cov, so a
 * new release must not change a run's verdict unnoticed. Part of the venv's cache key (and of its `.complete`
 * stamp), so changing a pin builds a new venv. The versions scripts/setup-pdd-venv.sh installs for the tests.
 */
export const TEST_TOOLS = ['pytest==9.0.3', 'pytest-cov==7.1.0'] as const

/** A cache of directories between jobs (`@actions/cache` in the action). */
export interface DirectoryCache {
  /** Restores `dir` for `key`; true on a hit. */
  restore(dir: string, key: string): Promise<boolean>
  /** Saves `dir` under `key`; must not throw for "already saved by another job". */
  save(dir: string, key: string): Promise<void>
}

/** Options of {@link installPdd}. */
export interface InstallOptions {
  /** pdd-cli version (`0.0.310`). */
  version: string
  /** `3.12`, `3.13.1`, … or undefined to take the first Python ≥ 3.12 found. */
  pythonVersion?: string
  /** Where venvs live: the runner's tool cache. */
  toolDir: string
  cache?: DirectoryCache
  reporter: Reporter
  env: NodeJS.ProcessEnv
}

/** An installed pdd: the argv prefix that starts it and the version it reported. */
export interface InstalledPdd {
  command: string[]
  version: string
  python: string
  venv: string
  cacheHit: boolean
}

/**
 * Provides the pinned `pdd-cli` in a venv under the tool cache, restored from (and saved to) the job cache keyed
 * by pdd version, Python version, OS and architecture. A restored venv is used only when `pdd --version`
 * answers with the right version; otherwise it is rebuilt.
 */
export async function installPdd(o: InstallOptions): Promise<InstalledPdd> {
  if (!/^[0-9][0-9A-Za-z.+-]*$/.test(o.version))
    throw new InstallError(
      `Input "pdd-version" must be a pdd-cli version such as 0.0.310; got "${o.version}".`
    )
  const py = await findPython(o.pythonVersion, o.env)
  const venv = path.join(
    o.toolDir,
    `pdd-cli-${o.version}-py${py.version}-${process.platform}-${process.arch}`
  )
  // The full Python version: a venv points at its interpreter's path, which holds the patch version in the tool
  // cache and pyenv, so a venv cached for 3.12.7 is dead on a runner that has 3.12.8.
  const key = `pdd-sync-venv-${process.platform}-${process.arch}-py${py.full}-pdd-cli-${o.version}-${TEST_TOOLS.join('-')}`
  const pdd = path.join(venv, 'bin', 'pdd')
  let cacheHit = false
  const stamp = `${o.version} ${TEST_TOOLS.join(' ')}\n`
  if (!ready(venv, stamp) && o.cache) {
    cacheHit = await o.cache.restore(venv, key).catch((e: Error) => {
      o.reporter.warning(`Could not restore the pdd-cli venv from the cache: ${e.message}`)
      return false
    })
  }
  if (ready(venv, stamp)) {
    const version = await pddVersion([pdd], o.env).catch(() => null)
    if (version === o.version) return { command: [pdd], version, python: py.file, venv, cacheHit }
    o.reporter.warning(
      `The venv in ${venv} does not answer \`pdd --version\` with ${o.version}: rebuilding it.`
    )
  }
  await build(venv, py.file, o, stamp)
  const version = await pddVersion([pdd], o.env).catch((e: Error) => {
    throw new InstallError(`pdd-cli ${o.version} was installed but does not start: ${e.message}`)
  })
  if (o.cache)
    await o.cache.save(venv, key).catch((e: Error) => o.reporter.warning(`Cache not saved: ${e.message}`))
  return { command: [pdd], version, python: py.file, venv, cacheHit: false }
}

/** A finished venv for this pdd-cli and these test tools (its `.complete` stamp names both). */
function ready(venv: string, stamp: string): boolean {
  const file = path.join(venv, '.complete')
  return existsSync(file) && readFileSync(file, 'utf8') === stamp && existsSync(path.join(venv, 'bin', 'pdd'))
}

async function build(venv: string, python: string, o: InstallOptions, stamp: string): Promise<void> {
  o.reporter.info(`Installing pdd-cli ${o.version} with ${python} into ${venv}.`)
  await rm(venv, { recursive: true, force: true })
  await mkdir(path.dirname(venv), { recursive: true })
  const step = async (what: string, file: string, args: string[]): Promise<void> => {
    const r = await runProcess(file, args, { cwd: path.dirname(venv), env: { ...o.env, PIP_NO_INPUT: '1' } })
    if (r.code !== 0) {
      await rm(venv, { recursive: true, force: true })
      const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n')
      throw new InstallError(`${what} failed (exit code ${r.code}):\n${tail}`)
    }
  }
  await step(`Creating a venv with ${python}`, python, ['-m', 'venv', venv])
  // pytest and pytest-cov: PDD runs the generated tests with them and reads coverage from pytest-cov.
  await step(`pip install pdd-cli==${o.version}`, path.join(venv, 'bin', 'python'), [
    '-m',
    'pip',
    'install',
    '--disable-pip-version-check',
    '--quiet',
    `pdd-cli==${o.version}`,
    ...TEST_TOOLS
  ])
  await writeFile(path.join(venv, '.complete'), stamp)
}
