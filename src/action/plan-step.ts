import { logPlan } from '../plan/log.js'
import { planRepository, type PlanWithState } from '../plan/plan.js'
import { syncedOnBotBranch } from '../publish/pending.js'
import { budgetUnderCaps, type SpendReport } from '../publish/spend-report.js'
import { pushGitOf, type RunContext } from './run-context.js'

/** The steps of `mode: run` before anything is spent: the plan, and the budget the caps leave. */

/** The plan, and how many of its units an earlier run already synced on the bot branch (planned as `nothing`). */
export interface PlannedRun extends PlanWithState {
  onBotBranch: number
}

/** Step 4: the plan, less the units an earlier run already synced on the open bot branch, logged unit by unit. */
export function planStep(ctx: RunContext): Promise<PlannedRun> {
  return ctx.reporter.group('Plan', async () => {
    const planned = await planRepository(ctx.planOptions, ctx.reporter)
    const onBotBranch = !ctx.s.run.dryRun && !ctx.s.github.fork ? await skipPending(ctx, planned) : 0
    logPlan(planned.plan, ctx.reporter)
    return Object.assign(planned, { onBotBranch })
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

/** Plans as `nothing` the units an earlier run already synced on the open bot branch (see pending.ts): how many. */
async function skipPending(ctx: RunContext, planned: PlanWithState): Promise<number> {
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
  return pending.size
}
