/**
 * Spend reservations under the caps with real git and a bare origin: runs in separate clones reserve at the
 * same time and together never pass the cap; a final run record closes a reservation.
 */
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import { writeRunRecord } from '../src/publish/notes-writer.js'
import { reservationKey, reserveSpend, type Reserved } from '../src/publish/reservation.js'
import { parseNote, type RunRecord } from '../src/state/record.js'
import { cloneOf, git, gitEnv, makeRepo } from './helpers/git-repo.js'

const REF = 'refs/notes/pdd-sync'
const NOW = new Date('2026-03-10T12:00:00Z')
const quick = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, Math.ceil(ms / 25)))

function spentRecord(runId: string, spent: number, createdAt = NOW.toISOString()): RunRecord {
  return {
    schema: 1,
    runId,
    trigger: 'schedule',
    baseSha: 'b'.repeat(40),
    createdAt,
    budget: 5,
    spent,
    units: []
  }
}

async function reserve(dir: string, runId: string, budget: number, monthly: number): Promise<Reserved> {
  return reserveSpend({
    git: await Git.open(dir, gitEnv()),
    remote: 'origin',
    ref: REF,
    identity: BOT,
    runId,
    budget,
    caps: { monthly },
    otherRecords: [],
    now: () => NOW,
    attempts: 12,
    sleep: quick
  })
}

describe('reserveSpend', () => {
  it('runs started together in separate clones stay under the monthly cap together', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    // Earlier this month: $2 recorded.
    await writeRunRecord({
      git: await Git.open(repo.dir, gitEnv()),
      remote: 'origin',
      ref: REF,
      object: git(repo.dir, 'rev-parse', 'HEAD').trim(),
      record: spentRecord('earlier', 2, '2026-03-02T08:00:00Z'),
      identity: BOT
    })
    const clones = Array.from({ length: 5 }, () => cloneOf(repo.origin))
    const got = await Promise.all(clones.map((dir, i) => reserve(dir, `run-${i}`, 3, 10)))
    const budgets = got.map(r => r.effective.budget)
    // $8 left under the cap: two runs get $3 each, one gets the last $2, the others nothing.
    expect(budgets.reduce((a, b) => a + b, 0)).toBe(8)
    expect([...budgets].sort()).toEqual([0, 0, 2, 3, 3])
    expect(got.every(r => r.shared)).toBe(true)
    for (const r of got.filter(r => r.effective.budget === 0)) expect(r.effective.reached).toBe('monthly')
    const lines = parseNote(git(repo.origin, 'notes', `--ref=${REF}`, 'show', reservationKey('2026-03')))
    expect(lines.reservations.map(r => r.amount).sort()).toEqual([2, 3, 3])
    expect(lines.badLines).toBe(0)
  }, 120_000)

  it('a final run record closes the reservation; a retried reservation replaces its own line', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const first = await reserve(repo.dir, 'run-a', 4, 5)
    expect(first.effective.budget).toBe(4)
    const blocked = await reserve(cloneOf(repo.origin), 'run-b', 4, 5)
    expect(blocked.effective).toMatchObject({ budget: 1, limitedBy: 'monthly' })
    expect(blocked.summary.heldMonth).toBe(4)
    // run-a ends having spent $0.50: its record closes the reservation.
    await writeRunRecord({
      git: await Git.open(repo.dir, gitEnv()),
      remote: 'origin',
      ref: REF,
      object: git(repo.dir, 'rev-parse', 'HEAD').trim(),
      record: spentRecord('run-a', 0.5),
      identity: BOT
    })
    const clone = cloneOf(repo.origin)
    const after = await reserve(clone, 'run-c', 4, 5)
    // $0.50 spent by run-a, $1 still held by run-b: $3.50 left.
    expect(after.effective.budget).toBe(3.5)
    const again = await reserve(clone, 'run-c', 4, 5)
    expect(again.effective.budget).toBe(3.5)
    const note = parseNote(git(repo.origin, 'notes', `--ref=${REF}`, 'show', reservationKey('2026-03')))
    expect(note.reservations.filter(r => r.runId === 'run-c')).toHaveLength(1)
  }, 60_000)

  it('with no remote the reservation stays in the local notes', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' })
    const r = await reserveSpend({
      git: await Git.open(repo.dir, gitEnv()),
      remote: null,
      ref: REF,
      identity: BOT,
      runId: 'local',
      budget: 2,
      caps: { daily: 1 },
      otherRecords: [spentRecord('comment-only', 0.25)],
      now: () => NOW
    })
    expect(r.effective).toMatchObject({ budget: 0.75, limitedBy: 'daily' })
    expect(git(repo.dir, 'notes', `--ref=${REF}`, 'show', reservationKey('2026-03'))).toContain(
      '"runId":"local"'
    )
    expect(git(repo.origin, 'for-each-ref', 'refs/notes').trim()).toBe('')
  })
})
