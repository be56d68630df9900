import { randomUUID } from 'node:crypto'
import type { ArtifactUploader } from '../adapters/artifact.js'
import type { Reporter } from '../adapters/reporter.js'
import { planRepository } from '../plan/plan.js'
import { toRunRecord } from '../publish/run-record.js'
import { defaultUploader, keepWork, publishThrew } from '../publish/safeguard.js'
import { budgetUnderCaps } from '../publish/spend-report.js'
import { checklistOf } from './checklist-of.js'
import { outcomeOf } from './outcome.js'
import { publishStep, type RunActionOutcome } from './run-action.js'
import { openRun, pushGitOf, type RunContext } from './run-context.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { actionTrust } from '../trust/action.js'
import type { JobTrust } from '../trust/job.js'
import { closeRun, collectShards, type CollectOptions } from '../fanout/collect.js'

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
  const ids = specs.flatMap(x => x.units)
  // The plan of the matrix's units at the base: prompt paths for the checklist, spend for the caps report.
  const planned = await reporter.group('Plan', () =>
    planRepository(
      { ...ctx.planOptions, scope: { trigger: 'workflow_dispatch', units: ids.length > 0 ? ids : ['-'] } },
      reporter
    )
  )
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
  const collected = await reporter.group('Collect the shards', () => collectShards(co))
  const { result, outcomes } = collected
  for (const m of outcomes.missing)
    reporter.warning(
      `Shard ${m.shard} did not report: its units are listed as failed (${m.units.join(', ')}).`
    )
  for (const r of outcomes.reported.filter(x => x.complete === false))
    reporter.warning(`Shard ${r.shard} did not finish: what it did is published, the rest listed as failed.`)
  if (outcomes.earlier.length > 0)
    reporter.info(`Published by an earlier finalize of this run: shard(s) ${outcomes.earlier.join(', ')}.`)
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
  const localRef = `refs/heads/${ctx.branch}`
  await ctx.git.updateRef(localRef, result.head ?? ctx.baseSha, await ctx.git.commitOf(localRef))
  result.branch = ctx.branch
  const record = toRunRecord(result, {
    runId,
    trigger: s.trigger,
    baseSha: ctx.baseSha,
    createdAt: new Date().toISOString(),
    pddVersion: result.pddVersion
  })
  const base = checklistOf(s, planned, result, result.pddVersion)
  const checklist = {
    ...base,
    promptPaths: { ...base.promptPaths, ...collected.promptPaths },
    contextOf: { ...base.contextOf, ...collected.contextOf }
  }
  const outcome = outcomeOf(s, ctx.branch, { planned, result, checklist, record, spend })
  const nothing = result.units.length === 0
  const published = await reporter
    .group('Publish', () =>
      publishStep(
        ctx,
        co.git,
        { result, record, checklist, skipRecord: nothing },
        reportedBasenames(collected)
      )
    )
    .catch((e: unknown) => publishThrew(e, checklist))
  for (const w of published.warnings) reporter.warning(w)
  if (!published.failed) await closeRun(co, collected)
  const rescue = published.failed ? await rescueOf(ctx, result, record, uploader) : undefined
  return { ...outcome, checklist: published.checklist, published, ...(rescue ? { rescue } : {}) }
}

/** Basenames the reported shards synced or tried (a missing shard's earlier results stay carried over). */
function reportedBasenames(c: Awaited<ReturnType<typeof collectShards>>): Set<string> {
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
