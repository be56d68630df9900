/**
 * installPdd and findPython against this machine: real interpreters (pyenv), a real pip install of the pinned
 * pdd-cli from PyPI, and a DirectoryCache over a local folder that behaves like @actions/cache (restore copies
 * back to the same path, a second save of a key is a no-op as ReserveCacheError is for the action).
 *
 * The cold install is the slow part (minutes of pip): `.ci/run` performs it once per CI run in the background,
 * beside lint, typecheck and the first test files, through the same adapter (helpers/preinstall-pdd.ts), and
 * names its manifest in `PDD_SYNC_PREINSTALLED`; this file waits for it, asserts on that install and goes on from
 * its venv and cache folder. Run alone, it installs itself. No second real install: the rebuild of a broken venv
 * meets an empty offline index (step 4).
 */
import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPython, installPdd, InstallError } from '../src/adapters/pdd-install.js'
import { PINNED_PDD_VERSION } from '../src/settings/inputs.js'
import { itNeeding } from './helpers/gate.js'
import { tempDir } from './helpers/git-repo.js'
import {
  coldInstall,
  CollectingReporter,
  FolderCache,
  awaitColdInstall,
  type ColdInstall
} from './helpers/install-cache.js'

const PYENV_VERSIONS = path.join(
  process.env.PYENV_ROOT ?? path.join(process.env.HOME ?? '', '.pyenv'),
  'versions'
)

/** The first pyenv interpreter whose version starts with `prefix` (e.g. `3.11`), or null. */
function pyenvPython(prefix: string): string | null {
  if (!existsSync(PYENV_VERSIONS)) return null
  const v = readdirSync(PYENV_VERSIONS).find(d => d.startsWith(`${prefix}.`))
  const file = v ? path.join(PYENV_VERSIONS, v, 'bin', 'python3') : null
  return file && existsSync(file) ? file : null
}

const NO_PY311 = `no pyenv Python 3.11 in ${PYENV_VERSIONS}`
const NO_PY312 = `no pyenv Python 3.12 in ${PYENV_VERSIONS}`

function versionOf(python: string): string {
  return execFileSync(python, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
    encoding: 'utf8'
  }).trim()
}

async function installError(p: Promise<unknown>): Promise<InstallError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(InstallError)
  return e as InstallError
}

describe.concurrent('findPython', () => {
  it('rejects a python-version that is not 3.x or 3.x.y', async () => {
    const e = await installError(findPython('2.7', process.env))
    expect(e.message).toContain('Input "python-version" must look like 3.12 or 3.12.7; got "2.7"')
    await installError(findPython('3', process.env))
    await installError(findPython('3.12; rm -rf /', process.env))
  })

  it('names every interpreter it tried and suggests actions/setup-python when the version is missing', async () => {
    const e = await installError(findPython('3.99', process.env))
    expect(e.message).toMatch(/^No Python 3\.99 was found \(tried .*python3.*\)\./)
    expect(e.message).toContain('actions/setup-python')
    expect(e.message).toContain('"python-version" input')
  })

  const py311 = pyenvPython('3.11')
  itNeeding(py311 ? null : NO_PY311, 'with a controlled PATH, names exactly what it tried', async () => {
    const bin = path.join(tempDir(), 'bin')
    mkdirSync(bin)
    symlinkSync(py311 as string, path.join(bin, 'python3'))
    const env = { PATH: bin, PYENV_ROOT: path.join(bin, 'no-pyenv') }
    const old = await installError(findPython(undefined, env))
    expect(old.message).toContain(`No Python ≥ 3.12 (pdd-cli needs it) was found (tried ${bin}/python3).`)
    const none = await installError(findPython('3.99', { PATH: path.join(bin, 'empty'), PYENV_ROOT: bin }))
    expect(none.message).toContain('(tried nothing)')
  })

  it('finds a Python ≥ 3.12 without a request (here from pyenv: the default python3 is older)', async () => {
    const py = await findPython(undefined, process.env)
    expect(py.version).toMatch(/^3\.(1[2-9]|[2-9]\d)$/)
    expect(py.full).toBe(versionOf(py.file))
    expect(py.full.startsWith(`${py.version}.`)).toBe(true)
  })

  const py312 = pyenvPython('3.12')
  itNeeding(
    py312 ? null : NO_PY312,
    'finds a requested minor version, also in the layout actions/setup-python leaves in RUNNER_TOOL_CACHE',
    async () => {
      const fromPyenv = await findPython('3.12', process.env)
      expect(fromPyenv.version).toBe('3.12')
      expect(versionOf(fromPyenv.file)).toBe(fromPyenv.full)
      expect(fromPyenv.full).toMatch(/^3\.12\.\d+$/)

      const toolCache = tempDir()
      const arch = process.arch === 'arm64' ? 'arm64' : 'x64'
      const bin = path.join(toolCache, 'Python', '3.12.99', arch, 'bin')
      mkdirSync(bin, { recursive: true })
      symlinkSync(py312 as string, path.join(bin, 'python3'))
      // actions/setup-python marks a finished install; @actions/tool-cache skips folders without the marker.
      writeFileSync(path.join(toolCache, 'Python', '3.12.99', `${arch}.complete`), '')
      const env = { PATH: path.join(toolCache, 'empty'), RUNNER_TOOL_CACHE: toolCache, PYENV_ROOT: bin }
      expect(await findPython('3.12', env)).toMatchObject({
        file: path.join(bin, 'python3'),
        version: '3.12'
      })
    }
  )
})

/**
 * The CI run's cold install (its manifest in `PDD_SYNC_PREINSTALLED`, written by helpers/preinstall-pdd.ts), or
 * one done here when the file runs alone. A manifest that is named but missing or failed fails the test.
 */
async function theColdInstall(): Promise<ColdInstall> {
  const manifest = process.env.PDD_SYNC_PREINSTALLED
  const pid = Number(process.env.PDD_SYNC_PREINSTALL_PID) || undefined
  // .ci/run starts the tests while the install may still run: wait for its manifest.
  if (manifest) return awaitColdInstall(manifest, pid)
  return coldInstall(tempDir())
}

describe.concurrent('installPdd', () => {
  it('rejects a pdd-version that is not a version, naming the input', async () => {
    const toolDir = tempDir()
    const e = await installError(
      installPdd({ version: 'not a version!', toolDir, reporter: new CollectingReporter(), env: process.env })
    )
    expect(e.message).toContain('Input "pdd-version"')
    expect(e.message).toContain('"not a version!"')
    expect(readdirSync(toolDir)).toEqual([])
  })

  it('installs the pinned pdd-cli for real, restores it from the cache, and rebuilds a broken venv (removing it when pip fails)', async () => {
    // 1. Cold: pip install into a fresh venv, then saved to the cache (by .ci/run before the tests, or here).
    const cold = await theColdInstall()
    console.log(`installPdd cold install: ${cold.seconds.toFixed(1)} s`)
    const { toolDir, result: first } = cold
    const cache = new FolderCache(cold.store)
    const reporter = new CollectingReporter()
    const options = { version: PINNED_PDD_VERSION, toolDir, cache, reporter, env: process.env }
    const py = await findPython(undefined, process.env)
    const timed = async (label: string): Promise<Awaited<ReturnType<typeof installPdd>>> => {
      const t0 = Date.now()
      const copied = cache.copySeconds
      const r = await installPdd(options)
      const total = (Date.now() - t0) / 1000
      console.log(
        `installPdd ${label}: ${total.toFixed(1)} s (cache copy ${(cache.copySeconds - copied).toFixed(1)} s)`
      )
      return r
    }
    const coldSaid = (level: string): string[] =>
      cold.lines.filter(l => l.level === level).map(l => l.message)

    expect(PINNED_PDD_VERSION).toBe('0.0.310')
    expect(cold.python).toEqual(py)
    expect(first).toMatchObject({ version: '0.0.310', cacheHit: false, python: py.file })
    expect(first.command).toEqual([path.join(first.venv, 'bin', 'pdd')])
    expect(path.dirname(first.venv)).toBe(toolDir)
    expect(existsSync(path.join(first.venv, 'bin', 'pdd'))).toBe(true)
    expect(existsSync(path.join(first.venv, '.complete'))).toBe(true)
    expect(coldSaid('info').filter(m => m.startsWith('Installing pdd-cli 0.0.310'))).toHaveLength(1)
    expect(coldSaid('warning')).toEqual([])
    expect(cold.saved).toHaveLength(1)
    const key = cold.saved[0] ?? ''
    expect(key).toContain('pdd-cli-0.0.310')
    expect(key).toContain(`py${py.full}`)
    expect(py.full.startsWith(`${py.version}.`)).toBe(true)
    expect(key).toContain(`${process.platform}-${process.arch}`)
    // The pinned test tools are installed, and are part of the key and the stamp.
    expect(key).toContain('pytest==9.0.3-pytest-cov==7.1.0')
    expect(readFileSync(path.join(first.venv, '.complete'), 'utf8')).toBe(
      '0.0.310 pytest==9.0.3 pytest-cov==7.1.0\n'
    )
    const tools = execFileSync(path.join(first.venv, 'bin', 'python'), [
      '-c',
      'import pytest, pytest_cov; print(pytest.__version__, pytest_cov.__version__)'
    ])
    expect(tools.toString().trim()).toBe('9.0.3 7.1.0')
    expect(existsSync(path.join(cache.store, key, 'bin', 'pdd'))).toBe(true)

    // 2. A new runner: no venv on disk, restored from the cache and checked with `pdd --version`. (Moved aside,
    // not deleted: the install's folder goes as a whole when the run ends, and 47,000 unlinks cost disk time.)
    renameSync(first.venv, path.join(path.dirname(toolDir), `venv-moved-aside-${Date.now()}`))
    reporter.clear()
    const restored = await timed('restore from cache')
    expect(restored).toMatchObject({ version: '0.0.310', cacheHit: true, venv: first.venv })
    expect(cache.restored).toEqual([key])
    expect(reporter.of('info').some(m => m.startsWith('Installing'))).toBe(false)
    expect(reporter.of('warning')).toEqual([])
    expect(cache.saved).toEqual([])

    // 3. The entry point is gone though .complete stays: the venv is not ready, so the cache restores it again.
    rmSync(path.join(first.venv, 'bin', 'pdd'))
    reporter.clear()
    const healed = await timed('restore over a venv without bin/pdd')
    expect(healed).toMatchObject({ version: '0.0.310', cacheHit: true })
    expect(existsSync(path.join(first.venv, 'bin', 'pdd'))).toBe(true)
    expect(reporter.of('info').some(m => m.startsWith('Installing'))).toBe(false)

    // 4. A venv that looks complete but whose pdd does not answer its version is rebuilt, with a warning. The
    // rebuild is the cold install's code path (build) again: here its pip finds no package (an empty offline
    // index), which also shows a failed pip install: the command named, no half-written venv, nothing cached.
    // (A second real pip install would cost the CI run a minute more for what step 1 already showed.)
    const pdd = path.join(first.venv, 'bin', 'pdd')
    rmSync(pdd)
    writeFileSync(pdd, '#!/bin/sh\necho "pdd, version 0.0.1"\n', { mode: 0o755 })
    reporter.clear()
    const offline = { ...process.env, PIP_NO_INDEX: '1', PIP_FIND_LINKS: tempDir('no-wheels-') }
    const storeBefore = readdirSync(cache.store).sort()
    const e = await installError(installPdd({ ...options, env: offline }))
    expect(reporter.of('warning')).toEqual([
      `The venv in ${first.venv} does not answer \`pdd --version\` with 0.0.310: rebuilding it.`
    ])
    expect(reporter.of('info').filter(m => m.startsWith('Installing pdd-cli 0.0.310'))).toHaveLength(1)
    expect(e.message).toMatch(/^pip install pdd-cli==0\.0\.310 failed \(exit code \d+\):\n/)
    expect(e.message).toMatch(/pdd-cli==0\.0\.310/)
    // No half-written venv is left behind, and nothing was cached.
    expect(readdirSync(toolDir)).toEqual([])
    expect(cache.saved).toEqual([])
    expect(readdirSync(cache.store).sort()).toEqual(storeBefore)
    expect(cache.restored).toHaveLength(2)
  }, 900_000)
})
