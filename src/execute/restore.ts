/** A group's recorded state, written into its worktree before pdd starts (docs/architecture.md "The steps of a run", step 5). */
import { ContainmentError, escapingComponent, writeContained } from '../state/contained.js'
import { metaStem, type UnitState } from '../state/load.js'
import type { Unit } from '../types.js'
import type { GroupRun } from './result.js'

/**
 * Restores every member's state; a state folder that leaves the worktree (checked again here: the planner saw
 * the same tree) refuses the whole group before pdd starts, since PDD would write there too.
 */
export function restoreAll(project: string, members: { unit: Unit; state: UnitState }[]): string | null {
  try {
    for (const m of members) {
      const bad = escapingComponent(project, m.unit.metaDir)
      if (bad !== null) throw new ContainmentError(`state folder '${bad}' leaves the repository`)
      restoreState(project, m.unit, m.state)
    }
    return null
  } catch (e) {
    if (e instanceof ContainmentError) return `${e.message}; refused, pdd was not started`
    throw e
  }
}

/** Writes the recorded fingerprint and run report where PDD reads them, unless the repository has its own. */
function restoreState(project: string, unit: Unit, state: UnitState): void {
  if (state.source !== 'notes' || !state.fingerprint) return
  const stem = `${unit.metaDir}/${metaStem(unit)}`
  writeContained(project, `${stem}.json`, JSON.stringify(state.fingerprint, null, 2))
  if (state.runReport) writeContained(project, `${stem}_run.json`, JSON.stringify(state.runReport, null, 2))
}

export function refusedGroup(members: { unit: Unit }[], reason: string, base: string): GroupRun {
  const units = members.map(({ unit }) => ({
    id: unit.id,
    basename: unit.basename,
    language: unit.language,
    status: 'failed' as const,
    operations: [],
    cost: 0,
    reason,
    duration: 0,
    fingerprint: null,
    runReport: null
  }))
  return { units, cost: 0, commit: null, base }
}
