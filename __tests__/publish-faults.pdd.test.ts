/**
 * Paid work is never lost (docs/architecture.md, "Trust"), with the real pdd-cli against the scripted LLM, real git
 * with a bare origin, the bundled action and the GitHub API stand-in: an origin lost after the first group was
 * published, a push the server refuses, the job killed (SIGKILL, past the runner's grace) after the first group
 * and the API failing on the pull request of the run after it, and two runs started together. In each, every
 * unit paid for is on origin or in the artifact the step names.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it, type TestContext } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import type { ActionRun } from './helpers/action-runner.js'
import { actionWorld, type ActionWorld } from './helpers/action-world.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git } from './helpers/git-repo.js'
import type { UnitScript } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { describeRealPdd } from './helpers/real-pdd.js'

const TIMEOUT = 1_200_000
const BRANCH = 'refs/heads/pdd-sync/main'

interface World extends Omit<ActionWorld, 'run'> {
  run(inputs?: Record<string, string>, onStart?: (c: ChildProcess) => void): Promise<ActionRun>
}

async function world(t: TestContext, twoGroups: boolean): Promise<World> {
  const units: Record<string, UnitScript> = twoGroups
    ? { calc: CALC_UNIT, greet: GREET_UNIT }
    : { calc: CALC_UNIT }
  const files = { ...PROMPTS.calc, ...(twoGroups ? PROMPTS.greet : {}) }
  const w = await actionWorld(t, { units }, files, { inputs: { budget: '5', concurrency: '1' } })
  return { ...w, run: (inputs = {}, onStart) => w.run(inputs, { onStart }) }
}

/** Calls `then` once, when the run logs that its first group was published. */
function afterFirstProgress(then: (c: ChildProcess) => void): (c: ChildProcess) => void {
  return child => {
    let out = ''
    let done = false
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString()
      if (!done && /Progress published: 1 unit\(s\) finished/.test(out)) {
        done = true
        then(child)
      }
    })
  }
}

/** The artifact folder the run kept its work in (off-runner, artifacts are folders under RUNNER_TEMP). */
function artifactOf(r: ActionRun): string {
  const dir = path.join(path.dirname(path.dirname(r.outputs.result ?? '')), 'pdd-sync', 'artifacts')
  const [name] = readdirSync(dir)
  return path.join(dir, name ?? '')
}

/** Files of the bot branch a bundle holds, applied to a fresh clone of `origin`. */
function filesInBundle(origin: string, bundle: string): string {
  const clone = cloneOf(origin)
  git(clone, 'fetch', '-q', bundle, `${BRANCH}:refs/heads/rescued`)
  return git(clone, 'ls-tree', '-r', '--name-only', 'refs/heads/rescued')
}

function expectKeptAndFailed(r: ActionRun, units: string[]): string {
  expect(r.status, r.stdout.slice(-3000)).not.toBe(0)
  expect(r.outputs.status).toBe('publish-failed')
  expect(JSON.parse(r.outputs.synced ?? '[]')).toEqual(units)
  expect(Number(r.outputs.spent)).toBeGreaterThan(0)
  expect(r.summary).toMatch(/^> \[!CAUTION\]\n> \*\*Not published:\*\*/)
  for (const u of units) expect(r.summary).toContain(u.replace(/_python$/, ''))
  expect(r.stdout).toMatch(
    /::error::pdd-sync: the paid results are not on the remote .*git fetch pdd-sync\.bundle/
  )
  const kept = artifactOf(r)
  const record = JSON.parse(readFileSync(path.join(kept, 'run-record.json'), 'utf8')) as {
    units: { id: string; status: string; cost: number | null }[]
  }
  for (const u of units) expect(record.units.find(x => x.id === u)).toMatchObject({ status: 'synced' })
  return path.join(kept, 'pdd-sync.bundle')
}

// Independent worlds, mostly waiting on pdd: side by side. Each fault is triggered by what the run logs
// (`afterFirstProgress`), never by a delay, so the timing of the others does not matter.
describeRealPdd.concurrent('paid work survives publish faults (real pdd)', () => {
  it(
    'origin lost after the first group was published: summary, outputs, a bundle with both groups, a clear failure',
    async t => {
      const w = await world(t, true)
      const gone = `${w.origin}.gone`
      const r = await w.run(
        {},
        afterFirstProgress(() => renameSync(w.origin, gone))
      )
      const bundle = expectKeptAndFailed(r, ['calc_python', 'greet_python'])
      renameSync(gone, w.origin)
      // What was published before the origin went away is still there: the first group and its record.
      expect(git(w.origin, 'ls-tree', '-r', '--name-only', BRANCH)).toMatch(/^calc\.py$/m)
      const partial = runRecordsIn(w.origin)[0]
      expect(partial?.partial).toBe(true)
      expect(partial?.units.map(u => u.id)).toHaveLength(1)
      // The bundle holds both groups' commits and applies to a clone of origin.
      const files = filesInBundle(w.origin, bundle)
      expect(files).toMatch(/^calc\.py$/m)
      expect(files).toMatch(/^greet\.py$/m)
    },
    TIMEOUT
  )

  it(
    'the server refuses the bot branch (pre-receive hook): the record is on origin, the commits in the bundle',
    async t => {
      const w = await world(t, false)
      const hook = path.join(w.origin, 'hooks', 'pre-receive')
      writeFileSync(
        hook,
        '#!/bin/sh\nwhile read old new ref; do case "$ref" in refs/heads/pdd-sync/*) echo "branch protected" >&2; exit 1;; esac; done\n'
      )
      chmodSync(hook, 0o755)
      const r = await w.run()
      const bundle = expectKeptAndFailed(r, ['calc_python'])
      expect(r.stdout).toContain('branch protected')
      expect(git(w.origin, 'branch', '--list', 'pdd-sync/main').trim()).toBe('')
      const [record] = runRecordsIn(w.origin)
      expect(record?.partial).toBeUndefined()
      expect(record?.units.find(u => u.id === 'calc_python')?.status).toBe('synced')
      expect(filesInBundle(w.origin, bundle)).toMatch(/^calc\.py$/m)
      expect(w.api.pulls()).toHaveLength(0)
    },
    TIMEOUT
  )

  it(
    'the job killed (SIGKILL) after the first group: its commit and record are on origin; the next run keeps it, and when the API answers 500 on the pull request the branch and record are pushed, a warning, the step passes',
    async t => {
      const w = await world(t, true)
      const r = await w.run(
        {},
        afterFirstProgress(c => c.kill('SIGKILL'))
      )
      expect(r.status).not.toBe(0)
      const files = git(w.origin, 'ls-tree', '-r', '--name-only', BRANCH)
      const [record] = runRecordsIn(w.origin)
      expect(record?.partial).toBe(true)
      const [done] = record?.units ?? []
      expect(done?.status).toBe('synced')
      expect(done?.cost).toBeGreaterThan(0)
      expect(files).toContain(`${done?.basename ?? '?'}.py`)
      expect(existsSync(w.origin)).toBe(true)
      // The next run keeps it: the unit is found synced on the bot branch and not paid for again. It pays for
      // the other unit, then the API answers 500 on the pull request: branch and record are still pushed.
      w.api.fail({ method: 'POST', path: '/repos/acme/calc/pulls', status: 500, times: 20 })
      const calls = w.repo.server.calls().length
      const r2 = await w.run()
      expect(r2.status, r2.stdout.slice(-3000)).toBe(0)
      expect(r2.outputs.status).toBe('success')
      expect(r2.stdout).toContain(`Already synced on pdd-sync/main, not run again: ${done?.id ?? '?'}`)
      expect(r2.stdout).toMatch(/::warning ?::The pull request could not be created .*HTTP 500/)
      expect(git(w.origin, 'ls-tree', '-r', '--name-only', BRANCH)).toMatch(/^calc\.py$/m)
      expect(git(w.origin, 'ls-tree', '-r', '--name-only', BRANCH)).toMatch(/^greet\.py$/m)
      expect(w.repo.server.calls().length).toBeGreaterThan(calls)
      const last = runRecordsIn(w.origin).find(x => !x.partial)
      const other = done?.id === 'calc_python' ? 'greet_python' : 'calc_python'
      expect(last?.units.find(u => u.id === other)?.status).toBe('synced')
      expect(w.api.pulls()).toHaveLength(0)
    },
    TIMEOUT
  )

  it(
    'two runs started together, one unit each (real pdd): both units on the branch, both records (none lost), one PR listing both',
    async t => {
      const w = await world(t, true)
      const [a, b] = await Promise.all([w.run({ units: 'calc_python' }), w.run({ units: 'greet_python' })])
      for (const r of [a, b]) expect(r.status, r.stdout.slice(-3000)).toBe(0)
      const files = git(w.origin, 'ls-tree', '-r', '--name-only', BRANCH)
      expect(files).toMatch(/^calc\.py$/m)
      expect(files).toMatch(/^greet\.py$/m)
      const synced = runRecordsIn(w.origin).flatMap(r =>
        r.units.filter(u => u.status === 'synced').map(u => u.id)
      )
      expect(synced.sort()).toEqual(['calc_python', 'greet_python'])
      // No run record lost: one per run, each under its own run id.
      const records = runRecordsIn(w.origin)
      expect(records).toHaveLength(2)
      expect(new Set(records.map(r => r.runId)).size).toBe(2)
      expect(w.api.pulls()).toHaveLength(1)
      expect(w.api.pulls().filter(p => p.state === 'open')).toHaveLength(1)
      expect(w.api.problems).toEqual([])
      const body = w.api.pulls()[0]?.body ?? ''
      for (const u of ['calc', 'greet'])
        expect(body).toMatch(new RegExp(`unit=${u}_python|${u} \\(python\\)`))
    },
    TIMEOUT
  )
})
