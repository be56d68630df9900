import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult } from '../execute/result.js'
import type { PlanWithState } from '../plan/plan.js'
import type { Redactor } from '../trust/redact.js'
import { settleReservations } from './reservations.js'
import { resumeShard, skipDone, withResumed, type Resumed } from './resume.js'
import { ShardReporter } from './shard.js'

/** Options of {@link startShard}. */
export interface StartShardOptions {
  git: Git
  remote: string | null
  runKey: string
  shard: number
  attempt?: string
  baseSha: string
  budget: number
  planned: PlanWithState
  identity: Identity
  redactor: Redactor
  reporter: Reporter
  /** The notes ref the shard's spend reservation is in, and its id (settled to the spend when it ends). */
  reservation?: { ref: string; runId: string }
}

/** One attempt of a shard, from its resumption to its last report (action and CLI alike). */
export interface ShardSession {
  reporter: ShardReporter
  resumed: Resumed | null
  /** The commit the attempt's groups start from: the earlier attempt's head, else the base. */
  start: string
  /** The share less what earlier attempts spent. */
  budget: number
  /** The last report and the reservation settled; returns the ref (null: another attempt took it over). */
  finish(result: RunResult): Promise<{ ref: string | null; result: RunResult }>
}

/**
 * Starts a shard attempt (docs/architecture.md "Modes"): resumes from the shard's ref when an earlier attempt
 * left a report there (its units are planned as `nothing` and not paid for again), and reports after each
 * group that lands.
 */
export async function startShard(o: StartShardOptions): Promise<ShardSession> {
  const { lease, resumed } = await resumeShard(o)
  skipDone(o.planned, resumed)
  const paths = pathsOf(o.planned)
  const reporter = new ShardReporter({ ...o, ...paths, lease, resumed })
  return {
    reporter,
    resumed,
    start: resumed?.head ?? o.baseSha,
    budget: Math.max(0, Math.round((o.budget - (resumed?.spent ?? 0)) * 1e4) / 1e4),
    finish: async raw => {
      const result = withResumed(raw, resumed, o.baseSha)
      const ref = await reporter.finish(result)
      if (o.reservation) await settleOwn(o, o.reservation, result.spent)
      return { ref, result }
    }
  }
}

/** The shard's reservations now hold its spend only, until finalize's run record counts it. */
async function settleOwn(
  o: StartShardOptions,
  r: { ref: string; runId: string },
  spent: number
): Promise<void> {
  await settleReservations({
    git: o.git,
    remote: o.remote,
    ref: r.ref,
    identity: o.identity,
    // Earlier attempts' reservations too: this attempt's spend includes theirs.
    match: id => id === r.runId || id.startsWith(`${o.runKey}-shard-${o.shard}-`),
    amount: x => (x.runId === r.runId ? spent : 0)
  }).catch((e: Error) => o.reporter.warning(`Could not settle the shard's spend reservation: ${e.message}`))
}

/** Prompt path and context of every planned unit (what the finalize's checklist shows). */
export function pathsOf(planned: PlanWithState): {
  promptPaths: Record<string, string>
  contextOf: Record<string, string>
} {
  const promptPaths: Record<string, string> = {}
  const contextOf: Record<string, string> = {}
  for (const u of planned.plan.units) {
    promptPaths[u.id] = u.paths.prompt
    if (u.context) contextOf[u.id] = u.context
  }
  return { promptPaths, contextOf }
}
