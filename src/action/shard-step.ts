import type { RunResult } from '../execute/result.js'
import { reportShard } from '../fanout/shard.js'
import type { PlanWithState } from '../plan/plan.js'
import { checklistOf } from './checklist-of.js'
import { pushGitOf, type RunContext } from './run-context.js'

/**
 * `mode: shard` instead of the publish step: the shard's commits and partial result go to its per-run ref
 * (see fanout/shard.ts); nothing else is written.
 */
export async function shardStep(
  ctx: RunContext,
  planned: PlanWithState,
  result: RunResult
): Promise<{ published: null; notPublished: string }> {
  const { s } = ctx
  const shard = s.fanOut.shard ?? 0
  const paths = checklistOf(s, planned, result, undefined)
  const ref = await ctx.reporter.group('Report the shard', () =>
    reportShard({
      git: pushGitOf(ctx),
      remote: 'origin',
      runKey: s.fanOut.runKey ?? '',
      shard,
      attempt: process.env.GITHUB_RUN_ATTEMPT,
      baseSha: ctx.baseSha,
      result,
      promptPaths: paths.promptPaths ?? {},
      contextOf: paths.contextOf ?? {},
      identity: s.publish.commits.committer,
      redactor: ctx.trust.redactor
    })
  )
  ctx.reporter.info(`Shard ${shard} reported to ${ref}.`)
  return { published: null, notPublished: `shard ${shard}: pushed to ${ref}; the finalize job publishes it` }
}
