import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { GitCommand } from './command.js'
import { cleanByIndex } from './index-paths.js'

/** Work trees: adding and removing them (one at a time per repository), and what a work tree holds. */

/** One queue of worktree operations per repository (keyed by the main work tree's path). */
const worktreeLocks = new Map<string, Promise<unknown>>()

/**
 * Runs worktree bookkeeping one at a time: concurrent `git worktree add` calls race on the administrative
 * folders under `.git/worktrees` ("failed to read …/commondir").
 */
function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const prev = worktreeLocks.get(key) ?? Promise.resolve()
  const next = prev.then(fn, fn)
  worktreeLocks.set(
    key,
    next.catch(() => undefined)
  )
  return next
}

/** Adds a detached work tree at `dir` checked out at `commit`; `key` names the repository's queue. */
export async function addWorktree(cmd: GitCommand, key: string, dir: string, commit: string): Promise<void> {
  await serialized(key, () => cmd.exec(['worktree', 'add', '--detach', '--quiet', dir, commit]))
}

/** Removes a work tree and everything in it (rollback is free: nothing of it is kept). */
export async function removeWorktree(cmd: GitCommand, key: string, dir: string): Promise<void> {
  await serialized(key, async () => {
    if (removeWithoutGit(dir)) return
    // `remove` deletes the administrative folder too; `prune` (a scan of all of them) only when it failed.
    const removed = await cmd.ok(['worktree', 'remove', '--force', dir])
    if (!removed) await cmd.exec(['worktree', 'prune'])
  })
}

/**
 * What `git worktree remove --force` does, without its process: the work tree's files, then its administrative
 * folder, deleted. Only for a linked work tree git would remove so: its `.git` file names a folder
 * `<common dir>/worktrees/<name>` whose `gitdir` names this `.git` back, and that is not locked; false (git
 * removes it) otherwise, or when a deletion failed part way.
 */
function removeWithoutGit(dir: string): boolean {
  try {
    const dotGit = path.join(dir, '.git')
    const link = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim()
    if (!link) return false
    const admin = path.resolve(dir, link)
    const common = path.resolve(admin, readFileSync(path.join(admin, 'commondir'), 'utf8').trim())
    if (path.dirname(admin) !== path.join(common, 'worktrees')) return false
    if (path.resolve(admin, readFileSync(path.join(admin, 'gitdir'), 'utf8').trim()) !== dotGit) return false
    if (existsSync(path.join(admin, 'locked'))) return false
    rmSync(dir, { recursive: true, force: true })
    rmSync(admin, { recursive: true, force: true })
    return true
  } catch {
    return false
  }
}

/**
 * Puts a used work tree back as `git worktree add` left it, at `head`: tracked files as committed, index reset,
 * every untracked and ignored file removed (nested repositories too). Per work tree: no queue needed. The
 * removal reads the index `reset` wrote and walks the files (index-paths.ts) instead of a `git clean` process,
 * on Linux (file names there are the bytes git wrote); elsewhere, or with an index it does not read, git cleans.
 */
export async function scrubWorktree(cmd: GitCommand, head: string): Promise<void> {
  await detachHead(cmd)
  await cmd.exec(['reset', '--hard', '--quiet', head])
  if (!cleanWithoutGit(cmd, head)) await cmd.exec(['clean', '-ffdxq'])
}

/** {@link cleanByIndex} where it applies (a linked work tree on Linux, git's own index file); false otherwise. */
function cleanWithoutGit(cmd: GitCommand, head: string): boolean {
  if (process.platform !== 'linux' || cmd.env.GIT_INDEX_FILE !== undefined) return false
  try {
    const link = /^gitdir: (.+)$/m.exec(readFileSync(path.join(cmd.root, '.git'), 'utf8'))?.[1]?.trim()
    if (!link) return false
    return cleanByIndex(cmd.root, path.resolve(cmd.root, link), head.length === 64 ? 32 : 20)
  } catch {
    return false
  }
}

/** Checks out `commit` (detached) in this work tree, discarding whatever differs. */
export async function checkoutDetached(cmd: GitCommand, commit: string): Promise<void> {
  await cmd.exec(['checkout', '--quiet', '--detach', '--force', commit])
}

/**
 * The work trees (their paths) that have `refs/heads/<branch>` checked out: a ref moved under one of them would
 * leave it showing the move as staged changes. `git worktree list --porcelain`: blocks of `worktree <path>`,
 * `HEAD <sha>`, `branch <ref>` lines.
 */
export async function worktreesAt(cmd: GitCommand, branch: string): Promise<string[]> {
  const out = await cmd.exec(['worktree', 'list', '--porcelain'])
  const ref = `branch refs/heads/${branch}`
  return out
    .split(/\n\n+/)
    .map(block => block.split('\n'))
    .filter(lines => lines.includes(ref))
    .map(lines => (lines.find(l => l.startsWith('worktree ')) ?? '').slice('worktree '.length))
}

/** Every work tree of the repository (their paths), the main one first. */
export async function worktreePaths(cmd: GitCommand): Promise<string[]> {
  // No -z (git 2.36): a path with a line end is not listed right, and so never matched by a caller.
  const out = await cmd.exec(['worktree', 'list', '--porcelain'])
  return out
    .split('\n')
    .filter(l => l.startsWith('worktree '))
    .map(l => l.slice('worktree '.length))
}

/** Which of these directories hold at least one tracked file. */
export async function trackedUnder(cmd: GitCommand, dirs: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const d of new Set(dirs)) {
    const files = await cmd.exec(['ls-files', '-z', '--', `:(literal)${d === '' ? '.' : d}`])
    if (files !== '') out.push(d)
  }
  return out
}

/** Paths (relative to the work tree) that differ from HEAD, untracked ones included. */
export async function dirtyPaths(cmd: GitCommand): Promise<string[]> {
  const out = await cmd.exec(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
  return out
    .split('\0')
    .filter(e => e.length > 3)
    .map(e => e.slice(3))
}

/**
 * Detaches this work tree's HEAD where it is, touching neither index nor files, when something (pdd, generated
 * code, a test) left a branch checked out in it: a reset or commit there would otherwise move that branch — a
 * branch of the user's. No process when HEAD is already detached (read from the HEAD file).
 */
export async function detachHead(cmd: GitCommand): Promise<void> {
  try {
    const dotGit = path.join(cmd.root, '.git')
    const link = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim()
    const head = readFileSync(path.join(link ? path.resolve(cmd.root, link) : dotGit, 'HEAD'), 'utf8')
    if (/^[0-9a-f]{40}([0-9a-f]{24})?\s*$/.test(head)) return
  } catch {
    // A directory `.git` (read as a file above) or an unreadable HEAD: ask git.
  }
  const at = (await cmd.exec(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim()
  await cmd.exec(['update-ref', '--no-deref', 'HEAD', at])
}
