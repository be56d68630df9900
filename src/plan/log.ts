import type { Reporter } from '../adapters/reporter.js'
import { hasWork, needsManualMerge, type Plan } from '../types.js'
import { money } from './render.js'

/** Most unit lines the log gets; the plan file and the summary list every unit. */
const MAX_LINES = 200

/**
 * Logs what the plan will do, one line per unit with work (operation, estimate, why) and one per unit waiting
 * for a manual merge, then a count: the Plan group of the log shows why money is about to be spent.
 */
export function logPlan(plan: Plan, reporter: Reporter): void {
  const shown = plan.units.filter(u => hasWork(u.operation) || needsManualMerge(u.operation))
  for (const u of shown.slice(0, MAX_LINES)) {
    const what = needsManualMerge(u.operation)
      ? 'needs a manual merge'
      : `${u.operation} · est. ${money(u.estimatedCost)}`
    reporter.info(`${u.id}: ${what} · ${u.reason}`)
  }
  if (shown.length > MAX_LINES)
    reporter.info(`… and ${shown.length - MAX_LINES} more unit(s): see the plan file.`)
  const work = plan.units.filter(u => hasWork(u.operation)).length
  reporter.info(
    `${work} of ${plan.units.length} unit(s) have work; estimated ${money(plan.estimatedCost)}` +
      (work === 0 ? ': nothing to install, run or spend.' : '.')
  )
}
