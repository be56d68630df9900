import { randomUUID } from 'node:crypto'
import type { ArtifactUploader } from '../adapters/artifact.js'
import type { Reporter } from '../adapters/reporter.js'
import type { ShardSpec } from '../plan/matrix.js'
import { planRepository, type PlanWithState } from '../plan/plan.js'
import { toRunRecord } from '../publish/run-record.js'
import { defaultUploader, keepWork, publishThrew } from '../publish/safeguard.js'
import { budgetUnderCaps } from '../publish/spend-report.js'
import { checklistOf } from './checklist-of.js'
import { outcomeOf } from './outcome.js'
import { publishStep } from './publish-step.js'
import type { RunActionOutcome } from './run-action.js'
import { openRun, pushGitOf, type RunContext } from './run-context.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { actionTrust } from '../trust/action.js'
import type { JobTrust } from '../trust/job.js'
import { closeRun, collectShards, type Collected, type CollectOptions } from '../fanout/collect.js'

/**
 * `mode: finalize` (docs/architecture.md "Modes"): the shards' refs replayed onto the bot branch as one run,
 * then the publish step of `mode: run` (lease, human commits, carry-over, one run record, one pull request),
 * then the run's refs deleted. Units of a leg that never reported are failed: "shard <k> did not report".
 */
export async function finalizeAction(
  s: ActionSettings,
  reporter: Reporter,
  trust: JobTrust = actionTrust(s, process.env),
  uploader: ArtifactUploader = defaultUploader()
): Promise<RunActionOutcome> {
  const ctx = await openRun(s, reporter, trust)
  const specs = s.fanOut.matrix ?? []
  const planned = await planMatrix(ctx, specs)
  const known = new Map(planned.plan.units.map(u => [u.id, { basename: u.basename, language: u.language }]))
  const runId = s.github.runId ? `${s.github.runId}-${randomUUID().slice(0, 8)}` : randomUUID()
  const co: CollectOptions = {
    git: pushGitOf(ctx),
    remote: 'origin',
    runKey: s.fanOut.runKey ?? '',
    baseSha: ctx.baseSha,
    specs,
    known,
    identity: s.publish.commits.committer,
    reporter,
    notesRef: s.notesRef
  }
  const collected = await collectStep(co)
  const { result } = collected
  const spend = await budgetUnderCaps({
    git: co.git,
    remote: null,
    notesRef: s.notesRef,
    identity: s.publish.commits.committer,
    runId,
    budget: result.budget,
    caps: s.caps,
    read: planned.spend,
    reserve: false,
    reporter
  })
  const record = await recordStep(ctx, result, runId)
  const checklist = checklistOfRun(s, planned, collected)
  const outcome = outcomeOf(s, ctx.branch, { planned, result, checklist, record, spend })
  const published = await reporter
    .group('Publish', () =>
      publishStep(
        ctx,
        co.git,
        { result, record, checklist, skipRecord: result.units.length === 0 },
        reportedBasenames(collected)
      )
    )
    .catch((e: unknown) => publishThrew(e, checklist))
  for (const w of published.warnings) reporter.warning(w)
  if (!published.failed) await closeRun(co, collected)
  const rescue = published.failed ? await rescueOf(ctx, result, record, uploader) : undefined
  return { ...outcome, checklist: published.checklist, published, ...(rescue ? { rescue } : {}) }
}

/** Moves the local bot branch to the collected head and makes the run record of the whole run. */
async function recordStep(
  ctx: RunContext,
  result: RunActionOutcome['result'],
  runId: string
): Promise<RunActionOutcome['record']> {
  const localRef = `refs/heads/${ctx.branch}`
  await ctx.git.updateRef(localRef, result.head ?? ctx.baseSha, await ctx.git.commitOf(localRef))
  result.branch = ctx.branch
  return toRunRecord(result, {
    runId,
    trigger: ctx.s.trigger,
    baseSha: ctx.baseSha,
    createdAt: new Date().toISOString(),
    pddVersion: result.pddVersion
  })
}

/** The plan of the matrix's units at the base: prompt paths for the checklist, spend for the caps report. */
function planMatrix(ctx: RunContext, specs: readonly ShardSpec[]): Promise<PlanWithState> {
  const ids = specs.flatMap(x => x.units)
  const scope = { trigger: 'workflow_dispatch' as const, units: ids.length > 0 ? ids : ['-'] }
  return ctx.reporter.group('Plan', () => planRepository({ ...ctx.planOptions, scope }, ctx.reporter))
}

/** The shards' refs gathered into one run, saying which shard did not report or did not finish. */
async function collectStep(co: CollectOptions): Promise<Collected> {
  const { reporter } = co
  const collected = await reporter.group('Collect the shards', () => collectShards(co))
  const { outcomes } = collected
  for (const m of outcomes.missing)
    reporter.warning(
      `Shard ${m.shard} did not report: its units are listed as failed (${m.units.join(', ')}).`
    )
  for (const r of outcomes.reported.filter(x => x.complete === false))
    reporter.warning(`Shard ${r.shard} did not finish: what it did is published, the rest listed as failed.`)
  if (outcomes.earlier.length > 0)
    reporter.info(`Published by an earlier finalize of this run: shard(s) ${outcomes.earlier.join(', ')}.`)
  return collected
}

/** The checklist of the whole run: the plan's prompt paths and contexts, and those the shards reported. */
function checklistOfRun(
  s: ActionSettings,
  planned: PlanWithState,
  collected: Collected
): RunActionOutcome['checklist'] {
  const base = checklistOf(s, planned, collected.result, collected.result.pddVersion)
  return {
    ...base,
    promptPaths: { ...base.promptPaths, ...collected.promptPaths },
    contextOf: { ...base.contextOf, ...collected.contextOf }
  }
}

/** Basenames the reported shards synced or tried (a missing shard's earlier results stay carried over). */
function reportedBasenames(c: Collected): Set<string> {
  return new Set(
    c.outcomes.reported.flatMap(r =>
      r.result.units.filter(u => u.status !== 'unchanged').map(u => u.basename)
    )
  )
}

function rescueOf(
  ctx: RunContext,
  result: RunActionOutcome['result'],
  record: RunActionOutcome['record'],
  uploader: ArtifactUploader
): ReturnType<typeof keepWork> {
  return keepWork({
    git: ctx.git,
    branch: ctx.branch,
    baseSha: ctx.baseSha,
    result,
    record,
    uploader,
    reporter: ctx.reporter
  })
}
