import { hasWork, type PlannedUnit } from '../types.js'

/** One leg of the job matrix. */
export interface Shard {
  shard: number
  units: string[]
  estimatedCost: number
}

/**
 * Splits the units that have work into at most `maxShards` shards. Units of one basename, and units joined by
 * a dependency chain, stay in one shard (union-find); components are packed largest first into the lightest
 * shard (by estimated cost, then unit count), so shards come out balanced.
 */
export function makeShards(units: readonly PlannedUnit[], maxShards: number): Shard[] {
  const work = units.filter(u => hasWork(u.operation))
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r) as string
    parent.set(x, r)
    return r
  }
  const union = (a: string, b: string): void => {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b))
  }
  for (const u of work) parent.set(u.id, u.id)
  const firstOfGroup = new Map<string, string>()
  for (const u of work) {
    const g = firstOfGroup.get(u.basename)
    if (g) union(u.id, g)
    else firstOfGroup.set(u.basename, u.id)
    for (const d of u.dependsOn) union(u.id, d)
  }
  const comps = new Map<string, PlannedUnit[]>()
  for (const u of work) {
    const r = find(u.id)
    comps.set(r, [...(comps.get(r) ?? []), u])
  }
  const weight = (c: PlannedUnit[]): number => c.reduce((a, u) => a + u.estimatedCost, 0)
  const sorted = [...comps.values()].sort((a, b) => weight(b) - weight(a) || b.length - a.length)
  const n = Math.max(1, Math.min(Math.floor(maxShards), sorted.length))
  const bins: { units: PlannedUnit[]; cost: number }[] = Array.from({ length: n }, () => ({
    units: [],
    cost: 0
  }))
  for (const c of sorted) {
    const bin = bins.reduce((best, b) =>
      b.cost < best.cost || (b.cost === best.cost && b.units.length < best.units.length) ? b : best
    )
    bin.units.push(...c)
    bin.cost += weight(c)
  }
  const order = new Map(units.map((u, i) => [u.id, i]))
  return bins
    .filter(b => b.units.length > 0)
    .map((b, i) => ({
      shard: i,
      units: b.units.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0)).map(u => u.id),
      estimatedCost: Math.round(b.cost * 10000) / 10000
    }))
}
