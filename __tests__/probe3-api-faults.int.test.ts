/**
 * Probes of the GitHub API's faults through the production adapter (Octokit + plugin-retry + plugin-throttling,
 * throttling ON as in a run) against the REST stand-in, with a proxy for answers the stand-in cannot give (an
 * HTML page, JSON cut short, no answer). Each row: what GitHub (or the network) does → what the call must do.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GitHub, GitHubError } from '../src/adapters/github.js'
import { PublishError, upsertPullRequest } from '../src/publish/pull-request.js'
import { startApiProxy, type ApiProxy } from './helpers/api-proxy.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'

const TOKEN = 'ghs_probe3SecretToken0123456789'
const PULLS = '/repos/acme/calc/pulls'
const LIMITED = { message: 'API rate limit exceeded for installation ID 4242.' }

let api: GitHubApi
let proxy: ApiProxy
let logged: string[]
beforeEach(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  proxy = await startApiProxy(api.url)
  logged = []
})
afterEach(async () => {
  await proxy.close()
  await api.close()
})

/** The adapter as a run builds it (throttling on), waits scaled to 1 ms per second, through the proxy. */
function client(o: { timeoutMs?: number } = {}): GitHub {
  return new GitHub({
    token: TOKEN,
    repository: 'acme/calc',
    baseUrl: proxy.url,
    retryBaseMs: 1,
    log: l => logged.push(l),
    ...(o.timeoutMs ? { requestTimeoutMs: o.timeoutMs } : {})
  })
}

const hits = (path: string): number => api.requests.filter(r => r.path === path).length
const inSeconds = (s: number): string => String(Math.floor(Date.now() / 1000) + s)

async function failure(p: Promise<unknown>): Promise<GitHubError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x
  )
  expect(e).toBeInstanceOf(GitHubError)
  const err = e as GitHubError
  expect(err.message).not.toContain(TOKEN)
  return err
}

describe('rate limits', () => {
  it('a primary limit that resets in an hour fails the call at once, saying when it lifts', async () => {
    const reset = inSeconds(3600)
    api.fail({
      method: 'GET',
      path: PULLS,
      status: 403,
      times: 10,
      body: LIMITED,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
    })
    const err = await failure(client().findOpenPullRequest('pdd-sync/main', 'main'))
    expect(err.rateLimited).toBe(true)
    expect(err.message).toContain(new Date(Number(reset) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'))
    expect(err.message).toMatch(/not a permission problem/)
    expect(hits(PULLS)).toBe(1)
    // About an hour: the reset is 3,600 s after the current whole second, the throttling plugin waits a second past
    // it (3601 at once), and a loaded machine may take seconds to get here (it logged "not waiting 3599 s" once).
    const waited = Number(/not waiting (\d+) s/.exec(logged.join('\n'))?.[1])
    expect(waited).toBeGreaterThanOrEqual(3540)
    expect(waited).toBeLessThanOrEqual(3601)
  })

  it('a primary limit that resets in seconds is waited for and the call succeeds', async () => {
    api.fail({
      method: 'GET',
      path: PULLS,
      status: 403,
      body: LIMITED,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(2) }
    })
    expect(await client().findOpenPullRequest('pdd-sync/main', 'main')).toBeNull()
    expect(hits(PULLS)).toBe(2)
  })

  it('a secondary limit that never lifts is retried 3 times, not forever', async () => {
    api.fail({ method: 'GET', path: PULLS, status: 429, times: 20, headers: { 'retry-after': '1' } })
    const err = await failure(client().findOpenPullRequest('pdd-sync/main', 'main'))
    expect(err.rateLimited).toBe(true)
    expect(err.message).toMatch(/lifts in 1 s/)
    expect(hits(PULLS)).toBe(4)
  })

  it('a secondary limit asking for an hour is not waited for', async () => {
    api.fail({ method: 'GET', path: PULLS, status: 403, headers: { 'retry-after': '3600' } })
    const err = await failure(client().findOpenPullRequest('pdd-sync/main', 'main'))
    expect(err.message).toMatch(/HTTP 403.*lifts in 3600 s/)
    expect(hits(PULLS)).toBe(1)
  })

  it('a rate-limited pull request is not reported as a missing permission', async () => {
    api.fail({
      method: 'POST',
      path: PULLS,
      status: 403,
      body: LIMITED,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inSeconds(3000) }
    })
    const o = { github: client(), head: 'pdd-sync/main', base: 'main', title: 't', body: 'b', draft: false }
    const e = await upsertPullRequest({ ...o, labels: [] }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(PublishError)
    expect((e as Error).message).toMatch(/rate limit stopped the pull request/)
    expect((e as Error).message).not.toMatch(/lacks permission|pull-requests: write/)
  })

  it('a 403 without a rate limit still names the permission to give', async () => {
    api.fail({ method: 'POST', path: PULLS, status: 403 })
    const o = { github: client(), head: 'pdd-sync/main', base: 'main', title: 't', body: 'b', draft: false }
    const e = await upsertPullRequest({ ...o, labels: [] }).catch((x: unknown) => x)
    expect((e as Error).message).toMatch(/pull-requests: write.*Resource not accessible by integration/)
  })
})

describe('answers that are not the API', () => {
  const page = `<!DOCTYPE html><html><head><style>body{color:red}</style><title>Sign in</title></head><body>${'<p>Corporate proxy: please sign in.</p>'.repeat(400)}</body></html>`

  it('an HTML page with HTTP 200 is an error naming it, not a string read as a pull request list', async () => {
    proxy.add({
      method: 'GET',
      path: PULLS,
      times: 4,
      reply: { status: 200, headers: { 'content-type': 'text/html' }, body: page }
    })
    const err = await failure(client().findOpenPullRequest('pdd-sync/main', 'main'))
    expect(err.message).toMatch(/answered HTTP 200 with text\/html, not JSON.*"Sign in Corporate proxy/)
    expect(err.message).not.toMatch(/<|HTTP 500/)
    expect(err.message.length).toBeLessThan(400)
  })

  it('JSON cut short is an error saying so; a second try that works is used', async () => {
    const cut = {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"default_branch": "ma'
    }
    proxy.add({ method: 'GET', path: '/repos/acme/calc', times: 4, reply: cut })
    const err = await failure(client().defaultBranch())
    expect(err.message).toMatch(/JSON that does not parse/)
    proxy.add({ method: 'GET', path: '/repos/acme/calc', reply: cut })
    expect(await client().defaultBranch()).toBe('main')
  })

  it("a load balancer's HTML error page becomes a short message", async () => {
    const reply = { status: 502, headers: { 'content-type': 'text/html' }, body: page }
    proxy.add({ method: 'GET', path: PULLS, times: 4, reply })
    const err = await failure(client().findOpenPullRequest('pdd-sync/main', 'main'))
    expect(err.status).toBe(502)
    expect(err.message).toMatch(/HTTP 502.*Sign in Corporate proxy/)
    expect(err.message).not.toContain('<')
    expect(err.message.length).toBeLessThan(400)
  })

  it('an API that never answers fails the call at its deadline, without retries', async () => {
    proxy.add({ method: 'GET', path: '/repos/acme/calc', times: 5, reply: 'hang' })
    const err = await failure(client({ timeoutMs: 300 }).defaultBranch())
    expect(err.message).toBe('GET /repos/{owner}/{repo} failed: no answer within 300 ms')
    expect(proxy.served).toEqual(['GET /repos/acme/calc'])
  })

  it('a 401 (a revoked token) names the call and GitHub’s message, never the token', async () => {
    api.fail({ method: 'GET', path: '/repos/acme/calc', status: 401, body: { message: 'Bad credentials' } })
    const err = await failure(client().defaultBranch())
    expect(err.message).toBe('GET /repos/{owner}/{repo} failed (HTTP 401): Bad credentials')
  })
})
