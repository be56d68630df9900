import * as core from '@actions/core'
import { PINNED_PDD_VERSION, type FAIL_ON, type InputSource, type InputValues } from './inputs.js'
import type { PullRequestPeople } from './pr-inputs.js'
import type { CommitPerson } from './commit-inputs.js'
import { commandWords } from './command-words.js'

/** The bot's commits (inputs `commit-message`, `author`, `committer`, `sign-commits`). */
export interface CommitSettings {
  /** Template of a group's commit message (placeholders: settings/commit-inputs.ts). */
  template: string
  author: CommitPerson
  /** Also the identity of the notes, and the one the human-commit check knows as the bot. */
  committer: CommitPerson
  /** Create the bot branch's commits through the API, so that GitHub signs them (publish/signed-push.ts). */
  sign: boolean
}

/** How a run syncs: the settings the action and the command line share (inputs / flags of the same names). */
export interface SyncSettings {
  /** The job's budget in dollars. */
  budget: number
  /** Groups synced at once. */
  concurrency: number
  budgetPolicy: 'fit' | 'ordered'
  /** Time limit of one group's sync. */
  timeoutMinutes: number
  maxAttempts: number
  /** PDD Cloud (PDD_JWT_TOKEN) instead of `--local`. */
  pddCloud: boolean
  strength?: number
  temperature?: number
  /** Let PDD run agent CLIs when fix/crash/verify fail (spend outside the ledger). */
  agenticFallback: boolean
  /** Commit what a failed unit left, marked as partial. */
  keepPartial: boolean
  /**
   * Minutes the whole run may take from the start of the step (input `max-run-minutes`): groups stop being
   * admitted, and running ones are cut, early enough to publish before then. Undefined: no limit.
   */
  maxRunMinutes?: number
}

/** How `mode: run` syncs; the budget is the job's (`ActionSettings.budget`, read for every mode). */
export interface RunSettings extends Omit<SyncSettings, 'budget'> {
  /** pdd-cli version installed when `pddCommand` is not given. */
  pddVersion: string
  /** argv prefix replacing the installed pdd (input `pdd-command`, see command-words.ts). */
  pddCommand?: string[]
  pythonVersion?: string
  /** Plan and report only: no install, no pdd, no push, no pull request. */
  dryRun: boolean
  /** Names or globs of variables kept from pdd and redacted everywhere (input `withhold-env`). */
  withholdEnv: string[]
}

/** How `mode: run` publishes (issue "Publish"). */
export interface PublishSettings {
  /** API token; never printed (masked when read). */
  token: string
  /** Token for git pushes; defaults to `token`. */
  pushToken: string
  /** Bot branch; undefined = `pdd-sync/<base>`. */
  branch?: string
  /** Pull request base; undefined = the branch the workflow ran on. */
  base?: string
  stateStore: 'notes' | 'comment' | 'both'
  title?: string
  labels: string[]
  /** Text before the checklist in the pull request body (input `body`). */
  bodyPrefix?: string
  /** Reviewers, assignees and milestone of a new pull request. */
  people: PullRequestPeople
  draftOnFailure: boolean
  deleteBranch: boolean
  overwriteHumanCommits: boolean
  allowWorkflowChanges: boolean
  failOn: (typeof FAIL_ON)[number]
  commits: CommitSettings
}

/** The settings of `mode: run`'s sync step, from the inputs (src/settings/inputs.ts). */
export function runSettings(v: InputValues, source?: Pick<InputSource, 'warning'>): RunSettings {
  const version = v['pdd-version'] ?? PINNED_PDD_VERSION
  if (version !== PINNED_PDD_VERSION) {
    ;(source?.warning ?? core.warning)(
      `Input "pdd-version" is ${version}, but the planner was ported from pdd-cli ${PINNED_PDD_VERSION}: ` +
        'that pdd may decide differently (run units the plan found in sync, or the other way round) and its ' +
        'results may be misjudged. Use it only if you have checked it.'
    )
  }
  return {
    budgetPolicy: v['budget-policy'],
    concurrency: v.concurrency,
    strength: v.strength,
    temperature: v.temperature,
    maxAttempts: v['max-attempts'],
    pddVersion: version,
    pddCommand: v['pdd-command'] === undefined ? undefined : commandWords(v['pdd-command']),
    pythonVersion: v['python-version'],
    pddCloud: v['pdd-cloud'],
    timeoutMinutes: v['timeout-minutes-per-group'] ?? 30,
    keepPartial: v['keep-partial'],
    maxRunMinutes: v['max-run-minutes'],
    agenticFallback: v['agentic-fallback'],
    dryRun: v['dry-run'],
    withholdEnv: v['withhold-env']
  }
}

/** The settings of `mode: run`'s publish step (the tokens were masked when read). */
export function publishSettings(v: InputValues): PublishSettings {
  return {
    token: v.token,
    pushToken: v['push-token'] || v.token,
    branch: v.branch,
    base: v.base,
    stateStore: v['state-store'],
    title: v.title,
    labels: v.labels,
    bodyPrefix: v.body,
    people: {
      reviewers: v.reviewers,
      teamReviewers: v['team-reviewers'],
      assignees: v.assignees,
      milestone: v.milestone
    },
    draftOnFailure: v['draft-on-failure'],
    deleteBranch: v['delete-branch'],
    overwriteHumanCommits: v['overwrite-human-commits'],
    allowWorkflowChanges: v['allow-workflow-changes'],
    failOn: v['fail-on'],
    commits: {
      template: v['commit-message'],
      author: v.author,
      committer: v.committer,
      sign: v['sign-commits']
    }
  }
}
