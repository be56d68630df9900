import type { History, UnitHistoryEntry } from '../state/history.js'
import type { Operation } from '../types.js'
import { estimateOperationCost } from './decide.js'

/** PDD's own estimate of one operation (`estimate_operation_cost`, pdd-cli.md §5.1), in dollars. */
function pddEstimate(op: string): number {
  return estimateOperationCost(op as Operation)
}

/** Flags that change which operations a sync runs. */
export interface SequenceFlags {
  skipTests: boolean
  skipVerify: boolean
}

const AFTER: Readonly<Record<string, Operation[]>> = {
  'auto-deps': ['generate', 'example', 'crash', 'verify', 'test'],
  generate: ['example', 'crash', 'verify', 'test'],
  example: ['crash', 'verify', 'test'],
  crash: ['verify', 'test'],
  verify: ['test'],
  update: ['verify', 'test']
}

/**
 * The operations a `pdd sync` is expected to run when its first decision is `first`: PDD keeps deciding until
 * the unit is in sync, so a `generate` is followed by the example, crash check, verify and tests. Skipped
 * operations cost nothing (the orchestrator skips crash/verify with either flag, test/fix with skip-tests); an
 * example that exists already is not regenerated after a new `generate`.
 */
export function expectedOperations(
  first: Operation,
  flags: SequenceFlags,
  exampleExists = false
): Operation[] {
  if (pddEstimate(first) === 0) return []
  const ops: Operation[] = [first, ...(AFTER[first] ?? []).filter(o => !(o === 'example' && exampleExists))]
  return ops.filter(o => {
    if (o === 'crash' || o === 'verify') return !flags.skipTests && !flags.skipVerify
    if (o === 'test' || o === 'fix' || o === 'test_extend') return !flags.skipTests
    return true
  })
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

/**
 * Past cost of one operation in each entry: a run's booked cost spread over the operations it ran in
 * proportion to PDD's own estimates (PDD books one cost per sync, not per operation).
 */
function perOperationCosts(entries: readonly UnitHistoryEntry[], op: Operation): number[] {
  const out: number[] = []
  for (const e of entries) {
    const u = e.unit
    if (u.cost === null || !u.operations.includes(op)) continue
    const weights = u.operations.map(o => pddEstimate(o))
    const total = weights.reduce((a, b) => a + b, 0)
    if (total > 0) out.push((u.cost * pddEstimate(op)) / total)
  }
  return out
}

const languageMedians = new WeakMap<History, Map<string, number | null>>()

/** Median per language and operation, computed once per history (thousands of units share it). */
function languageMedian(history: History, language: string, op: Operation): number | null {
  let cache = languageMedians.get(history)
  if (!cache) languageMedians.set(history, (cache = new Map<string, number | null>()))
  const key = `${language.toLowerCase()}\0${op}`
  if (!cache.has(key)) cache.set(key, median(perOperationCosts(history.forLanguage(language), op)))
  return cache.get(key) ?? null
}

/** Where an estimate came from: the unit's history, its language's, or PDD's table. */
export type EstimateBasis = 'unit' | 'language' | 'pdd'

/** Estimate of one operation: median of the unit's past costs, then of the language's, then PDD's table. */
export function estimateOperation(
  op: Operation,
  unit: { id: string; language: string },
  history: History
): { cost: number; basis: EstimateBasis } {
  const own = median(perOperationCosts(history.forUnit(unit.id), op))
  if (own !== null) return { cost: own, basis: 'unit' }
  const lang = languageMedian(history, unit.language, op)
  if (lang !== null) return { cost: lang, basis: 'language' }
  return { cost: pddEstimate(op), basis: 'pdd' }
}

/** Estimate of a whole sync of a unit, rounded to cents' hundredths. */
export function estimateUnit(
  ops: readonly Operation[],
  unit: { id: string; language: string },
  history: History
): number {
  const sum = ops.reduce((acc, op) => acc + estimateOperation(op, unit, history).cost, 0)
  return roundCost(sum)
}

/** Rounds dollars to 4 decimals, as PDD prints costs. */
export function roundCost(x: number): number {
  return Math.round(x * 10000) / 10000
}
