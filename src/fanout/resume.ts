import { shardRef, type Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult, UnitResult } from '../execute/result.js'
import type { PlanWithState } from '../plan/plan.js'
import { hasWork } from '../types.js'
import { parseShardReport } from './report.js'

/** What an earlier attempt of a shard finished (its report on the shard's ref), which this one does not redo. */
export interface Resumed {
  units: UnitResult[]
  spent: number
  /** The earlier attempt's head: this attempt's groups start there. */
  head: string
}

/**
 * Reads the shard's ref (fetched from `remote` first): the commit it holds (the lease of this attempt's first
 * push) and, when it is a report on the same base, what that attempt finished (docs/architecture.md "Modes").
 */
export async function resumeShard(o: {
  git: Git
  remote: string | null
  runKey: string
  shard: number
  baseSha: string
  reporter: Reporter
}): Promise<{ lease: string | null; resumed: Resumed | null }> {
  const ref = shardRef(o.runKey, o.shard)
  const lease = o.remote ? await o.git.fetchRef(o.remote, ref) : await o.git.commitOf(ref)
  if (!lease) return { lease: null, resumed: null }
  const text = await o.git.readFileAt(ref, 'shard.json')
  try {
    const r = parseShardReport(text ?? '')
    if (r.baseSha !== o.baseSha || r.shard !== o.shard) return { lease, resumed: null }
    if (r.result.units.length === 0) return { lease, resumed: null }
    o.reporter.info(
      `Shard ${o.shard}: resuming from attempt ${r.attempt ?? '?'}, which finished ` +
        `${r.result.units.map(u => u.id).join(', ')}.`
    )
    return { lease, resumed: { units: r.result.units, spent: r.result.spent, head: r.head } }
  } catch {
    return { lease, resumed: null }
  }
}

/** Plans as `nothing` the units an earlier attempt finished: they are results of the run already. */
export function skipDone(planned: PlanWithState, resumed: Resumed | null): void {
  const done = new Set(resumed?.units.map(u => u.id) ?? [])
  for (const u of planned.plan.units) {
    if (!done.has(u.id) || !hasWork(u.operation)) continue
    planned.plan.estimatedCost = Math.max(0, planned.plan.estimatedCost - u.estimatedCost)
    Object.assign(u, {
      operation: 'nothing',
      reason: 'done by an earlier attempt of this shard',
      estimatedCost: 0
    })
  }
}

/** The attempt's result with the earlier attempt's units and spend in it (on the plan's base). */
export function withResumed(result: RunResult, resumed: Resumed | null, baseSha: string): RunResult {
  if (!resumed) return result
  const earlier = new Map(resumed.units.map(u => [u.id, u]))
  const units = result.units.map(u => earlier.get(u.id) ?? u)
  for (const u of resumed.units) if (!units.includes(u)) units.push(u)
  const spent = Math.round((result.spent + resumed.spent) * 1e6) / 1e6
  const budget = Math.round((result.budget + resumed.spent) * 1e6) / 1e6
  return { ...result, units, spent, budget, baseSha }
}
