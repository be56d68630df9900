/**
 * Two `pdd-sync run`s on one checkout (docs/architecture.md, "Trust"): the per-repository lock answers the later one clearly,
 * before it spends anything, or (session 10) the later one is refused because the first one's paid work is on the
 * unmerged bot branch (before, it rebuilt the branch and paid for every unit again); either way every unit pdd ran appears in a RunResult with its
 * cost. The `pdd` stand-in (with a short latency) logs each sync it runs, so nothing paid can hide; its syncs wait
 * at a gate the test opens, which forces the orders that matter (the second run during the first, after it, both
 * at once); a few trials with random offsets follow.
 */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { acquireRunLock, LOCK_FILE, RunLockBusy } from '../src/execute/run-lock.js'
import { TEST_DIST } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const RANDOM_TRIALS = Number(process.env.PDD_SYNC_RACE_TRIALS ?? 3)

interface Ran {
  status: number | null
  stderr: string
  result: RunResult | null
}

function runCli(args: string[], resultFile: string): Promise<Ran> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args, '--result', resultFile], {
      // The stand-in answers as pdd-cli 0.0.310, so the check before spending wants a key from its catalog.
      env: { ...process.env, ...FAKE_PROVIDER_ENV }
    })
    let stderr = ''
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    child.on('close', status => {
      const result = existsSync(resultFile)
        ? (JSON.parse(readFileSync(resultFile, 'utf8')) as RunResult)
        : null
      resolve({ status, stderr, result })
    })
  })
}

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** Resolves once `ok()` holds, looking every 20 ms (a barrier, not a timed assertion: no deadline). */
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await sleep(20)
}

/** One checkout, a logging `pdd` stand-in whose syncs wait at a gate, and the two runs' arguments. */
interface Trial {
  repo: string
  bin: string
  log: string
  args: string[]
  /** A sync of the stand-in is waiting at the gate (the run that started it holds the lock). */
  atGate: () => boolean
  /** Lets every sync, waiting or later, answer. */
  open: () => void
}

function trial(): Trial {
  const repo = makeRepo({ 'prompts/alpha_python.prompt': 'a\n', 'prompts/beta_python.prompt': 'b\n' })
  const bin = tempDir('fake-pdd-')
  const log = path.join(bin, 'calls.jsonl')
  const [fake] = installFakePdd(bin, { delayMs: 50, log })
  const pdd = path.join(bin, 'gated-pdd')
  const gate = path.join(bin, 'gate')
  writeFileSync(
    pdd,
    [
      '#!/bin/bash',
      // 20 ms a look with bash's own `read -t` on a pipe nobody writes, not a `sleep` process per look.
      `case " $* " in *" sync "*) : > '${gate}.waiting'; exec 3<> <(:); while [ ! -e '${gate}.open' ]; do read -rt 0.02 -u 3 _ || :; done; exec 3<&- ;; esac`,
      `exec '${fake as string}' "$@"`,
      ''
    ].join('\n')
  )
  chmodSync(pdd, 0o755)
  const args = ['run', '--repo', repo.dir, '--pdd-command', pdd, '--budget', '10', '--no-fetch']
  return {
    repo: repo.dir,
    bin,
    log,
    args,
    atGate: () => existsSync(`${gate}.waiting`),
    open: () => writeFileSync(`${gate}.open`, '')
  }
}

/**
 * What a trial must show whatever the order: the lock answers clearly (or, once the first run put its paid work
 * on the unmerged bot branch, the branch check does: src/cli/bot-branch-use.ts), and every sync pdd ran is
 * reported.
 */
function check(x: Trial, runs: Ran[], label: string): 'refused' | 'unmerged' {
  const where = `${label}: ${runs.map(r => r.stderr.slice(-800)).join('\n---\n')}`
  for (const r of runs) {
    if (r.status === 75) {
      expect(r.stderr, where).toMatch(
        /another pdd-sync run is in progress in this repository \(pid \d+ since \S+\)/i
      )
      expect(r.result, where).toBeNull()
    } else if (r.status === 2) {
      expect(r.stderr, where).toMatch(/--branch "pdd-sync\/main" holds 2 commit\(s\) .* not in HEAD/)
      expect(r.result, where).toBeNull()
    } else expect(r.status, where).toBe(0)
  }
  // Every sync pdd ran is in a RunResult, with a cost.
  const calls = existsSync(x.log)
    ? readFileSync(x.log, 'utf8')
        .trim()
        .split('\n')
        .map(l => (JSON.parse(l) as { argv: string[] }).argv)
        .filter(a => a.includes('sync'))
        .map(a => a[a.length - 1])
    : []
  const reported = runs
    .flatMap(r => r.result?.units ?? [])
    .filter(u => u.status !== 'unchanged' && u.status !== 'skipped-budget')
  expect(reported.map(u => u.basename).sort(), where).toEqual([...calls].sort())
  for (const u of reported) expect(u.cost, where).toBeGreaterThan(0)
  expect(existsSync(path.join(x.repo, '.git', LOCK_FILE)), where).toBe(false)
  git(x.repo, 'fsck', '--no-progress')
  expect(
    runs.filter(r => r.status === 0),
    where
  ).toHaveLength(1)
  return runs.some(r => r.status === 75) ? 'refused' : 'unmerged'
}

// The orders are forced with a gate in the stand-in, not hoped for with random offsets.
it.concurrent(
  'the second run starts while the first holds the lock: refused clearly, before spending',
  async () => {
    const x = trial()
    const first = runCli(x.args, path.join(x.bin, 'r1.json'))
    await until(x.atGate)
    const second = await runCli(x.args, path.join(x.bin, 'r2.json'))
    x.open()
    expect(check(x, [await first, second], 'second during the first')).toBe('refused')
    expect(second.status).toBe(75)
  },
  120_000
)

it.concurrent(
  'the second run starts after the first let go of the lock: refused, the first run’s branch is not merged',
  async () => {
    const x = trial()
    x.open()
    const first = await runCli(x.args, path.join(x.bin, 'r1.json'))
    const second = await runCli(x.args, path.join(x.bin, 'r2.json'))
    expect(check(x, [first, second], 'one after the other')).toBe('unmerged')
  },
  120_000
)

it.concurrent(
  'two runs started at the same moment: one lock holder, nothing paid unreported',
  async () => {
    const x = trial()
    const runs = Promise.all([
      runCli(x.args, path.join(x.bin, 'r1.json')),
      runCli(x.args, path.join(x.bin, 'r2.json'))
    ])
    await until(x.atGate)
    x.open()
    console.log(`cli lock, started together: ${check(x, await runs, 'started together')}`)
  },
  120_000
)

it.concurrent.for(Array.from({ length: RANDOM_TRIALS }, (_, i) => i))(
  'random offset, trial %s: the lock answers, nothing paid goes unreported',
  { timeout: 120_000 },
  async i => {
    const x = trial()
    x.open()
    const offset = Math.floor(Math.random() * 1500)
    const first = runCli(x.args, path.join(x.bin, 'r1.json'))
    await sleep(offset)
    const runs = await Promise.all([first, runCli(x.args, path.join(x.bin, 'r2.json'))])
    console.log(`cli lock trial ${i} (offset ${offset} ms): ${check(x, runs, `offset ${offset} ms`)}`)
  }
)

it('a lock left by a dead process is taken over; a live holder is named', async () => {
  const dir = tempDir('lock-')
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 4_000_000, since: '2026-01-01T00:00:00Z' }))
  const lock = await acquireRunLock(dir)
  const held = JSON.parse(readFileSync(lock.file, 'utf8')) as { pid: number }
  expect(held.pid).toBe(process.pid)
  const busy = await acquireRunLock(dir).catch((e: unknown) => e)
  expect(busy).toBeInstanceOf(RunLockBusy)
  expect((busy as Error).message).toMatch(new RegExp(`pid ${process.pid} since \\d{4}-`))
  await lock.release()
  expect(existsSync(lock.file)).toBe(false)
  const again = await acquireRunLock(dir)
  await again.release()
})
