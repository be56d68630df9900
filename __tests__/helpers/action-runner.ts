/**
 * Runs the bundled action (the test bundle, see global-setup.ts) as the runner does — inputs as `INPUT_*`, a fresh
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` / event file — asynchronously, so that servers in the test process
 * (the scripted LLM, the GitHub API stand-in) keep answering while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { readOutputs } from './actions-files.js'
import { ROOT, TEST_DIST } from './bundles.js'

/** What one run of the action left. */
export interface ActionRun {
  status: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** RUNNER_TEMP of the run; RUNNER_TOOL_CACHE is its `tool-cache` folder. */
  runnerTemp: string
}

/** Where a run happens and what the runner tells it. */
export interface RunnerContext {
  workspace: string
  event: string
  payload?: object
  repository?: string
  apiUrl?: string
  refName?: string
  runId?: string
  /** GITHUB_SHA (unset by default). */
  sha?: string
  /** More environment (PDD's offline wiring, provider keys). */
  env?: NodeJS.ProcessEnv
  /** GITHUB_SERVER_URL (default `https://github.example`): where git sends the token. */
  serverUrl?: string
  /** RUNNER_TOOL_CACHE (default: a `tool-cache` folder in RUNNER_TEMP, empty). */
  toolCache?: string
}

/**
 * A fresh folder for one run's RUNNER_TEMP and files. Under vitest it is git-repo's `tempDir`, removed after the
 * test (a run can leave a tool cache of thousands of files); outside it (the demo, the benches), which must not
 * import vitest, a plain temp folder that the caller's process leaves.
 */
async function runnerDir(): Promise<string> {
  if (process.env.VITEST === undefined) return mkdtempSync(path.join(tmpdir(), 'pdd-sync-runner-'))
  const { tempDir } = await import('./git-repo.js')
  return tempDir('pdd-sync-runner-')
}

/** Runs the action once; `onStart` gets the child (to send it a signal, as a cancelled workflow does). */
export async function runActionAsync(
  inputs: Record<string, string>,
  ctx: RunnerContext,
  onStart?: (child: ChildProcess) => void
): Promise<ActionRun> {
  const dir = await runnerDir()
  const files = {
    out: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    event: path.join(dir, 'event.json')
  }
  writeFileSync(files.out, '')
  writeFileSync(files.summary, '')
  writeFileSync(files.event, JSON.stringify(ctx.payload ?? {}))
  const inputEnv: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries({ ...actionDefaults(), ...inputs }))
    inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const base = ctx.env ?? process.env
  const clean = Object.fromEntries(
    Object.entries(base).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  )
  const env: NodeJS.ProcessEnv = {
    ...clean,
    ...inputEnv,
    GITHUB_WORKSPACE: ctx.workspace,
    GITHUB_EVENT_NAME: ctx.event,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.out,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: ctx.repository ?? 'acme/calc',
    GITHUB_API_URL: ctx.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: ctx.serverUrl ?? 'https://github.example',
    GITHUB_REF_NAME: ctx.refName ?? 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_RUN_ID: ctx.runId ?? '4242',
    ...(ctx.sha ? { GITHUB_SHA: ctx.sha } : {}),
    GITHUB_WORKFLOW_REF: `${ctx.repository ?? 'acme/calc'}/.github/workflows/pdd-sync.yml@refs/heads/main`,
    RUNNER_TEMP: dir,
    RUNNER_TOOL_CACHE: ctx.toolCache ?? path.join(dir, 'tool-cache')
  }
  const child = spawn(process.execPath, [path.join(TEST_DIST, 'index.js')], { cwd: ctx.workspace, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  onStart?.(child)
  const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return {
    status,
    stdout,
    stderr,
    outputs: readOutputs(files.out),
    summary: readFileSync(files.summary, 'utf8'),
    runnerTemp: dir
  }
}

/** The defaults action.yml declares, as the runner passes them when a workflow leaves an input out. */
function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const out: Record<string, string> = {}
  for (const [name, def] of Object.entries(action.inputs))
    if (def.default !== undefined && !String(def.default).includes('${{')) out[name] = String(def.default)
  return out
}
