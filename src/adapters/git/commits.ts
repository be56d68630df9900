import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { GitError, identityConfig, identityEnv, type GitCommand, type Identity } from './command.js'
import type { ProcessResult } from '../process.js'
import { detachHead } from './worktrees.js'

/** Making commits: committing a unit's files (never a secret) and replaying a commit onto another head. */

/** Files that hold a secret value the job knows: they are not committed (their names only are reported). */
export class SecretInFileError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      `${files.join(', ')} ${files.length === 1 ? 'holds' : 'hold'} the value of a secret of this job (a token or key from the environment); not committed`
    )
    this.name = 'SecretInFileError'
  }
}

/**
 * Commits exactly these paths (additions, changes and deletions) with a fixed identity (`who` commits; `author`,
 * default `who`, is the author) and no hooks.
 * Returns the new commit, or null when the paths hold no change. Refuses ({@link SecretInFileError}) when a
 * file holds a secret the runner knows, in any form: a generated file that copied its environment (a test
 * printing `os.environ` into a source file, an LLM echoing an error) must never reach a branch.
 */
export async function commitPaths(
  cmd: GitCommand,
  paths: readonly string[],
  message: string,
  who: Identity,
  author: Identity = who
): Promise<string | null> {
  if (paths.length === 0) return null
  refuseSecrets(cmd, paths)
  await detachHead(cmd)
  if (!(await stageAndCommit(cmd, paths, message, who, author))) return null
  // The new commit, and what a replay of it needs (author, date, message), in one process.
  const made = await cmd.exec(['log', '-1', `--format=%H%x00${REPLAYED}`, '--date=raw', 'HEAD'])
  const at = made.indexOf('\0')
  const sha = made.slice(0, at).trim()
  remember(sha, made.slice(at + 1))
  return sha
}

/**
 * Like {@link commitPaths}, but the commit's parent is `onto` (a descendant of this detached work tree's HEAD
 * whose other changes do not touch `paths`): the commit is `onto` plus these paths as the work tree holds them —
 * a fast-forward of `onto`, no replay. Its sha is read from the work tree's HEAD file (no `git log`). Null when
 * the paths hold no change. When every path is a file of the work tree, HEAD alone is moved to `onto` if it is
 * elsewhere (its file written as git does, see {@link moveDetachedHead}) and the paths are committed with
 * `commit --only` (whatever else pdd may have staged stays out of the commit), which
 * builds the commit from HEAD's tree plus the paths whatever the index holds: no `git reset` of the whole index
 * (a process). Otherwise the index is reset to `onto` first (`git reset`, the files stay as they are).
 * `known`: paths git already tracks in this work tree (its index lists them); with `commit --only` they are not
 * added first: the commit takes their contents itself, so a group that only changed tracked files makes one
 * process (`commit`), not two.
 */
export async function commitPathsOnto(
  cmd: GitCommand,
  onto: string,
  paths: readonly string[],
  message: string,
  who: Identity,
  author: Identity = who,
  known: ReadonlySet<string> = new Set()
): Promise<string | null> {
  if (paths.length === 0) return null
  refuseSecrets(cmd, paths)
  await detachHead(cmd)
  const head = await headOf(cmd)
  const all = paths.every(p => existsSync(path.join(cmd.root, p)))
  const only = all && (head === onto || moveDetachedHead(cmd, head, onto))
  if (!only && head !== onto) await cmd.exec(['reset', '--quiet', onto])
  if (!(await stageAndCommit(cmd, paths, message, who, author, only, known))) return null
  return headOf(cmd)
}

/** Throws a {@link SecretInFileError} naming the paths whose files hold a secret the runner knows. */
export function refuseSecrets(cmd: GitCommand, paths: readonly string[]): void {
  const holders = paths.filter(p => holdsSecret(cmd, path.join(cmd.root, p)))
  if (holders.length > 0) throw new SecretInFileError(holders)
}

/**
 * Stages exactly `paths` (missing files are deletions) and commits them; false when nothing changed. `only`:
 * the commit is HEAD's tree plus `paths` (`commit --only`; every path must then be known to git: staged here
 * unless `known` says the index lists it already).
 */
async function stageAndCommit(
  cmd: GitCommand,
  paths: readonly string[],
  message: string,
  who: Identity,
  author: Identity,
  only = false,
  known: ReadonlySet<string> = new Set()
): Promise<boolean> {
  // Literal pathspecs: file names are data, never globs. Missing files are deletions (or nothing at all).
  const here = paths.filter(p => existsSync(path.join(cmd.root, p)))
  const present = here.map(p => `:(literal)${p}`)
  const missing = paths.filter(p => !existsSync(path.join(cmd.root, p))).map(p => `:(literal)${p}`)
  const added = only ? here.filter(p => !known.has(p)).map(p => `:(literal)${p}`) : present
  if (added.length > 0) await cmd.exec(['add', '-A', '--', ...added])
  if (missing.length > 0) await cmd.exec(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...missing])
  const r = await commitStaged(cmd, message, who, author, only ? present : null)
  if (r.code === 0) return true
  if (/nothing (added )?to commit|no changes added to commit/i.test(r.stdout + r.stderr)) return false
  // A path `known` no longer is (something in the work tree changed its index): added, as any other.
  if (added.length < present.length && /did not match any file/i.test(r.stderr)) {
    await cmd.exec(['add', '-A', '--', ...present])
    const again = await commitStaged(cmd, message, who, author, present)
    if (again.code === 0) return true
    if (/nothing (added )?to commit|no changes added to commit/i.test(again.stdout + again.stderr))
      return false
    throw new GitError(['commit'], again.code, again.stderr || again.stdout)
  }
  throw new GitError(['commit'], r.code, r.stderr || r.stdout)
}

/**
 * `git commit` of what is staged, or with `only` of HEAD's tree plus those pathspecs (`commit --only`). One
 * process fewer than asking first: git says "nothing to commit" (exit 1) when nothing is staged. No automatic
 * maintenance after it (a process per commit; the bot commits once a group).
 */
function commitStaged(
  cmd: GitCommand,
  message: string,
  who: Identity,
  author: Identity,
  only: readonly string[] | null
): Promise<ProcessResult> {
  return cmd.run(
    [
      ...identityConfig(who),
      '-c',
      'maintenance.auto=false',
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      cmd.redact(message),
      ...(only ? ['--only', '--', ...only] : [])
    ],
    { env: { ...identityEnv(who), GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } }
  )
}

/**
 * The commit this work tree's HEAD is at, read from its HEAD file when it is detached (a linked work tree's
 * `.git` file names its administrative folder): no process. Otherwise (a branch checked out, a layout this does
 * not know) `git rev-parse HEAD`.
 */
async function headOf(cmd: GitCommand): Promise<string> {
  try {
    const head = readFileSync(headFile(cmd), 'utf8').trim()
    if (SHA.test(head)) return head
  } catch {
    // A directory `.git` (read as a file above) or an unreadable one: ask git.
  }
  return (await cmd.exec(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim()
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** The HEAD file of this work tree (its administrative folder's, for a linked work tree). */
function headFile(cmd: GitCommand): string {
  const dotGit = path.join(cmd.root, '.git')
  const link = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim()
  return path.join(link ? path.resolve(cmd.root, link) : dotGit, 'HEAD')
}

/**
 * Points this linked work tree's detached HEAD at `to`, nothing else touched (what `git update-ref --no-deref
 * HEAD` does, without a process): the way git writes it — `HEAD.lock` created exclusively, then renamed over
 * `HEAD` — and only while HEAD still holds `from`. False (nothing changed) when the work tree is not a linked
 * one at a detached `from`, or the lock is held.
 */
function moveDetachedHead(cmd: GitCommand, from: string, to: string): boolean {
  if (!SHA.test(to)) return false
  let file: string
  try {
    file = headFile(cmd)
  } catch {
    return false
  }
  if (path.basename(path.dirname(path.dirname(file))) !== 'worktrees') return false
  const lock = `${file}.lock`
  try {
    writeFileSync(lock, `${to}\n`, { flag: 'wx' })
  } catch {
    return false
  }
  try {
    // Checked under the lock, as git checks the old value of a ref it moves.
    if (readFileSync(file, 'utf8').trim() !== from) throw new Error('HEAD moved')
    renameSync(lock, file)
    return true
  } catch {
    rmSync(lock, { force: true })
    return false
  }
}

/** What a replay keeps of a commit: `author name NUL email NUL raw date NUL message`. */
const REPLAYED = '%an%x00%ae%x00%ad%x00%B'

/**
 * That of the commits this process made (git objects never change), so that replaying one onto the bot branch —
 * one at a time, the run's only serialised step — does not ask git for it again. Bounded; oldest out first.
 */
const madeHere = new Map<string, string>()

function remember(sha: string, replayed: string): void {
  madeHere.set(sha, replayed)
  if (madeHere.size > 1000) madeHere.delete(madeHere.keys().next().value as string)
}

function holdsSecret(cmd: GitCommand, file: string): boolean {
  if (cmd.secrets.length === 0) return false
  try {
    const st = lstatSync(file)
    if (st.isFile()) return cmd.redactor.finds(readFileSync(file, 'utf8'))
    if (!st.isDirectory()) return false
    return readdirSync(file, { recursive: true, encoding: 'utf8' }).some(f => {
      const sub = path.join(file, f)
      return lstatSync(sub).isFile() && cmd.redactor.finds(readFileSync(sub, 'utf8'))
    })
  } catch {
    return false
  }
}

/**
 * Re-applies `commit` on top of `onto` in this (clean, detached) work tree. Returns the new commit, or null
 * on a conflict, in which case the work tree is left clean at `onto`.
 */
export async function replay(
  cmd: GitCommand,
  commit: string,
  onto: string,
  who: Identity
): Promise<string | null> {
  await cmd.exec(['checkout', '--quiet', '--detach', onto])
  const r = await cmd.run([...identityConfig(who), 'cherry-pick', '--allow-empty', commit])
  if (r.code === 0) return (await cmd.exec(['rev-parse', 'HEAD'])).trim()
  await cmd.run(['cherry-pick', '--abort'])
  return null
}

/**
 * Re-applies `commit` (whose parent is an older head) on top of `onto` without a work tree: `git merge-tree
 * --write-tree onto commit` merges from their merge base — the commit's parent, an ancestor of `onto` — which is
 * a cherry-pick, then `commit-tree` records it with the original message. Returns the new commit, null on a
 * conflict, or undefined when this git (< 2.38) has no `merge-tree --write-tree`, so the caller replays in a
 * work tree instead.
 */
export async function replayWithoutWorktree(
  cmd: GitCommand,
  commit: string,
  onto: string,
  who: Identity
): Promise<string | null | undefined> {
  const merged = await cmd.run(['merge-tree', '--write-tree', '--no-messages', onto, commit])
  if (merged.code === 1) return null
  if (merged.code !== 0) return undefined
  const tree = merged.stdout.split('\n')[0]?.trim() ?? ''
  if (!/^[0-9a-f]{40,64}$/.test(tree)) return undefined
  // The original author stays (a configured `author`, or GitHub's for a signed commit); `who` commits.
  const known = madeHere.get(commit)
  const message = known ?? (await cmd.run(['log', '-1', `--format=${REPLAYED}`, '--date=raw', commit]))
  if (typeof message !== 'string' && message.code !== 0) return undefined
  const text = typeof message === 'string' ? message : message.stdout
  const [name = '', email = '', date = '', ...body] = text.split('\0')
  const made = await cmd.run(['commit-tree', tree, '-p', onto, '-F', '-'], {
    input: cmd.redact(body.join('\0')),
    env: { ...identityEnv(who), GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: date }
  })
  return made.code === 0 ? made.stdout.trim() : undefined
}
