import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'
import { readPrEvent, type PrEvent } from '../control/event.js'
import type { SpendCaps } from '../state/spend.js'
import { directoryProblem } from './paths.js'
import { boolInput, globListInput, InputError, numberInput, optionalNumberInput } from './readers.js'
import { notesRefProblem } from './validate.js'
import { readPublishSettings, readRunSettings, type PublishSettings, type RunSettings } from './run-inputs.js'

export { InputError } from './readers.js'

/** Modes of the action (docs/architecture.md "Modes"). */
export type Mode = 'plan' | 'run' | 'shard' | 'finalize'

/** The action's settings, read once from its inputs and the event. Frozen. */
export interface ActionSettings {
  /** What to do: `plan` or `run` (`shard` and `finalize` are not implemented yet). */
  mode: Mode
  /** The PDD project directory, absolute. */
  repoRoot: string
  /** Event that started the workflow (`push`, `workflow_dispatch`, `schedule`, …). */
  trigger: string
  /** `push` only: the commits before and after the push. */
  before?: string
  after?: string
  /** Unit globs (workflow_dispatch); empty = all. */
  units: string[]
  /** `.pddrc` context forced for every unit, or undefined to detect. */
  context?: string
  /** Decide as `pdd --force sync` (always what the action runs). */
  force: boolean
  skipTests: boolean
  skipVerify: boolean
  targetCoverage?: number
  /** Job budget in dollars. */
  budget: number
  /** Caps across runs per UTC day and month (inputs `daily-budget`, `monthly-budget`). */
  caps: SpendCaps
  /** Most shards in the `matrix` output. */
  maxShards: number
  /** Notes ref with run records. */
  notesRef: string
  /** Sync settings (read for every mode, so a bad input fails early). */
  run: RunSettings
  /** Publish settings. */
  publish: PublishSettings
  /** The `GITHUB_*` context the run publishes into. */
  github: GitHubContext
  /** A `pull_request` or `issue_comment` event, for PR control (src/control/); undefined for other events. */
  prEvent?: PrEvent
}

/** What the workflow run tells the action about itself. */
export interface GitHubContext {
  /** `owner/repo`. */
  repository?: string
  /** Branch the workflow ran on (`GITHUB_REF_NAME` of a branch ref). */
  refName?: string
  serverUrl: string
  apiUrl: string
  runId?: string
  runUrl?: string
  /** The workflow file, for re-run commands (`.github/workflows/pdd.yml`). */
  workflowFile?: string
  /** A pull request from a fork: the token is read-only, so nothing is pushed. */
  fork: boolean
}

/** Inputs this version reads; with {@link NOT_YET_IMPLEMENTED}, every input declared in action.yml. */
export const IMPLEMENTED_INPUTS = [
  'mode',
  'working-directory',
  'units',
  'context',
  'force',
  'skip-tests',
  'skip-verify',
  'target-coverage',
  'budget',
  'daily-budget',
  'monthly-budget',
  'max-shards',
  'notes-ref',
  'budget-policy',
  'concurrency',
  'strength',
  'temperature',
  'max-attempts',
  'pdd-version',
  'pdd-command',
  'python-version',
  'pdd-cloud',
  'timeout-minutes-per-group',
  'timeout-minutes-per-unit',
  'max-run-minutes',
  'keep-partial',
  'token',
  'push-token',
  'branch',
  'base',
  'state-store',
  'title',
  'labels',
  'draft-on-failure',
  'delete-branch',
  'overwrite-human-commits',
  'allow-workflow-changes',
  'fail-on',
  'dry-run',
  'agentic-fallback',
  'withhold-env'
] as const

/** Inputs of later steps that are not implemented yet: setting one fails loudly instead of being ignored. */
export const NOT_YET_IMPLEMENTED = ['shard'] as const

function pushCommits(eventName: string): { before?: string; after?: string } {
  const file = process.env.GITHUB_EVENT_PATH
  if (eventName !== 'push' || !file) return {}
  try {
    const ev = JSON.parse(readFileSync(file, 'utf8')) as { before?: unknown; after?: unknown }
    return {
      before: typeof ev.before === 'string' ? ev.before : undefined,
      after: typeof ev.after === 'string' ? ev.after : undefined
    }
  } catch (e) {
    throw new InputError(`Could not read the event payload ${file}: ${(e as Error).message}`)
  }
}

/** Reads and checks every input; the only place that reads inputs. */
export function readSettings(): ActionSettings {
  const mode = (core.getInput('mode') || 'run') as Mode
  if (!['plan', 'run', 'shard', 'finalize'].includes(mode)) {
    throw new InputError(`Input "mode" must be one of plan, run, shard, finalize; got "${mode}".`)
  }
  for (const name of NOT_YET_IMPLEMENTED) {
    if (core.getInput(name) !== '') {
      throw new InputError(
        `Input "${name}" is not implemented yet in this version of pdd-sync-action; remove it.`
      )
    }
  }
  const trigger = process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch'
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const context = core.getInput('context').trim()
  const tc = core.getInput('target-coverage')
  return Object.freeze({
    mode,
    repoRoot: workingDirectory(workspace),
    trigger,
    ...pushCommits(trigger),
    units: globListInput('units'),
    context: context === '' ? undefined : context,
    force: boolInput('force', true),
    skipTests: boolInput('skip-tests', false),
    skipVerify: boolInput('skip-verify', false),
    targetCoverage: tc === '' ? undefined : numberInput('target-coverage', 90, 0, 100),
    budget: numberInput('budget', 5, 0, 1_000_000),
    caps: {
      daily: optionalNumberInput('daily-budget', 0, 1_000_000),
      monthly: optionalNumberInput('monthly-budget', 0, 1_000_000)
    },
    maxShards: Math.floor(numberInput('max-shards', 8, 1, 256)),
    notesRef: validRef(core.getInput('notes-ref') || 'refs/notes/pdd-sync'),
    run: readRunSettings(),
    publish: readPublishSettings(),
    github: githubContext(trigger),
    prEvent: prEventOf(trigger)
  })
}

/** The event's pull request or comment, read from the payload (PR control). */
function prEventOf(eventName: string): PrEvent | undefined {
  const file = process.env.GITHUB_EVENT_PATH
  if (!file || !['pull_request', 'pull_request_target', 'issue_comment'].includes(eventName)) return undefined
  try {
    return readPrEvent(eventName, JSON.parse(readFileSync(file, 'utf8')) as unknown) ?? undefined
  } catch (e) {
    throw new InputError(`Could not read the event payload ${file}: ${(e as Error).message}`)
  }
}

/** The project directory (input `working-directory`, relative to the workspace); it must be a readable folder. */
function workingDirectory(workspace: string): string {
  const given = core.getInput('working-directory')
  const dir = path.resolve(workspace, given || '.')
  const problem = directoryProblem(dir)
  if (problem === null) return dir
  const name = given ? `Input "working-directory" ("${given}")` : 'The workspace (GITHUB_WORKSPACE)'
  throw new InputError(`${name} must be a readable folder of the checked-out repository: ${problem}.`)
}

function validRef(ref: string): string {
  const problem = notesRefProblem(ref)
  if (problem !== null)
    throw new InputError(
      `Input "notes-ref" must be a ref under refs/notes/ (e.g. refs/notes/pdd-sync); "${ref}" ${problem}.`
    )
  return ref
}

function githubContext(trigger: string): GitHubContext {
  const env = process.env
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '')
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/file.yml@refs/heads/main
  const wf = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1]
  return {
    repository: env.GITHUB_REPOSITORY,
    refName:
      env.GITHUB_REF_TYPE === 'tag' ? undefined : env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME || undefined,
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    runId: env.GITHUB_RUN_ID,
    runUrl,
    workflowFile: wf,
    fork: trigger.startsWith('pull_request') && isForkEvent()
  }
}

function isForkEvent(): boolean {
  const file = process.env.GITHUB_EVENT_PATH
  if (!file) return false
  try {
    const ev = JSON.parse(readFileSync(file, 'utf8')) as {
      pull_request?: { head?: { repo?: { fork?: unknown; full_name?: unknown } } }
    }
    const repo = ev.pull_request?.head?.repo
    return repo?.fork === true && repo.full_name !== process.env.GITHUB_REPOSITORY
  } catch {
    return false
  }
}
