import type { Git, Identity } from '../adapters/git.js'
import { botCommitOf, isHumanCommit } from './bot-commit.js'

/** Options of {@link carryOver}. */
export interface CarryOverOptions {
  git: Git
  remote: string
  /** Bot branch on the remote, and the local ref this run built it in (moved when commits are carried). */
  branch: string
  /** Moved to the new head when commits are carried; undefined moves no ref. */
  localRef?: string
  /**
   * The remote bot branch's commit as the caller fetched it (null: absent). Given, nothing is fetched, so the
   * caller can push with this very commit as its lease; undefined fetches it here.
   */
  remoteSha?: string | null
  /** The local bot branch's head after this run's groups. */
  head: string
  /** Basenames this run synced or tried: their earlier results are superseded. */
  ran: ReadonlySet<string>
  identity: Identity
}

/** What {@link carryOver} kept from the open bot branch. */
export interface CarryOverResult {
  head: string
  /** `<basename> (<languages>)` of each carried commit, oldest first. */
  carried: string[]
}

/**
 * Keeps the results of earlier runs that the bot branch still holds: the branch is rebuilt from the base each
 * run, so without this a push that syncs unit B would drop unit A, synced by the previous push and not merged
 * yet. Each earlier bot commit (known by its trailers, or an old one by its subject: bot-commit.ts) for a basename this run did not touch is replayed on top (no work tree); one
 * that no longer applies, changes nothing any more (the base has it), or is partial is left out.
 */
export async function carryOver(o: CarryOverOptions): Promise<CarryOverResult> {
  const remote = o.remoteSha === undefined ? await o.git.fetchBranch(o.remote, o.branch) : o.remoteSha
  if (!remote) return { head: o.head, carried: [] }
  await o.git.relateShallow(o.remote, o.head, remote)
  const commits = await o.git.commitsBetween(o.head, remote)
  if (commits.some(c => isHumanCommit(c, o.identity))) return { head: o.head, carried: [] }
  let head = o.head
  const carried: string[] = []
  for (const c of [...commits].reverse()) {
    const bot = botCommitOf(c)
    if (!bot || o.ran.has(bot.basename) || bot.partial) continue
    const next = await o.git.replayWithoutWorktree(c.sha, head, o.identity)
    if (!next || (await o.git.treeOf(next)) === (await o.git.treeOf(head))) continue
    head = next
    carried.push(bot.name)
  }
  if (head !== o.head && o.localRef) await o.git.updateRef(o.localRef, head, o.head)
  return { head, carried }
}

/**
 * `<basename> (<languages>)` of the complete bot commits on `base..head` for basenames not in `except`, oldest
 * first: what the branch holds from other runs (the pull request lists them beside this run's units).
 */
export async function botUnitsOn(
  git: Git,
  base: string,
  head: string,
  except: ReadonlySet<string>,
  identity: Identity
): Promise<string[]> {
  const out: string[] = []
  for (const c of (await git.commitsBetween(base, head)).reverse()) {
    const bot = botCommitOf(c)
    if (!bot || except.has(bot.basename) || bot.partial || isHumanCommit(c, identity)) continue
    if (!out.includes(bot.name)) out.push(bot.name)
  }
  return out
}
