import { logPlan } from '../plan/log.js'
import { planRepository, type PlanWithState } from '../plan/plan.js'
import { syncedOnBotBranch } from '../publish/pending.js'
import { budgetUnderCaps, type SpendReport } from '../publish/spend-report.js'
import { pushGitOf, type RunContext } from './run-context.js'

/** The steps of `mode: run` before anything is spent: the plan, and the budget the caps leave. */

/** Step 4: the plan, less the units an earlier run already synced on the open bot branch, logged unit by unit. */
export function planStep(ctx: RunContext): Promise<PlanWithState> {
  return ctx.reporter.group('Plan', async () => {
    const planned = await planRepository(ctx.planOptions, ctx.reporter)
    if (!ctx.s.run.dryRun && !ctx.s.github.fork) await skipPending(ctx, planned)
    logPlan(planned.plan, ctx.reporter)
    return planned
  })
}

/**
 * The budget the daily and monthly caps leave this run, from the spend the run records hold; with a cap and
 * work to do, reserved in the notes before anything is installed, so that runs started together stay under it.
 */
export async function spendStep(
  ctx: RunContext,
  planned: PlanWithState,
  runId: string,
  anyWork: boolean
): Promise<SpendReport> {
  const s = ctx.s
  return budgetUnderCaps({
    git: pushGitOf(ctx),
    remote: 'origin',
    notesRef: s.notesRef,
    identity: s.publish.commits.committer,
    runId,
    budget: s.budget,
    caps: s.caps,
    read: planned.spend,
    reserve: anyWork && !s.run.dryRun && !s.github.fork && s.publish.stateStore !== 'comment',
    reporter: ctx.reporter
  })
}

/** Plans as `nothing` the units an earlier run already synced on the open bot branch (see pending.ts). */
async function skipPending(ctx: RunContext, planned: PlanWithState): Promise<void> {
  const { git, branch, baseSha, planOptions, reporter } = ctx
  const o = {
    git,
    remote: 'origin',
    branch,
    baseSha,
    planned,
    planOptions,
    identity: ctx.s.publish.commits.committer,
    reporter
  }
  const pending = await syncedOnBotBranch(o).catch((e: Error) => {
    reporter.warning(`Could not check ${branch} for results of earlier runs: ${e.message}`)
    return new Map<string, string>()
  })
  for (const u of planned.plan.units) {
    const why = pending.get(u.id)
    if (!why) continue
    planned.plan.estimatedCost = Math.max(0, planned.plan.estimatedCost - u.estimatedCost)
    Object.assign(u, { operation: 'nothing', reason: why, estimatedCost: 0 })
  }
}
