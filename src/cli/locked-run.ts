/**
 * `pdd-sync run` once its options are checked: the repository's run lock, then plan → caps → pdd and its
 * checks → sync → run record (local notes, pushed with `--push`) or, as a shard, the shard's ref.
 */
import { randomUUID } from 'node:crypto'
import { homedir } from 'node:os'
import path from 'node:path'
import type { Git } from '../adapters/git.js'
import { pddVersion } from '../adapters/pdd-process.js'
import type { Reporter } from '../adapters/reporter.js'
import { recordCliRun } from './publish.js'
import { cliLogs, keepLogs } from './logs.js'
import type { CliShard } from './run-options.js'
import { BOT, closePool, prewarmedPool } from '../execute/execute.js'
import type { WorktreePool } from '../execute/worktree-pool.js'
import { acquireRunLock, RunLockBusy, type RunLock } from '../execute/run-lock.js'
import { syncPlanned, withCancellation } from '../execute/session.js'
import type { RunResult } from '../execute/result.js'
import { shardRunId } from '../fanout/reservations.js'
import { startShard, type ShardSession } from '../fanout/session.js'
import { ProgressRecorder, type LocalProgress } from './progress-record.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../plan/plan.js'
import { checkBeforeSpending, parsePackagedCatalog, pddEnvironment } from '../preflight/preflight.js'
import { refuseUncommitted } from '../preflight/uncommitted.js'
import { refuseStrayPddrc } from '../preflight/stray-pddrc.js'
import { scratchRoot } from '../adapters/temp.js'
import { budgetUnderCaps, explainCapped, type SpendReport } from '../publish/spend-report.js'
import type { SyncSettings } from '../settings/run-inputs.js'
import { hasCaps } from '../state/spend.js'
import { withheldLine, type JobTrust } from '../trust/job.js'
import { hasWork } from '../types.js'
import { timelineMark } from '../execute/group-timing.js'

/** What one `pdd-sync run` needs once the repository is locked. */
export interface LockedRun {
  planOptions: PlanOptions
  git: Git
  branch: string
  trust: JobTrust
  reporter: Reporter
  command: string[]
  /** The budget asked for, before the caps. */
  requested: number
  caps: { daily?: number; monthly?: number }
  settings: Omit<SyncSettings, 'budget'>
  withhold: string[]
  /** `--push` remote, if any. */
  push?: string
  /** `--shard K`: report to the run's shard ref instead of recording the run. */
  shard?: CliShard
  /** `--logs DIR`. */
  logs?: string
}

/**
 * Plan → caps → pdd and its checks → sync → run record (local notes, pushed with `--push`). What does not depend
 * on each other overlaps (docs/architecture.md "Performance"): the first groups' worktrees are made while pdd's
 * version is asked and the checks run; the logs are kept and the worktrees removed beside the run record.
 */
export async function lockedRun(o: LockedRun): Promise<{ result: RunResult; spend: SpendReport }> {
  const { git, planOptions } = o
  const planned = await planRepository(planOptions, o.reporter)
  timelineMark('planned')
  const base = (await git.commitOf('HEAD')) ?? ''
  await refuseUncommitted(git, planned, planOptions.repoRoot, base)
  await refuseStrayPddrc(planned, planOptions.repoRoot, scratchRoot())
  const runId = o.shard ? shardRunId(o.shard.runKey, o.shard.shard, randomUUID().slice(0, 8)) : randomUUID()
  const notesRef = planOptions.notesRef ?? 'refs/notes/pdd-sync'
  const session = o.shard
    ? await shardSession(o, o.shard, planned, base, { ref: notesRef, runId })
    : undefined
  const anyWork = planned.plan.units.some(u => hasWork(u.operation))
  const start = session?.start ?? base
  const asked = session?.budget ?? o.requested
  // Without caps the budget is what was asked: pdd and the worktrees are readied beside the spend check.
  let ready = anyWork && asked > 0 && !hasCaps(o.caps) ? prepare(o, planned, start) : undefined
  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= ready ? closePool(ready.places, o.reporter) : Promise.resolve())
  try {
    const [spend, logs] = await Promise.all([
      budgetUnderCaps({
        git,
        remote: o.push ?? null,
        notesRef,
        identity: BOT,
        runId,
        budget: asked,
        caps: o.caps,
        read: planned.spend,
        reserve: anyWork && planOptions.notesRef !== null,
        reporter: o.reporter
      }),
      cliLogs(git, o.logs, runId)
    ])
    const budget = spend.effective.budget
    if (anyWork && budget > 0) ready ??= prepare(o, planned, start)
    const version = ready && budget > 0 ? await checkedPdd(o, base, ready.version) : undefined
    const progress = progressOf(o, { anyWork, session, budget, runId, base, version })
    const synced = syncWithCancellation(o, planned, start, budget, progress, logs.scratch, ready?.places)
    // The logs are kept whatever the syncs did (a thrown error included), beside the run record.
    const kept = synced.then(noop, noop).then(() => keepLogs(logs, o.trust.redactor, o.reporter))
    try {
      const result = await synced.finally(() => progress?.close?.())
      if (version) result.pddVersion = version
      explainCapped(result, spend)
      const closed = close()
      const recorded = await record(o, { result, session, anyWork, runId, base, version })
      await closed
      return { result: recorded, spend }
    } finally {
      await kept
    }
  } finally {
    await close()
  }
}

function noop(): void {}

/**
 * Where a group that landed is reported: a shard's session (its shard ref), else, for a run that records (notes
 * on, some work), its partial records in the local notes (progress-record.ts).
 */
function progressOf(
  o: LockedRun,
  r: {
    anyWork: boolean
    session: ShardSession | undefined
    budget: number
    runId: string
    base: string
    version?: string
  }
): Progressing | undefined {
  const session = r.session
  if (session) return { offer: p => session.reporter.offer(p), freeze: () => session.reporter.freeze() }
  const notesRef = o.planOptions.notesRef
  if (o.shard || !r.anyWork || notesRef === null) return undefined
  return new ProgressRecorder({
    git: o.git,
    notesRef,
    budget: r.budget,
    id: { runId: r.runId, trigger: 'cli', baseSha: r.base, pddVersion: r.version },
    reporter: o.reporter
  })
}

/**
 * What the syncs need ready before the first one starts, started now and not waited for: the first groups'
 * worktrees (prewarmedPool) and pdd's version (a promise handled here, so that an early failure is reported by
 * whoever awaits it, never as an unhandled rejection).
 */
function prepare(
  o: LockedRun,
  planned: PlanWithState,
  start: string
): { places: WorktreePool; version: Promise<string> } {
  const version = pddVersion(o.command, o.trust.pddEnv.env)
  version.catch(noop)
  // The check before spending's main cost, done while pdd starts (see parsePackagedCatalog).
  setImmediate(() => {
    try {
      parsePackagedCatalog()
    } catch {
      // The check parses it again and reports what is wrong.
    }
  })
  return { places: prewarmedPool(o.git, planned, start, o.settings.concurrency), version }
}

/** The run's report: to the shard ref (`--shard K`), else the run record in the local notes (and `--push`). */
async function record(
  o: LockedRun,
  r: {
    result: RunResult
    session: ShardSession | undefined
    anyWork: boolean
    runId: string
    base: string
    version: string | undefined
  }
): Promise<RunResult> {
  const notesRef = o.planOptions.notesRef
  if (o.shard && r.session) {
    const { ref, result: whole } = await r.session.finish(r.result)
    if (ref) o.reporter.info(`Shard ${o.shard.shard} reported to ${ref}${o.push ? ` on ${o.push}` : ''}.`)
    return whole
  }
  if (!r.anyWork || notesRef === null) return r.result
  const recorded = await recordCliRun({
    git: o.git,
    result: r.result,
    runId: r.runId,
    base: r.base,
    notesRef,
    push: o.push,
    reporter: o.reporter,
    pddVersion: r.version
  })
  for (const line of recorded.pushed) o.reporter.info(line)
  return r.result
}

/** `--shard K`: the shard's session, which reports each finished group to the run's shard ref as it lands. */
function shardSession(
  o: LockedRun,
  shard: CliShard,
  planned: PlanWithState,
  base: string,
  reservation: { ref: string; runId: string }
): Promise<ShardSession> {
  return startShard({
    git: o.git,
    remote: o.push ?? null,
    runKey: shard.runKey,
    shard: shard.shard,
    baseSha: base,
    budget: o.requested,
    planned,
    identity: BOT,
    redactor: o.trust.redactor,
    reporter: o.reporter,
    reservation
  })
}

/** The version of the pdd to run, after the checks before spending; says what is withheld from it. */
async function checkedPdd(o: LockedRun, base: string, asked: Promise<string>): Promise<string> {
  const { command, trust, reporter } = o
  const version = await asked
  timelineMark('pdd-version')
  const withheld = withheldLine(trust.pddEnv)
  if (withheld) reporter.info(withheld)
  reporter.info(`Using pdd ${version} (${command.join(' ')}).`)
  await checkBeforeSpending({
    git: o.git,
    commit: base,
    repoRoot: o.planOptions.repoRoot,
    env: pddEnvironment(o.settings.pddCloud, trust.pddEnv.env),
    pddVersion: version,
    strength: o.settings.strength,
    cloud: o.settings.pddCloud,
    reporter
  })
  timelineMark('pdd-checked')
  return version
}

/** Where a group that landed is reported: the shard's session, or the run's partial records. */
interface Progressing {
  offer: (p: LocalProgress) => void
  freeze?: () => void
  /** Waits for the report in flight; the final report comes after it. */
  close?: () => Promise<void>
}

/** Syncs the planned groups; SIGINT/SIGTERM stop the running syncs and keep what finished. */
function syncWithCancellation(
  o: LockedRun,
  planned: PlanWithState,
  base: string,
  budget: number,
  progress: Progressing | undefined,
  logDir: string,
  places: WorktreePool | undefined
): Promise<RunResult> {
  const { reporter, trust } = o
  return withCancellation(
    () => reporter.warning('Interrupted: stopping the running syncs; what finished is kept.'),
    signal => {
      signal.addEventListener('abort', () => progress?.freeze?.())
      return syncPlanned({
        git: o.git,
        planned,
        planOptions: o.planOptions,
        branch: o.branch,
        base,
        settings: { ...o.settings, budget },
        command: o.command,
        reporter,
        signal,
        env: trust.pddEnv.env,
        withholdEnv: o.withhold,
        // tsx for PDD's `npx tsx` (TypeScript), kept between runs in the user's cache folder.
        runtimes: { toolDir: path.join(homedir(), '.cache', 'pdd-sync-action', 'tools') },
        onProgress: progress ? p => progress.offer(p) : undefined,
        logDir,
        places
      })
    }
  )
}

/** Exit code when another run holds the repository (EX_TEMPFAIL: try again later). */
export const BUSY = 75

/** The run lock of the repository (run-lock.ts), or null after saying who holds it. */
export async function lockOrNull(git: Git): Promise<RunLock | null> {
  try {
    return await acquireRunLock(await git.commonDir())
  } catch (e) {
    if (!(e instanceof RunLockBusy)) throw e
    process.stderr.write(`pdd-sync: ${e.message}\n`)
    return null
  }
}
