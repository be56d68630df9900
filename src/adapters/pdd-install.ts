import { existsSync, readdirSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'
import type { Reporter } from './reporter.js'
import { runProcess } from './process.js'
import { pddVersion } from './pdd-process.js'

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

/** A failure to provide `pdd`, with a message that says what to change. */
export class InstallError extends Error {
  override name = 'InstallError'
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
  const key = `pdd-sync-venv-${process.platform}-${process.arch}-py${py.full}-pdd-cli-${o.version}`
  const pdd = path.join(venv, 'bin', 'pdd')
  let cacheHit = false
  if (!ready(venv) && o.cache) {
    cacheHit = await o.cache.restore(venv, key).catch((e: Error) => {
      o.reporter.warning(`Could not restore the pdd-cli venv from the cache: ${e.message}`)
      return false
    })
  }
  if (ready(venv)) {
    const version = await pddVersion([pdd], o.env).catch(() => null)
    if (version === o.version) return { command: [pdd], version, python: py.file, venv, cacheHit }
    o.reporter.warning(
      `The venv in ${venv} does not answer \`pdd --version\` with ${o.version}: rebuilding it.`
    )
  }
  await build(venv, py.file, o)
  const version = await pddVersion([pdd], o.env).catch((e: Error) => {
    throw new InstallError(`pdd-cli ${o.version} was installed but does not start: ${e.message}`)
  })
  if (o.cache)
    await o.cache.save(venv, key).catch((e: Error) => o.reporter.warning(`Cache not saved: ${e.message}`))
  return { command: [pdd], version, python: py.file, venv, cacheHit: false }
}

function ready(venv: string): boolean {
  return existsSync(path.join(venv, '.complete')) && existsSync(path.join(venv, 'bin', 'pdd'))
}

async function build(venv: string, python: string, o: InstallOptions): Promise<void> {
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
    'pytest',
    'pytest-cov'
  ])
  await writeFile(path.join(venv, '.complete'), `${o.version}\n`)
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
 * Finds a Python ≥ 3.12 (pdd-cli's requirement): the requested version on PATH, in the runner's tool cache (where
 * actions/setup-python puts it) or in pyenv; without a request, the first of python3.13, python3.12, python3.
 */
export async function findPython(requested: string | undefined, env: NodeJS.ProcessEnv): Promise<Python> {
  if (requested !== undefined && !/^3\.\d+(\.\d+)?$/.test(requested))
    throw new InstallError(`Input "python-version" must look like 3.12 or 3.12.7; got "${requested}".`)
  const tried: string[] = []
  for (const file of candidates(requested, env)) {
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

function candidates(requested: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const names = requested
    ? [`python${requested.split('.').slice(0, 2).join('.')}`, 'python3']
    : ['python3.13', 'python3.12', 'python3']
  const out: string[] = []
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean))
    for (const n of names) if (existsSync(path.join(dir, n))) out.push(path.join(dir, n))
  const roots = [
    ...(env.RUNNER_TOOL_CACHE ? [path.join(env.RUNNER_TOOL_CACHE, 'Python')] : []),
    path.join(env.PYENV_ROOT ?? path.join(homedir(), '.pyenv'), 'versions')
  ]
  for (const root of roots) {
    for (const v of listDir(root)
      .filter(v => v.startsWith(requested ?? '3.'))
      .sort(byVersionDesc)) {
      for (const bin of [
        path.join(root, v, 'bin'),
        path.join(root, v, process.arch === 'arm64' ? 'arm64' : 'x64', 'bin')
      ])
        if (existsSync(path.join(bin, 'python3'))) out.push(path.join(bin, 'python3'))
    }
  }
  return [...new Set(out)]
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
