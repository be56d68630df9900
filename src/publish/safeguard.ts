import { tmpdir } from 'node:os'
import path from 'node:path'
import { ActionsArtifactUploader } from '../adapters/actions-artifact.js'
import { DirectoryUploader, type ArtifactUploader } from '../adapters/artifact.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult } from '../execute/result.js'
import type { RunRecord } from '../state/record.js'
import type { ChecklistInput } from './checklist.js'
import type { PublishOutcome } from './publish.js'
import { toRunRecord, type RunIdentity } from './run-record.js'

/**
 * The artifact store of this environment: the workflow artifact service on a runner (it sets
 * `ACTIONS_RUNTIME_TOKEN`), else a folder under the temp directory (a local run of the action).
 */
export function defaultUploader(env: NodeJS.ProcessEnv = process.env): ArtifactUploader {
  if (env.ACTIONS_RUNTIME_TOKEN) return new ActionsArtifactUploader()
  return new DirectoryUploader(path.join(env.RUNNER_TEMP ?? tmpdir(), 'pdd-sync', 'artifacts'))
}

/** The outcome of a final publish that threw: nothing further is known to be on the remote. */
export function publishThrew(e: unknown, checklist: ChecklistInput): PublishOutcome {
  const why = `publishing failed: ${((e as Error).message ?? String(e)).split('\n')[0] ?? ''}`
  return {
    branch: null,
    pullRequest: { operation: 'none' },
    notes: { pushed: false, comment: false, error: why },
    checklist: { ...checklist, prBlocked: why },
    warnings: [why],
    failed: why
  }
}

/** The partial run record of the units finished so far (the final record, same run id, supersedes it). */
export function partialRecord(units: RunResult['units'], budget: number, id: RunIdentity): RunRecord {
  const spent = Math.round(units.reduce((a, u) => a + (u.cost ?? 0), 0) * 1e6) / 1e6
  const at = new Date().toISOString()
  return { ...toRunRecord({ budget, spent, units }, { ...id, createdAt: at }), partial: true }
}

/** Logs what the incremental publication cost (rounds and their median), once the run is over. */
export function logRounds(reporter: Reporter, rounds: readonly number[]): void {
  if (rounds.length === 0) return
  const sorted = [...rounds].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  reporter.info(
    `Published progress ${rounds.length} time(s) during the run (median ${median} ms, total ` +
      `${rounds.reduce((a, b) => a + b, 0)} ms).`
  )
}
