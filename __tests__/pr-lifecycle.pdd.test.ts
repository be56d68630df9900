/**
 * The PR lifecycle end to end: the bundled action, the real pdd-cli against the scripted LLM server, real git
 * with a bare origin (each run in a fresh depth-1 clone), and the GitHub API stand-in writing git objects into
 * that origin. Run 1 leaves one unit failed → a draft PR; a member comments `/pdd-sync retry failed` and run 2
 * re-runs that unit, which now syncs → the PR is marked ready for review (the GraphQL mutation is seen at the
 * stand-in) and its box is ticked. Both runs use the commit inputs: with `sign-commits` every commit on the bot
 * branch is GitHub's, signed, and run 2 still knows run 1's commit as the bot's (trailers) and keeps it; without
 * it, `author` and `committer` are the commits' identities and a custom committer is still the bot.
 */
import path from 'node:path'
import { expect, it, type TestContext } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { BROKEN_GREET_UNIT, CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import type { Script } from './helpers/llm-server.js'
import { realRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_prLifecycleTestToken0123456789'
const TIMEOUT = 900_000
const BRANCH = 'refs/heads/pdd-sync/main'

interface World {
  script: Script
  origin: string
  api: GitHubApi
  run(event: string, payload?: object): Promise<ActionRun>
}

async function world(t: TestContext, inputs: Record<string, string>): Promise<World> {
  const script: Script = { units: { calc: CALC_UNIT, greet: BROKEN_GREET_UNIT } }
  const repo = await realRepo(script, { ...PROMPTS.calc, ...PROMPTS.greet })
  t.onTestFinished(() => repo.server.close())
  const origin = git(repo.dir, 'remote', 'get-url', 'origin').trim()
  const api = await startGitHubApi({ gitDir: full => (full === 'acme/calc' ? origin : undefined) })
  t.onTestFinished(() => api.close())
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  const pdd = path.join(realPdd()?.binDir ?? '', 'pdd')
  const all = { mode: 'run', token: TOKEN, 'pdd-command': pdd, budget: '5', 'max-attempts': '2', ...inputs }
  return {
    script,
    origin,
    api,
    run: (event, payload = {}) =>
      runActionAsync(all, {
        workspace: cloneOf(origin, 1),
        event,
        payload,
        refName: 'main',
        apiUrl: api.url,
        env: repo.env
      })
  }
}

const RETRY = {
  action: 'created',
  issue: { number: 1, pull_request: { url: 'u' }, user: { login: 'github-actions[bot]' } },
  comment: { id: 7, body: '/pdd-sync retry failed', author_association: 'MEMBER', user: { login: 'alice' } },
  sender: { login: 'alice', type: 'User' }
}

/** `%an <%ae>|%cn <%ce>|%s` of each commit of the bot branch, oldest first. */
const commits = (w: World): string[] =>
  git(w.origin, 'log', '--reverse', '--format=%H|%an <%ae>|%cn <%ce>|%s', `main..${BRANCH}`)
    .trim()
    .split('\n')

/** Run 1 (greet fails → draft PR), then run 2 by `/pdd-sync retry failed` (greet syncs → ready, ticked). */
async function lifecycle(w: World): Promise<{ r1: ActionRun; r2: ActionRun }> {
  const r1 = await w.run('workflow_dispatch')
  expect(r1.status, r1.stdout + r1.stderr).toBe(0)
  expect(r1.outputs).toMatchObject({ synced: '["calc_python"]', failed: '["greet_python"]' })
  const pr = w.api.pulls()[0]
  expect(pr?.draft).toBe(true)
  expect(pr?.body).toMatch(/- \[ \] greet \(python\): .*status=failed -->/)
  w.script.units.greet = GREET_UNIT

  const r2 = await w.run('issue_comment', RETRY)
  expect(r2.status, r2.stdout + r2.stderr).toBe(0)
  expect(r2.outputs).toMatchObject({
    synced: '["greet_python"]',
    failed: '[]',
    'pull-request-operation': 'updated'
  })
  expect(w.api.graphql.flatMap(c => c.fields)).toContain('markPullRequestReadyForReview')
  expect(w.api.pulls()).toHaveLength(1)
  expect(w.api.pulls()[0]?.draft).toBe(false)
  expect(w.api.pulls()[0]?.body).toMatch(/- \[x\] greet \(python\): .*status=synced -->/)
  expect(w.api.comments(1).at(-1)?.body).toMatch(/`greet_python` synced/)
  // Run 1's calc commit was kept (the bot's, not a person's), beside run 2's greet.
  expect(r2.stdout).not.toMatch(/commit\(s\) not made by/)
  expect(r2.stdout).toMatch(/Kept from the open bot branch: calc \(python\)\./)
  const files = git(w.origin, 'diff', '--name-only', 'main', BRANCH).trim().split('\n')
  expect(files).toEqual(expect.arrayContaining(['calc.py', 'greet.py']))
  for (const r of [r1, r2])
    expect((r.stdout + r.stderr).replace(`::add-mask::${TOKEN}\n`, '')).not.toContain(TOKEN)
  expect(JSON.stringify(w.api.requests.map(r => r.body))).not.toContain(TOKEN)
  expect(w.api.problems).toEqual([])
  return { r1, r2 }
}

describeRealPdd.concurrent('PR lifecycle with the commit inputs', () => {
  it(
    'sign-commits: draft, then ready after a retry; every bot commit made and signed by GitHub',
    async t => {
      const w = await world(t, {
        'sign-commits': 'true',
        'commit-message': 'chore(pdd): {operations} for {unit}'
      })
      await lifecycle(w)
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

  it(
    'author and committer: the commits carry them, and a custom committer is still the bot on the next run',
    async t => {
      const w = await world(t, {
        author: 'Pat Doe <pat@example.com>',
        committer: 'Sync Bot <sync@example.com>'
      })
      await lifecycle(w)
      expect(commits(w).map(c => c.split('|').slice(1, 3).join('|'))).toEqual([
        'Pat Doe <pat@example.com>|Sync Bot <sync@example.com>',
        'Pat Doe <pat@example.com>|Sync Bot <sync@example.com>'
      ])
      expect(w.api.verified).toEqual([])
    },
    TIMEOUT
  )
})
