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

/**
 * What `run` may give back as soon as the group's paid work ended (its pdd exited, its cost is known), before
 * its result is final: the cost is booked and the group's slot goes to the next group at once, while `outcome`
 * (judged, committed, landed) settles in the background (docs/architecture.md "Performance"). Groups that depend
 * on it wait for `outcome`.
 */
export interface PaidGroup {
  paid: true
  /** Dollars PDD booked, null when unknown. */
  cost: number | null
  /** The group's outcome once final; its `cost` is not booked again. */
  outcome: Promise<GroupOutcome>
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
  run: (group: Group, admission: Admission) => Promise<GroupOutcome | PaidGroup>
  /** Told once when no group is left to start (each one started or was skipped); running ones may still run. */
  onAllStarted?: () => void
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
 * (after waiting for running groups when their unspent reservations would make it fit). A group that returned
 * a {@link PaidGroup} leaves its slot when paid; at most `concurrency` more groups finish in the background.
 */
export async function schedule(opts: ScheduleOptions): Promise<Scheduled[]> {
  return new Scheduler(opts).runAll()
}

/** What considering one pending group did: left it waiting, found the budget full for now, or settled it. */
type Step = 'wait' | 'full' | 'settled'

/** The state of one {@link schedule} call. */
class Scheduler {
  private readonly results = new Map<string, Scheduled>()
  private readonly known: Set<string>
  private readonly pending: Group[]
  private readonly running = new Map<string, Promise<void>>()
  /** Groups paid for (booked, slot free) whose outcome is not final yet. */
  private readonly finishing = new Map<string, Promise<void>>()
  /** Set by the `ordered` policy once a group did not fit: why every later group is skipped. */
  private stopped: string | null = null
  private readonly ignoreDeps = new Set<string>()

  constructor(private readonly opts: ScheduleOptions) {
    this.known = new Set(opts.groups.map(g => g.id))
    this.pending = [...opts.groups]
  }

  async runAll(): Promise<Scheduled[]> {
    let told = false
    while (this.pending.length > 0 || this.busy() > 0) {
      const progressed = this.admitPending()
      if (this.pending.length === 0 && !told) {
        told = true
        this.opts.onAllStarted?.()
      }
      if (!progressed && this.busy() === 0 && this.pending.length > 0) {
        // Only groups waiting on each other remain (a cycle): run them in order, dependencies ignored.
        this.ignoreDeps.add((this.pending[0] as Group).id)
        continue
      }
      if (this.busy() > 0 && !progressed)
        await Promise.race([...this.running.values(), ...this.finishing.values()])
    }
    return this.opts.groups.map(g => this.results.get(g.id) as Scheduled)
  }

  /** One pass over the pending groups while there is room; true when any of them left the queue. */
  private admitPending(): boolean {
    let progressed = false
    for (let i = 0; i < this.pending.length && this.hasRoom(); i++) {
      const step = this.consider(this.pending[i] as Group)
      if (step === 'wait') continue
      if (step === 'full') break // wait for reservations to come back
      this.pending.splice(i--, 1)
      progressed = true
    }
    return progressed
  }

  private consider(g: Group): Step {
    const deps = this.ignoreDeps.has(g.id) ? [] : g.dependsOn.filter(d => this.known.has(d) && d !== g.id)
    const failedDep = deps.find(d => this.results.has(d) && !succeeded(this.results.get(d), g.needs))
    if (failedDep) return this.skip(g, 'skipped-dependency', `depends on ${failedDep}, which did not sync`)
    if (deps.some(d => !this.results.has(d))) return 'wait'
    const signal = this.opts.signal
    if (signal?.aborted) {
      const reason =
        typeof signal.reason === 'string' ? signal.reason : 'the run was cancelled before it started'
      return this.skip(g, 'skipped-budget', reason)
    }
    if (this.stopped !== null) return this.skip(g, 'skipped-budget', this.stopped)
    return this.admitOrSkip(g)
  }

  private admitOrSkip(g: Group): Step {
    const { ledger, calibration } = this.opts
    const estimate = calibration ? calibration.estimateOf(g.estimate) : g.estimate
    const admission = this.admit(g, estimate)
    if (admission) {
      this.running.set(g.id, this.start(g, admission))
      return 'settled'
    }
    if (this.running.size > 0 && ledger.couldFit(estimate)) return 'full'
    const reason = `estimated $${estimate.toFixed(2)} exceeds the $${ledger.available.toFixed(2)} left of the budget`
    this.skip(g, 'skipped-budget', reason)
    if (this.opts.policy === 'ordered')
      this.stopped = `not started: an earlier group did not fit the budget (${reason})`
    return 'settled'
  }

  private skip(g: Group, kind: NotRun['kind'], reason: string): Step {
    this.results.set(g.id, { group: g, ran: false, notRun: { kind, reason } })
    return 'settled'
  }

  /** Groups running or finishing. */
  private busy(): number {
    return this.running.size + this.finishing.size
  }

  /** A slot is free, and no more than `concurrency` paid groups are still finishing. */
  private hasRoom(): boolean {
    return this.running.size < this.limit() && this.busy() < 2 * this.limit()
  }

  private limit(): number {
    return this.opts.calibration?.active ? 1 : Math.max(1, this.opts.concurrency)
  }

  private admit(g: Group, estimate: number): Admission | null {
    const c = this.opts.calibration
    if (!c?.active) return this.opts.ledger.admit(g.id, estimate)
    const a = this.opts.ledger.admitRest(g.id, estimate)
    if (a) c.started(g.id)
    return a
  }

  private start(g: Group, admission: Admission): Promise<void> {
    const { ledger, calibration } = this.opts
    return this.opts
      .run(g, admission)
      .catch((e: unknown): GroupOutcome => ({ ok: false, cost: null, error: e }))
      .then(first => {
        ledger.book(g.id, first.cost)
        calibration?.observe(g.estimate, first.cost)
        this.running.delete(g.id)
        if (!('paid' in first)) {
          this.results.set(g.id, { group: g, ran: true, admission, outcome: first })
          return
        }
        const final = first.outcome
          .catch((e: unknown): GroupOutcome => ({ ok: false, cost: first.cost, error: e }))
          .then(outcome => {
            this.results.set(g.id, { group: g, ran: true, admission, outcome })
            this.finishing.delete(g.id)
          })
        this.finishing.set(g.id, final)
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
