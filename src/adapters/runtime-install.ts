/**
 * Runtimes the action provides itself (docs/architecture.md "Runtimes"): npm tools PDD's language table runs
 * through `npx` (`npx tsx {file}` for TypeScript and TSX), installed pinned into the tool cache and cached between
 * jobs like pdd-cli. PDD's `npx` finds them through a `node_modules` link beside each group's worktree
 * (see {@link linkNodeModules}), so it never downloads anything and never asks.
 */
import { existsSync, lstatSync, symlinkSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { DirectoryCache } from './pdd-install.js'
import type { Reporter } from './reporter.js'
import { runProcess } from './process.js'

/** The `tsx` the action installs for PDD's `npx tsx {file}` (TypeScript, TSX). */
export const PINNED_TSX_VERSION = '4.23.15'

/** Options of {@link installNodeTool}. */
export interface NodeToolOptions {
  /** npm package, which is also the bin name PDD's `npx <name>` asks for (`tsx`). */
  name: string
  /** Exact version (`4.23.15`): part of the folder and of the cache key. */
  version: string
  /** The action's folder in the runner's tool cache. */
  toolDir: string
  cache?: DirectoryCache
  reporter: Reporter
  /** The environment npm runs with: pdd's (no credentials). */
  env: NodeJS.ProcessEnv
}

/** An installed npm tool: the `node_modules` folder holding `.bin/<name>`. */
export interface InstalledNodeTool {
  name: string
  version: string
  nodeModules: string
  cacheHit: boolean
}

/** A failure to provide a runtime, with what to change. */
export class RuntimeInstallError extends Error {
  override name = 'RuntimeInstallError'
}

/**
 * Provides `<name>@<version>` in `<toolDir>/<name>-<version>-<platform>-<arch>/node_modules`, restored from the job
 * cache when it holds it, else installed with npm (no install scripts, no lockfile, no audit) and saved.
 */
export async function installNodeTool(o: NodeToolOptions): Promise<InstalledNodeTool> {
  if (!/^[a-z0-9@][a-z0-9@/._-]*$/.test(o.name) || !/^\d+\.\d+\.\d+$/.test(o.version))
    throw new RuntimeInstallError(`Not an exact npm package version: ${o.name}@${o.version}.`)
  const node = await nodeMajor(o.env)
  const dir = path.join(o.toolDir, `${o.name}-${o.version}-${process.platform}-${process.arch}`)
  // esbuild (under tsx) ships one binary per platform, so the key holds platform and architecture.
  const key = `pdd-sync-${o.name}-${process.platform}-${process.arch}-node${node}-${o.name}-${o.version}`
  const nodeModules = path.join(dir, 'node_modules')
  const done = (cacheHit: boolean): InstalledNodeTool => ({ ...o, nodeModules, cacheHit })
  if (!ready(dir, o.name) && o.cache) {
    const hit = await o.cache.restore(dir, key).catch((e: Error) => {
      o.reporter.warning(`Could not restore ${o.name} from the cache: ${e.message}`)
      return false
    })
    if (hit && (await works(dir, o))) return done(true)
  }
  if (ready(dir, o.name) && (await works(dir, o))) return done(false)
  await build(dir, o)
  if (!(await works(dir, o)))
    throw new RuntimeInstallError(`${o.name} ${o.version} was installed in ${dir} but does not start.`)
  if (o.cache)
    await o.cache.save(dir, key).catch((e: Error) => o.reporter.warning(`Cache not saved: ${e.message}`))
  return done(false)
}

function ready(dir: string, name: string): boolean {
  return existsSync(path.join(dir, '.complete')) && existsSync(path.join(dir, 'node_modules', '.bin', name))
}

/** `<bin> --version` answers with the pinned version. */
async function works(dir: string, o: NodeToolOptions): Promise<boolean> {
  const r = await runProcess(path.join(dir, 'node_modules', '.bin', o.name), ['--version'], {
    cwd: dir,
    env: o.env
  }).catch(() => null)
  return r?.code === 0 && `${r.stdout}\n${r.stderr}`.includes(o.version)
}

async function build(dir: string, o: NodeToolOptions): Promise<void> {
  o.reporter.info(`Installing ${o.name} ${o.version} into ${dir}.`)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  // A package.json of its own keeps npm from walking up into a project above the tool cache.
  await writeFile(path.join(dir, 'package.json'), '{"private":true}\n')
  const args = ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts']
  const r = await runProcess('npm', [...args, `${o.name}@${o.version}`], {
    cwd: dir,
    env: { ...o.env, npm_config_update_notifier: 'false' }
  }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }))
  if (r.code !== 0) {
    await rm(dir, { recursive: true, force: true })
    const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join('\n')
    throw new RuntimeInstallError(
      `npm install ${o.name}@${o.version} failed (exit code ${r.code}): ${tail}. PDD runs TypeScript with ` +
        '`npx tsx`; add an actions/setup-node step, or check that the npm registry is reachable.'
    )
  }
  await writeFile(path.join(dir, '.complete'), `${o.version}\n`)
}

/** The major version of the `node` PDD will run (`20`); part of the cache key. */
async function nodeMajor(env: NodeJS.ProcessEnv): Promise<string> {
  const r = await runProcess('node', ['--version'], { cwd: path.sep, env }).catch(() => null)
  const m = r?.code === 0 ? /^v(\d+)\./.exec(r.stdout.trim()) : null
  if (!m)
    throw new RuntimeInstallError(
      'PDD runs TypeScript with `npx tsx`, and no `node` is on PATH: add an actions/setup-node step.'
    )
  return m[1] as string
}

/**
 * Makes `nodeModules` the `node_modules` folder of `dir` (the parent of a group's worktree): `npx <bin>` run
 * anywhere below finds `<dir>/node_modules/.bin/<bin>` by walking up (a project's own `node_modules` is nearer and
 * wins). Nothing is written into the worktree, so nothing of it can be committed.
 */
export function linkNodeModules(dir: string, nodeModules: string): void {
  const link = path.join(dir, 'node_modules')
  if (lstatSafe(link)) return
  symlinkSync(nodeModules, link, 'dir')
}

function lstatSafe(p: string): boolean {
  try {
    lstatSync(p)
    return true
  } catch {
    return false
  }
}
