import { setFlagsFromString } from 'node:v8'

/**
 * The V8 setting `pdd-sync plan` runs with: no TurboFan inlining. A plan is a short batch through a few hundred
 * hot functions (the PDD path port, the state loader); optimizing them with inlining cost more CPU on the
 * compiler threads (28 % of the plan's CPU at 5,000 units, `perf record -e cpu-clock`) than the faster code
 * saved. Without inlining every hot function is still optimized: at 5,000 units the plan's CPU falls by 10–20 %
 * (less on an oversubscribed machine), and at 20,000 it is no higher. Only a compiler flag, read when a function is optimized (never a
 * garbage-collector or heap flag, which V8 reads at start-up); set before the hot code runs. Node calls flags
 * changed after start-up unsupported, so only the `plan` command sets it: it holds no paid work.
 */
export const JIT_FLAGS = '--no-turbo-inlining'

export function tuneJit(): void {
  setFlagsFromString(JIT_FLAGS)
}
