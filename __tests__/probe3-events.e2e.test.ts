/**
 * Event payloads and checkouts the action may be started with. `pull_request_target` runs with the base repository's secrets
 * and a write token: before this check, a workflow that checked out a fork's pull request there had pdd run the
 * fork's prompts (and the code and tests generated from them) with the provider key; only publishing was
 * skipped. Now the step stops before pdd is installed or started. Other events are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { untrustedCheckoutProblem } from '../src/trust/event.js'
import { runActionAsync } from './helpers/action-runner.js'
import { git, writeFiles } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import {
  changes,
  leakedSecrets,
  pddStarts,
  sandbox,
  SECRETS,
  snapshot,
  withoutMaskCommands
} from './helpers/reliability.js'

const FILES = { 'prompts/calc_python.prompt': 'Write a calculator.\n' }
const ENV = { ...process.env, OPENAI_API_KEY: SECRETS.openai }
const FORK = { fork: true, full_name: 'stranger/calc' }

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
})
afterAll(async () => api.close())

describe('pull_request_target from a fork (bundled action, pdd stand-in)', () => {
  it("with the fork's head checked out: refused before pdd is installed or started", async () => {
    const s = sandbox(FILES)
    const head = git(s.dir, 'rev-parse', 'HEAD').trim()
    const before = snapshot(s)
    const r = await runActionAsync(
      { mode: 'run', 'pdd-command': s.pddCommand, token: SECRETS.token },
      {
        workspace: s.dir,
        event: 'pull_request_target',
        payload: { number: 7, pull_request: { number: 7, head: { sha: head, ref: 'main', repo: FORK } } },
        apiUrl: api.url,
        env: ENV
      }
    )
    expect(r.stdout).toMatch(
      /::error::A pull_request_target run from a fork has the fork's pull request head/
    )
    expect(r.status).toBe(1)
    expect(r.outputs.status).toBe('error')
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
    expect(leakedSecrets([withoutMaskCommands(r.stdout), r.stderr, r.summary].join('\n'))).toEqual([])
  })

  it('with the base checked out (the default): runs, publishes nothing', async () => {
    const s = sandbox(FILES)
    const r = await runActionAsync(
      { mode: 'run', 'pdd-command': s.pddCommand, token: SECRETS.token },
      {
        workspace: s.dir,
        event: 'pull_request_target',
        payload: { number: 7, pull_request: { number: 7, head: { sha: 'f'.repeat(40), repo: FORK } } },
        apiUrl: api.url,
        env: ENV
      }
    )
    expect(r.stdout).not.toMatch(/pull_request_target run from a fork/)
    expect(pddStarts(s).some(a => a.includes('sync'))).toBe(true)
    expect(r.summary).toMatch(/Not published: a pull request from a fork/)
  })
})

describe('a checkout on another branch than the base', () => {
  // Before: the bot branch started from "dev" and its pull request into main carried dev's commits.
  it.each([
    ['a schedule (GITHUB_REF_NAME is the default branch)', 'schedule', {}],
    ['input "base" naming another branch', 'workflow_dispatch', { base: 'main' }]
  ])('%s: refused before pdd starts', async (_name, event, inputs) => {
    const s = sandbox(FILES)
    git(s.dir, 'checkout', '-q', '-b', 'dev')
    writeFiles(s.dir, { 'dev.txt': 'unreviewed\n' })
    git(s.dir, 'add', 'dev.txt')
    git(s.dir, 'commit', '-q', '-m', 'dev work')
    const before = snapshot(s)
    const r = await runActionAsync(
      { mode: 'run', 'pdd-command': s.pddCommand, token: SECRETS.token, ...inputs },
      { workspace: s.dir, event, apiUrl: api.url, env: ENV, refName: event === 'schedule' ? 'main' : 'dev' }
    )
    expect(r.stdout).toMatch(
      /::error::The checkout is on branch "dev", but the pull request would go into "main": .*set input "base" to "dev"/
    )
    expect(r.status).toBe(1)
    expect(pddStarts(s)).toEqual([])
    expect(changes(before, snapshot(s), {})).toEqual([])
    expect(api.pulls()).toEqual([])
  })
})

describe('untrustedCheckoutProblem', () => {
  const head = 'a'.repeat(40)
  const fork = { repo: 'stranger/calc', sha: head }
  it.each([
    ['pull_request_target, fork, head checked out', {}, /fork's pull request head/],
    [
      'pull_request_target, fork, a merge ref',
      { githubSha: 'b'.repeat(40), fork: { ...fork, sha: 'c'.repeat(40) } },
      /not the base commit GITHUB_SHA b{12}/
    ],
    [
      'pull_request_target, fork, base checked out',
      { githubSha: head, fork: { ...fork, sha: 'c'.repeat(40) } },
      null
    ],
    ['pull_request_target, same repository', { fork: null }, null],
    ['pull_request from a fork (no secrets)', { trigger: 'pull_request' }, null]
  ])('%s', (_name, over, expected) => {
    const got = untrustedCheckoutProblem({ trigger: 'pull_request_target', fork, head, ...over })
    if (expected === null) expect(got).toBeNull()
    else expect(got).toMatch(expected)
  })
})
