import { GitError, type GitCommand } from './command.js'
import { pushLfsObjects } from './lfs.js'
import { commitOf, deleteRef, isShallow } from './refs.js'

/**
 * What goes over the wire: fetches (into scratch refs), pushes with a lease (the bot branch), notes pushes
 * (never forced) and deepening a shallow clone. Authenticate with `Git.withAuth` first to push with another token
 * than the one `actions/checkout` persisted.
 */

/** Outcome of a push guarded by `--force-with-lease`: a lease rejection is an outcome, not an error. */
export type LeasePushOutcome = 'pushed' | 'lease-rejected'

/** The scratch ref a remote ref is fetched into: `refs/heads/x` → `refs/pdd-sync/incoming/heads/x`. */
export function incomingRef(ref: string): string {
  return `refs/pdd-sync/incoming/${ref.replace(/^refs\//, '')}`
}

function assertBranchName(branch: string): void {
  if (branch === '' || branch.startsWith('-') || branch.startsWith('refs/') || /[\s:~^?*[\\]/.test(branch)) {
    throw new Error(`Not a usable branch name: "${branch}".`)
  }
}

/** Whether a remote of that name is configured. */
export async function hasRemote(cmd: GitCommand, name: string): Promise<boolean> {
  return (await cmd.exec(['remote'])).split('\n').includes(name)
}

/** Fetches one commit (and its tree) by id from a remote, for a shallow clone that lacks it. */
export async function fetchCommit(cmd: GitCommand, remote: string, sha: string): Promise<boolean> {
  return cmd.ok(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha])
}

/**
 * Fetches a remote ref into a local scratch ref (forced: the scratch ref is ours).
 * Returns false when the remote does not have the ref — an absent notes ref is empty history.
 */
export async function fetchRefInto(
  cmd: GitCommand,
  remote: string,
  ref: string,
  scratch: string
): Promise<boolean> {
  const args = ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${ref}:${scratch}`]
  const r = await cmd.run(args)
  if (r.code === 0) return true
  if (/couldn't find remote ref|no such ref/i.test(r.stderr)) return false
  throw new GitError(args, r.code, r.stderr)
}

/**
 * Fetches `refs/heads/<branch>` of a remote into {@link incomingRef} (forced: the scratch ref is ours) and
 * returns its commit, or null when the remote has no such branch (a stale scratch ref is then deleted).
 */
export async function fetchBranch(cmd: GitCommand, remote: string, branch: string): Promise<string | null> {
  assertBranchName(branch)
  const ref = `refs/heads/${branch}`
  const scratch = incomingRef(ref)
  if (await fetchRefInto(cmd, remote, ref, scratch)) return commitOf(cmd, scratch)
  await deleteRef(cmd, scratch)
  return null
}

/**
 * Pushes `refspec` with `--force-with-lease=refs/heads/<branch>:<expectedSha>`; `expectedSha` null means the
 * branch must not exist yet (git's empty-lease form `refs/heads/<b>:`). Returns 'lease-rejected' when the remote
 * branch is not where we expected (someone pushed in between); any other failure throws a {@link GitError}.
 */
export async function leasePush(
  cmd: GitCommand,
  remote: string,
  refspec: string,
  branch: string,
  expectedSha: string | null
): Promise<LeasePushOutcome> {
  assertBranchName(branch)
  const lease = `--force-with-lease=refs/heads/${branch}:${expectedSha ?? ''}`
  await pushLfsObjects(cmd, remote, refspec)
  const args = ['push', '--no-verify', lease, remote, refspec]
  const r = await cmd.run(args)
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
  cmd: GitCommand,
  remote: string,
  commit: string,
  branch: string
): Promise<{ ok: true } | { ok: false; stderr: string }> {
  assertBranchName(branch)
  const r = await cmd.run([
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
export async function pushNotes(cmd: GitCommand, remote: string, ref: string): Promise<void> {
  await cmd.exec(['push', '--no-verify', remote, `${ref}:${ref}`])
}

/**
 * In a shallow clone (actions/checkout's default depth 1), deepens the history until `base` and `other` (a
 * fetched branch that forked from an older base commit) have a merge base, so that `base..other` is only what
 * `other` added and not the base's history behind the shallow boundary. Deepens by 50, 200 and 1000 commits,
 * then unshallows. Returns whether they are related. A full clone returns at once.
 */
export async function relateShallow(
  cmd: GitCommand,
  remote: string,
  base: string,
  other: string
): Promise<boolean> {
  const related = (): Promise<boolean> => cmd.ok(['merge-base', base, other])
  if (!(await isShallow(cmd)) || (await related())) return related()
  for (const args of [['--deepen=50'], ['--deepen=200'], ['--deepen=1000'], ['--unshallow']]) {
    const r = await cmd.run(['fetch', '--quiet', '--no-tags', ...args, remote])
    if (r.code !== 0 && !args.includes('--unshallow')) continue
    if (await related()) return true
    if (!(await isShallow(cmd))) return false
  }
  return related()
}
