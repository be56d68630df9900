/**
 * The action and CLI bundles the end-to-end tests run, built by scripts/build.mjs once per set of sources and
 * kept in `build/test-dist-cache/<key>/` (the key hashes everything the build reads: `src/`, the build script,
 * the tsconfigs, package.json and the installed dependency tree). A second test run on the same sources reuses
 * them instead of spending half a minute of CPU on tsc and ncc.
 *
 * global-setup.ts starts the build in the background and names the folder in `PDD_SYNC_TEST_DIST`; test files
 * that do not run a bundle (most real-PDD files) start at once, and the ones that do wait for it when they
 * import helpers/bundles.ts ({@link bundlesReady}). Two runs at once build under a lock: one builds, the other
 * waits for its result.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const CACHE = path.join(ROOT, 'build', 'test-dist-cache')
/** Written last into a finished bundle folder. */
const READY = '.ready'
/** Files the build reads besides `src/`. */
const INPUTS = [
  'scripts/build.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'package-lock.json',
  'node_modules/.package-lock.json'
]
/** How many bundle folders (other source states) are kept. */
const KEEP = 4

/** A hash of every file the build reads (contents and paths). */
export function bundleKey(root = ROOT): string {
  const h = createHash('sha256')
  const add = (rel: string): void => {
    const file = path.join(root, rel)
    if (!existsSync(file)) return
    h.update(`${rel}\0`)
    h.update(readFileSync(file))
    h.update('\0')
  }
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1
    )) {
      const child = path.posix.join(rel, e.name)
      if (e.isDirectory()) walk(child)
      else if (e.isFile()) add(child)
    }
  }
  walk('src')
  for (const f of INPUTS) add(f)
  return h.digest('hex').slice(0, 16)
}

/** The folder that holds (or will hold) the bundles of the current sources. */
export function bundleDir(key = bundleKey()): string {
  return path.join(CACHE, key)
}

const lockOf = (dir: string): string => `${dir}.lock`
const failureOf = (dir: string): string => `${dir}.failed`

/**
 * Builds the bundles into `dir` unless they are there (or another process is building them: then waits). Throws
 * with the build's output when it fails.
 */
export async function ensureBundles(dir: string, signal?: AbortSignal): Promise<void> {
  for (;;) {
    if (existsSync(path.join(dir, READY))) {
      const now = new Date()
      utimesSync(dir, now, now)
      return
    }
    mkdirSync(CACHE, { recursive: true })
    if (takeLock(lockOf(dir))) {
      try {
        if (!existsSync(path.join(dir, READY))) await build(dir, signal)
      } finally {
        rmSync(lockOf(dir), { recursive: true, force: true })
      }
      continue
    }
    signal?.throwIfAborted()
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}

/** A lock folder holding the owner's pid; a lock whose owner is gone is taken over. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock)
  } catch {
    const owner = Number(readOr(path.join(lock, 'pid'), ''))
    // The owner may not have written its pid yet: only a named, dead owner's lock is taken over.
    if (!owner || alive(owner)) return false
    rmSync(lock, { recursive: true, force: true })
    return false
  }
  writeFileSync(path.join(lock, 'pid'), String(process.pid))
  return true
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOr(file: string, fallback: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return fallback
  }
}

async function build(dir: string, signal?: AbortSignal): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  rmSync(failureOf(dir), { force: true })
  // Its own process group, so that stopping it also stops the tsc or ncc it is waiting for.
  const child = spawn(process.execPath, ['scripts/build.mjs', '--out', tmp], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  const stop = (): void => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
  signal?.addEventListener('abort', stop, { once: true })
  let output = ''
  child.stdout.on('data', (b: Buffer) => (output += b.toString()))
  child.stderr.on('data', (b: Buffer) => (output += b.toString()))
  const code = await new Promise<number | null>(resolve => {
    child.on('error', () => resolve(null))
    child.on('close', resolve)
  })
  signal?.removeEventListener('abort', stop)
  // build.mjs's own scratch folder, left behind when it was stopped.
  if (child.pid) rmSync(path.join(ROOT, 'build', `tmp-test-${child.pid}`), { recursive: true, force: true })
  if (code !== 0) {
    rmSync(tmp, { recursive: true, force: true })
    // Stopped because the test run ended first: not a failure of the sources.
    signal?.throwIfAborted()
    const message = `scripts/build.mjs failed (exit ${code}):\n${output.slice(-4000)}`
    writeFileSync(failureOf(dir), message)
    throw new Error(message)
  }
  writeFileSync(path.join(tmp, READY), `${new Date().toISOString()}\n`)
  rmSync(dir, { recursive: true, force: true })
  renameSync(tmp, dir)
  prune(dir)
}

/** Keeps the {@link KEEP} most recently used bundle folders. */
function prune(current: string): void {
  const dirs = readdirSync(CACHE)
    .filter(n => /^[0-9a-f]{16}$/.test(n))
    .map(n => path.join(CACHE, n))
    .filter(d => d !== current)
    .map(d => ({ d, t: statSync(d).mtimeMs }))
    .sort((a, b) => b.t - a.t)
  for (const { d } of dirs.slice(KEEP - 1)) rmSync(d, { recursive: true, force: true })
  // Half-built folders of runs that were killed.
  for (const n of readdirSync(CACHE)) {
    const pid = /\.tmp-(\d+)$/.exec(n)?.[1]
    if (pid && !alive(Number(pid))) rmSync(path.join(CACHE, n), { recursive: true, force: true })
  }
}

/**
 * Waits until the bundles in `dir` (global-setup's `PDD_SYNC_TEST_DIST`) are built; throws the build's error if
 * it failed. Resolves at once for a folder that was not built by global-setup (e.g. a hand-made one).
 */
export async function bundlesReady(dir: string | undefined): Promise<void> {
  if (!dir || path.dirname(dir) !== CACHE) return
  for (;;) {
    if (existsSync(path.join(dir, READY))) return
    const failed = readOr(failureOf(dir), '')
    if (failed) throw new Error(failed)
    if (!existsSync(lockOf(dir)) && !existsSync(path.join(dir, READY))) {
      // Nobody is building it (global-setup's build was not started, or its process is gone): build it here.
      await ensureBundles(dir)
      return
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
}
