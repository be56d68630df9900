/**
 * findPython over real directories: a tool cache laid out as actions/setup-python leaves it on a hosted runner
 * (`$RUNNER_TOOL_CACHE/Python/<version>/<arch>/bin/python3` and `<arch>.complete`), read with @actions/tool-cache;
 * PATH directories searched with @actions/io; real interpreters (pyenv's) and real executable scripts.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findPython, InstallError } from '../src/adapters/find-python.js'
import { itNeeding } from './helpers/gate.js'
import { tempDir } from './helpers/git-repo.js'

const PYENV_VERSIONS = path.join(process.env.PYENV_ROOT ?? path.join(homedir(), '.pyenv'), 'versions')
const ARCH = process.arch === 'arm64' ? 'arm64' : 'x64'

/** A pyenv interpreter `3.12.1`-style version and its python3, or null. */
function pyenv(prefix: string): { version: string; file: string } | null {
  if (!existsSync(PYENV_VERSIONS)) return null
  const version = readdirSync(PYENV_VERSIONS).find(d => d.startsWith(`${prefix}.`))
  const file = version ? path.join(PYENV_VERSIONS, version, 'bin', 'python3') : null
  return version && file && existsSync(file) ? { version, file } : null
}
const py312 = pyenv('3.12')
const py313 = pyenv('3.13')
const NEED = py312 && py313 ? null : `pyenv Pythons 3.12 and 3.13 in ${PYENV_VERSIONS}`

/** Installs `python3` (a link to `target`, or a script) as version `version` of the tool cache `root`. */
function install(root: string, version: string, target: string, complete = true): string {
  const bin = path.join(root, 'Python', version, ARCH, 'bin')
  mkdirSync(bin, { recursive: true })
  const file = path.join(bin, 'python3')
  if (target.startsWith('#!')) writeScript(file, target)
  else symlinkSync(target, file)
  if (complete) writeFileSync(path.join(root, 'Python', version, `${ARCH}.complete`), '')
  return file
}

function writeScript(file: string, text: string, mode = 0o755): void {
  writeFileSync(file, text)
  chmodSync(file, mode)
}

async function failure(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  )
  expect(e).toBeInstanceOf(InstallError)
  return (e as Error).message
}

/** An environment with nothing on PATH and no pyenv: only the tool cache can answer. */
function onlyToolCache(root: string): NodeJS.ProcessEnv {
  return { PATH: path.join(root, 'no-bin'), PYENV_ROOT: path.join(root, 'no-pyenv'), RUNNER_TOOL_CACHE: root }
}

describe('findPython in the runner tool cache', () => {
  itNeeding(NEED, 'takes the requested version from a hosted-runner tool cache', async () => {
    const root = tempDir()
    const { version, file: target } = py312 as { version: string; file: string }
    const file = install(root, version, target)
    const before = process.env.RUNNER_TOOL_CACHE
    expect(await findPython('3.12', onlyToolCache(root))).toEqual({ file, version: '3.12', full: version })
    expect(await findPython(version, onlyToolCache(root))).toEqual({ file, version: '3.12', full: version })
    // The look-up borrows the process's RUNNER_TOOL_CACHE and gives it back.
    expect(process.env.RUNNER_TOOL_CACHE).toBe(before)
  })

  itNeeding(
    NEED,
    'without a request takes the highest complete version ≥ 3.12; an unfinished install is not seen',
    async () => {
      const root = tempDir()
      const p12 = py312 as { version: string; file: string }
      const p13 = py313 as { version: string; file: string }
      const file12 = install(root, p12.version, p12.file)
      const file13 = install(root, p13.version, p13.file, false)
      install(root, '3.11.9', '#!/bin/sh\necho 3.11.9\n')
      expect((await findPython(undefined, onlyToolCache(root))).file).toBe(file12)
      writeFileSync(path.join(root, 'Python', p13.version, `${ARCH}.complete`), '')
      expect(await findPython(undefined, onlyToolCache(root))).toEqual({
        file: file13,
        version: '3.13',
        full: p13.version
      })
    }
  )

  itNeeding(
    NEED,
    'falls back to the next matching version when the highest does not run, and names both',
    async () => {
      const root = tempDir()
      const good = py312 as { version: string; file: string }
      const broken = install(root, '3.12.99', '#!/bin/sh\nexit 1\n')
      const file = install(root, good.version, good.file)
      expect((await findPython('3.12', onlyToolCache(root))).file).toBe(file)
      const none = await failure(findPython('3.13', onlyToolCache(root)))
      expect(none).toContain('No Python 3.13 was found (tried nothing).')
      const tried = await failure(findPython('3.12.99', onlyToolCache(root)))
      expect(tried).toContain(`(tried ${broken}).`)
    }
  )
})

describe('findPython on PATH', () => {
  it('asks about each PATH directory of the given environment and skips files that are not executable', async () => {
    const root = tempDir()
    const [a, b] = [path.join(root, 'a'), path.join(root, 'b')]
    mkdirSync(a)
    mkdirSync(b)
    writeScript(path.join(a, 'python3.13'), '#!/bin/sh\necho 3.13.5\n', 0o644)
    writeScript(path.join(b, 'python3'), '#!/bin/sh\necho 3.11.2\n')
    const env = { PATH: [a, b].join(path.delimiter), PYENV_ROOT: path.join(root, 'no-pyenv') }
    const message = await failure(findPython(undefined, env))
    expect(message).toContain(`was found (tried ${path.join(b, 'python3')}).`)
    chmodSync(path.join(a, 'python3.13'), 0o755)
    expect(await findPython(undefined, env)).toEqual({
      file: path.join(a, 'python3.13'),
      version: '3.13',
      full: '3.13.5'
    })
  })

  itNeeding(NEED, 'prefers PATH to the tool cache, and the tool cache to pyenv', async () => {
    const root = tempDir()
    const p12 = py312 as { version: string; file: string }
    const bin = path.join(root, 'bin')
    mkdirSync(bin)
    symlinkSync(p12.file, path.join(bin, 'python3.12'))
    const cached = install(path.join(root, 'cache'), p12.version, p12.file)
    const env = {
      PATH: bin,
      RUNNER_TOOL_CACHE: path.join(root, 'cache'),
      PYENV_ROOT: path.dirname(PYENV_VERSIONS)
    }
    expect((await findPython('3.12', env)).file).toBe(path.join(bin, 'python3.12'))
    expect((await findPython('3.12', { ...env, PATH: '' })).file).toBe(cached)
    expect((await findPython('3.12', { ...env, PATH: '', RUNNER_TOOL_CACHE: '' })).file).toBe(
      path.join(PYENV_VERSIONS, p12.version, 'bin', 'python3')
    )
  })
})
