/**
 * decideControl through the production GitHub adapter against the REST stand-in: which events on the bot pull
 * request ask for a run, from which base, and who may ask (the collaborator-permission route for edits, the
 * comment's association for comments).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GitHub } from '../src/adapters/github.js'
import { unitMarker } from '../src/publish/checklist.js'
import { decideControl, type ControlDecision } from '../src/control/decide.js'
import { readPrEvent } from '../src/settings/pr-event.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

let api: GitHubApi
let github: GitHub
beforeAll(async () => {
  api = await startGitHubApi({ roles: { ada: 'admin', max: 'maintain', tia: 'triage', rita: 'read' } })
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main', branches: ['release', 'feature'] })
  github = clientOf(api)
  await github.createPullRequest({
    head: 'pdd-sync/release',
    base: 'release',
    title: 't',
    body: 'b',
    draft: true
  })
  await github.createPullRequest({ head: 'feature', base: 'main', title: 'f', body: 'b', draft: false })
})
afterAll(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const line = (box: string): string =>
  `- [${box}] greet (python): fix failed ${unitMarker({ id: 'greet_python', status: 'failed' })}`
const BEFORE = `## pdd sync\n${line(' ')}\n`
const AFTER = `## pdd sync\r\n${line('x')}\r\n`

function edit(
  login: string,
  o: { head?: string; action?: string; from?: string; type?: string } = {}
): unknown {
  return {
    action: o.action ?? 'edited',
    number: 1,
    ...(o.action === undefined || o.action === 'edited'
      ? { changes: { body: { from: o.from ?? BEFORE } } }
      : {}),
    pull_request: {
      number: 1,
      body: AFTER,
      head: { ref: o.head ?? 'pdd-sync/release' },
      base: { ref: 'release' },
      user: { login: 'github-actions[bot]' }
    },
    sender: { login, type: o.type ?? 'User' }
  }
}

function comment(
  login: string,
  body: string,
  association = 'MEMBER',
  number = 1,
  action = 'created'
): unknown {
  return {
    action,
    issue: { number, pull_request: { url: 'u' }, user: { login: 'github-actions[bot]' } },
    comment: { id: 5, body, author_association: association, user: { login } },
    sender: { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
  }
}

const decide = async (event: string, payload: unknown): Promise<ControlDecision> =>
  decideControl(readPrEvent(event, payload) ?? undefined, { api: github })

describe('decideControl', () => {
  it.each<[string, string, unknown, Record<string, unknown> & { reason?: RegExp }]>([
    [
      'a writer (admin) ticks a box: run from the PR’s base',
      'pull_request',
      edit('ada'),
      { kind: 'run', base: 'release', number: 1, by: 'ada', request: { kind: 'tick', ids: ['greet_python'] } }
    ],
    ['a maintainer ticks a box', 'pull_request', edit('max'), { kind: 'run', by: 'max' }],
    [
      'a triager ticks a box',
      'pull_request',
      edit('tia'),
      { kind: 'ignore', reason: /tia has triage access/ }
    ],
    [
      'a reader ticks a box',
      'pull_request',
      edit('rita'),
      { kind: 'ignore', reason: /rita has read access/ }
    ],
    [
      'the action edits the body',
      'pull_request',
      edit('github-actions[bot]', { type: 'Bot' }),
      { kind: 'ignore', reason: /own identity/ }
    ],
    [
      'an edit that ticks nothing',
      'pull_request',
      edit('ada', { from: AFTER }),
      { kind: 'ignore', reason: /ticked no unit/ }
    ],
    [
      'a push to the bot PR (synchronize)',
      'pull_request',
      edit('ada', { action: 'synchronize' }),
      { kind: 'ignore', reason: /"synchronize" event/ }
    ],
    [
      'an event on another pull request: an ordinary run',
      'pull_request',
      edit('ada', { head: 'feature' }),
      { kind: 'none' }
    ],
    [
      'a member comments /pdd-sync retry failed',
      'issue_comment',
      comment('alice', '/pdd-sync retry failed'),
      { kind: 'run', base: 'release', request: { kind: 'retry-failed' }, by: 'alice' }
    ],
    [
      'a collaborator names globs',
      'issue_comment',
      comment('bob', '/pdd-sync retry greet_*', 'COLLABORATOR'),
      { kind: 'run', request: { kind: 'retry', patterns: ['greet_*'] } }
    ],
    [
      'a contributor comments',
      'issue_comment',
      comment('eve', '/pdd-sync retry failed', 'CONTRIBUTOR'),
      { kind: 'ignore', reason: /@eve is CONTRIBUTOR/ }
    ],
    [
      'the bot comments',
      'issue_comment',
      comment('github-actions[bot]', '/pdd-sync retry failed', 'NONE'),
      { kind: 'ignore', reason: /own identity or a bot/ }
    ],
    [
      'an edited comment',
      'issue_comment',
      comment('alice', '/pdd-sync retry failed', 'MEMBER', 1, 'edited'),
      { kind: 'ignore', reason: /edited is not acted on/ }
    ],
    [
      'a comment without a command',
      'issue_comment',
      comment('alice', 'thanks!'),
      { kind: 'ignore', reason: /no \/pdd-sync command/ }
    ],
    [
      'a command on another pull request',
      'issue_comment',
      comment('alice', '/pdd-sync retry failed', 'MEMBER', 2),
      { kind: 'ignore', reason: /#2 is not the bot's/ }
    ],
    [
      'a command on an issue',
      'issue_comment',
      { ...(comment('alice', '/pdd-sync retry failed') as object), issue: { number: 3 } },
      { kind: 'ignore', reason: /not on a pull request/ }
    ]
  ])('%s', async (_name, event, payload, expected) => {
    const d = await decide(event, payload)
    const { reason, ...rest } = expected
    expect(d).toMatchObject(rest)
    if (reason) expect(d.kind === 'ignore' ? d.reason : '').toMatch(reason)
  })

  it('an unknown command gets a reply saying how to ask', async () => {
    const d = await decide('issue_comment', comment('alice', '/pdd-sync rebuild'))
    expect(d).toMatchObject({
      kind: 'ignore',
      reply: {
        number: 1,
        body: expect.stringMatching(/^@alice pdd-sync did not run: unknown command/) as string
      }
    })
  })

  it('without a token nothing runs', async () => {
    expect(
      await decideControl(readPrEvent('pull_request', edit('ada')) ?? undefined, { api: null })
    ).toMatchObject({ kind: 'ignore', reason: expect.stringMatching(/no token/) as string })
  })
})
