/**
 * PR control and the PR lifecycle end to end: the bundled action, the real pdd-cli against the scripted LLM
 * server, real git with a bare origin (each run in a fresh depth-1 clone of the base, as the example workflow
 * checks it out), and the GitHub API stand-in writing git objects into that origin. Run 1 leaves one unit failed →
 * a draft PR whose checklist explains it; a person then ticks its box (an `edited` payload with
 * `changes.body.from`) or comments `/pdd-sync retry failed`, and run 2 re-runs only that unit, which now syncs →
 * the PR is marked ready for review (the GraphQL mutation is seen at the stand-in) and its box is ticked. Ticks
 * and comments by a read-only person or by the bot run nothing.
 *
 * Each scenario also carries the commit inputs (one run 1 shows several facts, see issue 15): with `sign-commits`
 * every commit on the bot branch is GitHub's, signed, and run 2 still knows run 1's commit as the bot's (trailers)
 * and keeps it; without it, `author` and `committer` are the commits' identities and a custom committer is still
 * the bot. `fail-on: any-failure` turns run 1's partial outcome into a failed step, still published.
 */
import { expect, it, type TestContext } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { BROKEN_GREET_UNIT, CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import type { Script } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { realRepo, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_prControlTestToken0123456789'
const TIMEOUT = 900_000
const BRANCH = 'refs/heads/pdd-sync/main'
const BOT = { login: 'github-actions[bot]', type: 'Bot' }
const ALICE = { login: 'alice', type: 'User' }
const RITA = { login: 'rita', type: 'User' }

interface World {
  repo: RealRepo
  script: Script
  origin: string
  api: GitHubApi
  run(
    event: string,
    payload?: object,
    o?: { refName?: string; inputs?: Record<string, string> }
  ): Promise<ActionRun>
}

/** calc syncs; greet's code stays broken until `script.units.greet` is replaced. `inputs` go to every run. */
async function world(t: TestContext, inputs: Record<string, string>): Promise<World> {
  const script: Script = { units: { calc: CALC_UNIT, greet: BROKEN_GREET_UNIT } }
  const repo = await realRepo(script, { ...PROMPTS.calc, ...PROMPTS.greet })
  t.onTestFinished(() => repo.server.close())
  const origin = git(repo.dir, 'remote', 'get-url', 'origin').trim()
  const api = await startGitHubApi({
    roles: { alice: 'write', rita: 'read' },
    gitDir: full => (full === 'acme/calc' ? origin : undefined)
  })
  t.onTestFinished(() => api.close())
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  const pdd = realPdd()?.pdd ?? 'pdd'
  const all = { mode: 'run', token: TOKEN, 'pdd-command': pdd, budget: '5', 'max-attempts': '2', ...inputs }
  return {
    repo,
    script,
    origin,
    api,
    run: (event, payload = {}, o = {}) =>
      runActionAsync(
        { ...all, ...o.inputs },
        {
          workspace: cloneOf(origin, 1),
          event,
          payload,
          refName: o.refName ?? 'main',
          apiUrl: api.url,
          env: repo.env
        }
      )
  }
}

/**
 * Run 1: calc synced, greet failed, the bot PR #1 open as a draft whose checklist ticks calc and explains greet;
 * with `failOn` (`fail-on: any-failure`) the step fails, still published. Returns run 1 and the bot branch head.
 */
async function firstRun(w: World, failOn: boolean): Promise<{ r1: ActionRun; head: string }> {
  const r1 = await w.run('workflow_dispatch', {}, { inputs: failOn ? { 'fail-on': 'any-failure' } : {} })
  expect(r1.status, r1.stdout + r1.stderr).toBe(failOn ? 1 : 0)
  expect(r1.outputs).toMatchObject({
    status: 'partial',
    synced: '["calc_python"]',
    failed: '["greet_python"]',
    'pull-request-operation': 'created'
  })
  const pr = w.api.pulls()[0]
  expect(pr?.body).toMatch(/- \[x\] calc \(python\): .*status=synced -->/)
  expect(pr?.body).toMatch(/- \[ \] greet \(python\): .*status=failed -->/)
  expect(pr?.body).toContain('gh workflow run')
  // A failed unit: the bot PR is a draft until nothing fails any more.
  expect(pr?.draft).toBe(true)
  expect(r1.stdout).toMatch(
    /::error title=pdd sync failed,file=prompts\/greet_python\.prompt::greet_python: fix failed/
  )
  const files = git(w.origin, 'diff', '--name-only', 'main', BRANCH).trim().split('\n')
  expect(files.some(f => f.includes('greet'))).toBe(false)
  const [record] = runRecordsIn(w.origin)
  expect(record?.units.map(u => `${u.id}:${u.status}`).sort()).toEqual([
    'calc_python:synced',
    'greet_python:failed'
  ])
  // Fixed from now on: a re-run of greet syncs.
  w.script.units.greet = GREET_UNIT
  return { r1, head: git(w.origin, 'rev-parse', BRANCH).trim() }
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
  expect(git(w.origin, 'rev-parse', BRANCH).trim()).toBe(head)
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
  const files = git(w.origin, 'diff', '--name-only', 'main', BRANCH).trim().split('\n')
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

/** Run 1's calc commit was kept (the bot's, not a person's) beside run 2's greet; the token went nowhere. */
function expectKept(w: World, r1: ActionRun, r2: ActionRun): void {
  expect(r2.stdout).not.toMatch(/commit\(s\) not made by/)
  expect(r2.stdout).toMatch(/Kept from the open bot branch: calc \(python\)\./)
  // `::add-mask::` is how the token is handed to the runner to mask; it must appear nowhere else.
  expect((r1.stdout + r1.stderr).replace(`::add-mask::${TOKEN}\n`, '')).not.toContain(TOKEN)
  expect(JSON.stringify(w.api.requests.map(r => r.body))).not.toContain(TOKEN)
}

/** `%H|%an <%ae>|%cn <%ce>|%s` of each commit of the bot branch, oldest first. */
const commits = (w: World): string[] =>
  git(w.origin, 'log', '--reverse', '--format=%H|%an <%ae>|%cn <%ce>|%s', `main..${BRANCH}`)
    .trim()
    .split('\n')

// Two independent worlds, mostly waiting on pdd: side by side.
describeRealPdd.concurrent(
  'PR control: tick a box or comment to re-run a unit (with the commit inputs)',
  () => {
    it(
      'a collaborator ticks the failed box: only that unit re-runs and syncs; a read-only user’s or the bot’s tick runs nothing; author and committer carried, a custom committer still the bot; fail-on any-failure fails run 1’s step',
      async t => {
        const w = await world(t, {
          author: 'Pat Doe <pat@example.com>',
          committer: 'Sync Bot <sync@example.com>'
        })
        const { r1, head } = await firstRun(w, true)
        const before = w.api.pulls()[0]?.body ?? ''
        // Saved in the browser: CRLF line ends.
        const ticked = before.replace('- [ ] greet (python)', '- [x] greet (python)').replace(/\n/g, '\r\n')
        expect(ticked).not.toBe(before.replace(/\n/g, '\r\n'))
        const onPr = { refName: '1/merge' }

        const ro = await expectNothingRan(
          w,
          () => w.run('pull_request', edit(w, RITA, before, ticked), onPr),
          head
        )
        expect(ro.stdout).toMatch(/rita has read access; only people with write access/)
        const own = await expectNothingRan(
          w,
          () => w.run('pull_request', edit(w, BOT, before, ticked), onPr),
          head
        )
        expect(own.stdout).toMatch(/made by the action's own identity/)

        const calls = w.repo.server.calls().length
        const r2 = await w.run('pull_request', edit(w, ALICE, before, ticked), onPr)
        expectGreetRerun(
          w,
          r2,
          calls,
          /^pdd-sync re-ran 1 unit \(@alice ticked a box\): `greet_python` synced\./
        )
        expectKept(w, r1, r2)
        expect(commits(w).map(c => c.split('|').slice(1, 3).join('|'))).toEqual([
          'Pat Doe <pat@example.com>|Sync Bot <sync@example.com>',
          'Pat Doe <pat@example.com>|Sync Bot <sync@example.com>'
        ])
        expect(w.api.verified).toEqual([])
      },
      TIMEOUT
    )

    it(
      '/pdd-sync retry failed by a member re-runs the failed unit; the same comment by a read-only user or the bot runs nothing; with sign-commits every bot commit is made and signed by GitHub',
      async t => {
        const w = await world(t, {
          'sign-commits': 'true',
          'commit-message': 'chore(pdd): {operations} for {unit}'
        })
        const { r1, head } = await firstRun(w, false)
        const text = 'Please try again:\r\n/pdd-sync retry failed\r\n'
        const ro = await expectNothingRan(w, () => w.run('issue_comment', comment(RITA, text, 'NONE')), head)
        expect(ro.stdout).toMatch(/@rita is NONE on this repository/)
        const own = await expectNothingRan(w, () => w.run('issue_comment', comment(BOT, text, 'NONE')), head)
        expect(own.stdout).toMatch(/written by the action's own identity/)

        const calls = w.repo.server.calls().length
        const r2 = await w.run('issue_comment', comment(ALICE, text, 'MEMBER'))
        expectGreetRerun(w, r2, calls, /^pdd-sync re-ran 1 unit \(@alice asked\): `greet_python` synced\./)
        expectKept(w, r1, r2)
        // Run 2's own commit (greet) on the base, run 1's (calc) carried on top of it.
        const all = commits(w)
        expect(all.map(c => c.split('|').slice(2).join('|'))).toEqual([
          expect.stringMatching(/^GitHub <noreply@github\.com>\|chore\(pdd\): .+ for greet \(python\)$/),
          expect.stringMatching(/^GitHub <noreply@github\.com>\|chore\(pdd\): .+ for calc \(python\)$/)
        ])
        expect(w.api.verified).toEqual(expect.arrayContaining(all.map(c => c.split('|')[0])))
        expect(
          git(w.origin, 'log', '-1', '--format=%(trailers:key=PDD-Sync-Unit,valueonly)', BRANCH).trim()
        ).toBe('calc_python')
        expect(w.api.graphql.flatMap(c => c.fields)).toContain('createCommitOnBranch')
      },
      TIMEOUT
    )
  }
)
