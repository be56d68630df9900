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
import type { CliShard } from './run-options.js'
import { BOT } from '../execute/execute.js'
import { acquireRunLock, RunLockBusy, type RunLock } from '../execute/run-lock.js'
import { syncPlanned, withCancellation } from '../execute/session.js'
import type { RunResult } from '../execute/result.js'
import { shardRunId } from '../fanout/reservations.js'
import { startShard, type ShardSession } from '../fanout/session.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../plan/plan.js'
import { checkBeforeSpending, pddEnvironment } from '../preflight/preflight.js'
import { budgetUnderCaps, explainCapped, type SpendReport } from '../publish/spend-report.js'
import type { SyncSettings } from '../settings/run-inputs.js'
import { withheldLine, type JobTrust } from '../trust/job.js'
import { hasWork } from '../types.js'

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
}

/** Plan → caps → pdd and its checks → sync → run record (local notes, pushed with `--push`). */
export async function lockedRun(o: LockedRun): Promise<{ result: RunResult; spend: SpendReport }> {
  const { git, reporter, planOptions } = o
  const planned = await planRepository(planOptions, reporter)
  const base = (await git.commitOf('HEAD')) ?? ''
  const runId = o.shard ? shardRunId(o.shard.runKey, o.shard.shard, randomUUID().slice(0, 8)) : randomUUID()
  const notesRef = planOptions.notesRef ?? 'refs/notes/pdd-sync'
  const session = o.shard
    ? await shardSession(o, o.shard, planned, base, { ref: notesRef, runId })
    : undefined
  const anyWork = planned.plan.units.some(u => hasWork(u.operation))
  const spend = await budgetUnderCaps({
    git,
    remote: o.push ?? null,
    notesRef,
    identity: BOT,
    runId,
    budget: session?.budget ?? o.requested,
    caps: o.caps,
    read: planned.spend,
    reserve: anyWork && planOptions.notesRef !== null,
    reporter
  })
  const budget = spend.effective.budget
  const version = anyWork && budget > 0 ? await checkedPdd(o, base) : undefined
  const result = await syncWithCancellation(o, planned, session?.start ?? base, budget, session)
  if (version) result.pddVersion = version
  explainCapped(result, spend)
  if (o.shard && session) {
    const { ref, result: whole } = await session.finish(result)
    if (ref) reporter.info(`Shard ${o.shard.shard} reported to ${ref}${o.push ? ` on ${o.push}` : ''}.`)
    return { result: whole, spend }
  } else if (anyWork && planOptions.notesRef !== null) {
    const r = await recordCliRun({
      git,
      result,
      runId,
      base,
      notesRef: planOptions.notesRef,
      push: o.push,
      reporter,
      pddVersion: version
    })
    for (const line of r.pushed) reporter.info(line)
  }
  return { result, spend }
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
async function checkedPdd(o: LockedRun, base: string): Promise<string> {
  const { command, trust, reporter } = o
  const version = await pddVersion(command, trust.pddEnv.env)
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
  return version
}

/** Syncs the planned groups; SIGINT/SIGTERM stop the running syncs and keep what finished. */
function syncWithCancellation(
  o: LockedRun,
  planned: PlanWithState,
  base: string,
  budget: number,
  session?: ShardSession
): Promise<RunResult> {
  const { reporter, trust } = o
  return withCancellation(
    () => reporter.warning('Interrupted: stopping the running syncs; what finished is kept.'),
    signal => {
      signal.addEventListener('abort', () => session?.reporter.freeze())
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
        onProgress: session ? p => session.reporter.offer(p) : undefined
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
