import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult } from '../execute/result.js'
import type { RecordsRead } from '../plan/plan.js'
import {
  effectiveBudget,
  hasCaps,
  summarizeSpend,
  type EffectiveBudget,
  type SpendSummary
} from '../state/spend.js'
import type { SpendCaps } from '../settings/inputs.js'
import { money } from '../plan/render.js'
import { reserveSpend } from './reservation.js'

/** The caps across runs as they applied to one run: for admission, the summary and the outputs. */
export interface SpendReport {
  caps: SpendCaps
  /** Other runs' spend today and this month, and their open reservations. */
  summary: SpendSummary
  effective: EffectiveBudget
  /** False when the reservation did not reach the remote (see `warning`). */
  shared: boolean
  warning?: string
}

/** Options of {@link budgetUnderCaps}. */
export interface BudgetUnderCapsOptions {
  git: Git
  /** Null: the local notes only (the CLI without `--push`). */
  remote: string | null
  notesRef: string
  identity: Identity
  runId: string
  budget: number
  caps: SpendCaps
  /** Records and reservations the planner read (notes and PR comment). */
  read: RecordsRead
  /** Write and push a reservation (a run that will spend under a cap); false only computes. */
  reserve: boolean
  /** Told the cap's effect and a reservation that could not be shared. */
  reporter: Reporter
  now?: () => Date
}

/**
 * The job's budget under the caps. With a cap and something to run, the budget is reserved in the notes first
 * (reservation.ts), so that runs started together stay under the caps; otherwise it is computed from what the
 * planner read, and nothing is written.
 */
export async function budgetUnderCaps(o: BudgetUnderCapsOptions): Promise<SpendReport> {
  const r = await computeOrReserve(o)
  if (r.warning) o.reporter.warning(r.warning)
  const why = capReason(r)
  if (why) o.reporter.notice(upper(why) + '.')
  return r
}

async function computeOrReserve(o: BudgetUnderCapsOptions): Promise<SpendReport> {
  if (o.reserve && hasCaps(o.caps)) {
    const comment = o.read.records
    const r = await reserveSpend({
      git: o.git,
      remote: o.remote,
      ref: o.notesRef,
      identity: o.identity,
      runId: o.runId,
      budget: o.budget,
      caps: o.caps,
      otherRecords: comment,
      now: o.now
    })
    return { caps: o.caps, ...r }
  }
  const summary = summarizeSpend({ ...o.read, now: (o.now ?? (() => new Date()))(), excludeRunId: o.runId })
  return { caps: o.caps, summary, effective: effectiveBudget(o.budget, o.caps, summary), shared: true }
}

/** Why the caps stopped or lowered this run, one sentence; undefined when they did not. */
export function capReason(r: SpendReport): string | undefined {
  const e = r.effective
  if (!e.limitedBy) return undefined
  const s = r.summary
  const [cap, used, held, period] =
    e.limitedBy === 'daily'
      ? [r.caps.daily ?? 0, s.spentToday, s.heldToday, `today (${s.day} UTC)`]
      : [r.caps.monthly ?? 0, s.spentMonth, s.heldMonth, `this month (${s.month} UTC)`]
  const heldText = held > 0 ? ` and ${money(held)} held by runs still going` : ''
  const what = `${money(used)} spent ${period}${heldText} of the ${e.limitedBy} cap of ${money(cap)}`
  return e.reached
    ? `${e.limitedBy} cap reached: ${what}; nothing was installed or run`
    : `budget lowered from ${money(e.requested)} to ${money(e.budget)} by the ${e.limitedBy} cap: ${what}`
}

/** Gives the units the cap kept from running the cap's reason. */
export function explainCapped(result: RunResult, r: SpendReport): void {
  const why = capReason(r)
  if (!why || !r.effective.reached) return
  for (const u of result.units) if (u.status === 'skipped-budget') u.reason = why
}

/** Dollars spent this month by every recorded run, this one included. */
export function spentThisMonth(r: SpendReport, result: Pick<RunResult, 'spent'>): number {
  return Math.round((r.summary.spentMonth + result.spent) * 1e6) / 1e6
}

/**
 * The job summary's spend block: this run, today and this month against the caps, and the cap's notice when it
 * stopped or lowered the run.
 */
export function renderSpend(r: SpendReport, result: Pick<RunResult, 'spent'>): string {
  const s = r.summary
  const against = (n: number, cap: number | undefined, held: number): string =>
    `${money(n)}${cap === undefined ? '' : ` of ${money(cap)}`}${held > 0 ? ` (+${money(held)} reserved by runs still going)` : ''}`
  const line =
    `**Spent:** this run ${money(result.spent)} · today ${against(s.spentToday + result.spent, r.caps.daily, s.heldToday)}` +
    ` · this month ${against(spentThisMonth(r, result), r.caps.monthly, s.heldMonth)}`
  const out = [line]
  const why = capReason(r)
  if (why) out.unshift(`> [!${r.effective.reached ? 'WARNING' : 'NOTE'}]\n> ${upper(why)}.\n`)
  if (r.warning) out.push('', `> [!WARNING]\n> ${r.warning}\n`)
  return out.join('\n')
}

function upper(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
