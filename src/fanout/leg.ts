/**
 * The units of one matrix leg (docs/architecture.md "Modes"). The plan job writes unit ids, and a shard plans
 * them with the `units` scope, whose patterns also match basenames and prompt paths: the id `calc_python` is also
 * the basename of `calc_python_python.prompt`, a unit the plan job may have put in another leg. Two jobs would
 * then pay for it and race on its files. A leg entry that is a unit's id selects that unit only; an entry that is
 * no id (a hand-written glob) keeps selecting by pattern.
 */
import { roundCost } from '../plan/estimate.js'
import { compileGlob, matchesAny } from '../plan/glob.js'
import type { PlanWithState } from '../plan/plan.js'
import { hasWork, type PlannedUnit } from '../types.js'

/** The units of `planned` that `leg` selects; units without work stay (they cost nothing). */
export function unitsOfLeg<U extends PlannedUnit>(planned: readonly U[], leg: readonly string[]): U[] {
  const ids = new Set(planned.map(u => u.id))
  const exact = new Set(leg.filter(e => ids.has(e)))
  const globs = leg
    .filter(e => !ids.has(e))
    .map(compileGlob)
    .filter((g): g is RegExp => g instanceof RegExp)
  return planned.filter(
    u =>
      !hasWork(u.operation) ||
      exact.has(u.id) ||
      (globs.length > 0 && matchesAny(globs, [u.id, u.basename, u.paths.prompt]))
  )
}

/**
 * Narrows a shard's plan to its leg, in place (see {@link unitsOfLeg}); returns the ids left out, which another
 * leg runs.
 */
export function narrowToLeg(planned: PlanWithState, leg: readonly string[]): string[] {
  const keep = new Set(unitsOfLeg(planned.plan.units, leg).map(u => u.id))
  const dropped = planned.plan.units.filter(u => !keep.has(u.id)).map(u => u.id)
  if (dropped.length === 0) return []
  planned.plan.units = planned.plan.units.filter(u => keep.has(u.id))
  planned.plan.estimatedCost = roundCost(planned.plan.units.reduce((a, u) => a + u.estimatedCost, 0))
  return dropped
}
