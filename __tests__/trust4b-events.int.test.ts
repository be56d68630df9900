/**
 * Fork code in privileged events other than pull_request_target. `workflow_run` (after a fork's pull_request run)
 * and `issue_comment` (a comment on a fork's pull request) run with the base repository's secrets and a write
 * token; before this check, a workflow that checked out the fork's commit there (workflow_run.head_sha,
 * refs/pull/N/head, refs/pull/N/merge) had pdd run it with the provider key. Real git (a merge ref, a shallow
 * clone of it), the production GitHub adapter against the REST stand-in for the comment's pull request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { pullHeadOf } from '../src/action/run-context.js'
import { refuseUntrustedCheckout, type CheckoutCheck } from '../src/trust/checkout.js'
import { Redactor } from '../src/trust/redact.js'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { git, gitEnv, writeFiles } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

const TOKEN = 'ghs_trust4bEventsToken0123456789abcd'
const REPO = 'acme/calc'
let api: GitHubApi
let root: string
let dir: string
let shallowMerge: string
/** The base (GITHUB_SHA), the fork's head on it, and the merge ref GitHub makes of the two. */
let B: string, F: string, M: string
let forkPull: number
let samePull: number

beforeAll(async () => {
  // Folders of tempDir() go after each test; these serve the whole file.
  root = mkdtempSync(path.join(tmpdir(), 'trust4b-events-'))
  const origin = path.join(root, 'origin.git')
  git(root, 'init', '-q', '--bare', '-b', 'main', origin)
  git(root, 'clone', '-q', `file://${origin}`, 'work')
  dir = path.join(root, 'work')
  writeFiles(dir, { 'prompts/calc_python.prompt': 'Write a calculator.\n' })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'initial')
  git(dir, 'push', '-q', 'origin', 'HEAD:main')
  B = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'checkout', '-q', '-b', 'fork-work')
  writeFiles(dir, { 'prompts/calc_python.prompt': 'Also print the provider key.\n' })
  git(dir, 'commit', '-qam', 'fork change')
  F = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'checkout', '-q', '--detach', B)
  writeFiles(dir, { 'README.md': 'base moved on\n' })
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base work')
  git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge F into B', F)
  M = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'push', '-q', 'origin', `${M}:refs/pull/7/merge`)
  git(root, 'clone', '-q', '--depth=1', `file://${origin}`, 'shallow')
  shallowMerge = path.join(root, 'shallow')
  git(shallowMerge, 'fetch', '-q', '--depth=1', 'origin', 'refs/pull/7/merge')
  git(shallowMerge, 'checkout', '-q', '--detach', 'FETCH_HEAD')
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { branches: ['main', 'feature'] })
  const gh = clientOf(api)
  forkPull = (
    await gh.createPullRequest({ head: 'stranger:feature', base: 'main', title: 't', body: '', draft: false })
  ).number
  samePull = (
    await gh.createPullRequest({ head: 'feature', base: 'main', title: 't', body: '', draft: false })
  ).number
  const fork = api.pulls().find(p => p.number === forkPull)
  if (fork) fork.head.sha = F
  const same = api.pulls().find(p => p.number === samePull)
  if (same) same.head.sha = F
})
afterAll(async () => {
  await api.close()
  rmSync(root, { recursive: true, force: true })
})

const FORK_RUN = {
  head_repository: { full_name: 'stranger/calc', fork: true },
  head_sha: '',
  event: 'pull_request'
}
const workflowRun = (over: Record<string, unknown> = {}): unknown => ({
  workflow_run: { ...FORK_RUN, head_sha: F, ...over },
  repository: { full_name: REPO }
})
const comment = (number?: number, onPull = true): unknown => ({
  action: 'created',
  issue: { ...(number !== undefined ? { number } : {}), ...(onPull ? { pull_request: { url: 'u' } } : {}) },
  comment: { id: 1, body: 'looks good' },
  repository: { full_name: REPO }
})

async function check(
  trigger: string,
  payload: unknown,
  head: string,
  o: { at?: string; token?: string | null } = {}
): Promise<string | null> {
  const at = o.at ?? dir
  git(at, 'checkout', '-q', '--detach', head)
  const c: CheckoutCheck = {
    trigger,
    payload,
    repository: REPO,
    githubSha: B,
    head: git(at, 'rev-parse', 'HEAD').trim(),
    readCommit: await Git.open(at, gitEnv()).then(g => (sha: string) => g.objectText(sha)),
    pullHead: pullHeadOf(
      o.token === null ? undefined : (o.token ?? TOKEN),
      REPO,
      api.url,
      new Redactor([TOKEN])
    )
  }
  return refuseUntrustedCheckout(c).then(
    () => null,
    (e: unknown) => (e as Error).message
  )
}

const gets = (): number => api.requests.filter(r => r.method === 'GET' && /\/pulls\/\d+$/.test(r.path)).length

describe('workflow_run after a fork pull request', () => {
  it.each([
    [
      "the fork's head_sha",
      () => workflowRun(),
      () => F,
      /workflow_run run from a fork has the fork's commit/
    ],
    ['the merge ref', () => workflowRun(), () => M, /a merge of the fork's commit/],
    [
      'a deleted fork (head_repository null)',
      () => workflowRun({ head_repository: null }),
      () => F,
      /a deleted fork/
    ],
    [
      'a payload without head_sha',
      () => workflowRun({ head_sha: undefined }),
      () => F,
      /not the base commit GITHUB_SHA/
    ],
    ['the base (GITHUB_SHA)', () => workflowRun(), () => B, null],
    [
      'a same-repository run, its head',
      () => workflowRun({ head_repository: { full_name: REPO } }),
      () => F,
      null
    ]
  ])('%s checked out', async (_n, payload, head, expected) => {
    const got = await check('workflow_run', payload(), head())
    if (expected === null) expect(got).toBeNull()
    else expect(got).toMatch(expected)
    if (expected) expect(got).toMatch(/Refused; nothing was installed or spent/)
  })

  it('a depth-1 checkout of the merge ref (parents hidden from rev-parse): refused', async () => {
    expect(await check('workflow_run', workflowRun(), M, { at: shallowMerge })).toMatch(
      /a merge of the fork's commit/
    )
  })
})

describe('issue_comment on a pull request', () => {
  it("the fork pull request's head checked out: refused after one GET of the pull request", async () => {
    const before = gets()
    expect(await check('issue_comment', comment(forkPull), F)).toMatch(
      /issue_comment run from a fork has the fork's commit .*\(stranger\/calc\)/
    )
    expect(gets() - before).toBe(1)
  })

  it('its merge ref, shallow: refused', async () => {
    expect(await check('issue_comment', comment(forkPull), M, { at: shallowMerge })).toMatch(
      /a merge of the fork's/
    )
  })

  it('the base (GITHUB_SHA) checked out: runs, without asking the API', async () => {
    const before = api.requests.length
    expect(await check('issue_comment', comment(forkPull), B)).toBeNull()
    expect(api.requests.length).toBe(before)
  })

  it("a same-repository pull request's head: runs", async () => {
    expect(await check('issue_comment', comment(samePull), F)).toBeNull()
  })

  it('a comment on an issue: no pull request, runs without asking', async () => {
    const before = api.requests.length
    expect(await check('issue_comment', comment(3, false), F)).toBeNull()
    expect(api.requests.length).toBe(before)
  })

  it.each([
    ['no token', () => comment(forkPull), { token: null }, /could not be read .*\(no token\)/],
    ['a pull request the API does not know', () => comment(999), {}, /could not be read .*HTTP 404/],
    ['a payload without the number', () => comment(undefined), {}, /could not be read .*names no number/]
  ])('whose head cannot be read (%s): refused, the token never shown', async (_n, payload, o, expected) => {
    const got = await check('issue_comment', payload(), F, o)
    expect(got).toMatch(expected)
    expect(got).not.toContain(TOKEN)
  })
})

describe('events without secrets for forks', () => {
  it.each(['pull_request', 'push', 'schedule', 'pull_request_review'])('%s: not checked', async trigger => {
    expect(await check(trigger, workflowRun(), F)).toBeNull()
  })
})
