import path from 'node:path'
import type { ArtifactUploader } from '../adapters/artifact.js'
import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { anyUnitCanRun, syncPlanned, withCancellation } from '../execute/session.js'
import type { RunResult } from '../execute/result.js'
import type { PlanWithState } from '../plan/plan.js'
import { preflightStep } from '../preflight/preflight-step.js'
import { refuseUncommitted } from '../preflight/uncommitted.js'
import { refuseStrayPddrc } from '../preflight/stray-pddrc.js'
import { IncrementalPublisher } from '../publish/incremental.js'
import { toRunRecord, type RunIdentity } from '../publish/run-record.js'
import {
  defaultUploader,
  keepWork,
  logRounds,
  partialRecord,
  progressOptions,
  publishThrew
} from '../publish/safeguard.js'
import { explainCapped, type SpendReport } from '../publish/spend-report.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { actionTrust } from '../trust/action.js'
import type { JobTrust } from '../trust/job.js'
import { hasWork } from '../types.js'
import { ActionsCache } from '../adapters/actions-cache.js'
import { providePddStep, toolDir, type ProvidedPdd } from './provide-pdd.js'
import { planStep, spendStep, type PlannedRun } from './plan-step.js'
import { openRun, pushGitOf, signOf, type RunContext } from './run-context.js'
import { publishStep, type PublishParts } from './publish-step.js'
import { jobRunId, openShard, shardStep } from './shard-step.js'
import type { ShardSession } from '../fanout/session.js'
import { narrowToLeg } from '../fanout/leg.js'
import { checklistOf } from './checklist-of.js'
import { outcomeOf, type RunActionOutcome } from './outcome.js'
import { logStep } from './log-step.js'
import { scratchRoot } from '../adapters/temp.js'
import type { Selection } from '../control/commands.js'
import { replyBody } from '../control/reply.js'
import { narrowPlan, postReply, type ControlRun } from '../control/run-control.js'

export type { RunActionOutcome } from './outcome.js'

/**
 * `mode: run`, one call per step: plan (state from notes and, when asked, the PR comment) → provide pdd (only
 * when the plan has work) → sync every group within the budget → carry over earlier unmerged results →
 * publish. SIGINT/SIGTERM (a cancelled workflow) stop the running syncs, and what finished is still published.
 */
export async function runAction(
  s: ActionSettings,
  reporter: Reporter,
  trust: JobTrust = actionTrust(s, process.env),
  uploader: ArtifactUploader = defaultUploader(),
  control?: ControlRun
): Promise<RunActionOutcome> {
  // An empty scope is every unit: a shard without its leg's units would pay for every other leg's too.
  if (s.mode === 'shard' && s.units.length === 0)
    throw new Error(
      'mode "shard" needs input "units" (${{ matrix.units }}): without it the shard would run every unit, ' +
        'as the other legs do. Nothing was run.'
    )
  const ctx = await openRun(s, reporter, trust, control)
  const planned = await planStep(ctx)
  if (s.mode === 'shard') {
    const others = narrowToLeg(planned, s.units)
    if (others.length > 0)
      reporter.info(`Not in this leg (their ids are not in its "units"): ${others.join(', ')}.`)
  }
  const selection = control ? narrowPlan(planned, control, reporter) : undefined
  const runId = jobRunId(ctx)
  const shard = s.mode === 'shard' && !s.run.dryRun ? await openShard(ctx, planned, runId) : undefined
  const anyWork = planned.plan.units.some(u => hasWork(u.operation))
  if (anyWork && !s.run.dryRun) {
    await refuseUncommitted(ctx.git, planned, s.repoRoot, ctx.baseSha)
    await refuseStrayPddrc(planned, s.repoRoot, scratchRoot())
    await preflightStep({ ...ctx, pddEnv: ctx.trust.pddEnv.env })
  }
  const spend = await spendStep(ctx, planned, runId, anyWork)
  const onCancel = (): void =>
    reporter.warning('Cancelled: stopping the running syncs and publishing what finished.')
  return withCancellation(onCancel, signal =>
    syncAndPublish(ctx, { planned, spend, runId, anyWork, signal, uploader, selection, shard })
  )
}

/** What the steps after planning take from it. */
interface Planned {
  planned: PlannedRun
  spend: SpendReport
  runId: string
  anyWork: boolean
  signal: AbortSignal
  uploader: ArtifactUploader
  /** PR control: the units a person asked to re-run. */
  selection?: Selection
  /** `mode: shard`: the attempt's reports to its per-run ref. */
  shard?: ShardSession
}

/** Provide pdd → sync (publishing progress as groups finish) → publish, or say why nothing is published. */
async function syncAndPublish(ctx: RunContext, r: Planned): Promise<RunActionOutcome> {
  const s = ctx.s
  const budget = Math.min(r.spend.effective.budget, r.shard?.budget ?? Infinity)
  const runs = r.anyWork && !s.run.dryRun && budget > 0
  const pdd = runs && needsPdd(ctx, r.planned) ? await providePddStep(ctx) : { command: [] }
  const id = { runId: r.runId, trigger: s.trigger, baseSha: ctx.baseSha, pddVersion: pdd.version }
  const why = notPublishedBecause(ctx, r.anyWork)
  const pushGit = pushGitOf(ctx)
  const progress = why || !runs || s.mode === 'shard' ? null : progressPublisher(ctx, pushGit, budget, id)
  const logDir = path.join(scratchRoot(), 'pdd-sync', `logs-${r.runId}`)
  r.signal.addEventListener('abort', () => r.shard?.reporter.freeze())
  const offer = r.shard?.reporter ?? progress
  const result = await syncStep(ctx, r.planned, pdd, {
    runId: r.runId,
    budget,
    signal: r.signal,
    onProgress: offer ? p => offer.offer(p) : undefined,
    start: r.shard?.start,
    logDir
  })
  const logs = runs ? await logStep(ctx, logDir, r.runId, r.uploader) : null
  await progress?.close()
  logRounds(ctx.reporter, progress?.rounds ?? [])
  explainCapped(result, r.spend)
  const record = toRunRecord(result, { ...id, createdAt: new Date().toISOString() })
  const checklist = checklistOf(s, r.planned, result, pdd.version)
  const outcome = outcomeOf(s, ctx.branch, {
    planned: r.planned,
    result,
    checklist,
    record,
    spend: r.spend,
    logs
  })
  if (why) {
    await replyStep(ctx, r.selection, { result, notRun: why })
    return { ...outcome, published: null, notPublished: why }
  }
  if (r.shard) return { ...outcome, ...(await shardStep(ctx, r.shard, result, r.planned, pdd.version)) }
  const skipRecord = !r.anyWork
  // Nothing to do, but units done on the bot branch: an earlier run may not have got its PR (pending-pr.ts).
  const pending = skipRecord && r.planned.onBotBranch > 0 ? r.planned.spend.records : undefined
  const parts = { result, record, checklist, skipRecord, pending }
  const kept = await publishOrKeep(ctx, pushGit, parts, r.uploader)
  await replyStep(ctx, r.selection, { result, publishFailed: kept.published?.failed })
  return { ...outcome, ...kept }
}

/** False when no unit with work can run on this runner (runtime or agent CLI missing): pdd is then not installed. */
function needsPdd(ctx: RunContext, planned: PlanWithState): boolean {
  if (anyUnitCanRun(planned, ctx.trust.pddEnv.env, ctx.s.run.agenticFallback)) return true
  ctx.reporter.info('pdd is not installed: no unit with work can run on this runner (see the reasons below).')
  return false
}

/** PR control: the reply on the pull request (what ran, what it cost, the result). */
async function replyStep(
  ctx: RunContext,
  selection: Selection | undefined,
  r: { result: RunResult; notRun?: string; publishFailed?: string }
): Promise<void> {
  const c = ctx.control
  if (!c || !selection) return
  const body = replyBody({ by: c.by, how: c.how, selection, runUrl: ctx.s.github.runUrl, ...r })
  await postReply(ctx.github, c.number, body, ctx.reporter)
}

/** Pushes the bot branch and a partial run record after each finished group, so paid work is never lost. */
function progressPublisher(
  ctx: RunContext,
  pushGit: Git,
  budget: number,
  id: Omit<RunIdentity, 'createdAt'>
): IncrementalPublisher {
  return new IncrementalPublisher({
    ...progressOptions(ctx.s.publish),
    git: pushGit,
    remote: 'origin',
    branch: ctx.branch,
    baseSha: ctx.baseSha,
    notesRef: ctx.s.notesRef,
    identity: ctx.s.publish.commits.committer,
    record: units => partialRecord(units, budget, { ...id, createdAt: '' }),
    reporter: ctx.reporter,
    sign: signOf(ctx)
  })
}

/** Step 6, and when the final publish fails, the synced commits kept in a workflow artifact. */
async function publishOrKeep(
  ctx: RunContext,
  pushGit: Git,
  r: PublishParts,
  uploader: ArtifactUploader
): Promise<Pick<RunActionOutcome, 'checklist' | 'published' | 'rescue'>> {
  const published = await ctx.reporter
    .group('Publish', () => publishStep(ctx, pushGit, r))
    .catch((e: unknown) => publishThrew(e, r.checklist))
  for (const w of published.warnings) ctx.reporter.warning(w)
  const rescue = published.failed
    ? await keepWork({
        git: ctx.git,
        branch: ctx.branch,
        baseSha: ctx.baseSha,
        result: r.result,
        record: r.record,
        uploader,
        reporter: ctx.reporter
      })
    : undefined
  return { checklist: published.checklist, published, ...(rescue ? { rescue } : {}) }
}

/** Step 5: every group with work, within the budget (a dry run syncs nothing). */
async function syncStep(
  ctx: RunContext,
  planned: PlanWithState,
  pdd: ProvidedPdd,
  r: {
    runId: string
    budget: number
    signal: AbortSignal
    onProgress?: (p: { head: string; units: RunResult['units'] }) => void
    /** Where the groups start (a resumed shard: its earlier attempt's head); default the base. */
    start?: string
    logDir: string
  }
): Promise<RunResult> {
  const result = await syncPlanned({
    git: ctx.git,
    planned: ctx.s.run.dryRun ? { ...planned, plan: { ...planned.plan, units: [] } } : planned,
    planOptions: ctx.planOptions,
    branch: ctx.branch,
    base: r.start ?? ctx.baseSha,
    settings: { ...ctx.s.run, budget: r.budget },
    command: pdd.command,
    reporter: ctx.reporter,
    signal: r.signal,
    runId: r.runId,
    env: ctx.trust.pddEnv.env,
    withholdEnv: ctx.s.run.withholdEnv,
    runtimes: { toolDir: toolDir(), cache: new ActionsCache() },
    onProgress: r.onProgress,
    logDir: r.logDir,
    commits: commitsOf(ctx)
  })
  if (pdd.version) result.pddVersion = pdd.version
  return result
}

/** Committer, author and message template of the group commits (inputs `committer`, `author`, `commit-message`). */
function commitsOf(ctx: RunContext): { identity: Identity; author: Identity; commitTemplate: string } {
  const c = ctx.s.publish.commits
  return { identity: c.committer, author: c.author, commitTemplate: c.template }
}

/** Why this run publishes nothing, or undefined when it publishes. */
export function notPublishedBecause(ctx: RunContext, anyWork: boolean): string | undefined {
  if (ctx.s.run.dryRun) return 'dry run: nothing was run or published'
  if (ctx.s.github.fork) return 'a pull request from a fork has a read-only token'
  if (!anyWork && ctx.control) return 'no unit asked for has work (already in sync, or not in the plan)'
  if (!anyWork && !ctx.github) return 'every unit is in sync; nothing to publish'
  return undefined
}
