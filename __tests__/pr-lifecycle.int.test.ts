/**
 * The pull request's lifecycle against the GitHub API stand-in through the production adapter: draft while a unit
 * fails, ready for review once none does (GraphQL mutations, each document validated against
 * @octokit/graphql-schema), the `draft` label where drafts are not supported, and reviewers, assignees and the
 * milestone of a new pull request. Every REST request and response is checked against @octokit/openapi.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GitHub } from '../src/adapters/github.js'
import { upsertPullRequest, type UpsertOptions } from '../src/publish/pull-request.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'
import { validateDocument } from './helpers/graphql-api.js'
import { validateResponse } from './helpers/openapi.js'

let api: GitHubApi
let github: GitHub
beforeEach(async () => {
  api = await startGitHubApi()
  github = clientOf(api)
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const upsert = (o: Partial<UpsertOptions>): ReturnType<typeof upsertPullRequest> =>
  upsertPullRequest({
    github,
    head: 'pdd-sync/main',
    base: 'main',
    title: 'pdd sync',
    body: 'checklist',
    draft: false,
    manageDraft: true,
    labels: [],
    sleep: () => Promise.resolve(),
    ...o
  })
const mutations = (): string[] => api.graphql.flatMap(c => c.fields)

describe('draft state follows the failures', () => {
  it.each([
    ['a failing run opens a draft; the next, with no failure, marks it ready', true, false, 'ready'],
    ['a clean run opens it ready; a failure converts it back to a draft', false, true, 'draft']
  ] as const)('%s', async (_name, first, second, change) => {
    api.ensureRepo('acme', 'calc')
    const a = await upsert({ draft: first })
    expect(a.operation).toBe('created')
    expect(api.pulls()[0]?.draft).toBe(first)
    expect(mutations()).toEqual([])
    const b = await upsert({ draft: second, body: 'checklist 2' })
    expect(b).toMatchObject({ operation: 'updated', draftChange: change, notices: [], warnings: [] })
    expect(api.pulls()[0]?.draft).toBe(second)
    expect(mutations()).toEqual([second ? 'convertPullRequestToDraft' : 'markPullRequestReadyForReview'])
    expect(api.graphql[0]?.variables).toEqual({ id: api.pulls()[0]?.node_id })
    // Already in the wanted state: no further mutation.
    await upsert({ draft: second, body: 'checklist 3' })
    expect(mutations()).toHaveLength(1)
  })

  it('draft-on-failure off: an open pull request keeps the draft state a person gave it', async () => {
    api.ensureRepo('acme', 'calc')
    await upsert({ draft: true, manageDraft: false })
    const r = await upsert({ draft: false, manageDraft: false, body: 'v2' })
    expect(r.draftChange).toBeUndefined()
    expect(api.pulls()[0]?.draft).toBe(true)
    expect(api.graphql).toEqual([])
  })

  it('a failed mutation is a warning and the update still lands', async () => {
    api.ensureRepo('acme', 'calc')
    await upsert({ draft: true })
    api.fail({
      method: 'POST',
      path: '/graphql',
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    const r = await upsert({ draft: false, body: 'v2' })
    expect(r.warnings.join('\n')).toMatch(
      /#1 could not be marked ready for review: .*Resource not accessible/
    )
    expect(api.pulls()[0]).toMatchObject({ draft: true, body: 'v2' })
  })
})

describe('where drafts are not supported', () => {
  it('opens a normal pull request with the draft label, says so once, and removes the label when ready', async () => {
    api.ensureRepo('acme', 'calc', { draftsSupported: false })
    const a = await upsert({ draft: true, labels: ['pdd-sync'] })
    expect(a.operation).toBe('created')
    expect(a.notices).toEqual([expect.stringMatching(/does not support draft pull requests.*"draft" label/)])
    const pr = api.pulls()[0]
    expect(pr?.draft).toBe(false)
    expect(pr?.labels.map(l => l.name).sort()).toEqual(['draft', 'pdd-sync'])
    const refused = api.requests.filter(r => r.path === '/repos/acme/calc/pulls' && r.method === 'POST')
    expect(refused.map(r => r.status)).toEqual([422, 201])

    const b = await upsert({ draft: true, labels: ['pdd-sync'], body: 'v2' })
    expect(b.notices).toEqual([])
    expect(mutations()).toEqual([])

    const c = await upsert({ draft: false, labels: ['pdd-sync'], body: 'v3' })
    expect(c.draftChange).toBe('ready')
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual(['pdd-sync'])
    expect(mutations()).toEqual([])
  })

  it('an open ready pull request that fails again gets the label when the conversion is refused', async () => {
    api.ensureRepo('acme', 'calc', { draftsSupported: false })
    await upsert({ draft: false })
    const r = await upsert({ draft: true, body: 'v2' })
    expect(mutations()).toEqual(['convertPullRequestToDraft'])
    expect(api.graphql[0]?.errors).toEqual(['Draft pull requests are not supported in this repository.'])
    expect(r).toMatchObject({ draftChange: 'draft', warnings: [] })
    expect(r.notices).toHaveLength(1)
    expect(api.pulls()[0]?.labels.map(l => l.name)).toEqual(['draft'])
  })
})

describe('reviewers, assignees and milestone of a new pull request', () => {
  it('are applied once, when the pull request is opened', async () => {
    api.ensureRepo('acme', 'calc', { milestones: [3] })
    const people = {
      reviewers: ['alice', 'bob'],
      teamReviewers: ['core'],
      assignees: ['carol'],
      milestone: 3
    }
    const r = await upsert({ people })
    expect(r.warnings).toEqual([])
    const pr = api.pulls()[0]
    expect(pr?.requested_reviewers?.map(u => u.login)).toEqual(['alice', 'bob'])
    expect(pr?.requested_teams?.map(t => t.slug)).toEqual(['core'])
    expect(pr?.assignees?.map(u => u.login)).toEqual(['carol'])
    expect(pr?.milestone?.number).toBe(3)
    const before = api.requests.length
    await upsert({ people, body: 'v2' })
    const again = api.requests.slice(before).map(q => q.operationId)
    expect(again).not.toContain('pulls/request-reviewers')
    expect(again).not.toContain('issues/add-assignees')
  })

  it('a refusal is a warning naming the input', async () => {
    api.ensureRepo('acme', 'calc')
    const r = await upsert({ people: { reviewers: [], teamReviewers: [], assignees: [], milestone: 9 } })
    expect(r.operation).toBe('created')
    expect(r.warnings).toEqual([
      expect.stringMatching(/setting milestone 9 \(input "milestone"\) failed: .*422/)
    ])
  })
})

describe('the stand-in checks what it is sent and what it serves', () => {
  it('rejects a GraphQL document the schema does not have', async () => {
    api.ensureRepo('acme', 'calc')
    const bad =
      'mutation($id: ID!) { markPullRequestReady(input: { pullRequestId: $id }) { clientMutationId } }'
    expect(validateDocument(bad).join()).toMatch(/Cannot query field "markPullRequestReady"/)
    const err = await github.graphql('GraphQL bad', bad, { id: 'PR_1' }).catch((e: unknown) => e)
    expect(String(err)).toMatch(/markPullRequestReady/)
    expect(api.problems.splice(0)).toEqual([expect.stringMatching(/^POST \/graphql: invalid document/)])
  })

  it('rejects variables of the wrong input type', async () => {
    api.ensureRepo('acme', 'calc')
    const doc =
      'mutation($id: ID!) { convertPullRequestToDraft(input: { pullRequestId: $id }) { clientMutationId } }'
    await github.graphql('GraphQL vars', doc, { id: { nested: true } }).catch(() => undefined)
    expect(api.problems.splice(0).join()).toMatch(/Variable "\$id" got invalid value/)
  })

  it('flags a REST response body that does not match the documented schema', () => {
    const path = '/repos/acme/calc/pulls/1'
    expect(validateResponse('GET', path, 200, { number: 'one' }).join('\n')).toMatch(
      /missing required field response.head[\s\S]*response.number should be integer/
    )
    expect(validateResponse('GET', path, 200, undefined)).toEqual([])
    expect(validateResponse('GET', path, 418)).toEqual([
      expect.stringMatching(/status 418 is not documented/)
    ])
  })
})
