import { realpathSync } from 'node:fs'
import path from 'node:path'
import { eventPayload } from './event-payload.js'
import { readPrEvent, type PrEvent } from './pr-event.js'
import { parseMatrix, type ShardSpec } from './matrix-input.js'
import {
  InputError,
  readInputs,
  type SpendCaps,
  type InputSource,
  type InputValues,
  type Mode
} from './inputs.js'
import { directoryProblem } from './paths.js'
import { projectRootProblem } from './project-root.js'
import { publishSettings, runSettings, type PublishSettings, type RunSettings } from './run-inputs.js'

/** The action's settings, read once from its inputs and the event. Frozen. */
export interface ActionSettings {
  /** What to do: `plan`, `run`, `shard` (one leg of the matrix) or `finalize` (publish the legs as one run). */
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
  /** Fan-out over a job matrix (modes `shard` and `finalize`). */
  fanOut: FanOutSettings
  /** A `pull_request` or `issue_comment` event, for PR control (src/control/); undefined for other events. */
  prEvent?: PrEvent
}

/** Inputs of the fan-out modes (docs/architecture.md "Modes"). */
export interface FanOutSettings {
  /** `mode: shard`: the leg's index (input `shard`). */
  shard?: number
  /** The commit the plan job planned (input `base-sha`); the checkout must be at it. */
  baseSha?: string
  /** `mode: finalize`: the plan job's matrix (input `matrix`). */
  matrix?: ShardSpec[]
  /** The workflow run id (`GITHUB_RUN_ID`, not the attempt): shards of one run report under it. */
  runKey?: string
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
  /** `GITHUB_SHA`. */
  sha?: string
  /** `pull_request.head.sha` of a pull request event's payload. */
  prHeadSha?: string
}

/** The event's payload, read from `GITHUB_EVENT_PATH` as `@actions/github` reads it (`{}` without one). */
function payload(): EventPayload {
  return eventPayload()
}

/** The parts of an event payload the action reads; anything may be missing or of another type. */
interface EventPayload {
  before?: unknown
  after?: unknown
  pull_request?: { head?: { sha?: unknown; repo?: { fork?: unknown; full_name?: unknown } } }
}

function pushCommits(eventName: string): { before?: string; after?: string } {
  if (eventName !== 'push') return {}
  const ev = payload()
  return {
    before: typeof ev.before === 'string' ? ev.before : undefined,
    after: typeof ev.after === 'string' ? ev.after : undefined
  }
}

/** Reads and checks every input (through the table of src/settings/inputs.ts) and the event. */
export function readSettings(source?: InputSource): ActionSettings {
  const v: InputValues = readInputs(source)
  const trigger = process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch'
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  return Object.freeze({
    mode: v.mode,
    repoRoot: workingDirectory(workspace, v['working-directory']),
    trigger,
    ...pushCommits(trigger),
    units: v.units,
    context: v.context,
    skipTests: v['skip-tests'],
    skipVerify: v['skip-verify'],
    targetCoverage: v['target-coverage'],
    budget: v.budget,
    caps: { daily: v['daily-budget'], monthly: v['monthly-budget'] },
    maxShards: v['max-shards'],
    notesRef: v['notes-ref'] ?? 'refs/notes/pdd-sync',
    run: runSettings(v, source),
    publish: publishSettings(v),
    github: githubContext(trigger),
    fanOut: readFanOut(v),
    prEvent: prEventOf(trigger)
  })
}

/** The event's pull request or comment, read from the payload (PR control). */
function prEventOf(eventName: string): PrEvent | undefined {
  if (!['pull_request', 'pull_request_target', 'issue_comment'].includes(eventName)) return undefined
  return readPrEvent(eventName, payload()) ?? undefined
}

/** Inputs `shard`, `base-sha` and `matrix` (read by the table), checked for the mode that needs them. */
function readFanOut(v: InputValues): FanOutSettings {
  const mode = v.mode
  const out: FanOutSettings = {}
  const runKey = process.env.GITHUB_RUN_ID?.trim()
  if (runKey) {
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(runKey) || runKey.startsWith('.'))
      throw new InputError(`GITHUB_RUN_ID "${runKey}" cannot name a ref.`)
    out.runKey = runKey
  }
  if (v.shard !== undefined) out.shard = Number(v.shard)
  if (v['base-sha'] !== undefined) out.baseSha = v['base-sha']
  if (v.matrix !== undefined) {
    try {
      out.matrix = parseMatrix(v.matrix)
    } catch (e) {
      throw new InputError(
        `Input "matrix" (the plan job's matrix output) is unusable: ${(e as Error).message}.`
      )
    }
  }
  if (mode === 'shard' && out.shard === undefined)
    throw new InputError('mode "shard" needs input "shard" (${{ matrix.shard }}).')
  if (mode === 'finalize' && out.matrix === undefined)
    throw new InputError('mode "finalize" needs input "matrix" (${{ needs.plan.outputs.matrix }}).')
  if ((mode === 'shard' || mode === 'finalize') && !out.runKey)
    throw new InputError(`mode "${mode}" needs GITHUB_RUN_ID (it runs in a workflow job).`)
  return out
}

/**
 * The project directory (input `working-directory`, relative to the workspace); it must be a readable folder inside
 * the workspace: `..` or `/srv/other` planned, synced and pushed a repository the workflow never checked out.
 */
function workingDirectory(workspace: string, given: string | undefined): string {
  const dir = path.resolve(workspace, given ?? '.')
  const problem = directoryProblem(dir) ?? outsideProblem(workspace, dir) ?? notProjectRoot(workspace, dir)
  if (problem === null) return dir
  const name =
    given && given !== '.' ? `Input "working-directory" ("${given}")` : 'The workspace (GITHUB_WORKSPACE)'
  throw new InputError(`${name} must be a readable folder of the checked-out repository: ${problem}.`)
}

/** Why `dir` (inside the workspace) is not where pdd finds the project, as `--repo` is checked; or null. */
function notProjectRoot(workspace: string, dir: string): string | null {
  const why = projectRootProblem(dir, r => `Set working-directory to "${path.relative(workspace, r) || '.'}"`)
  return why === null ? null : `${dir} ${why}`
}

/** Why `dir` (an existing folder) is not the workspace or inside it, links resolved; or null. */
function outsideProblem(workspace: string, dir: string): string | null {
  const real = realpathSync(dir)
  let ws: string
  try {
    ws = realpathSync(workspace)
  } catch {
    return `the workspace ${workspace} (GITHUB_WORKSPACE) does not exist`
  }
  if (real === ws || real.startsWith(ws.endsWith(path.sep) ? ws : ws + path.sep)) return null
  return `${dir} lies outside the workspace ${ws} (GITHUB_WORKSPACE)`
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
    fork: trigger.startsWith('pull_request') && isForkEvent(),
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(trigger.startsWith('pull_request') ? prHeadSha() : {})
  }
}

function isForkEvent(): boolean {
  const repo = payload().pull_request?.head?.repo
  return repo?.fork === true && repo.full_name !== process.env.GITHUB_REPOSITORY
}

function prHeadSha(): { prHeadSha?: string } {
  const sha = payload().pull_request?.head?.sha
  return typeof sha === 'string' ? { prHeadSha: sha } : {}
}
