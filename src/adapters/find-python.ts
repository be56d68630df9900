/**
 * Finding the Python that builds pdd-cli's venv: on PATH (`@actions/io`), in the runner's tool cache, where
 * actions/setup-python installs it (`@actions/tool-cache`), and in pyenv.
 */
import { readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import * as io from '@actions/io'
import { runProcess } from './process.js'

/** A failure to provide `pdd`, with a message that says what to change. */
export class InstallError extends Error {
  override name = 'InstallError'
}

/** A Python interpreter and its `major.minor`. */
export interface Python {
  file: string
  /** `3.12` */
  version: string
  /** `3.12.7` */
  full: string
}

/**
 * Finds a Python ≥ 3.12 (pdd-cli's requirement) and checks it by running it: the requested version on `env.PATH`,
 * in `env.RUNNER_TOOL_CACHE` (highest matching version first) or in pyenv; without a request, the first of
 * python3.13, python3.12, python3 on PATH, then the highest ≥ 3.12 in the tool cache, then pyenv's.
 */
export async function findPython(requested: string | undefined, env: NodeJS.ProcessEnv): Promise<Python> {
  if (requested !== undefined && !/^3\.\d+(\.\d+)?$/.test(requested))
    throw new InstallError(`Input "python-version" must look like 3.12 or 3.12.7; got "${requested}".`)
  const tried: string[] = []
  for (const file of await candidates(requested, env)) {
    tried.push(file)
    const r = await runProcess(file, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], {
      cwd: homedir(),
      env
    }).catch(() => null)
    const full = r?.code === 0 ? r.stdout.trim() : ''
    const [major, minor] = full.split('.').map(Number)
    if (!full || major !== 3 || (minor ?? 0) < 12) continue
    if (requested && !`${full}.`.startsWith(`${requested}.`)) continue
    return { file, version: `${major}.${minor}`, full }
  }
  const want = requested ? `Python ${requested}` : 'Python ≥ 3.12 (pdd-cli needs it)'
  throw new InstallError(
    `No ${want} was found (tried ${tried.join(', ') || 'nothing'}). Add an actions/setup-python step with ` +
      `python-version: '3.12' before this action, or set the "python-version" input to one the runner has.`
  )
}

async function candidates(requested: string | undefined, env: NodeJS.ProcessEnv): Promise<string[]> {
  const names = requested
    ? [`python${requested.split('.').slice(0, 2).join('.')}`, 'python3']
    : ['python3.13', 'python3.12', 'python3']
  const out = await onPath(names, env.PATH ?? '')
  const spec =
    requested === undefined ? '>=3.12' : requested.split('.').length === 3 ? requested : `${requested}.x`
  if (env.RUNNER_TOOL_CACHE) {
    // Loaded only here (it brings @actions/exec and semver): a run with nothing to install never pays for it.
    const tc = await import('@actions/tool-cache')
    out.push(...inToolCache(tc, env.RUNNER_TOOL_CACHE, spec))
  }
  out.push(...inPyenv(env.PYENV_ROOT ?? path.join(homedir(), '.pyenv'), requested))
  return [...new Set(out)]
}

/**
 * The executables among `<dir>/<name>` for each directory of `PATH` (the given one: `io.which` of a bare name
 * would search the process's own PATH, so it is asked about each full path, which it checks is executable).
 */
async function onPath(names: string[], PATH: string): Promise<string[]> {
  const out: string[] = []
  for (const dir of PATH.split(path.delimiter).filter(Boolean))
    for (const name of names) {
      const file = await io.which(path.join(dir, name), false)
      if (file) out.push(file)
    }
  return out
}

/**
 * `<tool cache>/Python/<version>/<arch>/bin/python3` for each complete version matching `spec` (`3.12.x`,
 * `3.12.7`, `>=3.12`), highest first: the layout actions/setup-python leaves (`<arch>.complete` marks a finished
 * install). `@actions/tool-cache` reads `RUNNER_TOOL_CACHE` from the process environment, so it is set to the given
 * one for the (synchronous) look-ups.
 */
function inToolCache(tc: ToolCache, root: string, spec: string): string[] {
  return withToolCacheRoot(root, () => {
    const versions = tc.findAllVersions('Python')
    const out: string[] = []
    for (let best = tc.evaluateVersions(versions, spec); best; best = tc.evaluateVersions(versions, spec)) {
      versions.splice(versions.indexOf(best), 1)
      const dir = tc.find('Python', best)
      if (dir) out.push(path.join(dir, 'bin', 'python3'))
    }
    return out
  })
}

type ToolCache = typeof import('@actions/tool-cache')

function withToolCacheRoot<T>(root: string, fn: () => T): T {
  const before = process.env.RUNNER_TOOL_CACHE
  process.env.RUNNER_TOOL_CACHE = root
  try {
    return fn()
  } finally {
    if (before === undefined) delete process.env.RUNNER_TOOL_CACHE
    else process.env.RUNNER_TOOL_CACHE = before
  }
}

/** `<PYENV_ROOT>/versions/<version>/bin/python3`, highest version first. */
function inPyenv(root: string, requested: string | undefined): string[] {
  const versions = path.join(root, 'versions')
  return listDir(versions)
    .filter(v => v.startsWith(requested ?? '3.'))
    .sort(byVersionDesc)
    .map(v => path.join(versions, v, 'bin', 'python3'))
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

function byVersionDesc(a: string, b: string): number {
  const pa = a.split('.').map(n => parseInt(n, 10) || 0)
  const pb = b.split('.').map(n => parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
