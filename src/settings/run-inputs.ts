import * as core from '@actions/core'
import {
  boolInput,
  branchInput,
  choiceInput,
  InputError,
  listInput,
  numberInput,
  optionalNumberInput
} from './readers.js'

/**
 * The pdd-cli version the action installs unless input `pdd-version` says otherwise: the release the planner and
 * the discovery port were ported from and are tested against.
 */
export const PINNED_PDD_VERSION = '0.0.310'

/** How a run syncs: the settings the action and the command line share (inputs / flags of the same names). */
/** Values of input `fail-on` (what each does: `failsStep` in src/publish/checklist.ts). */
const FAIL_ON = ['never', 'any-failure', 'all-failed', 'any-unsynced'] as const

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
  /** argv prefix replacing the installed pdd (input `pdd-command`, split on spaces). */
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
  draftOnFailure: boolean
  deleteBranch: boolean
  overwriteHumanCommits: boolean
  allowWorkflowChanges: boolean
  failOn: (typeof FAIL_ON)[number]
}

/** Reads the inputs of `mode: run`'s sync step. */
export function readRunSettings(): RunSettings {
  const command = core.getInput('pdd-command').trim()
  const python = core.getInput('python-version').trim()
  const version = core.getInput('pdd-version').trim() || PINNED_PDD_VERSION
  if (!/^[0-9][0-9A-Za-z.+-]*$/.test(version))
    throw new InputError(`Input "pdd-version" must be a pdd-cli version such as 0.0.310; got "${version}".`)
  if (version !== PINNED_PDD_VERSION) {
    core.warning(
      `Input "pdd-version" is ${version}, but the planner was ported from pdd-cli ${PINNED_PDD_VERSION}: ` +
        'that pdd may decide differently (run units the plan found in sync, or the other way round) and its ' +
        'results may be misjudged. Use it only if you have checked it.'
    )
  }
  if (python !== '' && !/^3\.\d+(\.\d+)?$/.test(python))
    throw new InputError(`Input "python-version" must look like 3.12 or 3.12.7; got "${python}".`)
  return {
    budgetPolicy: choiceInput('budget-policy', ['fit', 'ordered'] as const, 'fit'),
    concurrency: Math.floor(numberInput('concurrency', 2, 1, 16)),
    strength: optionalNumberInput('strength', 0, 1),
    temperature: optionalNumberInput('temperature', 0, 2),
    maxAttempts: Math.floor(numberInput('max-attempts', 3, 1, 20)),
    pddVersion: version,
    pddCommand: command === '' ? undefined : command.split(/\s+/),
    pythonVersion: python === '' ? undefined : python,
    pddCloud: boolInput('pdd-cloud', false),
    timeoutMinutes: groupTimeout(),
    keepPartial: boolInput('keep-partial', false),
    maxRunMinutes: optionalNumberInput('max-run-minutes', 0.1, 4320),
    agenticFallback: boolInput('agentic-fallback', false),
    dryRun: boolInput('dry-run', false),
    withholdEnv: withholdInput('withhold-env')
  }
}

/** Variable names or globs, comma- or newline-separated; anything else is refused (a value pasted by mistake). */
function withholdInput(name: string): string[] {
  const names = listInput(name)
  const bad = names.findIndex(n => !/^[A-Za-z_*?][A-Za-z0-9_*?-]*$/.test(n))
  // The value is never echoed: a secret pasted here by mistake must not reach the log.
  if (bad !== -1)
    throw new InputError(
      `Input "${name}" must list environment variable names or globs (e.g. DEPLOY_KEY, AWS_*); entry ${bad + 1} is not one.`
    )
  return names
}

/**
 * `timeout-minutes-per-group`, or its deprecated name `timeout-minutes-per-unit` (with a warning); both given
 * with different values is an error.
 */
function groupTimeout(): number {
  const now = optionalNumberInput('timeout-minutes-per-group', 0.05, 360)
  const old = optionalNumberInput('timeout-minutes-per-unit', 0.05, 360)
  if (old !== undefined) {
    core.warning(
      'Input "timeout-minutes-per-unit" is deprecated: use "timeout-minutes-per-group" (same meaning).'
    )
    if (now !== undefined && now !== old)
      throw new InputError(
        `Inputs "timeout-minutes-per-group" (${now}) and "timeout-minutes-per-unit" (${old}) disagree: set only "timeout-minutes-per-group".`
      )
  }
  return now ?? old ?? 30
}

/** Reads the inputs of `mode: run`'s publish step; masks the tokens first. */
export function readPublishSettings(): PublishSettings {
  const token = core.getInput('token').trim()
  const pushToken = core.getInput('push-token').trim()
  if (token) core.setSecret(token)
  if (pushToken) core.setSecret(pushToken)
  const title = core.getInput('title').trim()
  if (title.length > 256)
    throw new InputError(`Input "title" must be at most 256 characters; got ${title.length}.`)
  return {
    token,
    pushToken: pushToken || token,
    branch: branchInput('branch'),
    base: branchInput('base'),
    stateStore: choiceInput('state-store', ['notes', 'comment', 'both'] as const, 'notes'),
    title: title === '' ? undefined : title,
    labels: listInput('labels'),
    draftOnFailure: boolInput('draft-on-failure', true),
    deleteBranch: boolInput('delete-branch', true),
    overwriteHumanCommits: boolInput('overwrite-human-commits', false),
    allowWorkflowChanges: boolInput('allow-workflow-changes', false),
    failOn: choiceInput('fail-on', FAIL_ON, 'all-failed')
  }
}
