import path from 'node:path'
import type { GitCommand } from './command.js'

/** Local refs and revisions: what a name points at, and moving it. */

/** The commit a revision names, or null when it does not resolve to a commit here. */
export async function commitOf(cmd: GitCommand, rev: string): Promise<string | null> {
  const r = await cmd.run(['rev-parse', '-q', '--verify', `${rev}^{commit}`])
  return r.code === 0 ? r.stdout.trim() : null
}

/** The tree id of a revision. */
export async function treeOf(cmd: GitCommand, rev: string): Promise<string> {
  return (await cmd.exec(['rev-parse', '--verify', `${rev}^{tree}`])).trim()
}

/** The branch checked out, or null on a detached HEAD. */
export async function currentBranch(cmd: GitCommand): Promise<string | null> {
  const r = await cmd.run(['symbolic-ref', '--quiet', '--short', 'HEAD'])
  return r.code === 0 ? r.stdout.trim() : null
}

/** Whether a ref exists locally. */
export async function refExists(cmd: GitCommand, ref: string): Promise<boolean> {
  return cmd.ok(['rev-parse', '-q', '--verify', ref])
}

/** Moves a ref to `to`, only if it still points at `from` (compare-and-swap; `from` null = must not exist). */
export async function updateRef(
  cmd: GitCommand,
  ref: string,
  to: string,
  from: string | null
): Promise<void> {
  await cmd.exec(['update-ref', ref, to, from ?? '0'.repeat(40)])
}

/** Deletes a local ref; a ref that does not exist is not an error. */
export async function deleteRef(cmd: GitCommand, ref: string): Promise<void> {
  if (await refExists(cmd, ref)) await cmd.exec(['update-ref', '-d', ref])
}

/** The repository's common git directory (absolute; the same from every worktree). */
export async function commonDir(cmd: GitCommand): Promise<string> {
  const out = (await cmd.exec(['rev-parse', '--git-common-dir'])).trim()
  return path.resolve(cmd.root, out)
}

/** Whether the clone is shallow (as `actions/checkout` leaves it by default). */
export async function isShallow(cmd: GitCommand): Promise<boolean> {
  return (await cmd.exec(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
}
