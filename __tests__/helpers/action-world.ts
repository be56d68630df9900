/**
 * The "action world" of the real-PDD end-to-end tests, in one place: a committed repository wired to its own
 * scripted LLM server (real-execute.ts), a bare origin, the GitHub API stand-in knowing `acme/calc`, and `run`,
 * which starts the bundled action in a fresh shallow clone of origin (depth 1, as actions/checkout does).
 *
 * Every world owns its servers and folders and closes them when its test ends (through the test's own
 * `onTestFinished`), so tests that each build a world can run side by side in a `describe.concurrent` block.
 */
import type { ChildProcess } from 'node:child_process'
import type { TestContext } from 'vitest'
import { runActionAsync, type ActionRun } from './action-runner.js'
import { cloneOf, git } from './git-repo.js'
import { startGitHubApi, type GitHubApi } from './github-api.js'
import type { Script } from './llm-server.js'
import { realRepo, type RealRepo } from './real-execute.js'
import { realPdd } from './real-pdd.js'

/** What every run of a world starts with. */
export interface WorldOptions {
  /** Input `token` (default `ghs_x`). */
  token?: string
  /** Input `pdd-command` (default: the real pdd of the venv). */
  pddCommand?: string
  /** More inputs every run gets (a run's own inputs win). */
  inputs?: Record<string, string>
}

/** How one run differs from the world's defaults. */
export interface RunSpec {
  /** `GITHUB_EVENT_NAME` (default `workflow_dispatch`) and its payload (default `{}`). */
  event?: string
  payload?: object
  /** The branch the run is on: the clone checks out a new branch of that name unless it is `main`. */
  ref?: string
  runId?: string
  /** More environment for the action (over the repository's PDD wiring). */
  env?: NodeJS.ProcessEnv
  /** Gets the action's process when it starts (to signal it, as a cancelled workflow does). */
  onStart?: (child: ChildProcess) => void
}

export interface ActionWorld {
  repo: RealRepo
  /** The bare origin's path. */
  origin: string
  api: GitHubApi
  /** One action run in a fresh clone of origin. */
  run: (inputs?: Record<string, string>, spec?: RunSpec) => Promise<ActionRun>
}

/** The real `pdd` entry point of the venv (`describeRealPdd` lets no test reach here without one). */
export function realPddCommand(): string {
  return realPdd()?.pdd ?? 'pdd'
}

/**
 * Builds a world for the test whose context is `t`: `script` for its LLM server, `files` committed on main. The
 * servers are closed when that test ends.
 */
export async function actionWorld(
  t: Pick<TestContext, 'onTestFinished'>,
  script: Script,
  files: Record<string, string>,
  options: WorldOptions = {}
): Promise<ActionWorld> {
  const repo = await realRepo(script, files)
  t.onTestFinished(() => repo.server.close())
  const api = await startGitHubApi()
  t.onTestFinished(() => api.close())
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  const origin = git(repo.dir, 'remote', 'get-url', 'origin').trim()
  const defaults = {
    mode: 'run',
    token: options.token ?? 'ghs_x',
    'pdd-command': options.pddCommand ?? realPddCommand(),
    ...options.inputs
  }
  const run = (inputs: Record<string, string> = {}, spec: RunSpec = {}): Promise<ActionRun> => {
    const workspace = cloneOf(origin, 1)
    if (spec.ref !== undefined && spec.ref !== 'main') git(workspace, 'checkout', '-q', '-b', spec.ref)
    return runActionAsync(
      { ...defaults, ...inputs },
      {
        workspace,
        event: spec.event ?? 'workflow_dispatch',
        payload: spec.payload ?? {},
        apiUrl: api.url,
        env: { ...repo.env, ...spec.env },
        refName: spec.ref,
        runId: spec.runId
      },
      spec.onStart
    )
  }
  return { repo, origin, api, run }
}
