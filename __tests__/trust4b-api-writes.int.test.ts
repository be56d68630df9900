/**
 * Writes the API may carry out and then answer with a 5xx (a proxy's 502 after GitHub made the pull request).
 * plugin-retry sent such a write again: a second comment, a 422 "already exists" that turned a new pull request
 * into an "updated" one without its reviewers, a stale lease that made a signed push report "lease-failed". Now
 * each write that is not idempotent is sent once, looked up when its answer is lost, and sent again only when it
 * did not happen. The stand-in's `after` fault carries the request out and then answers 502.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import { BOT } from '../src/execute/execute.js'
import { publishBranch } from '../src/publish/branch.js'
import { CommentStore } from '../src/publish/comment-store.js'
import { upsertPullRequest } from '../src/publish/pull-request.js'
import { DRAFT_LABEL, syncDraftState } from '../src/publish/draft-state.js'
import { postReply } from '../src/control/run-control.js'
import type { RunRecord } from '../src/state/record.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles, type TestRepo } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'

const PULLS = '/repos/acme/calc/pulls'
const BRANCH = 'pdd-sync/main'
const TOKEN = 'ghs_trust4bWritesToken0123456789abcd'

let api: GitHubApi
let repo: TestRepo
beforeEach(async () => {
  repo = makeRepo({ 'calc.py': 'x = 1\n' })
  api = await startGitHubApi({ gitDir: full => (full === 'acme/calc' ? repo.origin : undefined) })
  api.ensureRepo('acme', 'calc', { branches: ['main', BRANCH] })
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const posts = (path: string | RegExp): number =>
  api.requests.filter(
    r => r.method === 'POST' && (typeof path === 'string' ? r.path === path : path.test(r.path))
  ).length

describe('a new pull request answered with a 5xx', () => {
  const upsert = () =>
    upsertPullRequest({
      github: clientOf(api, 'acme/calc', TOKEN),
      head: BRANCH,
      base: 'main',
      title: 'pdd-sync: 1 unit',
      body: 'body',
      draft: false,
      labels: ['pdd-sync'],
      people: { reviewers: ['alice'], teamReviewers: [], assignees: [] },
      sleep: () => Promise.resolve()
    })

  it.each([502, 500, 504])(
    'made, then %i: one pull request, reported created, reviewers asked',
    async status => {
      api.fail({ method: 'POST', path: PULLS, status, after: true })
      const out = await upsert()
      expect(out.operation).toBe('created')
      expect(api.pulls()).toHaveLength(1)
      expect(posts(PULLS)).toBe(1)
      expect(api.pulls()[0]?.requested_reviewers?.map(u => u.login)).toEqual(['alice'])
    }
  )

  it('a 502 before it was made: looked up, sent again, one pull request', async () => {
    api.fail({ method: 'POST', path: PULLS, status: 502 })
    const out = await upsert()
    expect(out.operation).toBe('created')
    expect(api.pulls()).toHaveLength(1)
    expect(posts(PULLS)).toBe(2)
  })
})

describe('a new comment answered with a 5xx', () => {
  const COMMENTS = /^\/repos\/acme\/calc\/issues\/\d+\/comments$/
  async function openPull(): Promise<number> {
    const pr = await clientOf(api).createPullRequest({
      head: BRANCH,
      base: 'main',
      title: 't',
      body: 'b',
      draft: false
    })
    return pr.number
  }
  const record = (runId: string): RunRecord => ({
    schema: 1,
    runId,
    trigger: 'push',
    baseSha: 'a'.repeat(40),
    createdAt: `2026-12-07T10:00:0${runId.slice(-1)}Z`,
    budget: 1,
    spent: 0,
    units: []
  })

  it('the state comment: made once, found again by the next write and updated in place', async () => {
    const n = await openPull()
    api.fail({ method: 'POST', path: COMMENTS, status: 502, after: true })
    const store = new CommentStore(clientOf(api, 'acme/calc', TOKEN), n, 'github-actions[bot]')
    await store.write(record('run-1'))
    expect(api.comments(n)).toHaveLength(1)
    await store.write(record('run-2'))
    expect(api.comments(n)).toHaveLength(1)
    expect(api.comments(n)[0]?.body).toMatch(/run-2/)
  })

  it.each([
    ['made, then 503 twice', { status: 503, times: 2, after: true }, 1],
    ['not made, 502', { status: 502 }, 2]
  ])('a PR control reply, %s: one comment', async (_n, fault, sent) => {
    const n = await openPull()
    api.fail({ method: 'POST', path: COMMENTS, ...fault })
    const warnings: string[] = []
    const reporter = new ConsoleReporter()
    reporter.warning = (l: string): void => void warnings.push(l)
    await postReply(clientOf(api), n, '@alice pdd-sync did not run: no such unit.', reporter)
    expect(warnings).toEqual([])
    expect(api.comments(n).map(c => c.body)).toEqual(['@alice pdd-sync did not run: no such unit.'])
    expect(posts(COMMENTS)).toBe(sent)
  })
})

describe('a signed push whose every GraphQL answer is a 502 after the mutation was made', () => {
  it('pushed, one signed commit, no scratch branch left', async () => {
    const dir = cloneOf(repo.origin)
    const base = git(dir, 'rev-parse', 'HEAD').trim()
    writeFiles(dir, { 'calc.py': 'x = 2\n' })
    git(dir, 'add', '-A')
    const message = renderCommitMessage({
      basename: 'calc',
      units: [{ id: 'calc_python', language: 'python', operations: ['generate'] }],
      runId: 'run-1',
      cost: 0.5
    })
    execFileSync('git', ['commit', '-q', '-F', '-'], {
      cwd: dir,
      input: message,
      env: {
        ...gitEnv(),
        GIT_AUTHOR_NAME: BOT.name,
        GIT_AUTHOR_EMAIL: BOT.email,
        GIT_COMMITTER_NAME: BOT.name,
        GIT_COMMITTER_EMAIL: BOT.email
      }
    })
    git(dir, 'update-ref', `refs/heads/${BRANCH}`, 'HEAD')
    api.fail({ method: 'POST', path: '/graphql', status: 502, after: true, times: 100 })
    api.fail({ method: 'POST', path: '/repos/acme/calc/git/refs', status: 502, after: true })
    const p = await publishBranch({
      git: await Git.open(dir, gitEnv()),
      remote: 'origin',
      branch: BRANCH,
      localRef: `refs/heads/${BRANCH}`,
      base,
      identity: BOT,
      overwriteHumanCommits: false,
      allowWorkflowChanges: false,
      sign: { github: clientOf(api, 'acme/calc', TOKEN), via: 'graphql' }
    })
    expect(p.operation).toBe('pushed')
    expect(git(repo.origin, 'rev-list', '--count', `${base}..${BRANCH}`).trim()).toBe('1')
    expect(api.verified).toContain(git(repo.origin, 'rev-parse', BRANCH).trim())
    expect(
      git(repo.origin, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim().split('\n').sort()
    ).toEqual(['refs/heads/main', `refs/heads/${BRANCH}`])
    // Each mutation was sent once: the lost answers were settled by looking, not by sending again.
    expect(api.graphql.flatMap(c => c.fields).filter(f => f === 'createCommitOnBranch')).toHaveLength(1)
  })
})

describe('a label removed, answered with a 502', () => {
  it('the "draft" label gone: the pull request is reported ready, no warning', async () => {
    const github = clientOf(api)
    const made = await github.createPullRequest({
      head: BRANCH,
      base: 'main',
      title: 't',
      body: 'b',
      draft: false
    })
    await github.addLabels(made.number, [DRAFT_LABEL])
    const pr = await github.getPullRequest(made.number)
    api.fail({ method: 'DELETE', path: /\/labels\/draft$/, status: 502, after: true })
    const out = await syncDraftState(github, pr, false)
    expect(out.warning).toBeUndefined()
    expect(out.changed).toBe('ready')
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual([])
  })
})
