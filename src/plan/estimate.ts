import type { History } from '../state/history.js'
import type { EstimateBasis, Operation } from '../types.js'
import { costIndexOf, median, ownCosts, pddEstimate, type OperationSample } from './cost-index.js'

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

/** The unit an estimate is for: its id, language, and prompt size (prompt plus includes, bytes) when known. */
export interface EstimateTarget {
  id: string
  language: string
  promptBytes?: number
}

/** Where an estimate came from, strongest first (see {@link estimateOperation}). */
export type { EstimateBasis } from '../types.js'

const RANK: readonly EstimateBasis[] = ['unit', 'language', 'any', 'repository', 'pdd']

/**
 * Estimate of one operation, from every cost the repository has recorded:
 * 1. `unit`: the median of the unit's own past costs of the operation;
 * 2. `language`: the median over other units of its language, per prompt byte × its prompt size (the raw median
 *    when sizes are unknown);
 * 3. `any`: the same over units of any language;
 * 4. `repository`: PDD's table × the repository's median ratio of booked cost to PDD's table (an operation no
 *    unit ran yet);
 * 5. `pdd`: PDD's own table, only when the repository has no recorded cost at all.
 */
export function estimateOperation(
  op: Operation,
  unit: EstimateTarget,
  history: History
): { cost: number; basis: EstimateBasis } {
  const own = median(ownCosts(history.forUnit(unit.id), op))
  if (own !== null) return { cost: own, basis: 'unit' }
  const index = costIndexOf(history)
  const lang = index.forLanguage(unit.language, op)
  if (lang) return { cost: scaled(lang, unit.promptBytes), basis: 'language' }
  const any = index.forAnyLanguage(op)
  if (any) return { cost: scaled(any, unit.promptBytes), basis: 'any' }
  const ratio = index.repositoryRatio
  if (ratio !== null) return { cost: pddEstimate(op) * ratio, basis: 'repository' }
  return { cost: pddEstimate(op), basis: 'pdd' }
}

function scaled(s: OperationSample, bytes: number | undefined): number {
  return s.perByte !== null && bytes !== undefined && bytes > 0 ? s.perByte * bytes : s.cost
}

/** Estimate of a whole sync of a unit, and its weakest basis (`unit` when it runs nothing). */
export function estimateUnitDetail(
  ops: readonly Operation[],
  unit: EstimateTarget,
  history: History
): { cost: number; basis: EstimateBasis } {
  let sum = 0
  let basis: EstimateBasis = 'unit'
  for (const op of ops) {
    const e = estimateOperation(op, unit, history)
    sum += e.cost
    if (RANK.indexOf(e.basis) > RANK.indexOf(basis)) basis = e.basis
  }
  return { cost: roundCost(sum), basis }
}

/** Estimate of a whole sync of a unit, rounded to cents' hundredths. */
export function estimateUnit(ops: readonly Operation[], unit: EstimateTarget, history: History): number {
  return estimateUnitDetail(ops, unit, history).cost
}

/** Rounds dollars to 4 decimals, as PDD prints costs. */
export function roundCost(x: number): number {
  return Math.round(x * 10000) / 10000
}
