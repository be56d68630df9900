import type { Git } from '../adapters/git.js'

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
