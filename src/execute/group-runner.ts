/**
 * What the scheduler runs for each group (docs/architecture.md "Performance"): the group's sync, handed back as
 * soon as pdd ended (its cost booked, its slot free for the next group), then its verdict, commit and landing on
 * the bot branch beside the next group's sync; its worktree goes back to the pool at the bot branch's new head.
 */
import path from 'node:path'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanOptions, PlanWithState } from '../plan/plan.js'
import type { UnitState } from '../state/load.js'
import type { UnitStatus } from '../state/record.js'
import type { Unit } from '../types.js'
import type { Admission } from './budget.js'
import type { BotBranch } from './bot-branch.js'
import {
  GroupNotStarted,
  logFolder,
  runGroup,
  type GroupContext,
  type GroupRun,
  type PaidRun
} from './group.js'
import { keepUnlandedFiles } from './failure-files.js'
import { groupTimer } from './group-timing.js'
import { startLine } from './live-log.js'
import type { UnitResult } from './result.js'
import type { Group, GroupOutcome, PaidGroup } from './schedule.js'

/** What running the groups of a run shares; `runs` and `finished` are filled as groups land. */
export interface Runner {
  planned: PlanWithState
  planOptions: PlanOptions
  reporter: Reporter
  ctx: GroupContext
  bot: BotBranch
  members: ReadonlyMap<string, { unit: Unit; state: UnitState }[]>
  /**
   * The groups that depend on another group of the run: they start at the bot branch's head (their dependencies
   * landed); any other group starts wherever an idle worktree is (runGroup's `anyBase`).
   */
  dependent: ReadonlySet<string>
  runs: Map<string, GroupRun>
  finished: UnitResult[]
  /** See ExecuteOptions.onProgress (execute.ts). */
  onProgress?: (p: { head: string; units: UnitResult[] }) => void
}

/** The scheduler's `run`: one group, from the bot branch's head when it starts. */
export function groupRunner(r: Runner): (g: Group, admission: Admission) => Promise<PaidGroup> {
  return async (g, admission) => {
    r.reporter.info(startLine(g.id, g.units, g.estimate, admission.amount))
    const timer = groupTimer(g.id, r.planOptions.env, r.reporter)
    const base = r.bot.head
    const members = r.members.get(g.id) ?? []
    const paid = await runGroup(r.ctx, members, base, admission.amount, timer, !r.dependent.has(g.id)).catch(
      (e: unknown): PaidRun => ({
        // Unknown (the whole admission is booked) unless pdd never started.
        cost: e instanceof GroupNotStarted ? 0 : null,
        run: Promise.resolve(
          infrastructureFailure(r.planned, g, base, e, e instanceof GroupNotStarted ? 0 : null)
        ),
        release: () => Promise.resolve()
      })
    )
    timer.mark('paid')
    // The slot is free now: the verdict, commit and landing go on beside the next group's sync.
    const outcome = paid.run
      .catch((e: unknown): GroupRun => infrastructureFailure(r.planned, g, base, e, paid.cost))
      .then(async (run): Promise<GroupOutcome> => {
        await r.bot.land(run).catch((e: unknown) => notLanded(run, e, keepUnlanded(r.ctx, g.id, run)))
        timer.mark('land')
        r.runs.set(g.id, run)
        r.finished.push(...run.units)
        r.onProgress?.({ head: r.bot.head, units: r.finished.map(u => ({ ...u })) })
        const synced = run.units.filter(u => u.status === 'synced').map(u => u.id)
        return { ok: synced.length === run.units.length, synced, cost: run.cost }
      })
      .finally(() => paid.release(r.bot.head).finally(() => (timer.mark('released'), timer.done())))
    return { paid: true, cost: paid.cost, outcome }
  }
}

/**
 * A group whose run broke outside PDD (git, the file system): every unit failed, with the error as reason; `cost`
 * is what its pdd booked if it ran.
 */
function infrastructureFailure(
  p: PlanWithState,
  g: Group,
  base: string,
  e: unknown,
  cost: number | null = null
): GroupRun {
  const reason = reasonOf(e)
  return {
    units: notRun(p, g, 'failed', reason).map(u => ({ ...u, cost: null })),
    cost,
    commit: null,
    base
  }
}

/** The one-line reason of a group that could not run. */
export function reasonOf(e: unknown): string {
  return `could not run the group: ${e instanceof Error ? e.message : String(e)}`.split('\n')[0] ?? ''
}

/**
 * A group whose commit could not be put on the bot branch (a git error): its synced units are failed (their
 * files are not on the branch), their cost stays (it was paid); `kept` says where their files are.
 */
function notLanded(run: GroupRun, e: unknown, kept: string): void {
  const error = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''
  const why = `its commit could not be put on the bot branch: ${error}${kept}`
  for (const u of run.units) {
    if (u.status !== 'synced' && !u.partial) continue
    Object.assign(u, { status: 'failed', reason: why })
    delete u.partial
    delete u.commit
  }
  run.commit = null
}

/**
 * Paid work is never lost: the files of a group whose commit failed go to the run's log folder (the action's
 * log artifact) before the worktree is scrubbed. What the reason then says about them.
 */
function keepUnlanded(ctx: GroupContext, basename: string, run: GroupRun): string {
  const p = run.pending
  if (!p || ctx.logDir === undefined) return ''
  try {
    const dest = logFolder(ctx.logDir, basename)
    if (keepUnlandedFiles(p.wt.root, p.paths, dest))
      return `; its files are kept in the run's logs (${path.basename(dest)}/unlanded/)`
  } catch {
    // Said below.
  }
  return "; its files could not all be copied to the run's logs"
}

/** Results of the units of a group that did not run. */
export function notRun(p: PlanWithState, g: Group, status: UnitStatus, reason: string): UnitResult[] {
  return g.units.map(id => {
    const language = p.units.get(id)?.unit.language ?? ''
    return { id, basename: g.id, language, status, operations: [], cost: 0, reason }
  })
}
