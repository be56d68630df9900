/**
 * A killed shard keeps what it paid for (the bundled CLI, the real pdd-cli against the scripted LLM server, real
 * git with a bare origin): the shard pushes a partial report after each group that lands; it is SIGKILLed after
 * its first group; finalize publishes that group's unit and lists only the other as "shard 0 did not report";
 * the re-run shard resumes from the partial report and sends the LLM nothing for the done unit; a second
 * finalize completes the run. Along the way: the shard's spend reservation is settled when it ends and released
 * by finalize, and finalize prunes the refs of runs finalized over a week ago (never the current one).
 * A second test: SIGTERM (a cancelled job) makes the shard push what it finished before it exits. The two
 * tests own their worlds and run side by side.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it, type TestContext } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import type { ShardReport } from '../src/fanout/report.js'
import { reservationKey } from '../src/publish/reservation.js'
import { parseNote, type SpendReservation } from '../src/state/record.js'
import { runCliAsync, TEST_DIST, type Ran } from './helpers/bundles.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git, gitEnv, tempDir } from './helpers/git-repo.js'
import type { UnitScript } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { processesMentioning, realRepo, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TIMEOUT = 900_000
const NOTES = 'refs/notes/pdd-sync'
const REF = 'refs/pdd-sync/runs/r1/shard-0'
const SHOUT_UNIT: UnitScript = {
  code: 'def shout(text):\n    return text.upper()\n',
  example: GREET_UNIT.example
    .replace('from greet import greet', 'from shout import shout')
    .replace("print(greet('Ada'))", "print(shout('ada'))"),
  test: "from shout import shout\n\n\ndef test_shout():\n    assert shout('ada') == 'ADA'\n"
}
const FILES = {
  ...PROMPTS.calc,
  'prompts/shout_python.prompt': 'Write a Python module shout with shout(text) returning it in upper case.\n'
}

interface Fan {
  repo: RealRepo
  origin: string
  planFile: string
  leg: { shard: string; units: string; budget: string }
  base: string
}

/** The repository, its origin and a one-leg plan of both units (two groups); its server closes after test `t`. */
async function fan(t: Pick<TestContext, 'onTestFinished'>): Promise<Fan> {
  const repo = await realRepo({ units: { calc: CALC_UNIT, shout: SHOUT_UNIT } }, FILES)
  t.onTestFinished(() => repo.server.close())
  const origin = git(repo.dir, 'remote', 'get-url', 'origin').trim()
  const planFile = path.join(tempDir(), 'plan.json')
  const p = await runCliAsync(
    ['plan', '--repo', repo.dir, '--json', '--output', planFile, '--shards', '1', '--budget', '4'],
    repo.env
  )
  expect(p.status, p.stderr).toBe(0)
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as {
    baseSha: string
    matrix: { include: Fan['leg'][] }
  }
  const leg = plan.matrix.include[0] as Fan['leg']
  expect(leg.units.split('\n').sort()).toEqual(['calc_python', 'shout_python'])
  return { repo, origin, planFile, leg, base: plan.baseSha }
}

/** `pdd-sync run --shard 0` of the leg in a fresh clone, pushing to origin, under a daily cap (a reservation). */
function shard(f: Fan): { child: ChildProcess; clone: string; done: Promise<Ran> } {
  const clone = cloneOf(f.origin)
  const pdd = realPdd()?.pdd ?? 'pdd'
  const args = [
    ...['run', '--repo', clone, '--pdd-command', pdd, '--json', '--max-attempts', '2', '--concurrency', '1'],
    ...['--shard', f.leg.shard, '--units', f.leg.units, '--budget', f.leg.budget, '--base-sha', f.base],
    ...['--run-key', 'r1', '--push', '--daily-budget', '50']
  ]
  const child = spawn(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args], { env: f.repo.env })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()))
  const done = new Promise<Ran>(resolve => child.on('close', status => resolve({ status, stdout, stderr })))
  return { child, clone, done }
}

/** The shard report on origin, or null. */
function reportOnOrigin(origin: string): ShardReport | null {
  try {
    return JSON.parse(git(origin, 'cat-file', 'blob', `${REF}:shard.json`)) as ShardReport
  } catch {
    return null
  }
}

/** Resolves once origin holds a report with at least one unit (polling: the shard runs in another process). */
async function firstPartial(origin: string, done: Promise<Ran>): Promise<ShardReport> {
  let ended = false
  void done.then(() => (ended = true))
  for (;;) {
    const r = reportOnOrigin(origin)
    if (r && r.result.units.length > 0) return r
    if (ended) throw new Error('the shard ended before it reported any unit')
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

function finalize(f: Fan): Promise<Ran> {
  const clone = cloneOf(f.origin)
  return runCliAsync(
    ['finalize', '--repo', clone, '--matrix', f.planFile, '--run-key', 'r1', '--push', '--json'],
    f.repo.env
  )
}

/** The latest reservation line of every run on origin (what the caps count). */
function reservationsOn(origin: string): Map<string, SpendReservation> {
  const key = reservationKey(new Date().toISOString().slice(0, 7))
  const text = git(origin, 'notes', `--ref=${NOTES}`, 'show', key)
  const latest = new Map<string, SpendReservation>()
  for (const r of parseNote(text).reservations) {
    const prev = latest.get(r.runId)
    if (!prev || prev.createdAt < r.createdAt) latest.set(r.runId, r)
  }
  return latest
}

/** A `finalized` marker of another run on origin, written `days` ago (real time, not the test clock). */
function oldMarker(origin: string, runKey: string, days: number): void {
  const date = `${Math.floor(Date.now() / 1000) - days * 86_400} +0000`
  const env = { ...gitEnv(), GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date }
  const run = (args: string[], input?: string): string =>
    execFileSync('git', args, { cwd: origin, env, input, encoding: 'utf8' }).trim()
  const blob = run(['hash-object', '-w', '--stdin'], '{"version":1,"shards":[0]}\n')
  const tree = run(['mktree'], `100644 blob ${blob}\tfinalized.json\n`)
  const commit = run(['commit-tree', tree, '-m', 'old'])
  git(origin, 'update-ref', `refs/pdd-sync/runs/${runKey}/finalized`, commit)
  git(origin, 'update-ref', `refs/pdd-sync/runs/${runKey}/shard-3`, commit)
}

const runRefs = (origin: string): string[] =>
  git(origin, 'for-each-ref', '--format=%(refname)', 'refs/pdd-sync/runs/').trim().split('\n').filter(Boolean)

describeRealPdd.concurrent('a killed shard keeps what it paid for', () => {
  it(
    'SIGKILL after the first group: finalize publishes it; the re-run pays only for the rest; reservations and old runs are cleaned up',
    async t => {
      const f = await fan(t)
      const first = shard(f)
      const partial = await firstPartial(f.origin, first.done)
      first.child.kill('SIGKILL')
      await first.done
      for (const p of processesMentioning(first.clone)) process.kill(p.pid, 'SIGKILL')
      expect(partial.complete).toBe(false)
      const [done] = partial.result.units
      expect(partial.result.units).toHaveLength(1)
      expect(done?.status).toBe('synced')
      const doneId = done?.id as string
      const restId = doneId === 'calc_python' ? 'shout_python' : 'calc_python'
      const killed = reportOnOrigin(f.origin)
      expect(killed?.complete).toBe(false)
      expect(killed?.result.units.map(u => u.id)).toEqual([doneId])
      // The killed attempt's reservation is still open, at the leg's whole share.
      const held = [...reservationsOn(f.origin).values()]
      expect(held.map(r => r.amount)).toEqual([Number(f.leg.budget)])
      expect(held[0]?.runId).toMatch(/^r1-shard-0-/)

      oldMarker(f.origin, 'old', 10)
      oldMarker(f.origin, 'recent', 1)
      const fin1 = await finalize(f)
      expect(fin1.status, fin1.stderr).toBe(1)
      const r1 = JSON.parse(fin1.stdout) as RunResult
      expect(
        r1.units.map(u => `${u.id} ${u.status} ${u.status === 'failed' ? u.reason : ''}`).sort()
      ).toEqual([`${doneId} synced `, `${restId} failed shard 0 did not report`].sort())
      expect(r1.spent).toBeCloseTo(killed?.result.spent ?? -1, 6)
      const doneFile = `${doneId.replace('_python', '')}.py`
      const restFile = `${restId.replace('_python', '')}.py`
      const onBot = (): string[] =>
        git(f.origin, 'diff', '--name-only', 'refs/heads/main', 'refs/heads/pdd-sync/main').trim().split('\n')
      expect(onBot()).toContain(doneFile)
      expect(onBot()).not.toContain(restFile)
      // The partial ref stays for the re-run; a week-old run is pruned, a day-old one and this one are not.
      expect(runRefs(f.origin).sort()).toEqual([
        'refs/pdd-sync/runs/r1/finalized',
        REF,
        'refs/pdd-sync/runs/recent/finalized',
        'refs/pdd-sync/runs/recent/shard-3'
      ])
      // The record counts the killed shard's spend: its reservation no longer does.
      expect([...reservationsOn(f.origin).values()].map(r => r.amount)).toEqual([0])

      // "Re-run failed jobs": attempt 2 resumes from the partial report; nothing is asked about the done unit.
      const seen = f.repo.server.log.length
      const again = shard(f)
      const ran = await again.done
      expect(ran.status, ran.stderr).toBe(0)
      const calls = f.repo.server.log.slice(seen).filter(c => c.kind !== null)
      expect(calls.length).toBeGreaterThan(0)
      expect(calls.filter(c => c.unit === doneId.replace('_python', ''))).toEqual([])
      const whole = JSON.parse(ran.stdout) as RunResult
      expect(whole.units.map(u => `${u.id} ${u.status}`).sort()).toEqual(
        [`${doneId} synced`, `${restId} synced`].sort()
      )
      const complete = reportOnOrigin(f.origin)
      expect(complete?.complete).toBe(true)
      expect(complete?.result.spent).toBeCloseTo(whole.spent, 6)
      // Its own reservation now holds its spend; the killed attempt's holds nothing.
      const settled = [...reservationsOn(f.origin).values()].map(r => r.amount).sort()
      expect(settled).toEqual([0, whole.spent].sort())

      const fin2 = await finalize(f)
      expect(fin2.status, fin2.stderr).toBe(0)
      const r2 = JSON.parse(fin2.stdout) as RunResult
      expect(r2.units.map(u => `${u.id} ${u.status}`)).toEqual([`${restId} synced`])
      expect(onBot()).toEqual(expect.arrayContaining([doneFile, restFile]))
      const records = runRecordsIn(f.origin)
      expect(
        records
          .map(r =>
            r.units
              .map(u => `${u.id} ${u.status}`)
              .sort()
              .join(', ')
          )
          .sort()
      ).toEqual([[`${doneId} synced`, `${restId} failed`].sort().join(', '), `${restId} synced`].sort())
      expect(runRefs(f.origin).sort()).toEqual([
        'refs/pdd-sync/runs/r1/finalized',
        'refs/pdd-sync/runs/recent/finalized',
        'refs/pdd-sync/runs/recent/shard-3'
      ])
      expect([...reservationsOn(f.origin).values()].map(r => r.amount)).toEqual([0, 0])
    },
    TIMEOUT
  )

  it(
    'SIGTERM (a cancelled job) after the first group: the shard pushes what finished before it exits',
    async t => {
      const f = await fan(t)
      const s = shard(f)
      const partial = await firstPartial(f.origin, s.done)
      s.child.kill('SIGTERM')
      const ran = await s.done
      for (const p of processesMentioning(s.clone)) process.kill(p.pid, 'SIGKILL')
      expect(ran.stderr).toMatch(/Interrupted/)
      const last = reportOnOrigin(f.origin)
      expect(last?.complete).toBe(false)
      expect(last?.result.cancelled).toBe(true)
      // The unit stopped midway is not reported as done: a re-run syncs it.
      expect(last?.result.units.map(u => u.id)).toEqual(partial.result.units.map(u => u.id))
      const commit = git(f.origin, 'log', '-1', '--format=%s', REF).trim()
      expect(commit).toBe('pdd-sync: shard 0 of run r1 (partial)')
    },
    TIMEOUT
  )
})
