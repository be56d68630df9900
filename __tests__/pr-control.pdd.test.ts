/**
 * PR control end to end: the bundled action, the real pdd-cli against the scripted LLM server, real git with a bare
 * origin (each run in a fresh clone of the base, as the example workflow checks it out), and the GitHub API
 * stand-in. Run 1 leaves one unit failed; a person then ticks its box (an `edited` payload with
 * `changes.body.from`) or comments `/pdd-sync retry failed`, and run 2 re-runs only that unit. Ticks and comments
 * by a read-only person or by the bot run nothing.
 */
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { BROKEN_GREET_UNIT, CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import type { Script } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { realRepo, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_prControlTestToken0123456789'
const TIMEOUT = 600_000
const BOT = { login: 'github-actions[bot]', type: 'Bot' }
const ALICE = { login: 'alice', type: 'User' }
const RITA = { login: 'rita', type: 'User' }
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

interface World {
  repo: RealRepo
  script: Script
  origin: string
  api: GitHubApi
  run(event: string, payload?: object, refName?: string): Promise<ActionRun>
}

/** calc syncs; greet's code stays broken until `script.units.greet` is replaced. */
async function world(): Promise<World> {
  const script: Script = { units: { calc: CALC_UNIT, greet: BROKEN_GREET_UNIT } }
  const repo = await realRepo(script, { ...PROMPTS.calc, ...PROMPTS.greet })
  const api = await startGitHubApi({ roles: { alice: 'write', rita: 'read' } })
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  cleanups.push(
    () => api.close(),
    () => repo.server.close()
  )
  const origin = git(repo.dir, 'remote', 'get-url', 'origin').trim()
  const pdd = path.join(realPdd()?.binDir ?? '', 'pdd')
  const inputs = { mode: 'run', token: TOKEN, 'pdd-command': pdd, budget: '5', 'max-attempts': '2' }
  return {
    repo,
    script,
    origin,
    api,
    run: (event, payload = {}, refName = 'main') =>
      runActionAsync(inputs, {
        workspace: cloneOf(origin, 1),
        event,
        payload,
        refName,
        apiUrl: api.url,
        env: repo.env
      })
  }
}

/** Run 1: calc synced, greet failed, the bot PR #1 open. */
async function firstRun(w: World): Promise<string> {
  const r1 = await w.run('workflow_dispatch')
  expect(r1.outputs).toMatchObject({ synced: '["calc_python"]', failed: '["greet_python"]' })
  const body = w.api.pulls()[0]?.body ?? ''
  expect(body).toMatch(/- \[ \] greet \(python\): .*status=failed -->/)
  // A failed unit: the bot PR is a draft until nothing fails any more.
  expect(w.api.pulls()[0]?.draft).toBe(true)
  // Fixed from now on: a re-run of greet syncs.
  w.script.units.greet = GREET_UNIT
  return git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()
}

/** An `edited` event of the bot PR's body, as GitHub sends it when `sender` saved `after` in the browser. */
function edit(w: World, sender: object, before: string, after: string): object {
  const pr = w.api.pulls()[0]
  if (pr) pr.body = after
  return {
    action: 'edited',
    number: 1,
    changes: { body: { from: before } },
    pull_request: {
      number: 1,
      state: 'open',
      body: after,
      head: { ref: 'pdd-sync/main' },
      base: { ref: 'main' },
      user: { login: 'github-actions[bot]', type: 'Bot' }
    },
    sender
  }
}

function comment(sender: { login: string; type: string }, body: string, association: string): object {
  return {
    action: 'created',
    issue: { number: 1, pull_request: { url: 'u' }, user: { login: 'github-actions[bot]' } },
    comment: { id: 77, body, author_association: association, user: { login: sender.login } },
    sender
  }
}

const writes = (api: GitHubApi, from: number): string[] =>
  api.requests
    .slice(from)
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`)

/** The run did nothing: no pdd, no LLM call, no push, no API write. */
async function expectNothingRan(w: World, run: () => Promise<ActionRun>, head: string): Promise<ActionRun> {
  const requests = w.api.requests.length
  const calls = w.repo.server.calls().length
  const r = await run()
  expect(r.status, r.stdout).toBe(0)
  expect(r.outputs.status).toBe('ignored')
  expect(r.stdout).not.toContain('Using pdd-cli')
  expect(w.repo.server.calls()).toHaveLength(calls)
  expect(writes(w.api, requests)).toEqual([])
  expect(git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).toBe(head)
  return r
}

/** Run 2 re-ran greet only, it synced, calc's result is kept, the box is ticked and a reply says so. */
function expectGreetRerun(w: World, r2: ActionRun, calls: number, reply: RegExp): void {
  expect(r2.status, r2.stdout).toBe(0)
  expect(r2.outputs).toMatchObject({
    synced: '["greet_python"]',
    failed: '[]',
    'pull-request-operation': 'updated'
  })
  const units = new Set(
    w.repo.server
      .calls()
      .slice(calls)
      .map(c => c.unit)
  )
  expect([...units]).toEqual(['greet'])
  const files = git(w.origin, 'diff', '--name-only', 'main', 'refs/heads/pdd-sync/main').trim().split('\n')
  expect(files).toEqual(expect.arrayContaining(['calc.py', 'greet.py']))
  expect(w.api.pulls()).toHaveLength(1)
  expect(w.api.pulls()[0]?.body).toMatch(/- \[x\] greet \(python\): .*status=synced -->/)
  // Nothing fails any more: ready for review, through the GraphQL mutation (REST cannot do it).
  expect(w.api.graphql.flatMap(c => c.fields)).toContain('markPullRequestReadyForReview')
  expect(w.api.pulls()[0]?.draft).toBe(false)
  const replies = w.api.comments(1).map(c => c.body)
  expect(replies.at(-1)).toMatch(reply)
  expect(replies.at(-1)).toMatch(/Spent \$[\d.]+ of a \$5\.00 budget\./)
  const last = runRecordsIn(w.origin)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1)
  expect(last?.trigger).not.toBe('workflow_dispatch')
  expect(last?.units.map(u => `${u.id}:${u.status}`)).toEqual(['greet_python:synced'])
  // `::add-mask::` is how the token is handed to the runner to mask; it must appear nowhere else.
  expect((r2.stdout + r2.stderr).replace(`::add-mask::${TOKEN}\n`, '')).not.toContain(TOKEN)
  expect(w.api.problems).toEqual([])
}

describeRealPdd('PR control: tick a box or comment to re-run a unit', () => {
  it(
    'a collaborator ticks the failed box: only that unit re-runs and syncs; a read-only user’s or the bot’s tick runs nothing',
    async () => {
      const w = await world()
      const head = await firstRun(w)
      const before = w.api.pulls()[0]?.body ?? ''
      // Saved in the browser: CRLF line ends.
      const ticked = before.replace('- [ ] greet (python)', '- [x] greet (python)').replace(/\n/g, '\r\n')
      expect(ticked).not.toBe(before.replace(/\n/g, '\r\n'))

      const ro = await expectNothingRan(
        w,
        () => w.run('pull_request', edit(w, RITA, before, ticked), '1/merge'),
        head
      )
      expect(ro.stdout).toMatch(/rita has read access; only people with write access/)
      const own = await expectNothingRan(
        w,
        () => w.run('pull_request', edit(w, BOT, before, ticked), '1/merge'),
        head
      )
      expect(own.stdout).toMatch(/made by the action's own identity/)

      const calls = w.repo.server.calls().length
      const r2 = await w.run('pull_request', edit(w, ALICE, before, ticked), '1/merge')
      expectGreetRerun(
        w,
        r2,
        calls,
        /^pdd-sync re-ran 1 unit \(@alice ticked a box\): `greet_python` synced\./
      )
    },
    TIMEOUT
  )

  it(
    '/pdd-sync retry failed by a member re-runs the failed unit; the same comment by a read-only user or the bot runs nothing',
    async () => {
      const w = await world()
      const head = await firstRun(w)
      const text = 'Please try again:\r\n/pdd-sync retry failed\r\n'
      const ro = await expectNothingRan(w, () => w.run('issue_comment', comment(RITA, text, 'NONE')), head)
      expect(ro.stdout).toMatch(/@rita is NONE on this repository/)
      const own = await expectNothingRan(w, () => w.run('issue_comment', comment(BOT, text, 'NONE')), head)
      expect(own.stdout).toMatch(/written by the action's own identity/)

      const calls = w.repo.server.calls().length
      const r2 = await w.run('issue_comment', comment(ALICE, text, 'MEMBER'))
      expectGreetRerun(w, r2, calls, /^pdd-sync re-ran 1 unit \(@alice asked\): `greet_python` synced\./)
    },
    TIMEOUT
  )
})
