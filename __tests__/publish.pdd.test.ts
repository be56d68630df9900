/**
 * `mode: run` end to end: the bundled action, the real pdd-cli against the scripted LLM server, real git with a
 * bare origin (each run in a fresh clone, as a runner checks out), and the GitHub API stand-in validated against
 * GitHub's OpenAPI description. Runners check out with depth 1, as actions/checkout does by default.
 */
import { expect, it, type TestContext } from 'vitest'
import type { ActionRun } from './helpers/action-runner.js'
import { actionWorld, type ActionWorld } from './helpers/action-world.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git, writeFiles } from './helpers/git-repo.js'
import type { GitHubApi } from './helpers/github-api.js'
import type { Script } from './helpers/llm-server.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import { runRecordsIn } from './helpers/notes.js'

const TOKEN = 'ghs_publishTestToken0123456789'
const TIMEOUT = 1_200_000

interface World extends Omit<ActionWorld, 'run'> {
  run(inputs?: Record<string, string>, event?: string, payload?: object): Promise<ActionRun>
}

async function world(t: TestContext, script: Script, files: Record<string, string>): Promise<World> {
  const w = await actionWorld(t, script, files, {
    token: TOKEN,
    inputs: { budget: '5', 'max-attempts': '2' }
  })
  return { ...w, run: (inputs = {}, event, payload) => w.run(inputs, { event, payload }) }
}

/** Origin's notes: one run record per run (partial records collapse into the run's final one). */
function originRecords(origin: string): { runId: string; units: { id: string; status: string }[] }[] {
  return runRecordsIn(origin)
}

const writes = (api: GitHubApi, from = 0): string[] =>
  api.requests
    .slice(from)
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`)

function expectClean(r: ActionRun, api: GitHubApi): void {
  // `::add-mask::` is how the token is handed to the runner to mask; it must appear nowhere else.
  const shown = (r.stdout + r.stderr).replace(`::add-mask::${TOKEN}\n`, '')
  expect(shown).not.toContain(TOKEN)
  expect(api.problems).toEqual([])
}

// The scenarios are independent (each builds its own world: repository, origin, LLM server, API stand-in) and
// mostly wait on pdd: they run side by side. Scenarios that would repeat the same first sync are steps of one
// (the refused pull request rides on the first scenario's first sync; its PR is then opened by the next run).
// The partial failure (a draft PR, `fail-on: any-failure`) is asserted in pr-control.pdd.test.ts's run 1; two runs
// started together in publish-faults.pdd.test.ts.
describeRealPdd.concurrent('mode run: plan, real pdd, publish', () => {
  it(
    'first run: GitHub refuses to open the PR (Actions not permitted): the branch and record are pushed, the reason explained; once the setting is on, the next run, with nothing to do, opens it; a further run finds it done on the bot branch and pays nothing; a human commit on the bot branch is left alone and said so, the PR told, until overwrite-human-commits rebuilds it; a push syncing another unit keeps the unmerged one; a prompt changed on the base is synced again; once the base holds it all the PR is closed; then a run writes nothing',
    async t => {
      // greet is scripted but has no prompt until the push step adds one.
      const w = await world(t, { units: { calc: CALC_UNIT, greet: GREET_UNIT } }, PROMPTS.calc)
      // The first sync also carries the refused pull request (issue 15: one sync, both scenarios' facts).
      const r1 = await refusedPullRequest(w)
      expect(r1.stdout).not.toMatch(/::error/)
      expect(r1.outputs).toMatchObject({
        status: 'success',
        branch: 'pdd-sync/main',
        synced: '["calc_python"]',
        failed: '[]',
        'budget-exhausted': 'false'
      })
      expect(Number(r1.outputs.spent)).toBeGreaterThan(0)
      const head = git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()
      expect(r1.outputs['head-sha']).toBe(head)
      expect(git(w.origin, 'log', '--format=%an <%ae>', '-1', head).trim()).toBe(
        'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>'
      )
      expect(git(w.origin, 'diff', '--name-only', 'main', head).trim().split('\n').sort()).toEqual([
        'calc.py',
        'examples/calc_example.py',
        'test_calc.py'
      ])
      expect(r1.summary).toContain('pdd-cli 0.0.310')
      expect(originRecords(w.origin).map(r => r.units.find(u => u.id === 'calc_python')?.status)).toEqual([
        'synced'
      ])
      expectClean(r1, w.api)

      await theNextRunOpensIt(w)
      const [pr] = w.api.pulls()
      expect(pr).toMatchObject({ draft: false })
      expect(pr?.head.ref).toBe('pdd-sync/main')
      expect(pr?.labels.map(l => l.name)).toEqual(['pdd-sync'])
      expect(pr?.body).toMatch(
        /- \[x\] calc \(python\): generate, example, crash, test — \$[\d.]+ <!-- pdd-sync:unit=calc_python status=synced -->/
      )

      // A further run on the same base: the open bot branch already holds the unit in sync, so nothing runs
      // again (no LLM call, no pdd) and nothing is written; the PR stays as it is.
      const before2 = w.api.requests.length
      const calls2 = w.repo.server.calls().length
      const r2 = await w.run({}, 'schedule')
      expect(r2.status).toBe(0)
      expect(r2.stdout).toContain('Already synced on pdd-sync/main, not run again: calc_python.')
      expect(r2.stdout).not.toContain('Using pdd-cli')
      expect(r2.outputs).toMatchObject({ 'pull-request-operation': 'none', synced: '[]', spent: '0.0000' })
      expect(w.repo.server.calls()).toHaveLength(calls2)
      expect(writes(w.api, before2)).toEqual([])
      expect(w.api.pulls()).toHaveLength(1)
      expect(git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).toBe(head)
      expect(originRecords(w.origin)).toHaveLength(1)

      await humanCommitLeftAlone(w)
      await aPushSyncsAnotherUnit(w)
      await aChangedPromptIsSyncedAgain(w)

      // The base gets the bot branch's changes (as a merge would): the open PR is closed, its branch deleted.
      git(w.repo.dir, 'fetch', '-q', 'origin')
      git(w.repo.dir, 'push', '-q', 'origin', 'origin/pdd-sync/main:refs/heads/main')
      const r3 = await w.run({}, 'schedule')
      expect(r3.status).toBe(0)
      expect(r3.outputs['pull-request-operation']).toBe('closed')
      expect(w.api.pulls()[0]?.state).toBe('closed')
      expect(git(w.origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('')
      expect(r3.summary).toMatch(/in sync/i)

      // Nothing to do: no pdd, no push, no API write.
      const before4 = w.api.requests.length
      const notes4 = git(w.origin, 'rev-parse', 'refs/notes/pdd-sync').trim()
      const r4 = await w.run({}, 'schedule')
      expect(r4.status).toBe(0)
      expect(r4.outputs).toMatchObject({ 'pull-request-operation': 'none', synced: '[]', spent: '0.0000' })
      expect(writes(w.api, before4)).toEqual([])
      expect(git(w.origin, 'rev-parse', 'refs/notes/pdd-sync').trim()).toBe(notes4)
      expect(r4.stdout).not.toContain('Using pdd-cli')
      expect(r4.stdout).not.toContain('::group::Install pdd')
      expectClean(r4, w.api)
    },
    TIMEOUT
  )

  it(
    'dry-run and a fork pull request publish nothing',
    async t => {
      const w = await world(t, { units: { calc: CALC_UNIT } }, PROMPTS.calc)
      await dryRunAndForkPublishNothing(w)
    },
    TIMEOUT
  )
})

/** A push that syncs another unit keeps the earlier, unmerged result (calc) on the bot branch. */
async function aPushSyncsAnotherUnit(w: World): Promise<void> {
  const before = git(w.repo.dir, 'rev-parse', 'HEAD').trim()
  writeFiles(w.repo.dir, PROMPTS.greet)
  git(w.repo.dir, 'add', '-A')
  git(w.repo.dir, 'commit', '-q', '-m', 'greet prompt')
  git(w.repo.dir, 'push', '-q', 'origin', 'HEAD:main')
  const after = git(w.repo.dir, 'rev-parse', 'HEAD').trim()

  const r = await w.run({}, 'push', { before, after })
  expect(r.status).toBe(0)
  expect(r.outputs.synced).toBe('["greet_python"]')
  expect(r.outputs['pull-request-operation']).toBe('updated')
  expect(r.stdout).toContain('Kept from the open bot branch: calc (python).')
  const files = git(w.origin, 'ls-tree', '-r', '--name-only', 'refs/heads/pdd-sync/main')
  expect(files).toMatch(/^calc\.py$/m)
  expect(files).toMatch(/^greet\.py$/m)
  expect(w.api.pulls()).toHaveLength(1)
  expect(w.api.pulls()[0]?.body).toMatch(/Kept from earlier runs, not merged yet: calc \(python\)/)
}

/** A unit done on the bot branch (calc) is synced again once its prompt changes on the base. */
async function aChangedPromptIsSyncedAgain(w: World): Promise<void> {
  writeFiles(w.repo.dir, {
    'prompts/calc_python.prompt': 'Write a Python module calc with add and sub.\n'
  })
  git(w.repo.dir, 'commit', '-q', '-am', 'reword the prompt')
  git(w.repo.dir, 'push', '-q', 'origin', 'HEAD:main')
  const r = await w.run({}, 'schedule')
  expect(r.stdout).not.toMatch(/Already synced[^\n]*calc_python/)
  // greet, whose prompt did not change, is still done on the bot branch.
  expect(r.stdout).toContain('Already synced on pdd-sync/main, not run again: greet_python.')
  expect(r.outputs.synced).toBe('["calc_python"]')
  expect(r.outputs['pull-request-operation']).toBe('updated')
  expect(git(w.origin, 'show', 'refs/heads/pdd-sync/main:prompts/calc_python.prompt')).toContain(
    'add and sub'
  )
}

/** Dry-run and a fork pull request publish nothing: no push, no API call, the summary says why. */
async function dryRunAndForkPublishNothing(w: World): Promise<void> {
  const dry = await w.run({ 'dry-run': 'true' })
  expect(dry.status).toBe(0)
  expect(dry.stdout).not.toContain('Using pdd-cli')
  expect(dry.summary).toMatch(/Not published: dry run/)
  expect(dry.summary).toMatch(/## pdd-sync plan[\s\S]*calc_python/)
  expect(JSON.parse(dry.outputs.units ?? '[]')).toEqual(['calc_python'])
  expect(w.repo.server.calls()).toHaveLength(0)

  const fork = await w.run({}, 'pull_request', {
    pull_request: { head: { repo: { fork: true, full_name: 'someone/calc' } } }
  })
  expect(fork.status).toBe(0)
  expect(fork.outputs.synced).toBe('["calc_python"]')
  expect(fork.outputs['pull-request-operation']).toBe('none')
  expect(fork.summary).toMatch(/Not published: a pull request from a fork/)
  expect(git(w.origin, 'for-each-ref', 'refs/heads/pdd-sync', 'refs/notes').trim()).toBe('')
  expect(w.api.requests).toEqual([])
}

/**
 * The first run of a world: GitHub refuses to open the PR (Actions not permitted): the branch and record are
 * pushed, the reason explained. Returns the run for the caller's facts about its sync.
 */
async function refusedPullRequest(w: World): Promise<ActionRun> {
  w.api.fail({
    method: 'POST',
    path: '/repos/acme/calc/pulls',
    status: 403,
    body: { message: 'GitHub Actions is not permitted to create or approve pull requests.' }
  })
  w.api.fail({ method: 'GET', path: '/repos/acme/calc/pulls', status: 500, times: 1 })
  const r = await w.run()
  expect(r.status).toBe(0)
  expect(r.outputs['pull-request-operation']).toBe('none')
  expect(git(w.origin, 'branch', '--list', 'pdd-sync/main').trim()).not.toBe('')
  expect(originRecords(w.origin)).toHaveLength(1)
  expect(r.summary).toContain('Allow GitHub Actions to create and approve pull requests')
  expect(r.stdout).toMatch(
    /::warning ::The branch pdd-sync\/main was pushed, but .*not permitted to create pull/
  )
  return r
}

/**
 * The setting is turned on (the stand-in's refusal was one request). The next run has nothing to do (calc is done
 * on the bot branch): no pdd, no LLM call, no record, the branch as it was; it opens the pull request with the
 * refused run's checklist.
 */
async function theNextRunOpensIt(w: World): Promise<void> {
  const head = git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()
  const before = w.api.requests.length
  const llmCalls = w.repo.server.calls().length
  const r = await w.run({}, 'schedule')
  expect(r.status).toBe(0)
  expect(r.stdout).toContain('Already synced on pdd-sync/main, not run again: calc_python.')
  expect(r.stdout).not.toContain('Using pdd-cli')
  expect(w.repo.server.calls()).toHaveLength(llmCalls)
  expect(r.outputs).toMatchObject({
    'pull-request-operation': 'created',
    'pull-request-number': '1',
    synced: '[]',
    spent: '0.0000'
  })
  expect(git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).toBe(head)
  expect(originRecords(w.origin)).toHaveLength(1)
  expect(writes(w.api, before)).toEqual([
    'POST /repos/acme/calc/pulls',
    'POST /repos/acme/calc/issues/1/labels'
  ])
  const [pr] = w.api.pulls()
  expect(w.api.pulls()).toHaveLength(1)
  expect(pr).toMatchObject({ state: 'open', title: 'pdd sync: 1 unit updated' })
  expect(pr?.body).toMatch(
    /- \[x\] calc \(python\): generate, .*<!-- pdd-sync:unit=calc_python status=synced -->/
  )
  expect(pr?.body).toContain('pdd-cli 0.0.310')
  expect(r.stdout).toMatch(/Opened #1 for the results earlier runs left on pdd-sync\/main: calc \(python\)/)
  expect(r.summary).toMatch(/\*\*Pull request:\*\* \[#1\]\([^)]*\) \(created\)/)
  expectClean(r, w.api)
}

/**
 * A human commit on the bot branch is left alone and said so; the PR is told; overwrite-human-commits rebuilds the
 * branch (with the unit synced again, which the next steps keep).
 */
async function humanCommitLeftAlone(w: World): Promise<void> {
  const human = cloneOf(w.origin)
  git(human, 'checkout', '-q', 'pdd-sync/main')
  writeFiles(human, { 'NOTES.md': 'my notes\n' })
  git(human, 'add', '-A')
  git(human, '-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'human')
  git(human, 'push', '-q', 'origin', 'pdd-sync/main')
  const theirs = git(human, 'rev-parse', 'HEAD').trim()

  const r = await w.run()
  expect(r.status).toBe(0)
  expect(git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).toBe(theirs)
  expect(r.summary).toMatch(/Ada|human|someone/i)
  expect(w.api.pulls()[0]?.body).toMatch(/human|not made by|someone/i)
  expect(w.api.pulls()).toHaveLength(1)
  // With overwrite-human-commits the branch is rebuilt.
  const o = await w.run({ 'overwrite-human-commits': 'true' })
  expect(o.status).toBe(0)
  expect(git(w.origin, 'rev-parse', 'refs/heads/pdd-sync/main').trim()).not.toBe(theirs)
  expectClean(o, w.api)
}
