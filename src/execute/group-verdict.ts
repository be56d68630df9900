/**
 * A group's verdict after pdd ran: each member is re-planned in the worktree and is synced only when the planner
 * finds nothing left to do (post-conditions, never PDD's exit code alone), and priced from PDD's cost table.
 */
import type { Reporter } from '../adapters/reporter.js'
import { planRepository, type PlanOptions, type PlanWithState } from '../plan/plan.js'
import type { UnitState } from '../state/load.js'
import { isInSync, type Unit } from '../types.js'
import { failureReason } from './failure-reason.js'
import { languageView, operationsRun, type ParsedSyncOutput } from './pdd-output.js'
import type { UnitResult } from './result.js'
import { firstStray } from './stray-output.js'

/** What the verdict needs of the group's context. */
export type VerdictContext = {
  planOptions: PlanOptions
  /** The link text of each member's prompt that was a symbolic link before pdd ran, by unit id. */
  promptLinks?: ReadonlyMap<string, string>
}

/** How the pdd process ended. */
export interface PddExit {
  code: number | null
  timedOut: boolean
  cancelled: boolean
  stderrTail: string[]
}

/** One member's verdict. */
export interface Judged {
  unit: Unit
  status: 'synced' | 'failed'
  result: UnitResult
}

const SILENT: Reporter = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: <T>(_n: string, f: () => Promise<T>): Promise<T> => f()
}

/**
 * The plan of the group's own units in its worktree after pdd ran. Only their prompts are discovered again (not
 * the whole worktree, once per group); if a member is then missing, the whole worktree is planned, so the
 * verdict never rests on the shortcut.
 */
async function replanGroup(
  ctx: VerdictContext,
  project: string,
  members: { unit: Unit }[]
): Promise<PlanWithState> {
  const ids = members.map(m => m.unit.id)
  const opts: PlanOptions = {
    ...ctx.planOptions,
    repoRoot: project,
    notesRef: null,
    remote: null,
    // The verdict needs the files only (a unit is in sync by its own `.pdd/meta`): no run records, so no
    // REST call per group to the PR comment store.
    extraStores: [],
    scope: { trigger: 'workflow_dispatch', units: ids }
  }
  const own = await planRepository({ ...opts, onlyPrompts: members.map(m => m.unit.paths.prompt) }, SILENT)
  if (ids.every(id => own.units.has(id))) return own
  return planRepository(opts, SILENT)
}

/** Post-conditions: PDD's exit code is not a success signal (it exits 0 when a sync ends "Overall status: Failed": `pdd/commands/maintenance.py`); the planner's verdict is. */
export async function judge(
  ctx: VerdictContext,
  project: string,
  members: { unit: Unit }[],
  parsed: ParsedSyncOutput,
  run: PddExit
): Promise<Judged[]> {
  const after = await replanGroup(ctx, project, members)
  return members.map(({ unit }) => {
    const view = languageView(parsed, unit.language)
    const planned = after.plan.units.find(u => u.id === unit.id)
    const st = after.units.get(unit.id)?.state
    const inSync = planned !== undefined && isInSync(planned.operation) && st?.source === 'repository'
    const clean = run.code === 0 && !run.timedOut && !run.cancelled
    // A link or a pipe where an output belongs fails the unit even when the planner reads through it.
    const stray = firstStray(project, outputsOf(unit), unit.paths.prompt, ctx.promptLinks?.get(unit.id))
    const ok = inSync && clean && stray === null
    const reason = ok
      ? `in sync after ${operationsRun(view.phases).join(', ') || 'no operation'}`
      : inSync && clean
        ? `${stray ?? ''} (never committed)`
        : `${stray === null ? '' : `${stray} (read as missing, never committed); `}${whyFailed(run, view, planned?.operation, st?.runReport ?? null)}`
    return {
      unit,
      status: ok ? 'synced' : 'failed',
      result: {
        id: unit.id,
        basename: unit.basename,
        language: unit.language,
        status: ok ? 'synced' : 'failed',
        operations: operationsRun(view.phases),
        cost: null,
        reason,
        fingerprint: st?.fingerprint ?? null,
        runReport: st?.runReport ?? null
      }
    }
  })
}

/** A unit's outputs, relative to its project. */
function outputsOf(unit: Unit): string[] {
  return [unit.paths.code, unit.paths.example, unit.paths.test, ...unit.testFiles]
}

function whyFailed(
  run: PddExit,
  view: ParsedSyncOutput,
  next: string | undefined,
  report: UnitState['runReport']
): string {
  if (run.timedOut) return 'timed out: pdd was stopped (timeout-minutes-per-group)'
  if (run.cancelled) return 'cancelled: the run was stopped'
  const pdd = failureReason(view, report)
  if (run.code !== 0) return `pdd exited ${String(run.code)}: ${pdd}`
  if (view.overall === 'Success' && next) return `PDD reported success, but the unit still needs ${next}`
  return pdd
}

/** PDD prints a cost per language in its table; otherwise the group's cost is split evenly. */
export function unitCost(
  parsed: ParsedSyncOutput,
  language: string,
  groupCost: number | null,
  n: number
): number | null {
  const row = parsed.languages.find(r => r.language.toLowerCase() === language.toLowerCase())
  if (row?.cost !== null && row?.cost !== undefined) return row.cost
  return groupCost === null ? null : Math.round((groupCost / Math.max(1, n)) * 1e6) / 1e6
}
