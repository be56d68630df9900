/** The groups a run schedules: one per basename, of the units that have work, with group-level dependencies. */
import type { PlanWithState } from '../plan/plan.js'
import type { UnitState } from '../state/load.js'
import { hasWork, isInSync, type Unit } from '../types.js'
import { dollars } from './budget.js'
import type { Group, NotRun } from './schedule.js'

/** A unit of a group and its loaded state. */
export type Member = { unit: Unit; state: UnitState }

/** Groups (one per basename) of the units that have work, in plan order, with group-level dependencies. */
export function groupsOf(
  p: PlanWithState,
  cannotRun: ReadonlyMap<string, NotRun>
): { groups: Group[]; members: Map<string, Member[]> } {
  const groups = new Map<string, Group>()
  const members = new Map<string, Member[]>()
  const planned = new Map(p.plan.units.map(u => [u.id, u]))
  for (const u of p.plan.units) {
    if (!hasWork(u.operation) || cannotRun.has(u.id)) continue
    const g = groups.get(u.basename) ?? { id: u.basename, units: [], dependsOn: [], estimate: 0 }
    g.units.push(u.id)
    g.estimate = dollars(g.estimate + u.estimatedCost)
    for (const d of u.dependsOn) {
      // Only a dependency that has work can hold this group back; one in sync already is satisfied.
      const dep = planned.get(d)
      if (!dep || isInSync(dep.operation) || dep.basename === u.basename) continue
      if (!g.dependsOn.includes(dep.basename)) g.dependsOn.push(dep.basename)
      g.needs = [...(g.needs ?? []), d]
    }
    groups.set(u.basename, g)
    const entry = p.units.get(u.id)
    if (entry) members.set(u.basename, [...(members.get(u.basename) ?? []), entry])
  }
  return { groups: [...groups.values()], members }
}

/**
 * On a schedule, the groups whose last successful sync is oldest go first (never synced: first of all), so a
 * budget that runs out leaves the most recently synced units waiting. Dependency order still applies on top.
 */
export function prioritiseStalest(groups: Group[], p: PlanWithState): void {
  const lastSynced = (id: string): string =>
    p.history.forUnit(id).find(e => e.unit.status === 'synced')?.createdAt ?? ''
  const key = new Map(groups.map(g => [g.id, g.units.map(lastSynced).sort()[0] ?? '']))
  groups.sort((a, b) =>
    (key.get(a.id) ?? '') < (key.get(b.id) ?? '') ? -1 : (key.get(a.id) ?? '') > (key.get(b.id) ?? '') ? 1 : 0
  )
}
