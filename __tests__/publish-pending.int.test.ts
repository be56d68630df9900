/**
 * A run with nothing to do opens the pull request an earlier run could not (GitHub refused it), and only then:
 * publish() with real git (a clone of a bare origin, bot commits with their trailers) and the GitHub REST
 * stand-in. A closed or merged pull request is not brought back; no branch, or one the base holds, costs one
 * REST call.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import type { GitHub } from '../src/adapters/github.js'
import type { Reporter } from '../src/adapters/reporter.js'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import { BOT } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { unitMarker } from '../src/publish/checklist.js'
import type { PublishOptions, PublishOutcome } from '../src/publish/options.js'
import { runUrlOf } from '../src/publish/pending-pr.js'
import { publish } from '../src/publish/publish.js'
import { toRunRecord } from '../src/publish/run-record.js'
import { formatRecord, parseNote, type RunRecord } from '../src/state/record.js'
import { partialRecord } from '../src/publish/safeguard.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles, type TestRepo } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`
const NOTES = 'refs/notes/pdd-sync'
const PULLS = '/repos/acme/calc/pulls'
const REFUSED = 'GitHub Actions is not permitted to create or approve pull requests.'
const RUN_URL = 'https://github.example/acme/calc/actions/runs/99'
const SIGN_TOKEN = 'ghs_pendingSignToken0123456789abcdefXYZ'

interface World {
  repo: TestRepo
  clone: string
  base: string
  api: GitHubApi
  github: GitHub
  git: Git
  log: string[]
}

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

async function world(): Promise<World> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'add two numbers\n' })
  const clone = cloneOf(repo.origin)
  // The stand-in's git data and GraphQL commit routes write into origin (sign-commits).
  api = await startGitHubApi({ gitDir: full => (full === 'acme/calc' ? repo.origin : undefined) })
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  const base = git(clone, 'rev-parse', 'HEAD').trim()
  return { repo, clone, base, api, github: clientOf(api), git: await Git.open(clone, gitEnv()), log: [] }
}

/** The executor's bot commit of `basename` (python) on `parent`, with its trailers; the local bot branch moves there. */
function botCommit(w: World, parent: string, basename: string, runId: string): string {
  git(w.clone, 'checkout', '-q', '--detach', parent)
  writeFiles(w.clone, { [`${basename}.py`]: `def ${basename}():\n    return 1\n` })
  git(w.clone, 'add', '-A')
  const units = [{ id: `${basename}_python`, language: 'python', operations: ['generate'] }]
  const message = renderCommitMessage({ basename, units, runId, cost: 0.42 })
  const who = {
    GIT_AUTHOR_NAME: BOT.name,
    GIT_AUTHOR_EMAIL: BOT.email,
    GIT_COMMITTER_NAME: BOT.name,
    GIT_COMMITTER_EMAIL: BOT.email
  }
  execFileSync('git', ['commit', '-q', '-F', '-'], {
    cwd: w.clone,
    env: { ...gitEnv(), ...who },
    input: message
  })
  const head = git(w.clone, 'rev-parse', 'HEAD').trim()
  git(w.clone, 'update-ref', LOCAL, head)
  return head
}

function synced(basename: string, head: string, baseSha: string): RunResult {
  const unit = { id: `${basename}_python`, basename, language: 'python', status: 'synced' as const }
  return {
    budget: 5,
    spent: 0.42,
    head,
    baseSha,
    units: [{ ...unit, operations: ['generate'], cost: 0.42, reason: '' }]
  }
}

/** A run with nothing to do: every unit unchanged, the local bot branch at the base. */
function noWork(baseSha: string): RunResult {
  const unit = { id: 'calc_python', basename: 'calc', language: 'python', status: 'unchanged' as const }
  return {
    budget: 5,
    spent: 0,
    head: baseSha,
    baseSha,
    units: [{ ...unit, operations: [], cost: 0, reason: '' }]
  }
}

function options(
  w: World,
  result: RunResult,
  runId: string,
  over: Partial<PublishOptions> = {}
): PublishOptions {
  const baseSha = result.baseSha ?? w.base
  const record = toRunRecord(result, { runId, trigger: 'push', baseSha, createdAt: new Date().toISOString() })
  const reporter: Reporter = {
    info: m => void w.log.push(m),
    notice: m => void w.log.push(m),
    warning: m => void w.log.push(`warning: ${m}`),
    error: m => void w.log.push(`error: ${m}`),
    group: (_n, fn) => fn()
  }
  return {
    git: w.git,
    github: w.github,
    remote: 'origin',
    branch: BRANCH,
    localRef: LOCAL,
    base: 'main',
    baseSha,
    result,
    record,
    notesRef: NOTES,
    stateStore: 'notes',
    identity: BOT,
    labels: ['pdd-sync'],
    draftOnFailure: true,
    deleteBranch: true,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false,
    checklist: { trigger: 'schedule', repository: 'acme/calc', runUrl: RUN_URL },
    reporter,
    sleep: () => Promise.resolve(),
    ...over
  }
}

/** The no-op run's publish, with the run records origin's notes hold (what its planner read). */
function noop(w: World, baseSha = w.base): Promise<PublishOutcome> {
  git(w.clone, 'update-ref', LOCAL, baseSha)
  return publish(options(w, noWork(baseSha), '99-noop', { skipRecord: true, pending: originRecords(w) }))
}

function originSha(w: World, ref: string): string | null {
  const out = git(w.repo.origin, 'for-each-ref', '--format=%(objectname)', ref).trim()
  return out === '' ? null : out
}

function originRecords(w: World): RunRecord[] {
  const list = git(w.repo.origin, 'notes', `--ref=${NOTES}`, 'list').trim()
  if (list === '') return []
  const notes = list.split('\n').map(l => l.split(' ')[0] ?? '')
  return notes.flatMap(n => parseNote(git(w.repo.origin, 'cat-file', 'blob', n)).records)
}

const calls = (a: GitHubApi, from: number): string[] =>
  a.requests.slice(from).map(r => `${r.method} ${r.path}${r.query.state ? `?state=${r.query.state}` : ''}`)

/** A run syncs calc and pushes it, but GitHub refuses to open the pull request (the repository setting is off). */
async function refusedRun(
  w: World,
  basename = 'calc',
  runId = '7-aaaa',
  over: Partial<PublishOptions> = {}
): Promise<string> {
  const head = botCommit(w, w.base, basename, runId)
  w.api.fail({ method: 'POST', path: PULLS, status: 403, body: { message: REFUSED } })
  const out = await publish(options(w, synced(basename, head, w.base), runId, over))
  expect(out.pullRequest.operation).toBe('none')
  expect(out.checklist.prBlocked).toMatch(/not permitted to create pull requests/)
  // With sign-commits the branch holds GitHub's signed copy of the commit, not the local one.
  const pushed = originSha(w, LOCAL)
  if (over.sign) expect(w.api.verified).toContain(pushed)
  else expect(pushed).toBe(head)
  expect(w.api.pulls()).toEqual([])
  return pushed ?? ''
}

/** What GitHub does to the open pull request of the bot branch when it is closed (merged or not). */
function closePr(w: World, merged: boolean): void {
  const pr = w.api.pulls().find(p => p.state === 'open')
  if (!pr) throw new Error('no open pull request')
  const sha = originSha(w, LOCAL) ?? pr.head.sha
  Object.assign(pr, {
    state: 'closed',
    merged,
    closed_at: new Date().toISOString(),
    head: { ...pr.head, sha }
  })
}

describe('a no-op run and the pull request an earlier run could not open', () => {
  it('opens it once the setting is fixed, with the checklist of the run whose results are on the branch', async () => {
    const w = await world()
    const head = await refusedRun(w)
    const from = w.api.requests.length
    const out = await noop(w)
    expect(out.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    expect(out.branch?.operation).toBe('unchanged')
    expect(originSha(w, LOCAL)).toBe(head)
    const [pr] = w.api.pulls()
    expect(pr?.title).toBe('pdd sync: 1 unit updated')
    expect(pr?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(pr?.body).toContain('Trigger: `push`')
    expect(pr?.body).toContain('[Workflow run](https://github.example/acme/calc/actions/runs/7)')
    expect(pr?.body).not.toContain('Kept from earlier runs')
    expect(pr?.labels.map(l => l.name)).toEqual(['pdd-sync'])
    expect(calls(w.api, from)).toEqual([
      `GET ${PULLS}?state=open`,
      `GET ${PULLS}?state=closed`,
      `GET ${PULLS}?state=open`,
      `POST ${PULLS}`,
      'POST /repos/acme/calc/issues/1/labels'
    ])
    // No run record and no warning: a no-op run.
    expect(out.warnings).toEqual([])
    expect(originRecords(w).map(r => r.runId)).toEqual(['7-aaaa'])
    expect(out.checklist.carried).toEqual(['calc (python)'])
    expect(w.log.join('\n')).toMatch(
      /Opened #1 for the results earlier runs left on pdd-sync\/main: calc \(python\)/
    )

    // The next no-op run finds the open PR and leaves it: one REST call, nothing written.
    const again = w.api.requests.length
    const out2 = await noop(w)
    expect(out2.pullRequest.operation).toBe('none')
    expect(calls(w.api, again)).toEqual([`GET ${PULLS}?state=open`])
    expect(w.api.problems).toEqual([])
  })

  it('while GitHub still refuses: no warning, the summary says why; the PR opens on a later run', async () => {
    const w = await world()
    await refusedRun(w)
    w.api.fail({ method: 'POST', path: PULLS, status: 403, body: { message: REFUSED } })
    const out = await noop(w)
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(out.warnings).toEqual([])
    expect(w.log.filter(l => l.startsWith('warning'))).toEqual([])
    expect(out.checklist.prBlocked).toMatch(/Allow GitHub Actions to create and approve pull requests/)
    const later = await noop(w)
    expect(later.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    expect(w.api.problems).toEqual([])
  })

  it('lists the results of earlier refused runs beside the latest run', async () => {
    const w = await world()
    const calc = await refusedRun(w)
    // A second run syncs greet on top (carrying calc over) and is refused too.
    const head = botCommit(w, w.base, 'greet', '8-bbbb')
    w.api.fail({ method: 'POST', path: PULLS, status: 403, body: { message: REFUSED } })
    const second = await publish(
      options(w, synced('greet', head, w.base), '8-bbbb', { carryExcept: new Set(['greet']) })
    )
    expect(second.checklist.carried).toEqual(['calc (python)'])
    expect(originSha(w, LOCAL)).not.toBe(calc)
    const out = await noop(w)
    expect(out.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    const body = w.api.pulls()[0]?.body ?? ''
    expect(body).toContain(unitMarker({ id: 'greet_python', status: 'synced' }))
    expect(body).toMatch(/Kept from earlier runs, not merged yet: calc \(python\)/)
    expect(body).toContain('actions/runs/8)')
    expect(w.api.problems).toEqual([])
  })

  it('a pull request a person closed without merging is not opened again; a run with work opens a new one', async () => {
    const w = await world()
    await refusedRun(w)
    await noop(w)
    closePr(w, false)
    const from = w.api.requests.length
    const out = await noop(w)
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`, `GET ${PULLS}?state=closed`])
    expect(w.api.pulls().map(p => p.state)).toEqual(['closed'])
    expect(w.log.join('\n')).toMatch(/is where #1 left it \(closed without merging\)/)
    expect(await noop(w)).toMatchObject({ pullRequest: { operation: 'none' } })
    expect(w.api.pulls()).toHaveLength(1)

    // A run with work (greet) carries calc over, as always, and opens a new pull request.
    const head = botCommit(w, w.base, 'greet', '9-cccc')
    const work = await publish(
      options(w, synced('greet', head, w.base), '9-cccc', { carryExcept: new Set(['greet']) })
    )
    expect(work.pullRequest).toMatchObject({ operation: 'created', number: 2 })
    expect(work.checklist.carried).toEqual(['calc (python)'])
    expect(w.api.problems).toEqual([])
  })

  it('a merged pull request (squash, branch kept) is not opened again, even once the base edits its files', async () => {
    const w = await world()
    await refusedRun(w)
    await noop(w)
    // Squash-merged into main: main gets the content, not the commits; GitHub keeps the branch.
    const squash = w.repo.commit({ 'calc.py': 'def calc():\n    return 1\n' }, 'calc (#1)')
    closePr(w, true)
    git(w.clone, 'fetch', '-q', 'origin', 'main')
    const branch = originSha(w, LOCAL)
    let from = w.api.requests.length
    expect((await noop(w, squash)).pullRequest).toEqual({ operation: 'none' })
    // The base holds the branch's content: known from git alone.
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])

    // A person then edits the merged file on main: the branch differs, but it is the merged PR's head.
    const edited = w.repo.commit({ 'calc.py': 'def calc():\n    return 2\n' }, 'tweak')
    git(w.clone, 'fetch', '-q', 'origin', 'main')
    from = w.api.requests.length
    expect((await noop(w, edited)).pullRequest).toEqual({ operation: 'none' })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`, `GET ${PULLS}?state=closed`])
    expect(w.log.join('\n')).toMatch(/is where #1 left it \(merged\)/)
    expect(originSha(w, LOCAL)).toBe(branch)

    git(w.repo.origin, 'update-ref', '-d', LOCAL)
    from = w.api.requests.length
    expect((await noop(w, edited)).pullRequest).toEqual({ operation: 'none' })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])
    expect(w.api.pulls()).toHaveLength(1)
    expect(w.api.problems).toEqual([])
  })

  it('no bot branch, or one the base holds: one REST call, nothing written', async () => {
    const w = await world()
    let from = w.api.requests.length
    expect(await noop(w)).toMatchObject({ branch: null, pullRequest: { operation: 'none' } })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])

    git(w.clone, 'push', '-q', 'origin', `${w.base}:${LOCAL}`)
    from = w.api.requests.length
    expect(await noop(w)).toMatchObject({ branch: null, pullRequest: { operation: 'none' } })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])

    // Merged with a merge commit (or fast-forward): the base contains the branch.
    const head = botCommit(w, w.base, 'calc', '7-aaaa')
    git(w.clone, 'push', '-q', 'origin', `${head}:${LOCAL}`, `${head}:refs/heads/main`)
    from = w.api.requests.length
    expect(await noop(w, head)).toMatchObject({ branch: null, pullRequest: { operation: 'none' } })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])
    expect(originSha(w, LOCAL)).toBe(head)
    expect(w.api.pulls()).toEqual([])
    expect(w.api.problems).toEqual([])
  })

  it('the base moved on: the branch is rebuilt onto it (carry-over, lease), then the PR is opened', async () => {
    const w = await world()
    const old = await refusedRun(w)
    const moved = w.repo.commit({ 'README.md': 'hello\n' }, 'docs')
    git(w.clone, 'fetch', '-q', 'origin', 'main')
    const out = await noop(w, moved)
    expect(out.branch?.operation).toBe('pushed')
    const now = originSha(w, LOCAL) ?? ''
    expect(now).not.toBe(old)
    expect(git(w.repo.origin, 'rev-parse', `${now}^`).trim()).toBe(moved)
    expect(git(w.repo.origin, 'ls-tree', '--name-only', now)).toMatch(/^calc\.py$/m)
    expect(out.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    expect(w.api.pulls()[0]?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(w.api.problems).toEqual([])
  })

  it("sign-commits: the signed branch is the bot's; rebuilt onto a moved base through the API, signed again", async () => {
    const w = await world()
    const sign = { sign: { github: clientOf(w.api, 'acme/calc', SIGN_TOKEN) } }
    const old = await refusedRun(w, 'calc', '7-aaaa', sign)
    expect(git(w.repo.origin, 'log', '-1', '--format=%cn', old).trim()).toBe('GitHub')
    const moved = w.repo.commit({ 'README.md': 'hello\n' }, 'docs')
    git(w.clone, 'fetch', '-q', 'origin', 'main')
    git(w.clone, 'update-ref', LOCAL, moved)
    const out = await publish(
      options(w, noWork(moved), '99-noop', { skipRecord: true, pending: originRecords(w), ...sign })
    )
    expect(out.branch?.operation).toBe('pushed')
    const now = originSha(w, LOCAL) ?? ''
    expect(now).not.toBe(old)
    // One commit on the moved base, with calc's tree change and message, committed (signed) by GitHub.
    expect(git(w.repo.origin, 'rev-parse', `${now}^`).trim()).toBe(moved)
    expect(git(w.repo.origin, 'log', '-1', '--format=%cn', now).trim()).toBe('GitHub')
    expect(w.api.verified).toContain(now)
    expect(git(w.repo.origin, 'show', `${now}:calc.py`)).toBe('def calc():\n    return 1\n')
    expect(git(w.repo.origin, 'log', '-1', '--format=%B', now)).toMatch(/PDD-Sync-Run: 7-aaaa/)
    expect(out.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    expect(w.api.pulls()[0]?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(JSON.stringify(w.api.requests.map(r => r.body))).not.toContain(SIGN_TOKEN)
    expect(w.api.problems).toEqual([])
  })

  it("someone else's commit on the branch: no pull request opened for it", async () => {
    const w = await world()
    const head = await refusedRun(w)
    git(w.clone, 'checkout', '-q', '--detach', head)
    writeFiles(w.clone, { 'NOTES.md': 'mine\n' })
    git(w.clone, 'add', '-A')
    git(w.clone, '-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', 'human')
    git(w.clone, 'push', '-q', 'origin', `HEAD:${LOCAL}`)
    const from = w.api.requests.length
    const out = await noop(w)
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(calls(w.api, from)).toEqual([`GET ${PULLS}?state=open`])
    expect(w.log.join('\n')).toMatch(/has commits not made by/)
    expect(w.api.problems).toEqual([])
  })

  it('a run killed before its end (a partial record only): the PR shows the units it finished', async () => {
    const w = await world()
    const head = botCommit(w, w.base, 'calc', '5-kill')
    const units = synced('calc', head, w.base).units
    const id = { runId: '5-kill', trigger: 'push', baseSha: w.base, createdAt: '' }
    git(w.clone, 'notes', `--ref=${NOTES}`, 'add', '-m', formatRecord(partialRecord(units, 5, id)), head)
    git(w.clone, 'push', '-q', 'origin', `${head}:${LOCAL}`, `${NOTES}:${NOTES}`)
    expect((await noop(w)).pullRequest).toMatchObject({ operation: 'created', number: 1 })
    const [pr] = w.api.pulls()
    expect(pr?.title).toBe('pdd sync: 1 unit updated')
    expect(pr?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(pr?.body).toContain('actions/runs/5)')
    expect(w.api.problems).toEqual([])
  })

  it('no run record left (state-store comment, notes lost): the units are read from the bot commits', async () => {
    const w = await world()
    const head = botCommit(w, w.base, 'calc', '6-gone')
    git(w.clone, 'push', '-q', 'origin', `${head}:${LOCAL}`)
    expect((await noop(w)).pullRequest).toMatchObject({ operation: 'created', number: 1 })
    const [pr] = w.api.pulls()
    expect(pr?.title).toBe('pdd sync: 1 unit updated')
    expect(pr?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(pr?.body).not.toContain('Kept from earlier runs')
    expect(w.api.problems).toEqual([])
  })

  it('runUrlOf: the earlier run of the same repository, or nothing', () => {
    expect(runUrlOf(RUN_URL, '7-aaaa')).toBe('https://github.example/acme/calc/actions/runs/7')
    expect(runUrlOf(RUN_URL, 'b2c4e1d0-uuid')).toBeUndefined()
    expect(runUrlOf(undefined, '7-aaaa')).toBeUndefined()
  })
})
