/**
 * The GitHub adapter is the one door of every REST body: whatever a caller passes (PR title and body, labels,
 * comments), no secret the job knows leaves in any form. Real Octokit against the recording API stand-in.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { GitHub } from '../src/adapters/github.js'
import { formsOf, Redactor } from '../src/trust/redact.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'

const TOKEN = 'ghs_githubRedactToken0123456789abc'
const KEY = 'sk-proj-githubRedactKey0123456789'
const b64 = (s: string): string => Buffer.from(s).toString('base64')
/** One text with both secrets in several forms. */
const DIRTY = [
  `raw ${TOKEN}`,
  `url ${encodeURIComponent(KEY)}`,
  `header AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`,
  `blob ${b64(`..${KEY}..`)}`
].join('\n')

let api: GitHubApi
let github: GitHub
beforeEach(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main', branches: ['pdd-sync/main'] })
  github = new GitHub({
    token: 't',
    repository: 'acme/calc',
    baseUrl: api.url,
    retryBaseMs: 1,
    throttle: false,
    redactor: new Redactor([TOKEN, KEY])
  })
})
afterEach(async () => {
  await api.close()
})

it.each([
  [
    'createPullRequest',
    (g: GitHub) =>
      g.createPullRequest({
        head: 'pdd-sync/main',
        base: 'main',
        title: `t ${TOKEN}`,
        body: DIRTY,
        draft: false
      })
  ],
  [
    'updatePullRequest',
    async (g: GitHub) => g.updatePullRequest((await open(g)).number, { title: `u ${KEY}`, body: DIRTY })
  ],
  ['createComment', async (g: GitHub) => g.createComment((await open(g)).number, DIRTY)],
  [
    'updateComment',
    async (g: GitHub) => g.updateComment((await g.createComment((await open(g)).number, 'x')).id, DIRTY)
  ],
  ['addLabels', async (g: GitHub) => g.addLabels((await open(g)).number, [`label-${TOKEN}`])]
])('%s sends no secret in any form', async (_method, call) => {
  await call(github)
  const bodies = JSON.stringify(api.requests.map(r => r.body))
  expect(bodies).toContain('***')
  for (const form of [...formsOf(TOKEN), ...formsOf(KEY)]) expect(bodies).not.toContain(form)
  expect(api.problems).toEqual([])
})

function open(g: GitHub): ReturnType<GitHub['createPullRequest']> {
  return g.createPullRequest({
    head: 'pdd-sync/main',
    base: 'main',
    title: 'pdd sync',
    body: 'b',
    draft: false
  })
}
