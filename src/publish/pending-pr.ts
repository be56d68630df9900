import { GitError, type CommitInfo } from '../adapters/git.js'
import { GitHubError, type GitHub } from '../adapters/github.js'
import { closedPullRequests } from '../adapters/github-lifecycle.js'
import { TRAILER } from '../execute/commit-message.js'
import type { RunResult, UnitResult } from '../execute/result.js'
import { latestPerRun, type RunRecord } from '../state/record.js'
import { botCommitOf, isHumanCommit, trailersOf } from './bot-commit.js'
import type { ChecklistInput } from './checklist.js'
import type { PublishOptions, PublishOutcome } from './options.js'
import { upsertListingBranch } from './pr-listing.js'
import { pushCarried } from './push-carried.js'

/** The bot branch of a no-op run that holds results no pull request has shown yet. */
interface PendingBranch {
  /** The remote bot branch's commit. */
  sha: string
  /** Runs whose complete bot commits are on it (`PDD-Sync-Run`). */
  runIds: Set<string>
  /** The units those commits hold, synced (`PDD-Sync-Unit`): the checklist when no run record is left. */
  units: UnitResult[]
}

/** A run with nothing to do that was given the records it read (`pending`), an API and no commit of its own. */
export function pendingApplies(o: PublishOptions): boolean {
  return !!o.pending && !!o.github && !o.carryExcept && (o.result.head ?? o.baseSha) === o.baseSha
}

/**
 * A run with nothing to do (`skipRecord`) that finds no open pull request: when the bot branch still holds
 * complete bot commits the base lacks (an earlier run pushed them but GitHub refused to open the pull request),
 * the branch is brought onto the base as a run with work would (carry-over, lease) and the pull request is
 * opened with the checklist of the latest run whose results are on it. Not when the branch is absent, already
 * in the base, holds someone else's commit, or is the very head of a pull request that was closed or merged —
 * a person's "no" is kept until a run with work pushes something new. At $0; no run record is written.
 * Nothing is written to the notes (`notes.pushed` stands as for any run with nothing to do).
 */
export async function publishPending(
  o: PublishOptions,
  checklist: ChecklistInput,
  warnings: string[]
): Promise<PublishOutcome> {
  const p = o.github ? await openPending(o, o.github, o.pending ?? [], { checklist, warnings }) : null
  return {
    branch: p?.branch ?? null,
    pullRequest: p?.pullRequest ?? { operation: 'none' },
    notes: { pushed: true, comment: false },
    checklist,
    warnings
  }
}

async function openPending(
  o: PublishOptions,
  github: GitHub,
  records: readonly RunRecord[],
  { checklist, warnings }: { checklist: ChecklistInput; warnings: string[] }
): Promise<Pick<PublishOutcome, 'branch' | 'pullRequest'> | null> {
  const found = await pendingBranch(o)
  if (!found || (await closedWithThisHead(o, github, found.sha))) return null
  let pushed: Awaited<ReturnType<typeof pushCarried>>
  try {
    pushed = await pushCarried({
      ...o,
      head: o.baseSha,
      base: o.baseSha,
      ran: new Set(),
      scratchRef: `refs/pdd-sync/publish/${o.branch}`,
      attempts: 1
    })
  } catch (e) {
    if (!(e instanceof GitError) && !(e instanceof GitHubError)) throw e
    o.reporter.info(`Could not bring ${o.branch} onto ${o.base}: ${e.message}`)
    return null
  }
  const b = pushed.branch
  if (pushed.head === o.baseSha || (b.operation !== 'pushed' && b.operation !== 'unchanged')) {
    o.reporter.info(`${o.branch} holds no result ${o.base} lacks, or could not be updated: ${b.message}`)
    return null
  }
  o.reporter.info(b.message)
  checklist.carried = pushed.carried
  const latest = latestOf(records, found.runIds)
  const result = pendingResult(latest, found.units, o, b.head ?? pushed.head)
  const listing = pendingChecklist(o, result, latest)
  const said: string[] = []
  const r = await upsertListingBranch({ ...o, github, result }, listing, said)
  if (!r) {
    // No warning: no paid work is at stake (it is on the branch); the summary says why the PR is not open.
    checklist.prBlocked = listing.prBlocked
    for (const w of said) o.reporter.info(w)
    return { branch: b, pullRequest: { operation: 'none' } }
  }
  warnings.push(...said)
  o.reporter.info(
    `${r.operation === 'created' ? 'Opened' : 'Updated'} #${r.pullRequest.number} for the results earlier runs left on ${o.branch}: ${pushed.carried.join(', ')}.`
  )
  const { number, url } = r.pullRequest
  return { branch: b, pullRequest: { operation: r.operation, number, url } }
}

/** The remote bot branch when it holds complete bot commits the base lacks and no one else's commit. */
async function pendingBranch(o: PublishOptions): Promise<PendingBranch | null> {
  const sha = await o.git.fetchBranch(o.remote, o.branch)
  if (!sha) return null
  await o.git.relateShallow(o.remote, o.baseSha, sha)
  if (await o.git.baseContains(o.baseSha, sha)) return null
  const commits = await o.git.commitsBetween(o.baseSha, sha)
  if (commits.some(c => isHumanCommit(c, o.identity))) {
    o.reporter.info(`${o.branch} has commits not made by ${o.identity.name}: no pull request opened for it.`)
    return null
  }
  const bots = commits.filter(c => {
    const bot = botCommitOf(c)
    return bot !== null && !bot.partial
  })
  if (bots.length === 0) return null
  const runIds = new Set(bots.flatMap(c => trailer(c, TRAILER.run)))
  return { sha, runIds, units: unitsOf(bots) }
}

const trailer = (c: CommitInfo, key: string): string[] => trailersOf(c.message).get(key.toLowerCase()) ?? []

/** The units complete bot commits hold (not kept partial), as synced with an unknown cost. */
function unitsOf(bots: readonly CommitInfo[]): UnitResult[] {
  const out = new Map<string, UnitResult>()
  for (const c of bots) {
    const basename = botCommitOf(c)?.basename ?? ''
    const partial = new Set(trailer(c, TRAILER.partial))
    for (const id of trailer(c, TRAILER.unit).filter(u => !partial.has(u))) {
      const language = id.startsWith(`${basename}_`) ? id.slice(basename.length + 1) : ''
      out.set(id, { id, basename, language, status: 'synced', operations: [], cost: null, reason: '' })
    }
  }
  return [...out.values()]
}

/** True (and said) when a closed or merged pull request had the branch at this very commit as its head. */
async function closedWithThisHead(o: PublishOptions, github: GitHub, sha: string): Promise<boolean> {
  const closed = await closedPullRequests(github, o.branch, o.base).catch((e: Error) => {
    o.reporter.info(`Could not list the closed pull requests of ${o.branch}: ${e.message}`)
    return null
  })
  if (!closed) return true
  const pr = closed.find(p => p.headSha === sha)
  if (!pr) return false
  o.reporter.info(
    `${o.branch} is where #${pr.number} left it (${pr.merged ? 'merged' : 'closed without merging'}): no ` +
      'pull request opened again; the next run with work opens a new one.'
  )
  return true
}

/**
 * The latest run among `runIds`, by its most complete record (a run killed before its end left only a partial
 * one, with the units it finished): the run whose checklist the pull request shows.
 */
function latestOf(records: readonly RunRecord[], runIds: ReadonlySet<string>): RunRecord | undefined {
  const mine = latestPerRun(records).filter(r => runIds.has(r.runId))
  return mine.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}

/** The latest run's result as its record kept it; with no record (notes lost, `state-store: comment`), `units`. */
function pendingResult(
  r: RunRecord | undefined,
  units: UnitResult[],
  o: PublishOptions,
  head: string
): RunResult {
  if (!r) return { budget: 0, spent: 0, units, branch: o.branch, head, baseSha: o.baseSha }
  return {
    budget: r.budget,
    spent: r.spent,
    units: r.units.map(({ fingerprint: _f, runReport: _r, ...u }) => u),
    branch: o.branch,
    head,
    baseSha: r.baseSha,
    ...(r.pddVersion ? { pddVersion: r.pddVersion } : {})
  }
}

/** The checklist of that run: its trigger, pdd version and workflow run; this run's prompt paths. */
function pendingChecklist(o: PublishOptions, result: RunResult, r: RunRecord | undefined): ChecklistInput {
  const { runUrl: _u, notesSaved: _n, humanCommitBlock: _h, prBlocked: _p, ...rest } = o.checklist
  return {
    ...rest,
    result,
    trigger: r?.trigger ?? o.checklist.trigger,
    pddVersion: r?.pddVersion,
    budgetExhausted: result.units.some(u => u.status === 'skipped-budget'),
    carried: undefined,
    ...(r ? { runUrl: runUrlOf(o.checklist.runUrl, r.runId) } : {})
  }
}

/** `…/actions/runs/<id>` of an earlier run of the same repository (its run id starts `<GITHUB_RUN_ID>-`). */
export function runUrlOf(thisRun: string | undefined, runId: string): string | undefined {
  const id = /^(\d+)-/.exec(runId)?.[1]
  if (!thisRun || !id || !/\/actions\/runs\/\d+$/.test(thisRun)) return undefined
  return thisRun.replace(/\d+$/, id)
}
