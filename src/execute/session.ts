import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanOptions, PlanWithState } from '../plan/plan.js'
import type { SyncSettings } from '../settings/run-inputs.js'
import { executePlan, type ExecuteOptions } from './execute.js'
import type { RunResult } from './result.js'
import { checkRuntimes, provideRuntimes, type RuntimeProvision } from './runtimes-step.js'
import { hasWork } from '../types.js'
import { withDependents } from './runtime-skips.js'

/** Options of {@link syncPlanned}. */
export interface SyncPlannedOptions {
  git: Git
  planned: PlanWithState
  planOptions: PlanOptions
  /** Local bot branch, rebuilt from `base`. */
  branch: string
  base: string
  settings: SyncSettings
  /** The pdd argv prefix (empty when nothing runs). */
  command: string[]
  reporter: Reporter
  signal?: AbortSignal
  runId?: string
  /** The environment `pdd` gets (always without credentials, see executePlan); default `process.env`. */
  env?: NodeJS.ProcessEnv
  /** See {@link ExecuteOptions.onProgress}. */
  onProgress?: ExecuteOptions['onProgress']
  /** Names or globs of more variables kept from pdd (input `withhold-env`, `--withhold-env`). */
  withholdEnv?: readonly string[]
  /** Where the runtimes the action provides (tsx) are installed and cached; without it none are provided. */
  runtimes?: RuntimeProvision
  /** See {@link ExecuteOptions.logDir}. */
  logDir?: string
  /** Committer, author and message template of the group commits (inputs `committer`, `author`, `commit-message`). */
  commits?: Pick<ExecuteOptions, 'identity' | 'author' | 'commitTemplate'>
  /** See {@link ExecuteOptions.places}. */
  places?: ExecuteOptions['places']
}

/** Runs every group of the plan that has work (step 5), with the invocation both entry points build alike. */
export async function syncPlanned(o: SyncPlannedOptions): Promise<RunResult> {
  const s = o.settings
  const work = o.planned.plan.units.some(u => hasWork(u.operation))
  const env = o.env ?? process.env
  const check = { agenticFallback: s.agenticFallback }
  const runtimes =
    !work || !o.runtimes
      ? undefined
      : o.command.length > 0
        ? await o.reporter.group('Runtimes', () =>
            provideRuntimes(o.planned, env, o.runtimes as RuntimeProvision, o.reporter, check)
          )
        : // No pdd (nothing can run, see anyUnitCanRun): the same check, so every unit gets its reason.
          { missing: reported(checkRuntimes(o.planned, env, check), o.reporter) }
  return executePlan({
    git: o.git,
    planned: o.planned,
    planOptions: o.planOptions,
    branch: o.branch,
    base: o.base,
    budget: s.budget,
    concurrency: s.concurrency,
    policy: s.budgetPolicy,
    timeoutMs: s.timeoutMinutes * 60_000,
    invocation: {
      command: o.command,
      maxAttempts: s.maxAttempts,
      local: !s.pddCloud,
      context: o.planOptions.context,
      strength: s.strength,
      temperature: s.temperature,
      skipTests: o.planOptions.skipTests,
      skipVerify: o.planOptions.skipVerify,
      targetCoverage: o.planOptions.targetCoverage,
      agenticFallback: s.agenticFallback
    },
    reporter: o.reporter,
    signal: o.signal,
    runId: o.runId,
    env: o.env,
    withholdEnv: o.withholdEnv,
    keepPartial: s.keepPartial,
    onProgress: o.onProgress,
    deadline: deadlineOf(s.maxRunMinutes),
    runtimes,
    logDir: o.logDir,
    places: o.places,
    ...o.commits
  })
}

/** The part of `max-run-minutes` kept for publication: 20 %, at most two minutes. */
export function publishMarginMs(maxRunMinutes: number): number {
  return Math.min(120_000, maxRunMinutes * 60_000 * 0.2)
}

/**
 * Epoch ms by which every sync must end: the process start (the step's start) plus `max-run-minutes`, less the
 * publication margin. Undefined without a limit.
 */
export function deadlineOf(
  maxRunMinutes: number | undefined,
  startedAt: number = Date.now() - process.uptime() * 1000
): number | undefined {
  if (maxRunMinutes === undefined) return undefined
  return Math.round(startedAt + maxRunMinutes * 60_000 - publishMarginMs(maxRunMinutes))
}

/**
 * Runs `work` with an abort signal that SIGINT or SIGTERM (a cancelled workflow, Ctrl-C) fires: the running
 * syncs stop, nothing new starts, and `work` still returns what finished so it can be published.
 */
export async function withCancellation<T>(
  onCancel: () => void,
  work: (signal: AbortSignal) => Promise<T>
): Promise<T> {
  const abort = new AbortController()
  const stop = (): void => {
    onCancel()
    abort.abort()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    return await work(abort.signal)
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

/**
 * Whether any unit with work can run on this runner: false when every one lacks its runtime or an agent CLI
 * (or depends on one that does), so pdd need not be installed (docs/architecture.md "Runtimes").
 */
export function anyUnitCanRun(
  planned: PlanWithState,
  env: NodeJS.ProcessEnv,
  agenticFallback: boolean
): boolean {
  const cannot = withDependents(planned, checkRuntimes(planned, env, { agenticFallback }))
  return planned.plan.units.some(u => hasWork(u.operation) && !cannot.has(u.id))
}

function reported(missing: Map<string, string>, reporter: Reporter): Map<string, string> {
  for (const [id, why] of missing) reporter.warning(`${id} is skipped (nothing spent): ${why}`)
  return missing
}
