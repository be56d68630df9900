import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const cleanups: string[] = []
/**
 * Removes every folder `tempDir` made so far. Called by the hooks of `temp-cleanup.ts`, a setup file: with `isolate: false` this module is loaded once per
 * worker, so hooks registered here would belong to the worker's first file only and every later file's folders
 * would stay in the temp folder.
 */
export function removeTempDirs(): void {
  for (const d of cleanups.splice(0)) rmSync(d, { recursive: true, force: true })
}

/** A fresh temp directory, removed after the test (a concurrent test's: after the file). */
export function tempDir(prefix = 'pdd-sync-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix))
  cleanups.push(d)
  return d
}

let tick = 0
/** Environment for git in tests: no user or system config, fixed identity, dates that advance per commit. */
export function gitEnv(): NodeJS.ProcessEnv {
  const date = new Date(Date.UTC(2026, 0, 1) + tick++ * 60_000).toISOString()
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date
  }
}

/** Runs git in a directory (argv, no shell) and returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv(), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
}

/** Writes files (relative path → content) below a directory, creating folders. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel)
    mkdirSync(path.dirname(abs), { recursive: true })
    writeFileSync(abs, content)
  }
}

/** A work tree with files committed on `main`, and a bare `origin` it has pushed to. */
export interface TestRepo {
  dir: string
  origin: string
  commit(files: Record<string, string | Buffer>, message?: string): string
}

/** Creates a repository with an initial commit of `files`, pushed to a bare origin. */
export function makeRepo(files: Record<string, string | Buffer>): TestRepo {
  const base = tempDir()
  const origin = path.join(base, 'origin.git')
  const dir = path.join(base, 'work')
  git(base, 'init', '-q', '--bare', '-b', 'main', origin)
  git(base, 'init', '-q', '-b', 'main', dir)
  git(dir, 'remote', 'add', 'origin', origin)
  const commit = (f: Record<string, string | Buffer>, message = 'change'): string => {
    writeFiles(dir, f)
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '--allow-empty', '-m', message)
    git(dir, 'push', '-q', 'origin', 'HEAD:main')
    return git(dir, 'rev-parse', 'HEAD').trim()
  }
  commit(files, 'initial')
  return { dir, origin, commit }
}

/** A clone of a bare repository, shallow when depth is given (as actions/checkout makes it). */
export function cloneOf(origin: string, depth?: number): string {
  const dir = path.join(tempDir(), 'clone')
  const args = ['clone', '-q', ...(depth ? ['--depth', String(depth)] : []), `file://${origin}`, dir]
  git(tmpdir(), ...args)
  return dir
}
