import type { Git, Identity } from '../adapters/git.js'
import type { GitHub } from '../adapters/github.js'
import type { Reporter } from '../adapters/reporter.js'
import type { RunResult } from '../execute/result.js'
import type { PublishSettings } from '../settings/run-inputs.js'
import type { RunRecord } from '../state/record.js'
import type { PublishBranchResult } from './branch.js'
import type { ChecklistInput } from './checklist.js'
import type { SignOptions } from './signed-push.js'

/**
 * What the workflow chose for publication (inputs `state-store`, `pr-title`, `labels`, `body`, `reviewers`,
 * `team-reviewers`, `assignees`, `milestone`, `draft-on-failure`,
 * `delete-branch`, `overwrite-human-commits`, `allow-workflow-changes`), as the settings read them.
 */
export type PublishChoices = Pick<
  PublishSettings,
  | 'stateStore'
  | 'title'
  | 'labels'
  | 'draftOnFailure'
  | 'deleteBranch'
  | 'overwriteHumanCommits'
  | 'allowWorkflowChanges'
> &
  Partial<Pick<PublishSettings, 'people' | 'bodyPrefix'>>

/** Options of `publish` (publish.ts): the workflow's choices and what this run made. */
export interface PublishOptions extends PublishChoices {
  /** The repository, authenticated for pushes. */
  git: Git
  /** The REST API; null publishes the branch and notes only (no token). */
  github: GitHub | null
  remote: string
  /** Bot branch on the remote, and the local ref the executor built it in. */
  branch: string
  localRef: string
  /** Branch the pull request targets, and the commit the run started from. */
  base: string
  baseSha: string
  result: RunResult
  record: RunRecord
  notesRef: string
  identity: Identity
  /** What the checklist needs besides the result (trigger, run link, pdd version, …). */
  checklist: Omit<ChecklistInput, 'result'>
  reporter: Reporter
  sleep?: (ms: number) => Promise<void>
  /** Nothing had work: write no run record (a no-op run makes no writes). */
  skipRecord?: boolean
  /**
   * Basenames this run synced or tried. Given, the earlier runs' unmerged results on the remote bot branch
   * for other basenames are carried over onto this run's head before the push (see carry-over.ts).
   */
  carryExcept?: ReadonlySet<string>
  /**
   * A run with nothing to do (with `skipRecord`): the run records it read. Given, and no pull request is open,
   * the bot branch's results that no pull request has shown yet get one (pending-pr.ts).
   */
  pending?: readonly RunRecord[]
  /** Rounds of fetch → carry → push when another run wins the race (default 4). */
  pushAttempts?: number
  /** `sign-commits`: the bot branch's commits are made through the API (signed-push.ts). */
  sign?: SignOptions
}

/** Everything publication did, for outputs and the job summary. */
export interface PublishOutcome {
  branch: PublishBranchResult | null
  pullRequest: { operation: 'created' | 'updated' | 'closed' | 'none'; number?: number; url?: string }
  /** The run record reached the notes ref / the PR comment. */
  notes: { pushed: boolean; comment: boolean; error?: string }
  /** The checklist input as finally rendered (with notices). */
  checklist: ChecklistInput
  warnings: string[]
  /**
   * Why this run's paid results did not all reach the remote (the bot branch could not be pushed, another run
   * kept winning the race, or the run record was saved nowhere): the entry point then keeps them elsewhere and
   * fails the step. Undefined when everything is on the remote or was held back on purpose (human commits,
   * workflow files).
   */
  failed?: string
}
