import type { RunResult } from '../execute/result.js'
import type { PlanWithState } from '../plan/plan.js'
import type { ChecklistInput } from '../publish/checklist.js'
import type { ActionSettings } from '../settings/action-settings.js'

/** What the checklist of a run needs besides its result: prompt paths, contexts and where to re-run it. */
export function checklistOf(
  s: ActionSettings,
  planned: PlanWithState,
  result: RunResult,
  version: string | undefined
): Omit<ChecklistInput, 'result'> & { result: RunResult } {
  const promptPaths: Record<string, string> = {}
  const contextOf: Record<string, string> = {}
  for (const u of planned.plan.units) {
    promptPaths[u.id] = u.paths.prompt
    if (u.context) contextOf[u.id] = u.context
  }
  return {
    result,
    trigger: s.trigger,
    pddVersion: version,
    runUrl: s.github.runUrl,
    repository: s.github.repository,
    // Only a dispatched workflow is known to take a `units` input; others get the re-run described in words.
    workflowFile: s.trigger === 'workflow_dispatch' ? s.github.workflowFile : undefined,
    ref: s.github.refName,
    promptPaths,
    contextOf,
    budgetExhausted:
      result.units.some(u => u.status === 'skipped-budget') || /Budget of/.test(reasons(result))
  }
}

function reasons(r: RunResult): string {
  return r.units.map(u => u.reason).join('\n')
}
