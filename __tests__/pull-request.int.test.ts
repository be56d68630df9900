/**
 * upsertPullRequest / closePullRequest against the GitHub REST stand-in, through the production GitHub adapter
 * (Octokit + plugin-retry + plugin-throttling): outcomes are asserted on the stand-in's state.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GitHub } from '../src/adapters/github.js'
import {
  closePullRequest,
  PublishError,
  upsertPullRequest,
  type UpsertOptions
} from '../src/publish/pull-request.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

const HEAD = 'pdd-sync/main'
const PULLS = '/repos/acme/calc/pulls'

let api: GitHubApi
let github: GitHub
beforeEach(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  github = clientOf(api)
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const noSleep = (): Promise<void> => Promise.resolve()

function options(o: Partial<UpsertOptions> = {}): UpsertOptions {
  return {
    github,
    head: HEAD,
    base: 'main',
    title: 'pdd sync: 1 unit updated',
    body: 'checklist v1',
    draft: false,
    labels: [],
    sleep: noSleep,
    ...o
  }
}

/** Opens a PR without the code under test (another run, or a person, got there first). */
async function openDirectly(title: string): Promise<number> {
  const res = await fetch(`${api.url}${PULLS}`, {
    method: 'POST',
    headers: { authorization: 'token other', 'content-type': 'application/json' },
    body: JSON.stringify({ head: HEAD, base: 'main', title, body: 'stale body' })
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { number: number }).number
}

const calls = (method: string, path: string): number =>
  api.requests.filter(r => r.method === method && r.path === path).length

describe('upsertPullRequest', () => {
  it('creates the pull request when none is open', async () => {
    const r = await upsertPullRequest(options({ draft: true }))
    expect(r.operation).toBe('created')
    expect(r.warnings).toEqual([])
    expect(api.pulls()).toHaveLength(1)
    expect(api.pulls()[0]).toMatchObject({
      number: r.pullRequest.number,
      state: 'open',
      title: 'pdd sync: 1 unit updated',
      body: 'checklist v1',
      draft: true,
      maintainer_can_modify: false
    })
    expect(api.pulls()[0]?.head.label).toBe(`acme:${HEAD}`)
    expect(r.pullRequest).toMatchObject({ headRef: HEAD, baseRef: 'main', author: 'github-actions[bot]' })
  })

  it('updates the open pull request, and sends no PATCH when nothing changed', async () => {
    const first = await upsertPullRequest(options())
    const r = await upsertPullRequest(options({ title: 'pdd sync: 2 units updated', body: 'checklist v2' }))
    expect(r.operation).toBe('updated')
    expect(r.pullRequest.number).toBe(first.pullRequest.number)
    expect(api.pulls()).toHaveLength(1)
    expect(api.pulls()[0]).toMatchObject({ title: 'pdd sync: 2 units updated', body: 'checklist v2' })
    expect(calls('POST', PULLS)).toBe(1)

    const patches = calls('PATCH', `${PULLS}/${first.pullRequest.number}`)
    expect(patches).toBe(1)
    const again = await upsertPullRequest(
      options({ title: 'pdd sync: 2 units updated', body: 'checklist v2' })
    )
    expect(again.operation).toBe('updated')
    expect(calls('PATCH', `${PULLS}/${first.pullRequest.number}`)).toBe(patches)
    expect(api.requests.filter(q => q.method !== 'GET')).toHaveLength(2)
  })

  it('never opens a duplicate when another run creates the pull request first', async () => {
    const number = await openDirectly('opened by a concurrent run')
    // Our lookup ran before the other run's create landed: it saw no open PR.
    api.fail({ method: 'GET', path: PULLS, status: 200, body: [] })
    const r = await upsertPullRequest(options({ body: 'checklist v3' }))
    const rejected = api.requests.find(q => q.method === 'POST' && q.path === PULLS && q.status === 422)
    expect(rejected).toBeDefined()
    expect(r.operation).toBe('updated')
    expect(r.pullRequest.number).toBe(number)
    expect(api.pulls()).toHaveLength(1)
    expect(api.pulls()[0]).toMatchObject({ title: 'pdd sync: 1 unit updated', body: 'checklist v3' })
  })

  it('turns an injected 422 "already exists" into a lookup and an update', async () => {
    const number = await openDirectly('opened by a concurrent run')
    api.fail({ method: 'GET', path: PULLS, status: 200, body: [] })
    api.fail({
      method: 'POST',
      path: PULLS,
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for acme:pdd-sync/main.'
          }
        ]
      }
    })
    const r = await upsertPullRequest(options())
    expect(r).toMatchObject({
      operation: 'updated',
      pullRequest: { number, title: 'pdd sync: 1 unit updated' }
    })
    expect(api.pulls().map(p => p.number)).toEqual([number])
  })

  it('adds labels once', async () => {
    const r = await upsertPullRequest(options({ labels: ['pdd-sync', 'automated'] }))
    expect(r.pullRequest.labels).toEqual(['pdd-sync', 'automated'])
    const labels = `/repos/acme/calc/issues/${r.pullRequest.number}/labels`
    expect(calls('POST', labels)).toBe(1)
    const again = await upsertPullRequest(options({ labels: ['pdd-sync', 'automated'] }))
    expect(again.warnings).toEqual([])
    expect(calls('POST', labels)).toBe(1)
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual(['pdd-sync', 'automated'])
  })

  it('retries labels after a 422 (PR not indexed yet), waiting through the injected sleep', async () => {
    api.fail({ method: 'POST', path: /\/issues\/\d+\/labels$/, status: 422 })
    const sleep = vi.fn((_ms: number) => Promise.resolve())
    const r = await upsertPullRequest(options({ labels: ['pdd-sync'], sleep }))
    expect(r.warnings).toEqual([])
    expect(sleep).toHaveBeenCalledTimes(1)
    expect(sleep.mock.calls[0]?.[0]).toBeGreaterThan(0)
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual(['pdd-sync'])
  })

  it('a 403 on labels is a warning naming issues: write, and the PR is still returned', async () => {
    api.fail({ method: 'POST', path: /\/issues\/\d+\/labels$/, status: 403 })
    const sleep = vi.fn((_ms: number) => Promise.resolve())
    const r = await upsertPullRequest(options({ labels: ['pdd-sync'], sleep }))
    expect(r.operation).toBe('created')
    expect(r.pullRequest.number).toBe(api.pulls()[0]?.number)
    expect(r.pullRequest.labels).toEqual([])
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toContain('issues: write')
    expect(r.warnings[0]).toContain('Resource not accessible by integration')
    expect(sleep).not.toHaveBeenCalled()
    expect(api.pulls()[0]?.labels).toEqual([])
  })

  it('explains a create refused by the "Allow GitHub Actions to create … pull requests" setting', async () => {
    api.fail({
      method: 'POST',
      path: PULLS,
      status: 403,
      body: {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
      }
    })
    const e: unknown = await upsertPullRequest(options()).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(PublishError)
    const message = (e as Error).message
    expect(message).toContain('Allow GitHub Actions to create and approve pull requests')
    expect(message).toContain('not permitted to create or approve pull requests')
    expect(message).toContain(HEAD)
    expect(api.pulls()).toEqual([])
    expect(calls('POST', PULLS)).toBe(1)
  })

  it('retries a 500 on the lookup (plugin-retry)', async () => {
    api.fail({ method: 'GET', path: PULLS, status: 500 })
    const r = await upsertPullRequest(options())
    expect(r.operation).toBe('created')
    expect(api.requests.filter(q => q.method === 'GET' && q.path === PULLS).map(q => q.status)).toEqual([
      500, 200
    ])
    expect(api.pulls()).toHaveLength(1)
  })

  it('works with throttling on (production default)', async () => {
    const throttled = new GitHub({ token: 't', repository: 'acme/calc', baseUrl: api.url, retryBaseMs: 1 })
    const r = await upsertPullRequest(options({ github: throttled, labels: ['pdd-sync'] }))
    expect(r.operation).toBe('created')
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual(['pdd-sync'])
  })
})

describe('closePullRequest', () => {
  it('closes the pull request and says why in its body', async () => {
    const { pullRequest } = await upsertPullRequest(options())
    const closed = await closePullRequest(github, pullRequest, 'main already contains these changes.')
    expect(closed.state).toBe('closed')
    const [pr] = api.pulls()
    expect(pr?.state).toBe('closed')
    expect(pr?.closed_at).not.toBeNull()
    expect(pr?.body).toMatch(
      /^checklist v1\n\n---\nClosed by pdd-sync: main already contains these changes\.$/
    )
    expect(await github.findOpenPullRequest(HEAD, 'main')).toBeNull()
  })
})
