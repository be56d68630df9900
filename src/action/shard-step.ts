import { randomUUID } from 'node:crypto'
import { BOT } from '../execute/execute.js'
import type { RunResult } from '../execute/result.js'
import { shardRunId } from '../fanout/reservations.js'
import { startShard, type ShardSession } from '../fanout/session.js'
import type { PlanWithState } from '../plan/plan.js'
import { checklistOf } from './checklist-of.js'
import { pushGitOf, type RunContext } from './run-context.js'

/**
 * The job's run id (its spend reservation's, its record's): `<GITHUB_RUN_ID>-<random>`, and for `mode: shard`
 * `<run key>-shard-<k>-<random>`, so that finalize can release every shard's reservation of the run.
 */
export function jobRunId(ctx: RunContext): string {
  const { s } = ctx
  const random = randomUUID().slice(0, 8)
  if (s.mode === 'shard') return shardRunId(s.fanOut.runKey ?? '', s.fanOut.shard ?? 0, random)
  return s.github.runId ? `${s.github.runId}-${random}` : randomUUID()
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
 * cancelled) goes to its per-run ref; nothing else is written. The result, job summary and outputs hold this
 * attempt's units and those an earlier attempt finished.
 */
export async function shardStep(
  ctx: RunContext,
  session: ShardSession,
  result: RunResult,
  planned: PlanWithState,
  version: string | undefined
): Promise<{
  result: RunResult
  checklist: ReturnType<typeof checklistOf>
  published: null
  notPublished: string
}> {
  const shard = ctx.s.fanOut.shard ?? 0
  const { ref, result: whole } = await ctx.reporter.group('Report the shard', () => session.finish(result))
  const checklist = checklistOf(ctx.s, planned, whole, version)
  if (ref === null) {
    const notPublished = `shard ${shard}: another attempt reported instead`
    return { result: whole, checklist, published: null, notPublished }
  }
  ctx.reporter.info(`Shard ${shard} reported to ${ref}.`)
  const notPublished = `shard ${shard}: pushed to ${ref}; the finalize job publishes it`
  return { result: whole, checklist, published: null, notPublished }
}
