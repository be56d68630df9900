import { RUNS_PREFIX } from '../adapters/git.js'
import type { CollectOptions } from './collect-options.js'

/**
 * Days a finalized run's refs are kept (docs/architecture.md "Modes"): after that a re-run of its shards is
 * unlikely (GitHub allows re-runs for 30 days, but a week-old matrix is stale), and the refs would pile up.
 */
export const PRUNE_DAYS = 7

/** The runs whose `finalized` marker is older than `days` (by its commit date), never `keep`. */
export function runsToPrune(
  markers: readonly { runKey: string; date: number }[],
  keep: string,
  now: Date,
  days: number = PRUNE_DAYS
): string[] {
  const cutoff = now.getTime() / 1000 - days * 86_400
  return markers.filter(m => m.runKey !== keep && m.date > 0 && m.date < cutoff).map(m => m.runKey)
}

/**
 * Deletes every ref of the runs finalized more than {@link PRUNE_DAYS} days ago (the marker and any shard ref
 * an incomplete shard left), on the remote (each with a lease on the commit listed) and here. Never the run
 * being finalized. Returns the run keys pruned.
 */
export async function pruneRuns(
  o: Pick<CollectOptions, 'git' | 'remote' | 'runKey' | 'reporter' | 'now'>
): Promise<string[]> {
  const markers = await o.git.runMarkers(o.remote)
  const old = runsToPrune(markers, o.runKey, (o.now ?? (() => new Date()))())
  for (const key of old) {
    if (o.remote) {
      const refs = await o.git.remoteRunRefs(o.remote, key)
      const left = await o.git.deleteRemoteRefs(o.remote, refs)
      if (left.length > 0) o.reporter.warning(`Not pruned (moved meanwhile): ${left.join(', ')}.`)
    }
    await o.git.deleteLocalRefs((await o.git.listRunRefs(key)).map(r => r.ref))
  }
  if (old.length > 0)
    o.reporter.info(
      `Pruned the refs of ${old.length} run(s) finalized over ${PRUNE_DAYS} days ago under ${RUNS_PREFIX}/.`
    )
  return old
}
