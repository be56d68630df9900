import type { Git } from '../adapters/git.js'
import { botCommitOf } from '../publish/bot-commit.js'
import { botBranchProblem } from '../settings/validate.js'
import { UsageError } from './options.js'

/** `--branch`, or `pdd-sync/<current branch>`, refused when it is not a branch of its own or is checked out. */
export async function checkedBotBranch(git: Git, given: string | undefined): Promise<string> {
  const current = await git.currentBranch()
  const branch = given ?? `pdd-sync/${current ?? 'detached'}`
  const problem = botBranchProblem(branch, { base: current ?? 'HEAD', current })
  if (problem !== null) throw new UsageError(`--branch "${branch}" ${problem}.`)
  const inUse = await botBranchInUse(git, branch)
  if (inUse !== null) throw new UsageError(`--branch "${branch}" ${inUse}.`)
  return branch
}

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

/** What replaces the bot branch, for {@link botBranchUnmerged}'s message. */
export interface Replacing {
  /** The commit the branch would be moved to. */
  head: string | null
  /** What it is called in the message (`HEAD`, `finalize's result`). */
  name: string
  /** Who rebuilds it and how. */
  by: string
  /** What to do after merging, pushing or deleting it (empty: nothing more). */
  then?: string
}

/**
 * Why the bot branch may not be moved to `head`: an earlier run's commits on it changed files whose content never
 * reached `head` (not merged, squash-merged or cherry-picked), so moving it would drop paid work (or a person's)
 * and pay for it again (docs/architecture.md "Modes"); null when the branch is absent or landed.
 */
export async function botBranchUnmerged(git: Git, branch: string, to: Replacing): Promise<string | null> {
  const { head } = to
  const tip = await git.commitOf(`refs/heads/${branch}`)
  if (tip === null || head === null || tip === head) return null
  const left = await git.unlandedPaths(head, tip)
  if (left.length === 0) return null
  const commits = await git.commitsBetween(head, tip)
  const groups = [...new Set(commits.flatMap(c => botCommitOf(c)?.basename ?? []))]
  const what = groups.length > 0 ? ` (${groups.join(', ')})` : ''
  const files = left.length === 1 ? '1 file' : `${left.length} files`
  return (
    `holds ${commits.length} commit(s)${what} whose changes to ${files} are not in ${to.name}: ${to.by} ` +
    `and would drop that work; merge it first (git merge ${branch}; a squash merge counts, ` +
    `also one made on the remote once pulled), ` +
    `push it for review (git push origin ${branch}), pass another --branch, or delete it to discard the work ` +
    `(git branch -D ${branch})${to.then ?? ''}`
  )
}
