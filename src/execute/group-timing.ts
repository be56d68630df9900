/**
 * Where a group's time goes (`PDD_SYNC_TIMING=1`, docs/architecture.md "Performance"): the wall milliseconds of
 * each step of one group — worktree, state, pdd, straggler sweep, verdict, commit, landing — in one log line.
 */
import type { Reporter } from '../adapters/reporter.js'

/** Records the steps of one group; `done` logs them (nothing at all unless timing was asked for). */
export interface GroupTimer {
  /** Ends the step running since the previous mark (or the start) and names it. */
  mark(step: string): void
  /**
   * Logs `timing: <group> add 40 ms · pdd 912 ms · … · total 1020 ms · at 310–1330 ms` (when the group started
   * and ended, in ms since the process started: the gaps between groups show).
   */
  done(): void
}

const NONE: GroupTimer = { mark: () => undefined, done: () => undefined }

/** A timer for the group `id` when `env.PDD_SYNC_TIMING` is `1`, otherwise one that does nothing. */
export function groupTimer(id: string, env: NodeJS.ProcessEnv, reporter: Reporter): GroupTimer {
  if (env.PDD_SYNC_TIMING !== '1') return NONE
  const start = performance.now()
  let last = start
  const steps: string[] = []
  return {
    mark(step) {
      const now = performance.now()
      steps.push(`${step} ${(now - last).toFixed(0)} ms`)
      last = now
    },
    done() {
      const total = (performance.now() - start).toFixed(0)
      const at = `at ${start.toFixed(0)}–${performance.now().toFixed(0)} ms`
      reporter.info(`timing: ${id} ${[...steps, `total ${total} ms`, at].join(' · ')}`)
    }
  }
}
