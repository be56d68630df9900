/**
 * The checks before spending, through the bundled action against a bare origin and the GitHub API stand-in: a
 * token that cannot push, a missing provider key and a wrong working-directory stop the step before pdd-cli is
 * installed or started; with a key and a token that can push, the run goes on. `pdd-command` is a wrapper that
 * records every start of pdd (even `--version`) before it hands over to the stand-in.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi, type GitHubApiOptions } from './helpers/github-api.js'

const KEY = 'PDD_SYNC_TEST_PROVIDER_KEY'
const CATALOG =
  'provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit\n' +
  `OpenAI,openai/fake-coder,1.0,2.0,1500,1500,static-prefix,http://127.0.0.1:9/v1,${KEY},0,True,none,,False,\n`

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

/** The job's environment without any provider key or token of the machine running the tests. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/KEY|TOKEN|SECRET|CREDENTIALS|PDD_/.test(k))
  )
  return { ...env, HOME: tempDir('home-'), ...extra }
}

interface Setup {
  api?: GitHubApiOptions
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** Files of the repository besides one prompt. */
  files?: Record<string, string>
  /** Changes the checkout before the run (e.g. a push URL). */
  prepare?: (workspace: string) => void
  /** Leave `pdd-command` out: the action would install the pinned pdd-cli. */
  install?: boolean
}

async function run(o: Setup): Promise<{ r: ActionRun; started: string[]; origin: string }> {
  api = await startGitHubApi(o.api)
  api.ensureRepo('acme', 'calc')
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'calc\n', ...o.files })
  const workspace = cloneOf(repo.origin)
  o.prepare?.(workspace)
  const bin = tempDir('pdd-bin-')
  const [pdd] = installFakePdd(bin, {})
  const starts = path.join(bin, 'starts.log')
  const wrapper = path.join(bin, 'pdd-recorded')
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> "${starts}"\nexec "${pdd}" "$@"\n`)
  chmodSync(wrapper, 0o755)
  const inputs = { mode: 'run', token: 'ghs_stand_in_token', budget: '5', ...o.inputs }
  if (!o.install) Object.assign(inputs, { 'pdd-command': wrapper })
  const r = await runActionAsync(inputs, {
    workspace,
    event: 'workflow_dispatch',
    apiUrl: api.url,
    env: cleanEnv(o.env)
  })
  const started = existsSync(starts) ? readFileSync(starts, 'utf8').trim().split('\n') : []
  return { r, started, origin: repo.origin }
}

/** Nothing was started, installed, pushed or opened. */
function nothingHappened(x: Awaited<ReturnType<typeof run>>): void {
  expect(x.started).toEqual([])
  expect(x.r.stdout).not.toMatch(/Install pdd|Using pdd-cli/)
  expect(git(x.origin, 'for-each-ref', '--format=%(refname)')).not.toMatch(/pdd-sync|notes/)
  expect(api?.pulls()).toEqual([])
  expect(api?.problems).toEqual([])
}

describe('checks before spending (action bundle)', () => {
  it('a token the API reports without push access stops the step, naming the permission', async () => {
    const x = await run({
      api: { login: 'ada', push: false },
      files: { '.pdd/llm_model.csv': CATALOG },
      env: { [KEY]: 'k' }
    })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(
      /::error::The token \(input "token", by default GITHUB_TOKEN\) cannot push the bot branch pdd-sync\/main to origin: GET \/repos\/acme\/calc reports permissions\.push = false.*`permissions: contents: write`.*"push-token"/
    )
    nothingHappened(x)
  })

  it('an origin that refuses the dry-run push stops the step', async () => {
    const x = await run({
      files: { '.pdd/llm_model.csv': CATALOG },
      env: { [KEY]: 'k' },
      inputs: { 'push-token': 'ghs_other_token' },
      prepare: ws => git(ws, 'config', 'remote.origin.pushurl', path.join(tempDir(), 'gone.git'))
    })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(/::error::The token of input "push-token" cannot push .*a dry-run push failed/)
    nothingHappened(x)
  })

  it('no provider key: the step fails naming the variable, and pdd is never started', async () => {
    const x = await run({ files: { '.pdd/llm_model.csv': CATALOG } })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(
      new RegExp(
        `::error::No provider credential that pdd can use is set.*\\.pdd/llm_model\\.csv.*Set ${KEY} from a secret`
      )
    )
    nothingHappened(x)
  })

  it('no provider key for the packaged catalog: stops before pdd-cli is installed', async () => {
    const x = await run({ install: true })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(
      /::error::No provider credential .*catalog packaged with pdd-cli 0\.0\.310.*Set OPENAI_API_KEY \(or /
    )
    nothingHappened(x)
    const cache = path.join(x.r.runnerTemp, 'tool-cache')
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([])
  })

  it('both problems at once are reported together', async () => {
    const x = await run({ api: { login: 'ada', push: false }, files: { '.pdd/llm_model.csv': CATALOG } })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(
      /Stopped before spending anything:%0A- The token .*%0A- No provider credential/
    )
    nothingHappened(x)
  })

  it.each([
    [
      'a folder that does not exist',
      'nope',
      /Input "working-directory" \("nope"\) must be a readable folder .*nope does not exist/
    ],
    [
      'a file',
      'prompts/calc_python.prompt',
      /Input "working-directory" .*calc_python\.prompt is not a directory/
    ]
  ])('working-directory naming %s fails clearly before planning', async (_n, dir, message) => {
    const x = await run({ inputs: { 'working-directory': dir }, env: { [KEY]: 'k' } })
    expect(x.r.status).toBe(1)
    expect(x.r.stdout).toMatch(message)
    expect(x.r.stdout).not.toMatch(/git was not found/)
    nothingHappened(x)
  })

  it('with a key and a token that can push, the run goes on', async () => {
    const x = await run({ files: { '.pdd/llm_model.csv': CATALOG }, env: { [KEY]: 'k' } })
    expect(x.r.stdout).toMatch(/Push access: a dry-run push was accepted/)
    expect(x.r.stdout).toMatch(
      new RegExp(`Provider credential: pdd will use openai/fake-coder \\(OpenAI, ${KEY} is set\\)`)
    )
    expect(x.started[0]).toBe('--version')
    expect(x.started.some(s => / sync .*calc$/.test(s))).toBe(true)
    expect(x.r.outputs.synced).toBe('["calc_python"]')
    expect(git(x.origin, 'for-each-ref', '--format=%(refname)')).toMatch(/refs\/heads\/pdd-sync\/main/)
    expect(api?.problems).toEqual([])
  })
})
