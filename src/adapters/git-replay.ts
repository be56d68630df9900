import type { Git, Identity } from './git.js'

/**
 * Re-applies `commit` (whose parent is an older head) on top of `onto` without a work tree: `git merge-tree
 * --write-tree onto commit` merges from their merge base — the commit's parent, an ancestor of `onto` — which is
 * a cherry-pick, then `commit-tree` records it with the original message. Returns the new commit, null on a
 * conflict, or undefined when this git (< 2.38) has no `merge-tree --write-tree`, so the caller replays in a
 * work tree instead.
 */
export async function replayWithoutWorktree(
  git: Git,
  commit: string,
  onto: string,
  who: Identity
): Promise<string | null | undefined> {
  const merged = await git.runRaw(['merge-tree', '--write-tree', '--no-messages', onto, commit])
  if (merged.code === 1) return null
  if (merged.code !== 0) return undefined
  const tree = merged.stdout.split('\n')[0]?.trim() ?? ''
  if (!/^[0-9a-f]{40,64}$/.test(tree)) return undefined
  const message = await git.runRaw(['log', '-1', '--format=%B', commit])
  if (message.code !== 0) return undefined
  const made = await git.runRaw(['commit-tree', tree, '-p', onto, '-F', '-'], {
    input: git.redact(message.stdout),
    env: {
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email
    }
  })
  return made.code === 0 ? made.stdout.trim() : undefined
}
