/**
 * Spend across runs (docs/architecture.md "Budget": caps per day and per month). Pure: no I/O.
 *
 * Earlier runs' spend is summed from their run records by the UTC date of `createdAt`, one run id counted once
 * (the record with the largest `spent`: a run may write partial records as it goes, and the notes and the PR
 * comment may both hold its record). Reservations of runs still going count too, so concurrent runs cannot
 * jointly pass a cap: what a run reserved and has not yet recorded as spent is held until a final record of
 * the run exists or the reservation expires.
 */
import type { SpendCaps } from '../settings/inputs.js'
import type { RunRecord, SpendReservation } from './record.js'

/** Dollars of other runs counted against today's and this month's caps. */
export interface SpendSummary {
  /** UTC date `YYYY-MM-DD` and month `YYYY-MM` the summary is for. */
  day: string
  month: string
  /** Booked by the runs recorded today / this month. */
  spentToday: number
  spentMonth: number
  /** Held by open reservations of other runs made today / this month. */
  heldToday: number
  heldMonth: number
}

/** What the caps leave for this run's budget. */
export interface EffectiveBudget {
  /** min(budget, what is left under each cap), never below 0. */
  budget: number
  /** The job's own budget input. */
  requested: number
  /** The cap that lowered the budget (the tighter one when both did). */
  limitedBy?: 'daily' | 'monthly'
  /** Set when a cap leaves nothing: the run installs and runs nothing. */
  reached?: 'daily' | 'monthly'
  /** Left under each cap before this run (undefined without that cap). */
  leftToday?: number
  leftMonth?: number
}

/** Options of {@link summarizeSpend}. */
export interface SpendInput {
  records: readonly RunRecord[]
  reservations: readonly SpendReservation[]
  now: Date
  /** This run: its own records and reservations are not counted. */
  excludeRunId?: string
}

/** Rounds dollars to 6 decimals, the precision of PDD's cost column. */
function round(x: number): number {
  return Math.round(x * 1e6) / 1e6
}

/** The UTC `YYYY-MM-DD` of an ISO-8601 time, or null when it is not a time. */
export function utcDay(iso: string): string | null {
  const t = Date.parse(iso)
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : null
}

/** A record that ends its run: anything but a partial record written while the run was still going. */
function isFinal(r: RunRecord): boolean {
  return (r as { partial?: unknown }).partial !== true
}

/** Per run id: the largest spend recorded, the date of that record, and whether a final record exists. */
function runsOf(
  records: readonly RunRecord[],
  exclude?: string
): Map<string, { spent: number; day: string; final: boolean }> {
  const runs = new Map<string, { spent: number; day: string; final: boolean }>()
  for (const r of records) {
    const day = utcDay(r.createdAt)
    if (r.runId === exclude || day === null) continue
    const spent = typeof r.spent === 'number' && Number.isFinite(r.spent) && r.spent > 0 ? r.spent : 0
    const seen = runs.get(r.runId)
    if (!seen) runs.set(r.runId, { spent, day, final: isFinal(r) })
    else {
      if (spent > seen.spent) Object.assign(seen, { spent, day })
      seen.final ||= isFinal(r)
    }
  }
  return runs
}

/** Sums earlier runs' spend and other runs' open reservations by UTC day and month of `now`. */
export function summarizeSpend(o: SpendInput): SpendSummary {
  const day = o.now.toISOString().slice(0, 10)
  const month = day.slice(0, 7)
  const s: SpendSummary = { day, month, spentToday: 0, spentMonth: 0, heldToday: 0, heldMonth: 0 }
  const runs = runsOf(o.records, o.excludeRunId)
  for (const run of runs.values()) {
    if (run.day === day) s.spentToday += run.spent
    if (run.day.startsWith(month)) s.spentMonth += run.spent
  }
  const held = new Map<string, { amount: number; day: string; at: string }>()
  for (const r of o.reservations) {
    const at = utcDay(r.createdAt)
    const until = Date.parse(r.expiresAt)
    if (r.runId === o.excludeRunId || at === null || !(until > o.now.getTime())) continue
    const run = runs.get(r.runId)
    if (run?.final) continue
    // A run that re-reserved (a retried push) holds its latest reservation only.
    const prev = held.get(r.runId)
    if (prev && prev.at > r.createdAt) continue
    held.set(r.runId, { amount: Math.max(0, r.amount - (run?.spent ?? 0)), day: at, at: r.createdAt })
  }
  for (const h of held.values()) {
    if (h.day === day) s.heldToday += h.amount
    if (h.day.startsWith(month)) s.heldMonth += h.amount
  }
  for (const k of ['spentToday', 'spentMonth', 'heldToday', 'heldMonth'] as const) s[k] = round(s[k])
  return s
}

/** min(budget, what is left under each cap), and which cap lowered it or left nothing. */
export function effectiveBudget(budget: number, caps: SpendCaps, s: SpendSummary): EffectiveBudget {
  const out: EffectiveBudget = { budget: Math.max(0, budget), requested: budget }
  const left = (cap: number, used: number): number => Math.max(0, round(cap - used))
  if (caps.daily !== undefined) out.leftToday = left(caps.daily, s.spentToday + s.heldToday)
  if (caps.monthly !== undefined) out.leftMonth = left(caps.monthly, s.spentMonth + s.heldMonth)
  for (const [which, l] of [
    ['daily', out.leftToday],
    ['monthly', out.leftMonth]
  ] as const) {
    if (l === undefined || l >= out.budget) continue
    out.budget = l
    out.limitedBy = which
  }
  if (out.limitedBy && out.budget <= 0) out.reached = out.limitedBy
  return out
}

/** Whether any cap is set. */
export function hasCaps(caps: SpendCaps): boolean {
  return caps.daily !== undefined || caps.monthly !== undefined
}
