import type { Git } from '../adapters/git.js'
import { botCommitOf } from '../publish/bot-commit.js'

/**
 * Why the bot branch cannot be moved: it is checked out in another work tree of the repository (`git worktree
 * add … pdd-sync/main`), where moving it would show the bot's commits as staged reversals; null when it is not.
 * (The checked-out branch of this work tree is refused earlier, by `botBranchProblem`.)
 */
export async function botBranchInUse(git: Git, branch: string): Promise<string | null> {
  const holders = await git.worktreesAt(branch)
  if (holders.length === 0) return null
  return (
    `is checked out in ${holders.join(', ')}: moving it there would show the bot's commits as staged ` +
    `reversals; remove that work tree (git worktree remove) or pass another --branch`
  )
}

/**
 * Why the run may not rebuild the bot branch from HEAD: an earlier run's commits on it changed files whose
 * content never reached HEAD (not merged, squash-merged or cherry-picked), so rebuilding would drop paid work
 * and pay for it again (docs/architecture.md "Modes"); null when the branch is absent or landed.
 */
export async function botBranchUnmerged(
  git: Git,
  branch: string,
  head: string | null
): Promise<string | null> {
  const tip = await git.commitOf(`refs/heads/${branch}`)
  if (tip === null || head === null || tip === head) return null
  const left = await git.unlandedPaths(head, tip)
  if (left.length === 0) return null
  const commits = await git.commitsBetween(head, tip)
  const groups = [...new Set(commits.flatMap(c => botCommitOf(c)?.basename ?? []))]
  const what = groups.length > 0 ? ` (${groups.join(', ')})` : ''
  const files = left.length === 1 ? '1 file' : `${left.length} files`
  return (
    `holds ${commits.length} commit(s)${what} whose changes to ${files} are not in HEAD: a run rebuilds ` +
    `it from HEAD and would drop that paid work; merge it first (git merge ${branch}; a squash merge counts, ` +
    `also one made on the remote once pulled), ` +
    `push it for review (git push origin ${branch}), pass another --branch, or delete it to discard the work ` +
    `(git branch -D ${branch})`
  )
}
