/**
 * Tests of the GitHub REST stand-in (helpers/github-api.ts) and its OpenAPI checks (helpers/openapi.ts), driven by
 * a real Octokit built the way production code builds it: `getOctokit` + plugin-retry + plugin-throttling.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { operationFor, validateRequest, validateResponse } from './helpers/openapi.js'

type Octokit = ReturnType<typeof getOctokit>

let api: GitHubApi
let octokit: Octokit
let throttleId = 0
const repo = { owner: 'acme', repo: 'widgets' }
const deleted: string[] = []

/** Production-shaped client; waits are scaled down to milliseconds. A fresh throttle id per test keeps the
 *  plugin's process-wide write/notification queues from spacing requests across tests. */
function makeOctokit(url: string): Octokit {
  const throttle = {
    id: `github-api-test-${throttleId++}`,
    retryAfterBaseValue: 1,
    onRateLimit: (): boolean => true,
    onSecondaryRateLimit: (): boolean => true
  }
  return getOctokit(
    'ghs_testtoken',
    { baseUrl: url, retry: { retryAfterBaseValue: 1 }, throttle },
    retry,
    throttling
  )
}

/** Sends one request without Octokit (no throttling, no validation on the client side). */
async function raw(
  method: string,
  path: string,
  body?: unknown,
  auth = true
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...(auth ? { authorization: 'token raw' } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined }
}

beforeEach(async () => {
  deleted.length = 0
  api = await startGitHubApi({ onDeleteRef: ref => Promise.resolve(void deleted.push(ref)) })
  api.ensureRepo('acme', 'widgets', { defaultBranch: 'main' })
  octokit = makeOctokit(api.url)
})
afterEach(async () => {
  await api.close()
})

describe('openapi validator', () => {
  it('finds operations, including multi-segment refs', () => {
    expect(operationFor('GET', '/repos/a/b/git/ref/heads/pdd/sync')).toMatchObject({
      operationId: 'git/get-ref',
      params: { ref: 'heads/pdd/sync' }
    })
    expect(operationFor('DELETE', '/repos/a/b/git/refs/heads%2Fpdd%2Fsync')?.params.ref).toBe(
      'heads/pdd/sync'
    )
    expect(operationFor('PATCH', '/repos/a/b/issues/comments/7')?.operationId).toBe('issues/update-comment')
    expect(operationFor('GET', '/repos/a/b/pulls/comments')?.operationId).toBe(
      'pulls/list-review-comments-for-repo'
    )
    expect(operationFor('PUT', '/rate_limit')).toBeNull()
  })

  it('reports bad enums, missing and unknown fields, wrong types', () => {
    const list = validateRequest({
      method: 'GET',
      path: '/repos/a/b/pulls',
      query: { state: 'opened', heads: 'x' }
    })
    expect(list.join('\n')).toMatch(/state = "opened" is not one of \[open\|closed\|all\]/)
    expect(list.join('\n')).toMatch(/unknown query parameter heads/)
    const create = validateRequest({
      method: 'POST',
      path: '/repos/a/b/pulls',
      body: { head: 'x', title: 't' }
    })
    expect(create).toEqual(['POST /repos/{owner}/{repo}/pulls: missing required field body.base'])
    const update = validateRequest({ method: 'PATCH', path: '/repos/a/b/pulls/1', body: { draft: true } })
    expect(update).toEqual(['PATCH /repos/{owner}/{repo}/pulls/{pull_number}: unknown field body.draft'])
    const ref = validateRequest({
      method: 'PATCH',
      path: '/repos/a/b/git/refs/heads/x',
      body: { sha: 'a', force: 'yes' }
    })
    expect(ref[0]).toMatch(/body.force should be boolean/)
    const labels = { labels: ['a', { name: 'b', confidence: 'high' }] }
    expect(validateRequest({ method: 'POST', path: '/repos/a/b/issues/1/labels', body: labels })).toEqual([])
    expect(validateRequest({ method: 'GET', path: '/repos/a/b/pulls/x' })[0]).toMatch(
      /pull_number should be integer/
    )
    expect(validateResponse('POST', '/repos/a/b/pulls', 201)).toEqual([])
    expect(validateResponse('POST', '/repos/a/b/pulls', 500)[0]).toMatch(/status 500 is not documented/)
  })
})

describe('GitHub API stand-in', () => {
  it('creates, finds, updates a PR and refuses a duplicate', async () => {
    const { data: repoInfo } = await octokit.rest.repos.get(repo)
    expect(repoInfo.default_branch).toBe('main')
    const { data: pr, status } = await octokit.rest.pulls.create({
      ...repo,
      head: 'pdd/sync',
      base: 'main',
      title: 'pdd sync',
      body: 'checklist'
    })
    expect(status).toBe(201)
    expect(pr).toMatchObject({
      number: 1,
      state: 'open',
      draft: false,
      user: { login: 'github-actions[bot]' }
    })
    expect(pr.head).toMatchObject({
      ref: 'pdd/sync',
      label: 'acme:pdd/sync',
      repo: { full_name: 'acme/widgets' }
    })
    expect(pr.html_url).toBe('https://github.com/acme/widgets/pull/1')

    const { data: found } = await octokit.rest.pulls.list({ ...repo, head: 'acme:pdd/sync', base: 'main' })
    expect(found.map(p => p.number)).toEqual([1])
    expect((await octokit.rest.pulls.list({ ...repo, head: 'other:pdd/sync' })).data).toEqual([])
    expect((await octokit.rest.pulls.list({ ...repo, state: 'closed' })).data).toEqual([])
    // Like github.com, a head filter without the `owner:` prefix is silently ignored.
    await raw('POST', '/repos/acme/widgets/pulls', { head: 'other', base: 'main', title: 'other' })
    expect((await octokit.rest.pulls.list({ ...repo, head: 'pdd/sync' })).data.map(p => p.number)).toEqual([
      2, 1
    ])

    const { data: updated } = await octokit.rest.pulls.update({
      ...repo,
      pull_number: 1,
      title: 'v2',
      body: 'b2'
    })
    expect(updated).toMatchObject({ title: 'v2', body: 'b2' })
    expect((await octokit.rest.pulls.get({ ...repo, pull_number: 1 })).data.title).toBe('v2')

    const again = octokit.rest.pulls.create({ ...repo, head: 'pdd/sync', base: 'main', title: 'again' })
    await expect(again).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ message: 'A pull request already exists for acme:pdd/sync.' }] } }
    })
    expect(api.pulls()).toHaveLength(2)
    const first = api.requests[0]!
    expect(first.auth).toEqual({ present: true, scheme: 'token' })
    expect(first.headers.authorization).toBeUndefined()
    expect(api.problems).toEqual([])
  })

  it('rejects bodies over 65536 code points', async () => {
    const body = '😀'.repeat(65537)
    const create = octokit.rest.pulls.create({ ...repo, head: 'b', base: 'main', title: 't', body })
    await expect(create).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('body is too long') as string
    })
    expect(api.pulls()).toHaveLength(0)
    expect(api.problems).toEqual([])
  })

  it('adds labels and creates labels', async () => {
    await raw('POST', '/repos/acme/widgets/pulls', { head: 'x', base: 'main', title: 't' })
    const { status } = await octokit.rest.issues.createLabel({ ...repo, name: 'pdd', color: '0e8a16' })
    expect(status).toBe(201)
    await expect(octokit.rest.issues.createLabel({ ...repo, name: 'PDD' })).rejects.toMatchObject({
      status: 422
    })
    const { data } = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: 1,
      labels: ['pdd', 'automated']
    })
    expect(data.map(l => l.name)).toEqual(['pdd', 'automated'])
    const again = await octokit.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['automated'] })
    expect(again.data).toHaveLength(2)
    expect(api.pulls()[0]!.labels.map(l => l.name)).toEqual(['pdd', 'automated'])
    expect(api.problems).toEqual([])
  })

  it('creates, lists and updates comments', async () => {
    await raw('POST', '/repos/acme/widgets/pulls', { head: 'x', base: 'main', title: 't' })
    const { data: c1 } = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'one' })
    expect(c1).toMatchObject({ body: 'one', user: { login: 'github-actions[bot]' } })
    expect(c1.html_url).toBe(`https://github.com/acme/widgets/pull/1#issuecomment-${c1.id}`)
    const { data: c2 } = await octokit.rest.issues.updateComment({ ...repo, comment_id: c1.id, body: 'uno' })
    expect(c2.body).toBe('uno')
    const { data: list } = await octokit.rest.issues.listComments({ ...repo, issue_number: 1 })
    expect(list.map(c => c.body)).toEqual(['uno'])
    expect(api.comments(1).map(c => c.body)).toEqual(['uno'])
    await expect(octokit.rest.issues.listComments({ ...repo, issue_number: 9 })).rejects.toMatchObject({
      status: 404
    })
    expect(api.problems).toEqual([])
  })

  it('paginates with a link header', async () => {
    await raw('POST', '/repos/acme/widgets/pulls', { head: 'x', base: 'main', title: 't' })
    for (let i = 0; i < 5; i++) await raw('POST', '/repos/acme/widgets/issues/1/comments', { body: `c${i}` })
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo,
      issue_number: 1,
      per_page: 2
    })
    expect(all.map(c => c.body)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4'])
    const pages = api.requests.filter(r => r.operationId === 'issues/list-comments')
    expect(pages.map(r => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    const { headers } = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: 1,
      per_page: 2,
      page: 2
    })
    expect(headers.link).toMatch(/page=3>; rel="next".*rel="last".*page=1>; rel="first".*rel="prev"/)
    expect(api.problems).toEqual([])
  })

  it('records invalid requests, unrouted routes and missing auth as problems', async () => {
    expect((await raw('GET', '/repos/acme/widgets/pulls?state=opened')).status).toBe(200)
    expect((await raw('POST', '/repos/acme/widgets/pulls', { head: 'x', title: 't' })).status).toBe(422)
    await expect(octokit.request('GET /repos/{owner}/{repo}/actions/secrets', repo)).rejects.toMatchObject({
      status: 404
    })
    expect((await raw('GET', '/nowhere')).status).toBe(404)
    expect((await raw('GET', '/rate_limit', undefined, false)).status).toBe(401)
    const text = api.problems.join('\n')
    expect(text).toMatch(/GET \/repos\/\{owner\}\/\{repo\}\/pulls: query parameter state = "opened"/)
    expect(text).toMatch(/POST \/repos\/\{owner\}\/\{repo\}\/pulls: missing required field body.base/)
    expect(text).toMatch(
      /unrouted request GET \/repos\/acme\/widgets\/actions\/secrets \(actions\/list-repo-secrets\)/
    )
    expect(text).toMatch(/unrouted request GET \/nowhere \(not in the OpenAPI description\)/)
    expect(text).toMatch(/GET \/rate_limit: no authorization header/)
  })

  it('recovers from an injected 429 (retry-after) and 500', async () => {
    api.fail({ method: 'GET', path: '/repos/acme/widgets', status: 429, headers: { 'retry-after': '1' } })
    api.fail({ method: 'GET', path: /\/pulls$/, status: 500 })
    expect((await octokit.rest.repos.get(repo)).status).toBe(200)
    expect((await octokit.rest.pulls.list(repo)).status).toBe(200)
    const served = api.requests.map(r => `${r.operationId} ${r.status}`)
    expect(served).toEqual(['repos/get 429', 'repos/get 200', 'pulls/list 500', 'pulls/list 200'])
    expect(api.problems).toEqual([])
  })

  it('passes a 403 message through as a RequestError', async () => {
    const message = 'GitHub Actions is not permitted to create or approve pull requests.'
    api.fail({ method: 'POST', path: '/repos/acme/widgets/pulls', status: 403, body: { message } })
    const create = octokit.rest.pulls.create({ ...repo, head: 'x', base: 'main', title: 't' })
    await expect(create).rejects.toMatchObject({ name: 'HttpError', status: 403, message })
    api.fail({ path: /\/labels$/, status: 403, times: 2 })
    const label = octokit.rest.issues.createLabel({ ...repo, name: 'x' })
    await expect(label).rejects.toMatchObject({
      status: 403,
      message: /Resource not accessible by integration/
    })
    expect(api.requests.filter(r => r.status === 403)).toHaveLength(2)
    expect(api.problems).toEqual([])
  })

  it('gets and deletes branch refs, closing their PRs', async () => {
    api.ensureRepo('acme', 'widgets', { branches: { 'pdd/sync': 'a'.repeat(40) } })
    await raw('POST', '/repos/acme/widgets/pulls', { head: 'pdd/sync', base: 'main', title: 't' })
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: 'heads/pdd/sync' })
    expect(data).toMatchObject({
      ref: 'refs/heads/pdd/sync',
      object: { sha: 'a'.repeat(40), type: 'commit' }
    })
    expect((await octokit.rest.git.deleteRef({ ...repo, ref: 'heads/pdd/sync' })).status).toBe(204)
    expect(deleted).toEqual(['heads/pdd/sync'])
    expect(api.pulls()[0]!.state).toBe('closed')
    await expect(octokit.rest.git.getRef({ ...repo, ref: 'heads/pdd/sync' })).rejects.toMatchObject({
      status: 404
    })
    await expect(octokit.rest.git.deleteRef({ ...repo, ref: 'heads/pdd/sync' })).rejects.toMatchObject({
      status: 422,
      message: /Reference does not exist/
    })
    const { data: limits } = await octokit.rest.rateLimit.get()
    expect(limits.resources.core.limit).toBe(1000)
    expect(api.problems).toEqual([])
  })
})
