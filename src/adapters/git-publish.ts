import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { GitError, type Git, type Identity } from './git.js'
import { scratchRoot } from './temp.js'

/**
 * Git operations of the publish step (docs/architecture.md step 6): the bot branch (fetch, push with a lease, delete) and
 * the notes (merge, write, read, push — never forced). Each takes a {@link Git}; authenticate with
 * {@link Git.withAuth} first to push with another token than the one `actions/checkout` persisted.
 */

/** One commit of a range, with the identities that human-commit detection compares. */
export interface CommitInfo {
  sha: string
  authorName: string
  authorEmail: string
  committerName: string
  committerEmail: string
  subject: string
}

/** Outcome of a push guarded by `--force-with-lease`: a lease rejection is an outcome, not an error. */
export type LeasePushOutcome = 'pushed' | 'lease-rejected'

/** The scratch ref a remote ref is fetched into: `refs/heads/x` → `refs/pdd-sync/incoming/heads/x`. */
export function incomingRef(ref: string): string {
  return `refs/pdd-sync/incoming/${ref.replace(/^refs\//, '')}`
}

async function run(git: Git, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const r = await git.runRaw(args, { env })
  if (r.code !== 0) throw new GitError(args, r.code, r.stderr)
  return r.stdout
}

/** Per-command environment that makes `who` the author and committer, whatever the config or env says. */
function identityEnv(who: Identity): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email
  }
}

function assertBranchName(branch: string): void {
  if (branch === '' || branch.startsWith('-') || branch.startsWith('refs/') || /[\s:~^?*[\\]/.test(branch)) {
    throw new Error(`Not a usable branch name: "${branch}".`)
  }
}

/**
 * Fetches `refs/heads/<branch>` of a remote into {@link incomingRef} (forced: the scratch ref is ours) and
 * returns its commit, or null when the remote has no such branch (a stale scratch ref is then deleted).
 */
export async function fetchBranch(git: Git, remote: string, branch: string): Promise<string | null> {
  assertBranchName(branch)
  const ref = `refs/heads/${branch}`
  const scratch = incomingRef(ref)
  if (await git.fetchRefInto(remote, ref, scratch)) return git.commitOf(scratch)
  await deleteRef(git, scratch)
  return null
}

/**
 * Pushes `localRef` (a ref or commit) to `refs/heads/<remoteBranch>` with
 * `--force-with-lease=refs/heads/<remoteBranch>:<expectedSha>`; `expectedSha` null means the branch must not
 * exist yet (git's empty-lease form `refs/heads/<b>:`). Returns 'lease-rejected' when the remote branch is not
 * where we expected (someone pushed in between); any other failure throws a {@link GitError}.
 */
export async function pushWithLease(
  git: Git,
  remote: string,
  localRef: string,
  remoteBranch: string,
  expectedSha: string | null
): Promise<LeasePushOutcome> {
  assertBranchName(remoteBranch)
  return leasePush(git, remote, `${localRef}:refs/heads/${remoteBranch}`, remoteBranch, expectedSha)
}

/**
 * Deletes `refs/heads/<branch>` on the remote with a lease on `expectedSha` (the commit fetched before).
 * Returns 'lease-rejected' when the branch moved (or is already gone); other failures throw.
 */
export async function deleteRemoteBranch(
  git: Git,
  remote: string,
  branch: string,
  expectedSha: string
): Promise<LeasePushOutcome> {
  assertBranchName(branch)
  return leasePush(git, remote, `:refs/heads/${branch}`, branch, expectedSha)
}

async function leasePush(
  git: Git,
  remote: string,
  refspec: string,
  branch: string,
  expectedSha: string | null
): Promise<LeasePushOutcome> {
  const lease = `--force-with-lease=refs/heads/${branch}:${expectedSha ?? ''}`
  const args = ['push', '--no-verify', lease, remote, refspec]
  const r = await git.runRaw(args)
  if (r.code === 0) return 'pushed'
  if (/\(stale info\)/.test(r.stderr)) return 'lease-rejected'
  throw new GitError(args, r.code, r.stderr)
}

/**
 * `git push --dry-run --force --no-verify <remote> <commit>:refs/heads/<branch>`: contacts the remote as a push
 * does (over HTTPS, GitHub refuses the receive-pack advertisement to a token without write access: "Permission
 * to … denied", HTTP 403) and sends nothing. Server-side hooks and branch rules are not run. Returns git's
 * stderr (redacted) when it fails.
 */
export async function dryRunPush(
  git: Git,
  remote: string,
  commit: string,
  branch: string
): Promise<{ ok: true } | { ok: false; stderr: string }> {
  assertBranchName(branch)
  const r = await git.runRaw([
    'push',
    '--dry-run',
    '--force',
    '--no-verify',
    remote,
    `${commit}:refs/heads/${branch}`
  ])
  return r.code === 0 ? { ok: true } : { ok: false, stderr: r.stderr }
}

/** Pushes a notes ref to the same name on the remote, never forced; a rejection throws a {@link GitError}. */
export async function pushNotes(git: Git, remote: string, ref: string): Promise<void> {
  await run(git, ['push', '--no-verify', remote, `${ref}:${ref}`])
}

/**
 * `git notes --ref=<ref> merge -s cat_sort_uniq <incoming>` under an explicit identity (a merge makes a
 * commit). `incoming` may be any ref (a scratch ref); `ref` must exist and be under `refs/notes/`.
 */
export async function mergeNotes(git: Git, ref: string, incoming: string, who: Identity): Promise<void> {
  await run(git, ['notes', `--ref=${ref}`, 'merge', '-q', '-s', 'cat_sort_uniq', incoming], identityEnv(who))
}

/**
 * Sets the whole note of `object` (any 40-hex id) in `ref` to `text`, replacing any note it had
 * (`git notes add -f -F <tempfile>`: the text goes through a file, never through argv).
 */
export async function writeNote(
  git: Git,
  ref: string,
  object: string,
  text: string,
  who: Identity
): Promise<void> {
  const dir = mkdtempSync(path.join(scratchRoot(), 'pdd-sync-note-'))
  try {
    const file = path.join(dir, 'note')
    writeFileSync(file, git.redact(text))
    await run(git, ['notes', `--ref=${ref}`, 'add', '-f', '-F', file, object], identityEnv(who))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The note of `object` in `ref`, or null when it has none (or the ref does not exist). */
export async function readNote(git: Git, ref: string, object: string): Promise<string | null> {
  const listed = await git.runRaw(['notes', `--ref=${ref}`, 'list', object])
  if (listed.code !== 0) {
    if (/no note found/i.test(listed.stderr)) return null
    throw new GitError(['notes', `--ref=${ref}`, 'list', object], listed.code, listed.stderr)
  }
  return run(git, ['cat-file', 'blob', listed.stdout.trim()])
}

/** Deletes a local ref; a ref that does not exist is not an error. */
export async function deleteRef(git: Git, ref: string): Promise<void> {
  if (await git.refExists(ref)) await run(git, ['update-ref', '-d', ref])
}

/** The tree id of a revision. */
export async function treeOf(git: Git, rev: string): Promise<string> {
  return (await run(git, ['rev-parse', '--verify', `${rev}^{tree}`])).trim()
}

/** Commits reachable from `head` but not from `base` (`git log base..head`), newest first, merges included. */
export async function commitsBetween(git: Git, base: string, head: string): Promise<CommitInfo[]> {
  const out = await run(git, [
    'log',
    '--format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%s%x1e',
    `${base}..${head}`,
    '--'
  ])
  const commits: CommitInfo[] = []
  for (const rec of out.split('\x1e')) {
    const [sha, authorName, authorEmail, committerName, committerEmail, subject] = rec.trim().split('\x1f')
    if (!sha || committerEmail === undefined) continue
    commits.push({
      sha,
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      committerName: committerName ?? '',
      committerEmail,
      subject: subject ?? ''
    })
  }
  return commits
}

/** Repository-relative paths that differ between two commits (additions, changes, deletions; no renames). */
export async function changedPathsBetween(git: Git, base: string, head: string): Promise<string[]> {
  return git.changedFiles(base, head)
}

/**
 * `git bundle create <file> <ref> ^<exclude>`: the commits of `ref` that `exclude` lacks, in one file that
 * `git fetch <file> <ref>` applies to any clone holding `exclude`.
 */
export async function createBundle(git: Git, file: string, ref: string, exclude: string): Promise<void> {
  await run(git, ['bundle', 'create', file, ref, `^${exclude}`])
}
