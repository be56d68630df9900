/**
 * PR control and forks: a fork may name its branch `pdd-sync/main`, so a `/pdd-sync` comment on its pull request
 * looked like one on the bot's, and a run started (from the base, onto the base repository's bot branch) at the
 * request of a comment on a stranger's pull request. The pull request's head repository now decides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideControl } from '../src/control/decide.js'
import { unitMarker } from '../src/publish/checklist.js'
import { readPrEvent } from '../src/settings/pr-event.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

let api: GitHubApi
let fork: number
let bot: number
beforeAll(async () => {
  api = await startGitHubApi({ roles: { ada: 'admin' } })
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main', branches: ['release'] })
  const gh = clientOf(api)
  fork = (
    await gh.createPullRequest({
      head: 'stranger:pdd-sync/main',
      base: 'main',
      title: 't',
      body: '',
      draft: false
    })
  ).number
  bot = (
    await gh.createPullRequest({
      head: 'pdd-sync/release',
      base: 'release',
      title: 't',
      body: '',
      draft: false
    })
  ).number
})
afterAll(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const comment = (number: number): unknown => ({
  action: 'created',
  issue: { number, pull_request: { url: 'u' }, user: { login: 'stranger' } },
  comment: { id: 5, body: '/pdd-sync retry failed', author_association: 'MEMBER', user: { login: 'alice' } },
  sender: { login: 'alice', type: 'User' }
})

describe('a /pdd-sync comment', () => {
  it("on a fork's pull request from a branch named pdd-sync/main: no run", async () => {
    const d = await decideControl(readPrEvent('issue_comment', comment(fork)) ?? undefined, {
      api: clientOf(api),
      repository: 'acme/calc'
    })
    expect(d.kind).toBe('ignore')
    if (d.kind === 'ignore') expect(d.reason).toMatch(/is from a fork \(stranger\/calc\)/)
  })

  it("on the bot's own pull request: a run from its base", async () => {
    const d = await decideControl(readPrEvent('issue_comment', comment(bot)) ?? undefined, {
      api: clientOf(api),
      repository: 'acme/calc'
    })
    expect(d).toMatchObject({ kind: 'run', base: 'release', number: bot })
  })
})

const box = (b: string): string =>
  `- [${b}] greet (python): fix failed ${unitMarker({ id: 'greet_python', status: 'failed' })}\n`
/** `ada` (admin) ticks a box on the pull request whose head is `ref` in `repo` (null: a deleted fork). */
const tick = (number: number, ref: string, repo: { full_name: string } | null | undefined): unknown => ({
  action: 'edited',
  number,
  changes: { body: { from: `## pdd sync\n${box(' ')}` } },
  pull_request: {
    number,
    body: `## pdd sync\n${box('x')}`,
    head: { ref, ...(repo !== undefined ? { repo } : {}) },
    base: { ref: ref.slice('pdd-sync/'.length) },
    user: { login: 'github-actions[bot]' }
  },
  sender: { login: 'ada', type: 'User' }
})

describe('ticking a box', () => {
  it.each([
    ['a fork', { full_name: 'stranger/calc' }, /is from a fork \(stranger\/calc\)/],
    ['a deleted fork', null, /is from a fork \(deleted\)/]
  ])("on %s's pull request from a branch named pdd-sync/main: no run", async (_n, repo, why) => {
    const d = await decideControl(
      readPrEvent('pull_request', tick(fork, 'pdd-sync/main', repo)) ?? undefined,
      {
        api: clientOf(api),
        repository: 'acme/calc'
      }
    )
    expect(d.kind).toBe('ignore')
    if (d.kind === 'ignore') expect(d.reason).toMatch(why)
  })

  it.each([
    ['names the repository itself', { full_name: 'acme/calc' }],
    ['does not name the head repository', undefined]
  ])("on the bot's own pull request, whose event %s: a run of the ticked unit", async (_n, repo) => {
    const d = await decideControl(
      readPrEvent('pull_request', tick(bot, 'pdd-sync/release', repo)) ?? undefined,
      {
        api: clientOf(api),
        repository: 'acme/calc'
      }
    )
    expect(d).toMatchObject({
      kind: 'run',
      base: 'release',
      number: bot,
      request: { kind: 'tick', ids: ['greet_python'] }
    })
  })
})
