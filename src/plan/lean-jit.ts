/**
 * Planning runs with V8's optimizing compiler (TurboFan) switched off (docs/architecture.md, "Planner CPU").
 * A plan is one pass over thousands of units through hundreds of small functions: TurboFan compiled many of them
 * on a background thread, and that compiling cost more CPU than the optimized code saved (about 12 % of the
 * plan's CPU at 5,000 units, measured; the interpreter and the baseline compiler still run). It is switched back
 * on when the last plan in progress ends, so the rest of a run is compiled as usual. A choice of the user's
 * (an optimizer flag in `NODE_OPTIONS` or node's own arguments) is left alone.
 */
import { setFlagsFromString } from 'node:v8'

/** Plans in progress in this process (the executor re-plans groups concurrently). */
let active = 0
let userChose: boolean | undefined

/** Runs `fn` (a plan) with the optimizing compiler off; see the module comment. */
export async function withoutOptimizer<T>(fn: () => Promise<T>): Promise<T> {
  userChose ??= optimizerFlagGiven([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)])
  if (userChose) return fn()
  if (active++ === 0) setFlagsFromString('--no-opt')
  try {
    return await fn()
  } finally {
    if (--active === 0) setFlagsFromString('--opt')
  }
}

/** Whether node's arguments already say how V8 optimizes (`--opt`, `--no-turbofan`, `--jitless`, …). */
export function optimizerFlagGiven(args: readonly string[]): boolean {
  return args.some(a => /^--(?:no-|no_)?(?:opt|turbofan|always-opt|always_opt|jitless|maglev)(?:=|$)/.test(a))
}
