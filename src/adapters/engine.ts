import { setFlagsFromString } from 'node:v8'

/**
 * V8 (Node 20 and 21) tiers a function up to its optimizing compiler after this much work; V8's default is 67,584
 * (bytecode budget units). Planning is a short process that walks thousands of units once through ~150 functions:
 * at the default, V8 compiled ~210 of them with TurboFan on its worker threads, and that compile time was a third of
 * planning's CPU at 5,000 units, more than the optimized code won back. Fifteen times the budget leaves the hottest
 * functions optimized (a large repository still gets them) and the rest to the interpreter's baseline code.
 *
 * Measured on a 2-core machine (Node 20, `bench/run.mjs` repositories, paired runs): planning CPU at 5,000 units
 * −24 % (`meta`) and −19 % (`contexts`), wall −15–18 %; at 20,000 units within ±6 % (noise).
 */
const INTERRUPT_BUDGET = 1_000_000

/**
 * Whether this V8 gets {@link INTERRUPT_BUDGET}: before V8 12 (Node 22) there is no mid-tier compiler, so every
 * function that crosses the budget goes to TurboFan. Node 22+ compile with Maglev first; there the default budget
 * already costs less than the gain (Node 24: planning CPU −3 %, wall ±0 with a larger budget, within noise).
 */
export function wantsLargerBudget(v8Version: string): boolean {
  const major = Number(/^(\d+)\./.exec(v8Version)?.[1])
  return Number.isInteger(major) && major >= 11 && major < 12
}

/**
 * Tunes V8 for a short planning process (the command and the action call it first). Only a flag every V8 of that
 * range knows: an unknown flag would print an error on stderr. Functions compiled before this keep the old budget.
 */
export function tuneEngine(v8Version = process.versions.v8): boolean {
  if (!wantsLargerBudget(v8Version)) return false
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`)
  return true
}
