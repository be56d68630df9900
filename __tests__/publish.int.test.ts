/**
 * publish() end to end without pdd: real git (a clone of a bare origin, a local bot branch built as the executor
 * builds it) and the GitHub REST stand-in. Outcomes are asserted on origin's refs and notes and the stand-in.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { GitHub } from '../src/adapters/github.js'
import type { Reporter } from '../src/adapters/reporter.js'
import { BOT } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { unitMarker } from '../src/publish/checklist.js'
import { CommentStore } from '../src/publish/comment-store.js'
import type { PublishOptions } from '../src/publish/options.js'
import { publish } from '../src/publish/publish.js'
import { toRunRecord } from '../src/publish/run-record.js'
import { parseNote, type RunRecord } from '../src/state/record.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`
const NOTES = 'refs/notes/pdd-sync'
const CALC = { 'calc.py': 'def add(a, b):\n    return a + b\n' }

interface World {
  origin: string
  clone: string
  base: string
  api: GitHubApi
  github: GitHub
  git: Git
}

let api: GitHubApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

async function world(): Promise<World> {
  const repo = makeRepo({ 'prompts/calc_python.prompt': 'add two numbers\n' })
  const clone = cloneOf(repo.origin)
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  return {
    origin: repo.origin,
    clone,
    base: git(clone, 'rev-parse', 'HEAD').trim(),
    api,
    github: clientOf(api),
    git: await Git.open(clone, gitEnv())
  }
}

/** Rebuilds the local bot branch from `base` as the executor does: one commit by the bot with `files`. */
function buildBot(w: World, base: string, files: Record<string, string>): string {
  git(w.clone, 'checkout', '-q', '--detach', base)
  writeFiles(w.clone, files)
  git(w.clone, 'add', '-A')
  const who = {
    GIT_AUTHOR_NAME: BOT.name,
    GIT_AUTHOR_EMAIL: BOT.email,
    GIT_COMMITTER_NAME: BOT.name,
    GIT_COMMITTER_EMAIL: BOT.email
  }
  execFileSync('git', ['commit', '-q', '-m', 'pdd-sync: calc'], {
    cwd: w.clone,
    env: { ...gitEnv(), ...who }
  })
  const head = git(w.clone, 'rev-parse', 'HEAD').trim()
  git(w.clone, 'update-ref', LOCAL, head)
  return head
}

function runResult(head: string, baseSha: string, status: 'synced' | 'unchanged' = 'synced'): RunResult {
  const unit = { id: 'calc_python', basename: 'calc', language: 'python', status }
  const synced = status === 'synced'
  return {
    budget: 5,
    spent: synced ? 0.42 : 0,
    head,
    baseSha,
    units: [{ ...unit, operations: synced ? ['generate'] : [], cost: synced ? 0.42 : 0, reason: status }]
  }
}

const quietReporter: Reporter = {
  info: () => undefined,
  notice: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  group: (_name, fn) => fn()
}

function options(
  w: World,
  result: RunResult,
  runId: string,
  over: Partial<PublishOptions> = {}
): PublishOptions {
  const baseSha = result.baseSha ?? w.base
  const record = toRunRecord(result, {
    runId,
    trigger: 'schedule',
    baseSha,
    createdAt: `2026-01-01T00:00:0${runId}Z`
  })
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
    checklist: { trigger: 'schedule', repository: 'acme/calc' },
    reporter: quietReporter,
    sleep: () => Promise.resolve(),
    ...over
  }
}

function originSha(origin: string, ref: string): string | null {
  const out = git(origin, 'for-each-ref', '--format=%(objectname)', ref).trim()
  return out === '' ? null : out
}

function originRecords(origin: string, object: string): RunRecord[] {
  return parseNote(git(origin, 'notes', `--ref=${NOTES}`, 'show', object)).records
}

const nonGets = (a: GitHubApi, from = 0): string[] =>
  a.requests
    .slice(from)
    .filter(r => r.method !== 'GET')
    .map(r => `${r.method} ${r.path}`)

async function commentRecords(w: World, number: number): Promise<RunRecord[]> {
  const pr = w.api.pulls().find(p => p.number === number)
  const { records, warnings } = await new CommentStore(w.github, number, pr?.user.login ?? '').readRecords()
  expect(warnings).toEqual([])
  return records
}

describe('publish', () => {
  it('pushes the branch, notes the head, opens the PR; a rerun with the same tree pushes nothing', async () => {
    const w = await world()
    const head = buildBot(w, w.base, CALC)
    const o1 = options(w, runResult(head, w.base), '1')
    const out1 = await publish(o1)
    expect(out1.branch?.operation).toBe('pushed')
    expect(out1.warnings).toEqual([])
    expect(originSha(w.origin, LOCAL)).toBe(head)
    expect(out1.notes).toEqual({ pushed: true, comment: false })
    expect(originRecords(w.origin, head)).toEqual([o1.record])
    expect(out1.pullRequest).toMatchObject({ operation: 'created', number: 1 })
    const [pr] = w.api.pulls()
    expect(pr?.head.ref).toBe(BRANCH)
    expect(pr?.body).toContain(unitMarker({ id: 'calc_python', status: 'synced' }))
    expect(pr?.labels.map(l => l.name)).toEqual(['pdd-sync'])
    expect(w.api.comments(1)).toEqual([])

    // Rebuilt from the same base with the same content: a new commit, the same tree.
    const rebuilt = buildBot(w, w.base, CALC)
    expect(rebuilt).not.toBe(head)
    const before = w.api.requests.length
    const o2 = options(w, runResult(rebuilt, w.base), '2')
    const out2 = await publish(o2)
    expect(out2.branch?.operation).toBe('unchanged')
    expect(originSha(w.origin, LOCAL)).toBe(head)
    expect(out2.pullRequest).toMatchObject({ operation: 'updated', number: 1 })
    expect(w.api.pulls()).toHaveLength(1)
    expect(nonGets(w.api, before)).not.toContain('POST /repos/acme/calc/pulls')
    expect(originRecords(w.origin, head).map(r => r.runId)).toEqual(['1', '2'])
    expect(w.api.problems).toEqual([])
  })

  it('keeps the record in the PR comment when the notes push is rejected', async () => {
    const w = await world()
    const hook = path.join(w.origin, 'hooks', 'pre-receive')
    writeFileSync(
      hook,
      '#!/bin/sh\nwhile read old new ref; do\n  case "$ref" in refs/notes/*) echo "notes refused" >&2; exit 1 ;; esac\ndone\nexit 0\n'
    )
    chmodSync(hook, 0o755)
    const head = buildBot(w, w.base, CALC)
    const o = options(w, runResult(head, w.base), '1')
    const out = await publish(o)
    expect(out.branch?.operation).toBe('pushed')
    expect(originSha(w.origin, LOCAL)).toBe(head)
    expect(originSha(w.origin, NOTES)).toBeNull()
    expect(out.notes.pushed).toBe(false)
    expect(out.notes.comment).toBe(true)
    expect(out.notes.error).toMatch(/notes refused|pre-receive/)
    expect(typeof out.checklist.notesSaved).toBe('string')
    expect(out.checklist.notesSaved).toBe(out.notes.error)
    expect(out.pullRequest.operation).toBe('created')
    const comments = w.api.comments(1)
    expect(comments).toHaveLength(1)
    expect(await commentRecords(w, 1)).toEqual([o.record])
    expect(w.api.pulls()[0]?.body).toContain('could not be pushed')
    expect(w.api.problems).toEqual([])
  })

  it("state-store 'comment' writes no notes ref and keeps the record in the comment", async () => {
    const w = await world()
    const head = buildBot(w, w.base, CALC)
    const o = options(w, runResult(head, w.base), '1', { stateStore: 'comment' })
    const out = await publish(o)
    expect(out.branch?.operation).toBe('pushed')
    expect(out.notes).toEqual({ pushed: false, comment: true })
    expect(out.checklist.notesSaved).toBeUndefined()
    expect(originSha(w.origin, NOTES)).toBeNull()
    expect(await commentRecords(w, 1)).toEqual([o.record])
    expect(w.api.problems).toEqual([])
  })

  it('refuses to push workflow changes: no branch, no PR, the checklist says why', async () => {
    const w = await world()
    const head = buildBot(w, w.base, { ...CALC, '.github/workflows/x.yml': 'on: push\n' })
    const out = await publish(options(w, runResult(head, w.base), '1'))
    expect(out.branch?.operation).toBe('refused-workflows')
    expect(originSha(w.origin, LOCAL)).toBeNull()
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(w.api.pulls()).toEqual([])
    expect(out.checklist.prBlocked).toMatch(/\.github\/workflows\/x\.yml/)
    expect(w.api.problems).toEqual([])
  })

  it('closes the open PR and deletes its branch once the base holds its changes', async () => {
    const w = await world()
    const head = buildBot(w, w.base, CALC)
    await publish(options(w, runResult(head, w.base), '1'))
    expect(w.api.pulls()[0]?.state).toBe('open')
    // The bot branch is merged (fast-forward) into main.
    git(w.clone, 'push', '-q', 'origin', `${head}:refs/heads/main`)
    git(w.clone, 'update-ref', LOCAL, head)

    const out = await publish(options(w, runResult(head, head, 'unchanged'), '2'))
    expect(out.branch).toBeNull()
    expect(out.pullRequest).toMatchObject({ operation: 'closed', number: 1 })
    const [pr] = w.api.pulls()
    expect(pr?.state).toBe('closed')
    expect(pr?.body).toContain('Closed by pdd-sync: main already contains these changes.')
    expect(originSha(w.origin, LOCAL)).toBeNull()
    expect(originSha(w.origin, 'refs/heads/main')).toBe(head)
    expect(w.api.problems).toEqual([])
  })

  it('a PR that cannot be closed is a warning: the run still publishes, the branch stays', async () => {
    const w = await world()
    const head = buildBot(w, w.base, CALC)
    await publish(options(w, runResult(head, w.base), '1'))
    git(w.clone, 'push', '-q', 'origin', `${head}:refs/heads/main`)
    git(w.clone, 'update-ref', LOCAL, head)
    w.api.fail({ method: 'PATCH', path: '/repos/acme/calc/pulls/1', status: 403 })
    const out = await publish(options(w, runResult(head, head, 'unchanged'), '2'))
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(out.warnings.join('\n')).toMatch(/Could not close #1: .*HTTP 403/)
    expect(w.api.pulls()[0]?.state).toBe('open')
    expect(originSha(w.origin, LOCAL)).toBe(head)
    expect(w.api.problems).toEqual([])
  })

  it('with skipRecord and no PR, makes no API write and no notes', async () => {
    const w = await world()
    git(w.clone, 'update-ref', LOCAL, w.base)
    const out = await publish(options(w, runResult(w.base, w.base, 'unchanged'), '1', { skipRecord: true }))
    expect(out.branch).toBeNull()
    expect(out.pullRequest).toEqual({ operation: 'none' })
    expect(nonGets(w.api)).toEqual([])
    expect(originSha(w.origin, NOTES)).toBeNull()
    expect(git(w.clone, 'for-each-ref', 'refs/notes').trim()).toBe('')
    expect(originSha(w.origin, LOCAL)).toBeNull()
    expect(w.api.problems).toEqual([])
  })

  it('a token that cannot push: nothing pushed, no PR, the summary says which permission is missing', async () => {
    const w = await world()
    const hook = path.join(w.origin, 'hooks', 'pre-receive')
    // What GitHub answers a read-only GITHUB_TOKEN, refusing every ref.
    writeFileSync(
      hook,
      '#!/bin/sh\necho "Permission to acme/calc.git denied to github-actions[bot]." >&2\nexit 1\n'
    )
    chmodSync(hook, 0o755)
    const head = buildBot(w, w.base, CALC)
    const out = await publish(options(w, runResult(head, w.base), '1'))
    expect(out.branch).toBeNull()
    expect(originSha(w.origin, LOCAL)).toBeNull()
    expect(out.pullRequest.operation).toBe('none')
    expect(w.api.pulls()).toEqual([])
    expect(out.checklist.prBlocked).toMatch(/permissions: contents: write/)
    expect(out.checklist.prBlocked).toMatch(/denied to github-actions\[bot\]/)
    expect(out.notes.pushed).toBe(false)
    expect(out.warnings.join('\n')).toMatch(/only in the job summary/)
  })
})
