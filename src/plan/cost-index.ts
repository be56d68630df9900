import type { History, UnitHistoryEntry } from '../state/history.js'
import type { Operation } from '../types.js'
import { estimateOperationCost } from './decide.js'

/** PDD's own estimate of one operation (`estimate_operation_cost`), in dollars. */
export function pddEstimate(op: string): number {
  return estimateOperationCost(op as Operation)
}

/** Median, or null for an empty list. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/** Costs of one operation across past runs: raw dollars, and dollars per prompt byte where the size is known. */
export interface OperationSample {
  /** Median dollars per run of the operation. */
  cost: number
  /** Median dollars per byte of prompt (prompt plus includes), null when no run recorded its prompt size. */
  perByte: number | null
}

interface Samples {
  costs: number[]
  perByte: number[]
}

/**
 * Every cost the repository has recorded, indexed once (linear in the history) so that estimating thousands of
 * units never scans the history per unit. A run's booked cost is spread over the operations it ran in proportion
 * to PDD's own estimates (PDD books one cost per sync, not per operation).
 */
export class CostIndex {
  /** Samples by lower-case language, then operation; and by operation over every language. */
  private readonly byLanguage = new Map<string, Map<string, Samples>>()
  private readonly anyLanguage = new Map<string, Samples>()
  private readonly ratios: number[] = []
  private readonly medians = new Map<Samples, OperationSample | null>()
  private ratioMedian: number | null | undefined

  constructor(history: History) {
    for (const e of history.entries()) this.add(e)
  }

  /** True when at least one run booked a positive cost for an operation: estimates need no PDD table. */
  get hasCosts(): boolean {
    return this.ratios.length > 0
  }

  /** Median cost of `op` over other units of `language` (lower-case), null when none ran it. */
  forLanguage(language: string, op: Operation): OperationSample | null {
    return this.sample(this.byLanguage.get(language.toLowerCase())?.get(op))
  }

  /** Median cost of `op` over every unit of the repository, null when none ran it. */
  forAnyLanguage(op: Operation): OperationSample | null {
    return this.sample(this.anyLanguage.get(op))
  }

  /** Median of (booked cost ÷ PDD's estimate of the operations run) over every costed run, null without any. */
  get repositoryRatio(): number | null {
    if (this.ratioMedian === undefined) this.ratioMedian = median(this.ratios)
    return this.ratioMedian
  }

  private sample(s: Samples | undefined): OperationSample | null {
    if (s === undefined) return null
    if (this.medians.has(s)) return this.medians.get(s) ?? null
    const cost = median(s.costs)
    const out = cost === null ? null : { cost, perByte: median(s.perByte) }
    this.medians.set(s, out)
    return out
  }

  private add(e: UnitHistoryEntry): void {
    const u = e.unit
    if (u.cost === null || !Number.isFinite(u.cost) || u.cost <= 0) return
    const table = u.operations.reduce((a, o) => a + pddEstimate(o), 0)
    if (table <= 0) return
    this.ratios.push(u.cost / table)
    const bytes = typeof u.promptBytes === 'number' && u.promptBytes > 0 ? u.promptBytes : null
    const language = u.language.toLowerCase()
    let own = this.byLanguage.get(language)
    if (own === undefined) this.byLanguage.set(language, (own = new Map<string, Samples>()))
    for (const op of new Set(u.operations)) {
      const share = (u.cost * pddEstimate(op)) / table
      if (share <= 0) continue
      addShare(own, op, share, bytes)
      addShare(this.anyLanguage, op, share, bytes)
    }
  }
}

/** One run's share of an operation's cost (and per prompt byte, when its size is known). */
function addShare(by: Map<string, Samples>, op: string, share: number, bytes: number | null): void {
  let s = by.get(op)
  if (s === undefined) by.set(op, (s = { costs: [], perByte: [] }))
  s.costs.push(share)
  if (bytes !== null) s.perByte.push(share / bytes)
}

const indexes = new WeakMap<History, CostIndex>()

/** The cost index of a history, built once (thousands of units share it). */
export function costIndexOf(history: History): CostIndex {
  let i = indexes.get(history)
  if (!i) indexes.set(history, (i = new CostIndex(history)))
  return i
}

/** Per-operation shares of a unit's own costed runs (its own history is short: scanning it is linear overall). */
export function ownCosts(entries: readonly UnitHistoryEntry[], op: Operation): number[] {
  const out: number[] = []
  for (const e of entries) {
    const u = e.unit
    if (u.cost === null || !Number.isFinite(u.cost) || !u.operations.includes(op)) continue
    const total = u.operations.reduce((a, o) => a + pddEstimate(o), 0)
    if (total > 0) out.push((u.cost * pddEstimate(op)) / total)
  }
  return out
}
