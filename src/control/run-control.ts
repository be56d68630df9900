/**
 * PR control in a run (docs/architecture.md, "PR control"): decide from the event whether to run, narrow the plan
 * to the units asked for, and answer with a comment. The decision and the selection are in decide.ts and
 * commands.ts; this file joins them to the API, the plan and the reporter.
 */
import { said } from '../markdown.js'
import { GitHub } from '../adapters/github.js'
import type { Reporter } from '../adapters/reporter.js'
import type { PlanWithState } from '../plan/plan.js'
import { roundCost } from '../plan/estimate.js'
import type { ActionSettings } from '../settings/action-settings.js'
import type { Redactor } from '../trust/redact.js'
import { selectUnits, type Selection } from './commands.js'
import { decideControl, type ControlDecision } from './decide.js'

/** A run PR control asked for. */
export type ControlRun = Extract<ControlDecision, { kind: 'run' }>

/** The REST API for PR control: null without a token or a repository. */
export function controlApi(s: ActionSettings, redactor: Redactor): GitHub | null {
  if (!s.publish.token || !s.github.repository) return null
  return new GitHub({
    token: s.publish.token,
    repository: s.github.repository,
    baseUrl: s.github.apiUrl,
    redactor
  })
}

/** What the event asks for; an API error means no run (said in the reason), never a run of everything. */
export async function controlDecision(s: ActionSettings, api: GitHub | null): Promise<ControlDecision> {
  try {
    return await decideControl(s.prEvent, {
      branch: s.publish.branch,
      api,
      repository: s.github.repository
    })
  } catch (e) {
    const why = said`could not check the request: ${(e as Error).message}`
    return { kind: 'ignore', reason: why.text, markdown: why.markdown }
  }
}

/** Unit ids whose latest recorded run failed. */
function failedIds(planned: PlanWithState): Set<string> {
  const out = new Set<string>()
  for (const u of planned.plan.units)
    if (planned.history.forUnit(u.id)[0]?.unit.status === 'failed') out.add(u.id)
  return out
}

/**
 * Narrows the plan (every unit in scope) to the units `control` selects, in place, and says which ones and what
 * was ignored. The units' states stay in `planned.units` for the executor.
 */
export function narrowPlan(planned: PlanWithState, control: ControlRun, reporter: Reporter): Selection {
  const refs = planned.plan.units.map(u => ({ id: u.id, basename: u.basename, prompt: u.paths.prompt }))
  const selection = selectUnits(control.request, refs, failedIds(planned))
  const keep = new Set(selection.ids)
  planned.plan.units = planned.plan.units.filter(u => keep.has(u.id))
  planned.plan.estimatedCost = roundCost(planned.plan.units.reduce((a, u) => a + u.estimatedCost, 0))
  reporter.info(
    `PR control: ${control.by} ${control.how} on #${control.number}; re-running ${selection.ids.length} unit(s)` +
      (selection.ids.length > 0 ? `: ${selection.ids.join(', ')}` : '') +
      '.'
  )
  for (const i of selection.ignored) reporter.warning(`PR control: ignored "${i.name}": ${i.why}.`)
  return selection
}

/** Posts `body` on pull request `number`; a failure is a warning (the run's results are published already). */
export async function postReply(
  github: GitHub | null,
  number: number,
  body: string,
  reporter: Reporter
): Promise<void> {
  if (!github) return
  try {
    await github.createComment(number, body)
  } catch (e) {
    reporter.warning(`Could not reply on #${number}: ${(e as Error).message}`)
  }
}
