import { tmpdir } from 'node:os'
import path from 'node:path'
import { ActionsArtifactUploader } from '../adapters/actions-artifact.js'
import { DirectoryUploader, type ArtifactUploader } from '../adapters/artifact.js'
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult } from '../execute/result.js'
import type { RunRecord } from '../state/record.js'
import type { ChecklistInput } from './checklist.js'
import type { IncrementalOptions } from './incremental.js'
import type { PublishOutcome } from './options.js'
import { rescueWork, type RescueOutcome } from './rescue.js'
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

/** The publish settings the incremental publisher shares with the final publish. */
export function progressOptions(
  p: Pick<IncrementalOptions, 'stateStore' | 'overwriteHumanCommits' | 'allowWorkflowChanges'>
): Pick<IncrementalOptions, 'stateStore' | 'overwriteHumanCommits' | 'allowWorkflowChanges'> {
  return {
    stateStore: p.stateStore,
    overwriteHumanCommits: p.overwriteHumanCommits,
    allowWorkflowChanges: p.allowWorkflowChanges
  }
}

/** Options of {@link keepWork}. */
export interface KeepWorkOptions {
  git: Git
  branch: string
  baseSha: string
  result: RunResult
  record: RunRecord
  uploader: ArtifactUploader
  reporter: Reporter
}

/**
 * The final publish failed: the synced commits (a bundle) and the run record are kept as the artifact
 * `pdd-sync-<run id>` (rescue.ts), staged under `$RUNNER_TEMP/pdd-sync/<name>`.
 */
export async function keepWork(o: KeepWorkOptions): Promise<RescueOutcome> {
  const name = `pdd-sync-${o.record.runId}`
  const kept = await rescueWork({
    git: o.git,
    branch: o.branch,
    head: o.result.head ?? o.baseSha,
    baseSha: o.baseSha,
    record: o.record,
    result: o.result,
    dir: path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'pdd-sync', name),
    uploader: o.uploader,
    name
  })
  o.reporter.info(kept.message)
  return kept
}
