import { shardRef, type Git, type Identity } from '../adapters/git.js'
import type { RunResult } from '../execute/result.js'
import type { Redactor } from '../trust/redact.js'
import type { ShardReport } from './report.js'

/** Options of {@link reportShard}. */
export interface ReportShardOptions {
  git: Git
  /** Where the finalize job fetches from; null keeps the ref local (the CLI without `--push`). */
  remote: string | null
  runKey: string
  shard: number
  attempt?: string
  baseSha: string
  result: RunResult
  promptPaths: Record<string, string>
  contextOf: Record<string, string>
  identity: Identity
  redactor: Redactor
}

/**
 * The end of a shard (docs/architecture.md "Modes"): its commits and its partial result go to
 * `refs/pdd-sync/runs/<run key>/shard-<k>`, a report commit on top of the shard's head. No bot branch, no
 * pull request, no run record: the finalize job publishes every shard as one run. Returns the ref.
 */
export async function reportShard(o: ReportShardOptions): Promise<string> {
  const head = o.result.head ?? o.baseSha
  const report: ShardReport = {
    version: 1,
    runKey: o.runKey,
    shard: o.shard,
    ...(o.attempt ? { attempt: o.attempt } : {}),
    baseSha: o.baseSha,
    head,
    result: o.result,
    promptPaths: o.promptPaths,
    contextOf: o.contextOf
  }
  const ref = shardRef(o.runKey, o.shard)
  await o.git.writeFileCommit({
    ref,
    name: 'shard.json',
    text: JSON.stringify(o.redactor.redactJson(report)) + '\n',
    parent: head,
    message: `pdd-sync: shard ${o.shard} of run ${o.runKey}`,
    who: o.identity
  })
  if (o.remote) await o.git.pushRef(o.remote, ref)
  return ref
}
