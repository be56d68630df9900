/** The outcome of `mode: run` and `mode: finalize`, built one way for both. */
import type { RunResult } from '../execute/result.js'
import type { PlanWithState } from '../plan/plan.js'
import type { ChecklistInput } from '../publish/checklist.js'
import type { LogArtifact } from '../publish/log-artifact.js'
import type { PublishOutcome } from '../publish/options.js'
import type { RescueOutcome } from '../publish/rescue.js'
import type { SpendReport } from '../publish/spend-report.js'
import type { ActionSettings } from '../settings/action-settings.js'
import type { RunRecord } from '../state/record.js'
import { noApi } from '../trust/action.js'

/** What `mode: run` (or `mode: finalize`) did, for the entry point to turn into outputs, a summary and an exit status. */
export interface RunActionOutcome {
  planned: PlanWithState
  result: RunResult
  /** Null for a dry run or a fork (nothing published). */
  published: PublishOutcome | null
  checklist: ChecklistInput
  record: RunRecord
  branch: string
  /** The PDD project directory (plan paths are relative to it). */
  repoRoot: string
  /** Why nothing was published, when it was not. */
  notPublished?: string
  /** Where the paid work was kept when the final publish failed (`published.failed`). */
  rescue?: RescueOutcome
  /** The log artifact (each group's full pdd output, failed groups' PDD files), when any group ran. */
  logs?: LogArtifact
  /** Spend of earlier runs against the daily and monthly caps, and the budget they left this run. */
  spend: SpendReport
  /** Why no pull request was opened or updated although results were published (no `token`). */
  noPullRequest?: string
}

/** What a run knows once its syncs ended, before publishing. */
export interface RunParts {
  planned: PlanWithState
  result: RunResult
  checklist: ChecklistInput
  record: RunRecord
  spend: SpendReport
  logs?: LogArtifact | null
}

/** The outcome of a run before publishing (`published` is added by the caller). */
export function outcomeOf(
  s: ActionSettings,
  branch: string,
  p: RunParts
): Omit<RunActionOutcome, 'published'> {
  return {
    planned: p.planned,
    result: p.result,
    checklist: p.checklist,
    record: p.record,
    branch,
    repoRoot: s.repoRoot,
    noPullRequest: noApi(s),
    spend: p.spend,
    ...(p.logs ? { logs: p.logs } : {})
  }
}
