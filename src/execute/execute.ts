import { randomUUID } from 'node:crypto'
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanOptions, PlanWithState } from '../plan/plan.js'
import { hasWork, isInSync } from '../types.js'
import { BudgetLedger, Calibration, dollars } from './budget.js'
import type { GroupContext, GroupRun } from './group.js'
import { groupRunner, notRun, reasonOf } from './group-runner.js'
import type { SyncInvocationOptions } from './pdd-argv.js'
import type { RunResult, UnitResult } from './result.js'
import { schedule, type Group, type NotRun, type Scheduled } from './schedule.js'
import { BotBranch } from './bot-branch.js'
import { groupsOf, prioritiseStalest } from './groups-of.js'
import { promptsOf, skippedForRuntime, withDependents } from './runtime-skips.js'
import { buildPddEnv } from '../trust/pdd-env.js'
import { ACTIONS_BOT } from '../settings/commit-inputs.js'
import { WorktreePool } from './worktree-pool.js'
import { timelineMark } from './group-timing.js'

/** The bot identity commits and notes are made as. */
export const BOT: Identity = ACTIONS_BOT

/** Options of {@link executePlan}. */
export interface ExecuteOptions {
  git: Git
  planned: PlanWithState
  planOptions: PlanOptions
  /** Local branch the group commits are replayed onto, rebuilt from `base` (e.g. `pdd-sync/main`). */
  branch: string
  /** Commit the bot branch starts from. */
  base: string
  budget: number
  concurrency: number
  policy: 'ordered' | 'fit'
  timeoutMs: number
  invocation: Omit<SyncInvocationOptions, 'basename' | 'budget' | 'costFile'>
  reporter: Reporter
  /** The committer of the bot's commits (and their author unless `author` is given); default {@link BOT}. */
  identity?: Identity
  author?: Identity
  /** Input `commit-message`: the template of each group's commit message (commit-message.ts). */
  commitTemplate?: string
  signal?: AbortSignal
  runId?: string
  /**
   * The job environment `pdd` is given, default `process.env`: it always passes {@link buildPddEnv} here, so
   * no GitHub or Actions credential, nor a variable named in `withholdEnv`, reaches pdd whatever the caller.
   */
  env?: NodeJS.ProcessEnv
  /** Names or globs of more variables kept from pdd (input `withhold-env`, `--withhold-env`). */
  withholdEnv?: readonly string[]
  /** Commit what a failed unit left, marked as partial (input `keep-partial`). */
  keepPartial?: boolean
  /**
   * Told after each group has landed: the bot branch's head and every unit finished so far (a copy), so paid
   * work can be published before the run ends. Not awaited: a slow publication never holds the syncs back.
   */
  onProgress?: (p: { head: string; units: UnitResult[] }) => void
  /**
   * Epoch ms by which every sync must have ended (input `max-run-minutes` less the publication margin): no
   * group starts after it, and a running group's timeout is cut so that it ends by then.
   */
  deadline?: number
  /**
   * Runtimes (docs/architecture.md "Runtimes"): the `node_modules` of the npm tools the action provides, and the
   * units whose runtime is missing (id → reason), which are skipped, with their dependents, before anything runs.
   */
  runtimes?: { nodeModules?: string; missing?: ReadonlyMap<string, string> }
  /** See {@link GroupContext.logDir}: each group's full output and a failed group's PDD files, for the log artifact. */
  logDir?: string
  /**
   * The worktrees the groups run in, when the caller made the pool (and started making worktrees, see
   * {@link prewarmedPool}) and closes it itself; otherwise one is made here and closed before returning.
   */
  places?: WorktreePool
}

/**
 * A worktree pool for a run at `concurrency` that already starts making the worktrees its groups will hold at
 * once at `base` — one per group running or finishing: twice the concurrency (the next groups start while the
 * first ones commit and land), no more than there are groups — so that they are made beside the run's
 * preparation (pdd's version, the checks) and the first syncs, not on the first groups' path. The caller passes
 * it as {@link ExecuteOptions.places} and closes it.
 */
export function prewarmedPool(
  git: Git,
  planned: PlanWithState,
  base: string,
  concurrency: number
): WorktreePool {
  const places = new WorktreePool(git, 2 * Math.max(1, concurrency))
  const groups = new Set(planned.plan.units.filter(u => hasWork(u.operation)).map(u => u.basename)).size
  places.prewarm(base, Math.min(groups, 2 * Math.max(1, concurrency)))
  return places
}

/**
 * Step 5 of docs/architecture.md: every group with work runs in its own worktree, admitted by the budget ledger, in
 * dependency order; the commits of synced groups are replayed onto the bot branch one at a time.
 */
export async function executePlan(o: ExecuteOptions): Promise<RunResult> {
  // The bot branch moves once a landing: one `git update-ref --stdin` for the run, not a process a landing
  // (docs/architecture.md "Performance"); ended once every group has landed.
  timelineMark('execute', o.planOptions.env)
  const refs = o.git.withRefTransactions()
  try {
    return await executeOn(o, refs)
  } finally {
    await refs.closeRefTransactions()
    timelineMark('executed', o.planOptions.env)
  }
}

/** {@link executePlan}, the bot branch moved through `refs`. */
async function executeOn(o: ExecuteOptions, refs: Git): Promise<RunResult> {
  const ledger = new BudgetLedger(o.budget)
  // The bot branch is reset beside the first groups' worktrees and restores; no pdd starts before it is.
  const bot = BotBranch.start(refs, o.branch, o.base, o.identity ?? BOT)
  const reset = bot.ready.then(() => timelineMark('bot-branch', o.planOptions.env))
  reset.catch(() => undefined)
  const places = o.places ?? new WorktreePool(o.git, 2 * Math.max(1, o.concurrency))
  const ctx = await groupContext(o, places)
  ctx.startGate = reset
  const cannotRun = withDependents(o.planned, o.runtimes?.missing)
  ctx.hiddenPrompts = promptsOf(o.planned, cannotRun)
  const { groups, members } = groupsOf(o.planned, cannotRun)
  if (o.planOptions.scope.trigger === 'schedule') prioritiseStalest(groups, o.planned)
  const runs = new Map<string, GroupRun>()
  const finished: UnitResult[] = []
  const stop = stopAtDeadline(o.deadline, o.signal)
  const calibration = o.planned.plan.calibrating && groups.length > 0 ? new Calibration() : undefined
  const scheduled = await schedule({
    calibration,
    groups,
    ledger,
    concurrency: o.concurrency,
    policy: o.policy,
    signal: stop.signal,
    onAllStarted: () => places.retire(),
    run: groupRunner({ ...o, ctx, bot, members, runs, finished, dependent: dependentGroups(groups) })
  })
  stop.clear()
  timelineMark('scheduled', o.planOptions.env)
  if (!o.places) await closePool(places, o.reporter)
  // A bot branch that could not be reset fails the run, as before any group starts (none of them spent).
  await reset
  const units = unitsOf(o.planned, scheduled, runs, cannotRun)
  return {
    budget: o.budget,
    spent: ledger.spent,
    units,
    branch: o.branch,
    head: bot.head,
    baseSha: o.base,
    overshoot: dollars(ledger.history.reduce((a, b) => a + b.overshoot, 0)),
    cancelled: o.signal?.aborted ?? false,
    estimatedCost: o.planned.plan.estimatedCost,
    ...(calibration
      ? { calibration: { groups: calibration.calibrated, factor: calibration.factor ?? undefined } }
      : {})
  }
}

/** Removes every worktree of the pool; what git could not remove is a warning. */
export async function closePool(places: WorktreePool, reporter: Reporter): Promise<void> {
  for (const e of await places.close()) reporter.warning(`Could not remove a worktree: ${String(e)}`)
}

/** The groups that depend on another group of the run. */
function dependentGroups(groups: readonly Group[]): Set<string> {
  const ids = new Set(groups.map(g => g.id))
  return new Set(groups.filter(g => g.dependsOn.some(d => d !== g.id && ids.has(d))).map(g => g.id))
}

/** What every group of the run shares. */
async function groupContext(o: ExecuteOptions, places: WorktreePool): Promise<GroupContext> {
  return {
    git: o.git,
    projectPrefix: path
      .relative(o.git.root, await realpath(o.planOptions.repoRoot))
      .split(path.sep)
      .join('/'),
    invocation: o.invocation,
    planOptions: o.planOptions,
    timeoutMs: o.timeoutMs,
    deadline: o.deadline,
    identity: o.identity ?? BOT,
    author: o.author,
    commitTemplate: o.commitTemplate,
    reporter: o.reporter,
    signal: o.signal,
    runId: o.runId ?? randomUUID(),
    env: buildPddEnv(o.env ?? process.env, { withhold: o.withholdEnv }).env,
    keepPartial: o.keepPartial ?? false,
    places,
    trackedMeta: new Map(),
    nodeModules: o.runtimes?.nodeModules,
    logDir: o.logDir
  }
}

/** Every unit's result, in schedule order: groups that ran or not, runtime skips, then the units without work. */
function unitsOf(
  p: PlanWithState,
  scheduled: Scheduled[],
  runs: ReadonlyMap<string, GroupRun>,
  cannotRun: ReadonlyMap<string, NotRun>
): UnitResult[] {
  const units: UnitResult[] = []
  for (const s of scheduled) {
    const run = runs.get(s.group.id)
    if (run) units.push(...run.units)
    else if (!s.ran) units.push(...notRun(p, s.group, s.notRun.kind, s.notRun.reason))
    // Ran, but its runner threw before recording it: its units are failed, never left out of the result.
    else
      units.push(...notRun(p, s.group, 'failed', reasonOf(s.outcome.error)).map(u => ({ ...u, cost: null })))
  }
  units.push(...skippedForRuntime(p, cannotRun))
  units.push(...untouched(p))
  withEstimates(units, p)
  return units
}

/** Each unit's planned estimate and prompt size, beside its actual cost (summary, run record). */
function withEstimates(units: UnitResult[], p: PlanWithState): void {
  const planned = new Map(p.plan.units.map(u => [u.id, u]))
  for (const u of units) {
    const pu = planned.get(u.id)
    if (!pu) continue
    u.estimate = pu.estimatedCost
    if (pu.promptBytes !== undefined) u.promptBytes = pu.promptBytes
  }
}

/**
 * The scheduler's stop signal: the caller's cancellation, or the deadline passing (its reason then says why
 * the groups not started yet did not run).
 */
function stopAtDeadline(
  deadline: number | undefined,
  signal: AbortSignal | undefined
): { signal: AbortSignal | undefined; clear: () => void } {
  if (deadline === undefined) return { signal, clear: () => undefined }
  const ac = new AbortController()
  const why = 'not started: the run is near its deadline (max-run-minutes) and keeps the rest to publish'
  const timer = setTimeout(() => ac.abort(why), Math.max(0, deadline - Date.now()))
  timer.unref()
  return {
    signal: signal ? AbortSignal.any([signal, ac.signal]) : ac.signal,
    clear: () => clearTimeout(timer)
  }
}

/** Units the plan found in sync (unchanged) or in conflict (a prompt edited together with derived files). */
function untouched(p: PlanWithState): UnitResult[] {
  return p.plan.units
    .filter(u => !hasWork(u.operation))
    .map(u => ({
      id: u.id,
      basename: u.basename,
      language: u.language,
      status: isInSync(u.operation) ? ('unchanged' as const) : ('conflict' as const),
      operations: [],
      cost: 0,
      reason: isInSync(u.operation) ? u.reason : `Manual merge required: ${u.reason}`
    }))
}
