import type { Shard } from './shards.js'

export { parseMatrix, unitList, type ShardSpec } from '../settings/matrix-input.js'

/**
 * One leg of the `matrix` output (docs/architecture.md "Modes"). Every value is a string: `${{ matrix.x }}`
 * renders an array as the text `Array` and GitHub passes inputs as text anyway.
 */
export interface MatrixLeg {
  /** Shard index, "0", "1", … */
  shard: string
  /** Unit ids, one a line. */
  units: string
  /** Dollars of the job budget this shard may spend, 4 decimals. */
  budget: string
}

/** The `matrix` output: `strategy.matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`. */
export interface Matrix {
  include: MatrixLeg[]
}

/** Budgets are split in ten-thousandths of a dollar, rounded down, so the shares never exceed the budget. */
const UNIT = 10_000

/**
 * Splits `budget` in proportion to `estimates` (equally when no estimate is positive). Each share is rounded
 * down to 0.0001 $, so the shares add up to at most `budget`.
 */
export function budgetShares(estimates: readonly number[], budget: number): number[] {
  if (estimates.length === 0) return []
  const total = Math.floor(Math.max(0, budget) * UNIT + 1e-6)
  const weights = estimates.map(e => (Number.isFinite(e) && e > 0 ? e : 0))
  const sum = weights.reduce((a, w) => a + w, 0)
  const parts = sum > 0 ? weights.map(w => w / sum) : weights.map(() => 1 / weights.length)
  return parts.map(p => Math.floor(total * p + 1e-9) / UNIT)
}

/** The `matrix` output for `shards` and the job budget; throws when a unit is in two legs (two jobs would pay). */
export function matrixOf(shards: readonly Shard[], budget: number): Matrix {
  const legOf = new Map<string, number>()
  const twice = new Map<string, string>()
  for (const s of shards)
    for (const id of s.units) {
      const seen = legOf.get(id)
      if (seen !== undefined && seen !== s.shard && !twice.has(id))
        twice.set(id, `${id} (legs ${seen} and ${s.shard})`)
      legOf.set(id, s.shard)
    }
  if (twice.size > 0)
    throw new Error(
      `The job matrix would run a unit in two legs, paying twice: ${[...twice.values()].join(', ')}.`
    )
  const shares = budgetShares(
    shards.map(s => s.estimatedCost),
    budget
  )
  return {
    include: shards.map((s, i) => ({
      shard: String(s.shard),
      units: s.units.join('\n'),
      budget: (shares[i] ?? 0).toFixed(4)
    }))
  }
}
