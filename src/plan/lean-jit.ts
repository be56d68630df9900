/**
 * Planning runs with V8's optimizing compiler (TurboFan) not inlining (docs/architecture.md, "Planner CPU").
 * A plan is one pass over thousands of units through hundreds of small functions: TurboFan optimized many of
 * them with their callees inlined, tens of milliseconds of compiling each on a background thread, and at
 * 5,000 units that compiling cost more CPU than the optimized code saved. Without inlining each function
 * compiles in a fraction of that time and hot loops are still optimized (measured at 5,000 units: 15 % less
 * CPU; at 20,000 also less; turning TurboFan off instead cost a third more there). Inlining is switched back on
 * when the last plan in progress ends, so the rest of a run compiles as usual. A choice of the user's (a V8
 * optimizer flag in `NODE_OPTIONS` or node's own arguments) is left alone.
 */
import { setFlagsFromString } from 'node:v8'

/** Plans in progress in this process (the executor re-plans groups concurrently). */
let active = 0
let userChose: boolean | undefined

/** Runs `fn` (a plan) with TurboFan's inlining off; see the module comment. */
export async function withLeanOptimizer<T>(fn: () => Promise<T>): Promise<T> {
  userChose ??= optimizerFlagGiven([...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)])
  if (userChose) return fn()
  if (active++ === 0) setFlagsFromString('--no-turbo-inlining')
  try {
    return await fn()
  } finally {
    if (--active === 0) setFlagsFromString('--turbo-inlining')
  }
}

/** Whether node's arguments already say how V8 optimizes (`--no-opt`, `--jitless`, inlining limits, …). */
export function optimizerFlagGiven(args: readonly string[]): boolean {
  return args.some(a =>
    /^--(?:no[-_])?(?:opt|turbofan|always[-_]opt|jitless|maglev|turbo[-_]inlining|max[-_]inlined[-_a-z]*)(?:=|$)/.test(
      a
    )
  )
}
