/** Units skipped before anything runs because their runtime is missing (docs/architecture.md "Runtimes"). Pure. */
import type { PlanWithState } from '../plan/plan.js'
import { hasWork } from '../types.js'
import type { UnitResult } from './result.js'
import type { NotRun } from './schedule.js'

/**
 * The units that cannot run on this runner (`missing`: id → reason) and, in plan order, the units with work that
 * depend on one of them: the first are `skipped-runtime`, the others `skipped-dependency`.
 */
export function withDependents(p: PlanWithState, missing?: ReadonlyMap<string, string>): Map<string, NotRun> {
  const out = new Map<string, NotRun>()
  if (!missing || missing.size === 0) return out
  for (let grew = true; grew;) {
    grew = false
    for (const u of p.plan.units) {
      if (!hasWork(u.operation) || out.has(u.id)) continue
      const why = missing.get(u.id)
      const dep = u.dependsOn.find(d => out.has(d))
      if (why !== undefined) out.set(u.id, { kind: 'skipped-runtime', reason: why })
      else if (dep !== undefined)
        out.set(u.id, { kind: 'skipped-dependency', reason: `depends on ${dep}, which cannot run here` })
      else continue
      grew = true
    }
  }
  return out
}

/** Per basename, the prompts of its units that must not run (hidden from `pdd sync <basename>`). */
export function promptsOf(p: PlanWithState, cannotRun: ReadonlyMap<string, NotRun>): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const u of p.plan.units)
    if (cannotRun.has(u.id)) out.set(u.basename, [...(out.get(u.basename) ?? []), u.paths.prompt])
  return out
}

/** Results of the units skipped before anything ran: $0, no operation. */
export function skippedForRuntime(p: PlanWithState, cannotRun: ReadonlyMap<string, NotRun>): UnitResult[] {
  return p.plan.units
    .filter(u => cannotRun.has(u.id))
    .map(u => {
      const why = cannotRun.get(u.id) as NotRun
      return {
        id: u.id,
        basename: u.basename,
        language: u.language,
        status: why.kind,
        operations: [],
        cost: 0,
        reason: why.reason
      }
    })
}
