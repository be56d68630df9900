/**
 * `pdd-sync run` interrupted mid-run (README "The command line"). The first group (alpha) is synced and lands on
 * the bot branch; the second (beta) waits at a gate in the `pdd` stand-in; then the run is stopped.
 * - SIGKILL (or a second Ctrl-C, a closed terminal): before, the run record was written only at the end, so the
 *   local notes held nothing; once the bot branch was merged, the next run found alpha without its state and
 *   paid for it again, and the caps never counted what the killed run spent. Now a partial record is written
 *   after each group lands, as the action publishes its progress.
 * - SIGINT / SIGTERM: the run stops its syncs and records what finished; before, it exited 0 as if it had done
 *   what it was asked; now it exits 130.
 */
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import { TEST_DIST } from './helpers/bundles.js'
import { FAKE_PROVIDER_ENV, installFakePdd } from './helpers/fake-pdd.js'
import { git, makeRepo, tempDir } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** Resolves once `ok()` holds (looking every 20 ms), or after `ms`. */
async function until(ok: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok() && Date.now() < end) await sleep(20)
}

interface Setup {
  repo: string
  log: string
  /** The stand-in without a gate. */
  fake: string
  /** The stand-in whose sync of beta waits at the gate. */
  gated: string
  atGate: () => boolean
  open: () => void
}

function setup(): Setup {
  const repo = makeRepo({ 'prompts/alpha_python.prompt': 'a\n', 'prompts/beta_python.prompt': 'b\n' })
  const bin = tempDir('fake-pdd-')
  const log = path.join(bin, 'calls.jsonl')
  const [fake] = installFakePdd(bin, { log })
  const gated = path.join(bin, 'gated-pdd')
  const gate = path.join(bin, 'gate')
  writeFileSync(
    gated,
    [
      '#!/bin/bash',
      // beta's sync waits until the test opens the gate, then fails without paying (the run is gone by then).
      `case " $* " in *" sync "*" beta ") : > '${gate}.waiting'; exec 3<> <(:); while [ ! -e '${gate}.open' ]; do read -rt 0.02 -u 3 _ || :; done; exit 3 ;; esac`,
      `exec '${fake as string}' "$@"`,
      ''
    ].join('\n')
  )
  chmodSync(gated, 0o755)
  return {
    repo: repo.dir,
    log,
    fake: fake as string,
    gated,
    atGate: () => existsSync(`${gate}.waiting`),
    open: () => writeFileSync(`${gate}.open`, '')
  }
}

function start(s: Setup, pdd: string, resultFile: string) {
  const args = ['run', '--repo', s.repo, '--pdd-command', pdd, '--concurrency', '1', '--no-fetch']
  const child = spawn(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args, '--result', resultFile], {
    env: { ...process.env, ...FAKE_PROVIDER_ENV }
  })
  let stderr = ''
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const done = new Promise<{ status: number | null; signal: string | null; stderr: string }>(resolve =>
    child.on('close', (status, signal) => resolve({ status, signal, stderr }))
  )
  return { child, done }
}

const syncsOf = (log: string): string[] =>
  readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map(l => (JSON.parse(l) as { argv: string[] }).argv)
    .filter(a => a.includes('sync'))
    .map(a => a[a.length - 1] ?? '')

describe.concurrent('pdd-sync run interrupted after its first group landed', () => {
  it('SIGKILL: the local notes hold a partial record of alpha; after merging, the next run does not pay for it again', async () => {
    const s = setup()
    const run = start(s, s.gated, path.join(s.repo, '..', 'r1.json'))
    await until(s.atGate)
    expect(s.atGate()).toBe(true)
    // The partial record is written beside beta's sync; without it, give up waiting after 10 s.
    await until(() => git(s.repo, 'for-each-ref', 'refs/notes/pdd-sync').trim() !== '', 10_000)
    run.child.kill('SIGKILL')
    const killed = await run.done
    s.open()
    expect(killed.signal).toBe('SIGKILL')
    const [rec] = runRecordsIn(s.repo)
    expect(rec?.partial).toBe(true)
    expect(rec?.units.map(u => [u.id, u.status])).toEqual([['alpha_python', 'synced']])
    expect(rec?.units[0]?.cost).toBeGreaterThan(0)
    git(s.repo, 'merge', '-q', '--ff-only', 'pdd-sync/main')
    const resultFile = path.join(s.repo, '..', 'r2.json')
    const again = await start(s, s.fake, resultFile).done
    expect(again.status, again.stderr.slice(-2000)).toBe(0)
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as RunResult
    const status = Object.fromEntries(result.units.map(u => [u.id, u.status]))
    expect(status).toEqual({ alpha_python: 'unchanged', beta_python: 'synced' })
    expect(syncsOf(s.log)).toEqual(['alpha', 'beta'])
  })

  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: what finished is recorded, and the exit code (130) says the run was interrupted',
    async sig => {
      const s = setup()
      const resultFile = path.join(s.repo, '..', 'r.json')
      const run = start(s, s.gated, resultFile)
      await until(s.atGate)
      run.child.kill(sig)
      const r = await run.done
      s.open()
      expect(r.stderr).toMatch(/Interrupted: stopping the running syncs; what finished is kept\./)
      expect(r.status, r.stderr.slice(-2000)).toBe(130)
      const result = JSON.parse(readFileSync(resultFile, 'utf8')) as RunResult
      expect(result.cancelled).toBe(true)
      expect(result.units.find(u => u.id === 'alpha_python')?.status).toBe('synced')
      const final = runRecordsIn(s.repo).find(x => !x.partial)
      expect(final?.units.find(u => u.id === 'alpha_python')?.status).toBe('synced')
    }
  )
})
