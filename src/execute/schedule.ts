import type { Admission, BudgetLedger, Calibration } from './budget.js'

/** A group: the languages of one basename, run by one `pdd sync <basename>`. */
export interface Group {
  /** The basename. */
  id: string
  /** Unit ids of the group, in PDD's order. */
  units: string[]
  /** Groups that must finish (successfully) first. */
  dependsOn: string[]
  /**
   * The units of those groups this group needs in sync (its prompts include their files). When given, a
   * dependency group counts as successful when these units synced, even if another language of it failed.
   */
  needs?: string[]
  /** Estimated dollars of the group's planned operations. */
  estimate: number
}

/** How a group ended, as the scheduler needs to know it. */
export interface GroupOutcome {
  /** True when every unit of the group is in sync afterwards. */
  ok: boolean
  /** The units that are in sync afterwards (default: all when `ok`, none otherwise). */
  synced?: string[]
  /** Dollars PDD booked, null when unknown. */
  cost: number | null
  /** An infrastructure error thrown by the runner (the group counts as failed). */
  error?: unknown
}

/** Why a group did not run. */
export type NotRun = {
  kind: 'skipped-budget' | 'skipped-dependency' | 'skipped-runtime'
  reason: string
}

/** What happened to each group. */
export type Scheduled =
  | { group: Group; ran: true; admission: Admission; outcome: GroupOutcome }
  | { group: Group; ran: false; notRun: NotRun }

/** Options of {@link schedule}. */
export interface ScheduleOptions {
  /** Groups in priority order (dependency order is enforced on top of it). */
  groups: readonly Group[]
  ledger: BudgetLedger
  /** Groups run at once, ≥ 1. */
  concurrency: number
  /**
   * `fit`: a group that does not fit the remaining budget is skipped and smaller ones after it still run.
   * `ordered`: the first group that does not fit stops admission; every group after it is skipped too.
   */
  policy: 'ordered' | 'fit'
  run: (group: Group, admission: Admission) => Promise<GroupOutcome>
  /** Stop admitting new groups (cancellation); running ones finish. */
  signal?: AbortSignal
  /**
   * Set when the estimates are PDD's table (no recorded cost): while it is active one group runs at a time with
   * all that is left; afterwards estimates are scaled by what the run booked (see {@link Calibration}).
   */
  calibration?: Calibration
}

/**
 * Runs groups in dependency and priority order, at most `concurrency` at once, each admitted by the ledger
 * before it starts. A group whose dependency did not succeed is skipped; a group that does not fit is skipped
 * (after waiting for running groups when their unspent reservations would make it fit).
 */
export async function schedule(opts: ScheduleOptions): Promise<Scheduled[]> {
  const results = new Map<string, Scheduled>()
  const known = new Set(opts.groups.map(g => g.id))
  const pending = [...opts.groups]
  const running = new Map<string, Promise<void>>()
  let stopped: string | null = null
  const ignoreDeps = new Set<string>()
  const finish = (s: Scheduled): void => {
    results.set(s.group.id, s)
  }
  while (pending.length > 0 || running.size > 0) {
    let progressed = false
    for (let i = 0; i < pending.length && running.size < limit(); i++) {
      const g = pending[i] as Group
      const deps = ignoreDeps.has(g.id) ? [] : g.dependsOn.filter(d => known.has(d) && d !== g.id)
      const failedDep = deps.find(d => results.has(d) && !succeeded(results.get(d), g.needs))
      if (failedDep) {
        finish({
          group: g,
          ran: false,
          notRun: { kind: 'skipped-dependency', reason: `depends on ${failedDep}, which did not sync` }
        })
      } else if (deps.some(d => !results.has(d))) {
        continue
      } else if (opts.signal?.aborted) {
        finish({
          group: g,
          ran: false,
          notRun: {
            kind: 'skipped-budget',
            reason:
              typeof opts.signal.reason === 'string'
                ? opts.signal.reason
                : 'the run was cancelled before it started'
          }
        })
      } else if (stopped !== null) {
        finish({ group: g, ran: false, notRun: { kind: 'skipped-budget', reason: stopped } })
      } else {
        const estimate = estimateOf(g)
        const admission = admit(g, estimate)
        if (!admission) {
          if (running.size > 0 && opts.ledger.couldFit(estimate)) break // wait for reservations to come back
          const reason = `estimated $${estimate.toFixed(2)} exceeds the $${opts.ledger.available.toFixed(2)} left of the budget`
          finish({ group: g, ran: false, notRun: { kind: 'skipped-budget', reason } })
          if (opts.policy === 'ordered')
            stopped = `not started: an earlier group did not fit the budget (${reason})`
        } else {
          running.set(g.id, start(g, admission))
        }
      }
      pending.splice(i--, 1)
      progressed = true
    }
    if (!progressed && running.size === 0 && pending.length > 0) {
      // Only groups waiting on each other remain (a cycle): run them in order, dependencies ignored.
      ignoreDeps.add((pending[0] as Group).id)
      continue
    }
    if (running.size > 0 && !progressed) await Promise.race(running.values())
  }
  return opts.groups.map(g => results.get(g.id) as Scheduled)

  function limit(): number {
    return opts.calibration?.active ? 1 : Math.max(1, opts.concurrency)
  }

  function estimateOf(g: Group): number {
    return opts.calibration ? opts.calibration.estimateOf(g.estimate) : g.estimate
  }

  function admit(g: Group, estimate: number): Admission | null {
    const c = opts.calibration
    if (!c?.active) return opts.ledger.admit(g.id, estimate)
    const a = opts.ledger.admitRest(g.id, estimate)
    if (a) c.started(g.id)
    return a
  }

  function start(g: Group, admission: Admission): Promise<void> {
    return opts
      .run(g, admission)
      .catch((e: unknown): GroupOutcome => ({ ok: false, cost: null, error: e }))
      .then(outcome => {
        opts.ledger.book(g.id, outcome.cost)
        opts.calibration?.observe(g.estimate, outcome.cost)
        finish({ group: g, ran: true, admission, outcome })
        running.delete(g.id)
      })
  }
}

function succeeded(s: Scheduled | undefined, needs: readonly string[] | undefined): boolean {
  if (s === undefined || !s.ran) return false
  const needed = needs?.filter(u => s.group.units.includes(u)) ?? []
  if (needed.length === 0) return s.outcome.ok
  const synced = s.outcome.synced ?? (s.outcome.ok ? s.group.units : [])
  return needed.every(u => synced.includes(u))
}
