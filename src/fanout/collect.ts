import { finalizedRef, shardRef } from '../adapters/git.js'
import type { RunResult } from '../execute/result.js'
import type { CollectOptions } from './collect-options.js'
import { pruneRuns } from './prune.js'
import { releaseShardReservations } from './reservations.js'
import {
  combineResults,
  confineReport,
  isComplete,
  parseFinalized,
  parsePartial,
  parseShardReport,
  sortShards,
  type FinalizedMarker,
  type ShardOutcomes,
  type ShardReport
} from './report.js'

export type { CollectOptions } from './collect-options.js'

/** The shards gathered into one run. */
export interface Collected {
  /** Units of every leg this finalize publishes; `head` holds every reported shard's commits. */
  result: RunResult
  outcomes: ShardOutcomes
  /** The run's refs as read (deleted once published). */
  refs: { ref: string; sha: string }[]
  /** Shards published whole by this finalize and every earlier one of the run. */
  published: number[]
  /** Legs published while incomplete: leg → units published of it (by this finalize and earlier ones). */
  partial: Record<string, string[]>
  promptPaths: Record<string, string>
  contextOf: Record<string, string>
}

/**
 * Fetches the run's shard refs and replays each reported shard's commits onto the base, shard after shard (a
 * dependency chain never spans shards, so the order within a shard is the dependency order). A commit that no
 * longer applies next to the others turns its units into conflicts.
 */
export async function collectShards(o: CollectOptions): Promise<Collected> {
  const { git } = o
  if (o.remote) await git.fetchRunRefs(o.remote, o.runKey)
  const refs = await git.listRunRefs(o.runKey)
  const marker = await git.readFileAt(finalizedRef(o.runKey), 'finalized.json')
  const earlier = parseFinalized(marker)
  const earlierUnits = parsePartial(marker)
  const reports = new Map<number, ShardReport>()
  for (const spec of o.specs) {
    const text = await git.readFileAt(shardRef(o.runKey, spec.shard), 'shard.json')
    if (text === null) continue
    try {
      const r = parseShardReport(text)
      const wrong = reportProblem(r, o.runKey, o.baseSha, spec.shard)
      if (wrong) {
        o.reporter.warning(`Shard ${spec.shard} ${wrong}: left out.`)
        continue
      }
      const { report, dropped } = confineReport(r, spec)
      if (dropped.length > 0)
        o.reporter.warning(
          `Shard ${spec.shard} reported units that are not its own, or twice: ${[...new Set(dropped)].join(', ')}; ignored.`
        )
      reports.set(spec.shard, report)
    } catch (e) {
      o.reporter.warning(`Shard ${spec.shard} left an unreadable report: ${(e as Error).message}.`)
    }
  }
  const outcomes = sortShards(o.specs, reports, earlier, earlierUnits)
  const result = combineResults(outcomes, o.specs, o.known)
  let head = o.baseSha
  for (const r of outcomes.reported) head = await replayShard(o, r, head, result)
  result.head = head
  result.baseSha = o.baseSha
  const promptPaths: Record<string, string> = {}
  const contextOf: Record<string, string> = {}
  for (const r of outcomes.reported) {
    Object.assign(promptPaths, r.promptPaths)
    Object.assign(contextOf, r.contextOf)
  }
  const whole = outcomes.reported.filter(isComplete).map(r => r.shard)
  const published = [...new Set([...earlier, ...whole])].sort((a, b) => a - b)
  const partial: Record<string, string[]> = {}
  for (const [k, ids] of earlierUnits) if (!whole.includes(k)) partial[k] = [...ids]
  for (const r of outcomes.reported.filter(x => !isComplete(x)))
    partial[r.shard] = [...new Set([...(partial[r.shard] ?? []), ...r.result.units.map(u => u.id)])].sort()
  return { result, outcomes, refs, published, partial, promptPaths, contextOf }
}

/** Why a parsed report on leg `shard`'s ref does not belong to this run's leg, or null. */
function reportProblem(r: ShardReport, runKey: string, baseSha: string, shard: number): string | null {
  if (r.shard !== shard) return `left a report of shard ${r.shard} on its ref`
  if (r.runKey !== runKey)
    return `left a report of run ${String(r.runKey).slice(0, 40)}, not of run ${runKey}`
  if (r.baseSha !== baseSha) return `ran on ${r.baseSha.slice(0, 12)}, not on the base`
  return null
}

/** Replays one shard's commits onto `head`; the units' `commit` fields follow their commits. */
async function replayShard(
  o: CollectOptions,
  r: ShardReport,
  head: string,
  result: RunResult
): Promise<string> {
  const commits = await o.git.commitsOldestFirst(o.baseSha, r.head)
  const ids = new Set(r.result.units.map(u => u.id))
  const mine = result.units.filter(u => ids.has(u.id))
  for (const c of commits) {
    const next = await o.git.replayWithoutWorktree(c, head, o.identity)
    if (next === undefined)
      throw new Error('mode finalize needs git 2.38 or later (git merge-tree --write-tree).')
    for (const u of mine.filter(x => x.commit === c)) {
      if (next) u.commit = next
      else {
        u.status = 'conflict'
        u.reason = `its commit did not apply next to the other shards' (shard ${r.shard})`
        delete u.commit
      }
    }
    if (next) head = next
  }
  return head
}

/**
 * After publishing: records which shards are published (so that a re-run shard plus a second finalize add to
 * this one), then deletes the refs of the shards that completed (an incomplete shard's ref stays: its re-run
 * resumes from it), releases the shards' spend reservations (the run record now counts their spend), and prunes
 * the refs of runs finalized more than PRUNE_DAYS (7) days ago (prune.ts). Failures are warnings: the results are
 * already published.
 */
export async function closeRun(o: CollectOptions, c: Collected): Promise<void> {
  const marker = finalizedRef(o.runKey)
  try {
    const previous = c.refs.find(r => r.ref === marker)
    await o.git.writeFileCommit({
      ref: marker,
      name: 'finalized.json',
      text: JSON.stringify(markerOf(o.runKey, c)) + '\n',
      parent: previous?.sha ?? null,
      message: `pdd-sync: run ${o.runKey} finalized (shards ${c.published.join(', ')})`,
      who: o.identity
    })
    if (o.remote) await o.git.pushRef(o.remote, marker)
    const partial = new Set(Object.keys(c.partial).map(k => shardRef(o.runKey, Number(k))))
    const shardRefs = c.refs.filter(r => r.ref !== marker && !partial.has(r.ref))
    const left = o.remote ? await o.git.deleteRemoteRefs(o.remote, shardRefs) : []
    await o.git.deleteLocalRefs(shardRefs.map(r => r.ref))
    if (left.length > 0) o.reporter.warning(`Left in place (moved meanwhile): ${left.join(', ')}.`)
  } catch (e) {
    o.reporter.warning(`Could not clean up the refs of run ${o.runKey}: ${(e as Error).message}`)
  }
  await releaseShardReservations(o).catch((e: Error) =>
    o.reporter.warning(`Could not release the shards' spend reservations: ${e.message}`)
  )
  await pruneRuns(o).catch((e: Error) =>
    o.reporter.warning(`Could not prune the refs of old runs: ${e.message}`)
  )
}

/** The `finalized.json` of the run after this finalize. */
function markerOf(runKey: string, c: Collected): FinalizedMarker {
  const partial = Object.fromEntries(
    Object.entries(c.partial).filter(([k]) => !c.published.includes(Number(k)))
  )
  return {
    version: 1,
    runKey,
    shards: c.published,
    ...(Object.keys(partial).length > 0 ? { partial } : {})
  }
}
