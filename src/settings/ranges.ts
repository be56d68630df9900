/**
 * The numeric settings that the action's inputs and the command's options share, with one range each: a value
 * that one accepts the other accepts too, and the same value means the same run. (They had drifted apart:
 * `--concurrency` allowed 1–64 and `--max-attempts` 0–100 where the action allowed 1–16 and 1–20.)
 */
export interface Range {
  readonly min: number
  readonly max: number
}

export const RANGES = {
  /** Dollars: `budget`, `daily-budget`, `monthly-budget`. */
  budget: { min: 0, max: 1_000_000 },
  /** Groups synced at once: each is a `pdd` process and a worktree. */
  concurrency: { min: 1, max: 16 },
  /** `pdd sync --max-attempts`: 0 would leave every fix loop without a try. */
  maxAttempts: { min: 1, max: 20 },
  /** Minutes one group's `pdd` may run before it is stopped. */
  timeoutMinutes: { min: 0.05, max: 360 },
  /** Minutes the whole run may take (GitHub stops a job at 72 hours). */
  maxRunMinutes: { min: 0.1, max: 4320 },
  targetCoverage: { min: 0, max: 100 },
  strength: { min: 0, max: 1 },
  temperature: { min: 0, max: 2 },
  /** Matrix legs of `plan --shards` / `max-shards` (GitHub allows 256 jobs per matrix). */
  shards: { min: 1, max: 256 }
} as const satisfies Record<string, Range>
