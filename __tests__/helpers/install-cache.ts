/**
 * The parts of the real pip-install test (pdd-install.int) that a CI run shares with it: a reporter that keeps
 * what it was told, a DirectoryCache over a local folder that behaves like @actions/cache, and the action's own
 * cold install (`installPdd`) recorded in a manifest. `.ci/run` performs that install once per CI run through
 * preinstall-pdd.ts and hands the manifest to the test in `PDD_SYNC_PREINSTALLED`; run alone, the test installs.
 */
import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import {
  findPython,
  installPdd,
  type DirectoryCache,
  type InstalledPdd,
  type Python
} from '../../src/adapters/pdd-install.js'
import type { Reporter } from '../../src/adapters/reporter.js'
import { PINNED_PDD_VERSION } from '../../src/settings/inputs.js'

type Level = 'info' | 'notice' | 'warning' | 'error'

export class CollectingReporter implements Reporter {
  readonly lines: { level: Level; message: string }[] = []
  info(message: string): void {
    this.lines.push({ level: 'info', message })
  }
  notice(message: string): void {
    this.lines.push({ level: 'notice', message })
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message })
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message })
  }
  group<T>(_name: string, fn: () => Promise<T>): Promise<T> {
    return fn()
  }
  of(level: Level): string[] {
    return this.lines.filter(l => l.level === level).map(l => l.message)
  }
  clear(): void {
    this.lines.length = 0
  }
}

/** A DirectoryCache over a local folder: store/<key> holds a copy of the saved directory. */
export class FolderCache implements DirectoryCache {
  readonly saved: string[] = []
  readonly restored: string[] = []
  /** Seconds spent copying (what downloading and unpacking the archive costs the action). */
  copySeconds = 0
  constructor(readonly store: string) {}
  restore(dir: string, key: string): Promise<boolean> {
    const from = path.join(this.store, key)
    if (!existsSync(from)) return Promise.resolve(false)
    // tar overwrites what is in the way; cpSync refuses to copy a symlink over one that resolves to its target.
    this.copy(from, dir, true)
    this.restored.push(key)
    return Promise.resolve(true)
  }
  save(dir: string, key: string): Promise<void> {
    const to = path.join(this.store, key)
    // An existing key is kept, as @actions/cache keeps it (the action ignores the ReserveCacheError).
    if (!existsSync(to)) {
      this.copy(dir, to, false)
      this.saved.push(key)
    }
    return Promise.resolve()
  }
  private copy(from: string, to: string, replace: boolean): void {
    const t0 = Date.now()
    if (replace) overlayTree(from, to)
    else linkTree(from, to)
    this.copySeconds += (Date.now() - t0) / 1000
  }
}

/**
 * `from` put over the tree `to` as tar extracts an archive over a folder: every entry of `from` ends up in place,
 * entries only in `to` stay. A file that already is the same hard link (same inode) is kept, so restoring over a
 * venv that lacks one file touches that file only (a venv is ~47,000 entries; removing and relinking them all
 * cost the test a minute of disk time on a loaded machine).
 */
function overlayTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name)
    const dst = path.join(to, e.name)
    const there = lstatSync(dst, { throwIfNoEntry: false })
    if (e.isDirectory()) {
      if (there && !there.isDirectory()) rmSync(dst, { force: true })
      overlayTree(src, dst)
    } else if (e.isSymbolicLink()) {
      const target = readlinkSync(src)
      if (there?.isSymbolicLink() && readlinkSync(dst) === target) continue
      if (there) rmSync(dst, { recursive: true, force: true })
      symlinkSync(target, dst)
    } else {
      const mine = lstatSync(src)
      if (there && there.ino === mine.ino && there.dev === mine.dev) continue
      if (there) rmSync(dst, { recursive: true, force: true })
      linkSync(src, dst)
    }
  }
}

/**
 * A copy of the tree `from` at `to` whose files are hard links (a venv is a gigabyte in ~20,000 files: copying it
 * three times cost minutes). Nothing here or in pip writes into a file in place — pip and the test replace or
 * delete files — so the copies stay independent; symlinks are copied verbatim, as tar keeps them.
 */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true })
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name)
    const dst = path.join(to, e.name)
    if (e.isDirectory()) linkTree(src, dst)
    else if (e.isSymbolicLink()) symlinkSync(readlinkSync(src), dst)
    else linkSync(src, dst)
  }
}

/** One cold install by the action's adapter, as the test reads it back. */
export interface ColdInstall {
  /** Where the venvs live (`toolDir`) and the cache folder (`store`): the test goes on from there. */
  toolDir: string
  store: string
  /** What `findPython` chose, what `installPdd` returned, what it reported and which keys it saved. */
  python: Python
  result: InstalledPdd
  lines: CollectingReporter['lines']
  saved: string[]
  seconds: number
}

/** The manifest file a cold install writes into its base folder. */
export const MANIFEST = 'install.json'

/**
 * Installs the pinned pdd-cli cold (fresh `base`, empty cache) through the action's adapter, and writes the
 * manifest into `base`. An install that throws is recorded as `{ error }` (and rethrown), so a test reading the
 * manifest fails with the reason.
 */
export async function coldInstall(base: string, env: NodeJS.ProcessEnv = process.env): Promise<ColdInstall> {
  const toolDir = path.join(base, 'tools')
  const store = path.join(base, 'store')
  mkdirSync(store, { recursive: true })
  const cache = new FolderCache(store)
  const reporter = new CollectingReporter()
  const t0 = Date.now()
  const manifest = path.join(base, MANIFEST)
  try {
    const python = await findPython(undefined, env)
    const result = await installPdd({ version: PINNED_PDD_VERSION, toolDir, cache, reporter, env })
    const seconds = (Date.now() - t0) / 1000
    const done: ColdInstall = {
      toolDir,
      store,
      python,
      result,
      lines: reporter.lines,
      saved: cache.saved,
      seconds
    }
    writeJson(manifest, done)
    return done
  } catch (e) {
    writeJson(manifest, { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })
    throw e
  }
}

/**
 * Waits for the manifest of a cold install still running in the background (`.ci/run` starts the tests without
 * waiting for it; `PDD_SYNC_PREINSTALL_PID` names its process), then reads it. Stops waiting when that process is
 * gone (it writes the manifest before it exits, also on failure) or after `timeoutMs`.
 */
export async function awaitColdInstall(
  manifest: string,
  pid: number | undefined,
  timeoutMs = 840_000
): Promise<ColdInstall> {
  const until = Date.now() + timeoutMs
  while (!existsSync(manifest) && pid !== undefined && running(pid) && Date.now() < until)
    await new Promise(resolve => setTimeout(resolve, 1_000))
  return readColdInstall(manifest)
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Reads the manifest a cold install wrote (`PDD_SYNC_PREINSTALLED`); throws its error or a missing file. */
export function readColdInstall(manifest: string): ColdInstall {
  if (!existsSync(manifest)) throw new Error(`PDD_SYNC_PREINSTALLED names ${manifest}, which does not exist`)
  const data = JSON.parse(readFileSync(manifest, 'utf8')) as ColdInstall | { error: string }
  if ('error' in data) throw new Error(`the CI run's install of pdd-cli failed: ${data.error}`)
  return data
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`)
  renameSync(`${file}.tmp`, file)
}
