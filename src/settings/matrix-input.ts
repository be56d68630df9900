/** Input `matrix` of the fan-out modes: the plan job's `matrix` output read back (docs/architecture.md "Modes"). */

/** One leg as a shard or the finalize job reads it back. */
export interface ShardSpec {
  shard: number
  units: string[]
  budget: number
}

/** The unit ids of a leg's `units` value (one a line; commas accepted too). */
export function unitList(raw: string): string[] {
  return raw
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/**
 * Reads a `matrix` output back (input `matrix` of the finalize job); throws a readable error naming what is
 * wrong. Accepts the strings this version writes and, leniently, numbers and arrays.
 */
export function parseMatrix(raw: string): ShardSpec[] {
  let v: unknown
  try {
    v = JSON.parse(raw)
  } catch (e) {
    throw new Error(`the matrix is not JSON: ${(e as Error).message}`)
  }
  const include = (v as { include?: unknown } | null)?.include
  if (!Array.isArray(include)) throw new Error('the matrix has no "include" list')
  const seen = new Set<number>()
  return include.map((leg: unknown, i) => {
    const l = (leg ?? {}) as Record<string, unknown>
    const shard = Number(l.shard)
    if (!Number.isInteger(shard) || shard < 0 || seen.has(shard))
      throw new Error(`matrix leg ${i + 1} has no valid, distinct "shard" index`)
    seen.add(shard)
    const units = Array.isArray(l.units)
      ? l.units.map(String)
      : typeof l.units === 'string'
        ? unitList(l.units)
        : null
    if (!units) throw new Error(`matrix leg ${i + 1} has no "units"`)
    const budget = l.budget === undefined ? 0 : Number(l.budget)
    if (!Number.isFinite(budget) || budget < 0) throw new Error(`matrix leg ${i + 1} has a bad "budget"`)
    return { shard, units, budget }
  })
}
