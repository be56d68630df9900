import type { Git, Identity } from '../adapters/git.js'
import { publishBranch, type PublishBranchResult } from './branch.js'
import { carryOver } from './carry-over.js'
import { backoffDelay } from './notes-writer.js'
import type { SignOptions } from './signed-push.js'

/** Options of {@link pushCarried}. */
export interface PushCarriedOptions {
  git: Git
  remote: string
  /** Bot branch on the remote. */
  branch: string
  /** The ref this run's own commits end at (the executor's bot branch, or a commit). */
  head: string
  /** The commit the bot branch was rebuilt from. */
  base: string
  /** Basenames this run synced or tried: their earlier results on the remote branch are superseded. */
  ran: ReadonlySet<string>
  /** Scratch ref the carried head is built in and pushed from (moved freely: it is ours). */
  scratchRef: string
  identity: Identity
  overwriteHumanCommits: boolean
  allowWorkflowChanges: boolean
  /** Rounds of fetch → carry over → push before a lost race is reported (default 4). */
  attempts?: number
  sleep?: (ms: number) => Promise<void>
  /** `sign-commits`: see PublishBranchOptions.sign. */
  sign?: SignOptions
}

/** What {@link pushCarried} did. */
export interface PushCarriedResult {
  branch: PublishBranchResult
  /** This run's commits plus the carried ones (the commit pushed, when it was pushed). */
  head: string
  /** `<basename> (<languages>)` of each commit carried over from the remote branch, oldest first. */
  carried: string[]
  /** Rounds made (more than one: the race with another run was lost and retried). */
  attempts: number
}

/**
 * Publishes this run's results on the bot branch without losing another run's: each round fetches the remote
 * branch once, carries its unmerged results onto this run's head, and pushes with that same fetched commit as
 * the lease, so a push that lands between the fetch and ours is rejected, not overwritten (docs/architecture.md, "Trust"). A
 * rejected round starts again from a fresh fetch, a bounded number of times with growing jittered waits; the
 * last 'lease-failed' is returned for the caller to report as a failure.
 */
export async function pushCarried(o: PushCarriedOptions): Promise<PushCarriedResult> {
  const attempts = Math.max(1, o.attempts ?? 4)
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>(r => setTimeout(r, ms)))
  const own = await o.git.commitOf(o.head)
  if (own === null) throw new Error(`The local bot branch ${o.head} does not exist.`)
  let last: PushCarriedResult | null = null
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const remoteSha = await o.git.fetchBranch(o.remote, o.branch)
    const kept = await carryOver({ ...o, head: own, remoteSha })
    await o.git.updateRef(o.scratchRef, kept.head, await o.git.commitOf(o.scratchRef))
    const branch = await publishBranch({ ...o, localRef: o.scratchRef, remoteSha })
    last = { branch, head: kept.head, carried: kept.carried, attempts: attempt }
    if (branch.operation !== 'lease-failed') return last
    if (attempt < attempts) await sleep(backoffDelay(attempt))
  }
  const failed = last as PushCarriedResult
  failed.branch.message =
    `${o.remote}/${o.branch} kept moving: another run pushed in between ${attempts} time(s), so this run's ` +
    `results were not pushed (${failed.branch.message})`
  return failed
}
