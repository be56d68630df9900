/**
 * Two `pdd-sync run`s on one checkout (docs/architecture.md, "Trust"): the per-repository lock answers the later one clearly,
 * before it spends anything, or both complete; either way every unit pdd ran appears in a RunResult with its
 * cost. The `pdd` stand-in (with a short latency) logs each sync it runs, so nothing paid can hide.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { acquireRunLock, LOCK_FILE, RunLockBusy } from '../src/execute/run-lock.js'
import { TEST_DIST } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'

const TRIALS = Number(process.env.PDD_SYNC_RACE_TRIALS ?? 30)

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

it(`${TRIALS} trials of two CLI runs on one checkout: the lock answers, nothing paid goes unreported`, async () => {
  const seen = { refused: 0, both: 0 }
  for (let t = 0; t < TRIALS; t++) {
    const repo = makeRepo({ 'prompts/alpha_python.prompt': 'a\n', 'prompts/beta_python.prompt': 'b\n' })
    const bin = tempDir('fake-pdd-')
    const log = path.join(bin, 'calls.jsonl')
    const [pdd] = installFakePdd(bin, { delayMs: 200, log })
    const args = ['run', '--repo', repo.dir, '--pdd-command', pdd as string, '--budget', '10', '--no-fetch']
    const offset = Math.floor(Math.random() * 1500)
    const first = runCli(args, path.join(bin, 'r1.json'))
    await sleep(offset)
    const runs = await Promise.all([first, runCli(args, path.join(bin, 'r2.json'))])
    const where = `trial ${t} (offset ${offset} ms): ${runs.map(r => r.stderr.slice(-800)).join('\n---\n')}`
    for (const r of runs) {
      if (r.status === 75) {
        expect(r.stderr, where).toMatch(
          /another pdd-sync run is in progress in this repository \(pid \d+ since \S+\)/i
        )
        expect(r.result, where).toBeNull()
      } else expect(r.status, where).toBe(0)
    }
    if (runs.some(r => r.status === 75)) seen.refused++
    else seen.both++
    // Every sync pdd ran is in a RunResult, with a cost.
    const calls = existsSync(log)
      ? readFileSync(log, 'utf8')
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
    expect(existsSync(path.join(repo.dir, '.git', LOCK_FILE)), where).toBe(false)
    git(repo.dir, 'fsck', '--no-progress')
  }
  console.log(`cli lock outcomes: ${JSON.stringify(seen)}`)
}, 1_200_000)

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
