/**
 * Where a group's time goes (docs/architecture.md "Performance"). `PDD_SYNC_TIMING=1`: the wall milliseconds of
 * each step of one group — worktree, state, pdd, straggler sweep, verdict, commit, landing — in one log line.
 * `PDD_SYNC_TIMELINE=<file>`: every step's end as a JSON line `{"t":<ms since the process started>,"group":<id>,
 * "ev":<step>}` appended to that file, with the run's own marks (`{"t":…,"ev":"execute"}`, no group) and the
 * process's exit, so that `bench/timeline.mjs` can show where slots sat idle and what the run did before the first
 * spawn and after the last exit. Both are debugging aids: neither changes what the run does.
 */
import { appendFileSync } from 'node:fs'
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

/** A timer for the group `id` when `env.PDD_SYNC_TIMING` is `1` or a timeline is kept, else one that does nothing. */
export function groupTimer(id: string, env: NodeJS.ProcessEnv, reporter: Reporter): GroupTimer {
  const file = timelineFile(env)
  const log = env.PDD_SYNC_TIMING === '1'
  if (!log && file === undefined) return NONE
  const start = performance.now()
  if (file !== undefined) append(file, start, 'admitted', id)
  let last = start
  const steps: string[] = []
  return {
    mark(step) {
      const now = performance.now()
      if (file !== undefined) append(file, now, step, id)
      steps.push(`${step} ${(now - last).toFixed(0)} ms`)
      last = now
    },
    done() {
      if (!log) return
      const total = (performance.now() - start).toFixed(0)
      const at = `at ${start.toFixed(0)}–${performance.now().toFixed(0)} ms`
      reporter.info(`timing: ${id} ${[...steps, `total ${total} ms`, at].join(' · ')}`)
    }
  }
}

/** Appends a run-level mark (no group) to the timeline, when one is kept; the first one also marks the exit. */
export function timelineMark(ev: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = timelineFile(env)
  if (file === undefined) return
  if (!exitMarked) {
    exitMarked = true
    process.once('exit', () => append(file, performance.now(), 'exit'))
  }
  append(file, performance.now(), ev)
}

let exitMarked = false

function timelineFile(env: NodeJS.ProcessEnv): string | undefined {
  const file = env.PDD_SYNC_TIMELINE
  return file === undefined || file === '' ? undefined : file
}

function append(file: string, t: number, ev: string, group?: string): void {
  try {
    appendFileSync(
      file,
      JSON.stringify({ t: Math.round(t * 10) / 10, ev, ...(group ? { group } : {}) }) + '\n'
    )
  } catch {
    // A debugging aid: a timeline that cannot be written never fails the run.
  }
}
