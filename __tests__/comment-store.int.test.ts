/**
 * CommentStore (the run-record fallback in one PR comment) against the GitHub REST stand-in, through the
 * production GitHub adapter: outcomes are asserted on the comments the stand-in holds.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { buildPlan } from '../src/plan/plan.js'
import type { Fingerprint, RunReport } from '../src/types.js'
import { exampleRepo } from './helpers/example-repo.js'
import { git } from './helpers/git-repo.js'
import { planOptionsFor } from './helpers/plan-options.js'
import { GitHub } from '../src/adapters/github.js'
import { CommentStore, STATE_MARKER } from '../src/publish/comment-store.js'
import type { RunRecord } from '../src/state/record.js'
import { startGitHubApi, type GitHubApi, type IssueComment } from './helpers/github-api.js'
import { clientOf } from './helpers/github-client.js'
import { record } from './helpers/notes.js'

const BOT_LOGIN = 'github-actions[bot]'

let api: GitHubApi
let github: GitHub
let pr: number
beforeEach(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
  github = clientOf(api)
  const created = await github.createPullRequest({
    head: 'pdd-sync/main',
    base: 'main',
    title: 'pdd sync',
    body: 'x',
    draft: false
  })
  expect(created.author).toBe(BOT_LOGIN)
  pr = created.number
})
afterEach(async () => {
  expect(api.problems).toEqual([])
  await api.close()
})

const store = (): CommentStore => new CommentStore(github, pr, BOT_LOGIN)

/** A record with one synced unit and everything a real record carries (fingerprint, run report). */
function full(runId: string, createdAt: string, reason = 'synced'): RunRecord {
  return {
    ...record(runId, createdAt, [
      {
        id: 'calc_python',
        basename: 'calc',
        language: 'python',
        status: 'synced',
        operations: ['generate', 'example', 'test'],
        cost: 0.42,
        duration: 12.5,
        reason,
        fingerprint: {
          pdd_version: '0.0.310',
          timestamp: '2026-01-01T00:00:00Z',
          command: 'sync',
          prompt_hash: 'a'.repeat(64),
          code_hash: 'b'.repeat(64),
          example_hash: null,
          test_hash: null
        },
        runReport: null
      }
    ]),
    pddVersion: '0.0.310'
  }
}

const writes = (): string[] => api.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`)

describe('CommentStore', () => {
  it('creates one comment holding the marker and the record', async () => {
    const r1 = full('1', '2026-01-01T00:00:00Z')
    const w = await store().write(r1)
    expect(w.dropped).toBe(0)
    const comments = api.comments(pr)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.id).toBe(w.commentId)
    expect(comments[0]?.body.startsWith(STATE_MARKER)).toBe(true)
    expect(comments[0]?.body).toContain('"runId":"1"')
    expect(await store().readRecords()).toEqual({ records: [r1], warnings: [] })
  })

  it('a second write updates the same comment: one comment, both records, newest first', async () => {
    const r1 = full('1', '2026-01-01T00:00:00Z')
    const r2 = full('2', '2026-01-02T00:00:00Z')
    const w1 = await store().write(r1)
    const w2 = await store().write(r2)
    expect(w2.commentId).toBe(w1.commentId)
    expect(api.comments(pr)).toHaveLength(1)
    expect(writes().filter(w => w.startsWith('POST') && w.endsWith('/comments'))).toHaveLength(1)
    expect(writes()).toContain(`PATCH /repos/acme/calc/issues/comments/${w1.commentId}`)
    const { records } = await store().readRecords()
    expect(records.map(r => r.runId)).toEqual(['2', '1'])

    // The same record again changes nothing: no write at all.
    const before = writes().length
    await store().write(r2)
    expect(writes()).toHaveLength(before)
    expect((await store().readRecords()).records.map(r => r.runId)).toEqual(['2', '1'])
  })

  it('ignores a marked comment written by another login, and never updates it', async () => {
    const forged = full('forged', '2026-02-01T00:00:00Z')
    // The stand-in authors every comment with its own login: write one, then make it someone else's.
    const seeded = await github.createComment(
      pr,
      `${STATE_MARKER}\n<!-- pdd-sync:records\n${JSON.stringify(forged)}\n-->`
    )
    const comments = api.comments(pr)
    const stored = comments.find(c => c.id === seeded.id) as IssueComment
    stored.user = { login: 'mallory', id: 666, type: 'User' }
    const forgedBody = stored.body

    expect(await store().readRecords()).toEqual({ records: [], warnings: [] })
    const mine = full('1', '2026-01-01T00:00:00Z')
    const w = await store().write(mine)
    expect(w.commentId).not.toBe(seeded.id)
    expect(api.comments(pr)).toHaveLength(2)
    expect(api.comments(pr).find(c => c.id === seeded.id)?.body).toBe(forgedBody)
    expect(api.comments(pr).find(c => c.id === w.commentId)?.user.login).toBe(BOT_LOGIN)
    expect((await store().readRecords()).records).toEqual([mine])
    expect(writes()).not.toContain(`PATCH /repos/acme/calc/issues/comments/${seeded.id}`)
  })

  it('a reason holding "-->" round-trips and does not close the hidden block early', async () => {
    const tricky = full('1', '2026-01-01T00:00:00Z', 'pdd said --> boom <!-- and > then -->')
    await store().write(tricky)
    const body = api.comments(pr)[0]?.body ?? ''
    expect(body).not.toContain('pdd said -->')
    // Exactly two "-->": the marker's and the one closing the records block, which ends the body.
    expect(body.split('-->')).toHaveLength(3)
    expect(body.endsWith('\n-->')).toBe(true)
    const { records, warnings } = await store().readRecords()
    expect(warnings).toEqual([])
    expect(records[0]?.units[0]?.reason).toBe('pdd said --> boom <!-- and > then -->')
    expect(records).toEqual([tricky])
  })

  it('drops the oldest records to stay under 60,000 characters and keeps the newest', async () => {
    const big = (i: number): RunRecord =>
      full(`run-${i}`, `2026-01-${String(i + 1).padStart(2, '0')}T00:00:00Z`, 'x'.repeat(14_000))
    let dropped = 0
    for (let i = 0; i < 6; i++) dropped = (await store().write(big(i))).dropped
    expect(dropped).toBeGreaterThan(0)
    const comments = api.comments(pr)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body.length).toBeLessThan(60_000)
    const { records } = await store().readRecords()
    expect(records[0]).toEqual(big(5))
    expect(records.length).toBeLessThan(6)
    expect(records.map(r => r.runId)).toEqual(
      ['run-5', 'run-4', 'run-3', 'run-2', 'run-1', 'run-0'].slice(0, records.length)
    )
  })

  it('reads back exactly the record that was written', async () => {
    const written = full('deep', '2026-03-04T05:06:07Z', 'a "quoted" reason with <tags> & unicode ✓')
    await store().write(written)
    const { records } = await store().readRecords()
    expect(records).toHaveLength(1)
    expect(records[0]).toStrictEqual(written)
  })
})

describe('the planner reads the comment store (state-store: comment)', () => {
  it('restores a unit from the record in the PR comment: in sync with it, not without it', async () => {
    const repo = exampleRepo()
    const fingerprint = JSON.parse(
      readFileSync(path.join(repo.dir, '.pdd', 'meta', 'calculator_python.json'), 'utf8')
    ) as Fingerprint
    const runReport = JSON.parse(
      readFileSync(path.join(repo.dir, '.pdd', 'meta', 'calculator_python_run.json'), 'utf8')
    ) as RunReport
    // The repository stops committing .pdd/meta: only the record can tell that the unit is in sync.
    git(repo.dir, 'rm', '-q', '-r', '.pdd/meta')
    git(repo.dir, 'commit', '-q', '-m', 'no meta')
    const rec: RunRecord = {
      ...record('r1', '2026-01-01T00:00:00Z', []),
      units: [
        {
          id: 'calculator_python',
          basename: 'calculator',
          language: 'python',
          status: 'synced',
          operations: ['test'],
          cost: 0.1,
          duration: 1,
          reason: 'in sync',
          fingerprint,
          runReport
        }
      ]
    }
    await new CommentStore(github, pr, BOT_LOGIN).write(rec)
    const quiet = new ConsoleReporter(() => undefined)
    const decision = async (stores: CommentStore[]): Promise<string | undefined> =>
      (await buildPlan(planOptionsFor(repo.dir, { extraStores: stores }), quiet)).units.find(
        u => u.id === 'calculator_python'
      )?.operation
    expect(await decision([])).not.toBe('nothing')
    expect(await decision([new CommentStore(github, pr, BOT_LOGIN)])).toBe('nothing')
  })
})
