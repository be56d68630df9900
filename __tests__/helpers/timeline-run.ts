/**
 * One run of the executor over a repository with the `pdd` stand-in and the run's timeline (`PDD_SYNC_TIMELINE`,
 * group-timing.ts) written: the witness of the order of things in the executor's ordering tests.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Git } from '../../src/adapters/git.js'
import type { Reporter } from '../../src/adapters/reporter.js'
import { executePlan } from '../../src/execute/execute.js'
import type { RunResult } from '../../src/execute/result.js'
import { planRepository } from '../../src/plan/plan.js'
import { git, tempDir } from './git-repo.js'
import { planOptionsFor } from './plan-options.js'

/** One line of the timeline. */
export interface TimelineEvent {
  t: number
  ev: string
  group?: string
}

/**
 * Plans `dir` (no notes) and executes the plan from its HEAD onto `pdd-sync/main` with `command` ($20, local,
 * three attempts, no calibration). Returns what the run gave (its error, when it threw) and its timeline.
 */
export async function executeWithTimeline(
  dir: string,
  command: string[],
  o: { concurrency: number; reporter: Reporter }
): Promise<{ outcome: RunResult | Error; events: TimelineEvent[] }> {
  const base = git(dir, 'rev-parse', 'HEAD').trim()
  const timeline = path.join(tempDir('pdd-sync-timeline-'), 'timeline.jsonl')
  const planOptions = planOptionsFor(dir, { notesRef: null, env: { PDD_SYNC_TIMELINE: timeline } })
  const planned = await planRepository(planOptions, o.reporter)
  planned.plan.calibrating = false
  const outcome = await executePlan({
    git: await Git.open(dir),
    planned,
    planOptions,
    branch: 'pdd-sync/main',
    base,
    budget: 20,
    concurrency: o.concurrency,
    policy: 'fit',
    timeoutMs: 60_000,
    invocation: { command, maxAttempts: 3, local: true },
    reporter: o.reporter
  }).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))))
  const events = readFileSync(timeline, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as TimelineEvent)
  return { outcome, events }
}
