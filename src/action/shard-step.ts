import { BOT } from '../execute/execute.js'
import type { RunResult } from '../execute/result.js'
import { shardRunId } from '../fanout/reservations.js'
import { startShard, type ShardSession } from '../fanout/session.js'
import type { PlanWithState } from '../plan/plan.js'
import { pushGitOf, type RunContext } from './run-context.js'

/** The spend reservation id of a `mode: shard` job (finalize releases every `<run key>-shard-` one). */
export function shardReservationId(ctx: RunContext, random: string): string {
  return shardRunId(ctx.s.fanOut.runKey ?? '', ctx.s.fanOut.shard ?? 0, random)
}

/**
 * `mode: shard`, before anything is spent: resumes from the shard's ref when an earlier attempt left a report
 * there, and reports to it after each group that lands (see fanout/session.ts).
 */
export function openShard(ctx: RunContext, planned: PlanWithState, runId: string): Promise<ShardSession> {
  const { s } = ctx
  return startShard({
    git: pushGitOf(ctx),
    remote: 'origin',
    runKey: s.fanOut.runKey ?? '',
    shard: s.fanOut.shard ?? 0,
    attempt: process.env.GITHUB_RUN_ATTEMPT,
    baseSha: ctx.baseSha,
    budget: s.budget,
    planned,
    identity: BOT,
    redactor: ctx.trust.redactor,
    reporter: ctx.reporter,
    reservation: { ref: s.notesRef, runId }
  })
}

/**
 * `mode: shard` instead of the publish step: the shard's last report (`complete: true`, or what finished when
 * cancelled) goes to its per-run ref; nothing else is written. Returns the result with earlier attempts' units.
 */
export async function shardStep(
  ctx: RunContext,
  session: ShardSession,
  result: RunResult
): Promise<{ result: RunResult; published: null; notPublished: string }> {
  const shard = ctx.s.fanOut.shard ?? 0
  const { ref, result: whole } = await ctx.reporter.group('Report the shard', () => session.finish(result))
  if (ref === null)
    return {
      result: whole,
      published: null,
      notPublished: `shard ${shard}: another attempt reported instead`
    }
  ctx.reporter.info(`Shard ${shard} reported to ${ref}.`)
  return {
    result: whole,
    published: null,
    notPublished: `shard ${shard}: pushed to ${ref}; the finalize job publishes it`
  }
}
