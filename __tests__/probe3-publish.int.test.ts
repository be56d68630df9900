/**
 * publish() under the GitHub and notes faults of the probe3 tests, end to end without pdd: real git (a clone of a
 * bare origin, a bot commit) and the REST stand-in through the production adapter with throttling on. Paid work
 * must land on the origin and the warning must name the real cause.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { GitHub } from '../src/adapters/github.js'
import type { Reporter } from '../src/adapters/reporter.js'
import { BOT } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import type { PublishOptions } from '../src/publish/options.js'
import { publish } from '../src/publish/publish.js'
import { toRunRecord } from '../src/publish/run-record.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`
const NOTES = 'refs/notes/pdd-sync'
const quiet: Reporter = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_n, fn) => fn()
}

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

/** A clone whose local bot branch holds one bot commit, the stand-in, and publish()'s options. */
async function world(): Promise<{ origin: string; head: string; o: PublishOptions; api: GitHubApi }> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'add two numbers\n' })
  const clone = cloneOf(repo.origin)
  const base = git(clone, 'rev-parse', 'HEAD').trim()
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  writeFiles(clone, { 'calc.py': 'def add(a, b):\n    return a + b\n' })
  git(clone, 'add', '-A')
  const who = { GIT_AUTHOR_NAME: BOT.name, GIT_AUTHOR_EMAIL: BOT.email }
  const env = { ...gitEnv(), ...who, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email }
  execFileSync('git', ['commit', '-q', '-m', 'pdd-sync: calc'], { cwd: clone, env })
  const head = git(clone, 'rev-parse', 'HEAD').trim()
  git(clone, 'update-ref', LOCAL, head)
  const unit = { id: 'calc_python', basename: 'calc', language: 'python', status: 'synced' as const }
  const result: RunResult = {
    budget: 5,
    spent: 0.42,
    head,
    baseSha: base,
    units: [{ ...unit, operations: ['generate'], cost: 0.42, reason: '' }]
  }
  const github = new GitHub({
    token: 'ghs_probe3',
    repository: 'acme/calc',
    baseUrl: api.url,
    retryBaseMs: 1
  })
  const o: PublishOptions = {
    git: await Git.open(clone, gitEnv()),
    github,
    remote: 'origin',
    branch: BRANCH,
    localRef: LOCAL,
    base: 'main',
    baseSha: base,
    result,
    record: toRunRecord(result, {
      runId: '1',
      trigger: 'schedule',
      baseSha: base,
      createdAt: '2026-01-01T00:00:00Z'
    }),
    notesRef: NOTES,
    stateStore: 'notes',
    identity: BOT,
    labels: [],
    draftOnFailure: false,
    deleteBranch: true,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false,
    checklist: { trigger: 'schedule', repository: 'acme/calc' },
    reporter: quiet,
    sleep: () => Promise.resolve()
  }
  return { origin: repo.origin, head, o, api }
}

it('a rate-limited pull request: branch and record are on the origin, the warning names the limit', async () => {
  const w = await world()
  const reset = String(Math.floor(Date.now() / 1000) + 3600)
  w.api.fail({
    method: 'POST',
    path: '/repos/acme/calc/pulls',
    status: 403,
    body: { message: 'API rate limit exceeded for installation ID 1.' },
    headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }
  })
  const out = await publish(w.o)
  expect(git(w.origin, 'rev-parse', LOCAL).trim()).toBe(w.head)
  expect(out.notes.pushed).toBe(true)
  expect(out.pullRequest.operation).toBe('none')
  expect(out.failed).toBeUndefined()
  const said = out.warnings.join('\n')
  expect(said).toMatch(
    /rate limit stopped the pull request pdd-sync\/main → main; the next run opens or updates it/
  )
  expect(said).not.toMatch(/pull-requests: write/)
  expect(w.api.requests.filter(r => r.method === 'POST' && r.path === '/repos/acme/calc/pulls')).toHaveLength(
    1
  )
})

it('an origin notes ref that is a blob: the record goes to the PR comment, the warning names the fix', async () => {
  const w = await world()
  git(w.origin, 'update-ref', NOTES, git(w.origin, 'hash-object', '-w', '/dev/null').trim())
  const out = await publish(w.o)
  expect(git(w.origin, 'rev-parse', LOCAL).trim()).toBe(w.head)
  expect(out.pullRequest.operation).toBe('created')
  expect(out.notes).toMatchObject({ pushed: false, comment: true })
  expect(out.warnings.join('\n')).toMatch(
    /after 1 attempt\(s\): refs\/notes\/pdd-sync on origin is not a notes commit/
  )
  expect(git(w.origin, 'cat-file', '-t', NOTES).trim()).toBe('blob')
})
