/**
 * Two action runs started together on one origin, each syncing its own unit (docs/architecture.md, "Trust"): whatever the timing,
 * no paid unit goes missing — it is on the bot branch, or its run says publish-failed and kept it in an
 * artifact — no run record is lost, the branch is sound, and the one pull request lists every unit on it.
 * The `pdd` stand-in plays pdd (real pdd takes ~5 s per sync); publish.pdd and the real-pdd fault tests cover the
 * real CLI.
 *
 * The orders are forced, not hoped for: each run's sync waits at a gate (a file the test creates) before the
 * stand-in answers, and the test opens the gates on what the runs log — one run done before the other publishes,
 * both publishing at once, the second finishing while the first publishes its progress or its result. A few
 * trials with random offsets follow, for the orders nobody thought of.
 */
import type { ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it, type TestContext } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { runRecordsIn } from './helpers/notes.js'

const RANDOM_TRIALS = Number(process.env.PDD_SYNC_RACE_TRIALS ?? 3)
const UNITS = ['alpha', 'beta'] as const
type Unit = (typeof UNITS)[number]

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** Resolves once `ok()` holds, looking every 20 ms (a barrier, not a timed assertion: no deadline). */
async function until(ok: () => boolean): Promise<void> {
  while (!ok()) await sleep(20)
}

/**
 * A `pdd` that, for `sync`, says it is at the gate (`<gate>/<basename>.ready`) and waits until the test opens it
 * (`<gate>/<basename>.go`) before the stand-in runs; `--version` and the rest pass straight through.
 */
function gatedPdd(gate: string): string {
  const [fake] = installFakePdd(tempDir('fake-pdd-'), { delayMs: 50 })
  const file = path.join(gate, 'pdd')
  writeFileSync(
    file,
    [
      '#!/bin/bash',
      'b="${!#}"',
      'case " $* " in *" sync "*)',
      `  : > '${gate}'/"$b.ready"`,
      // Waits 20 ms a look with bash's own `read -t` on a pipe nobody writes (not a `sleep` process per look:
      // ~1.9 → 0.2 ms of CPU each, and a gate is looked at hundreds of times a file).
      `  exec 3<> <(:); while [ ! -e '${gate}'/"$b.go" ]; do read -rt 0.02 -u 3 _ || :; done; exec 3<&- ;;`,
      'esac',
      `exec '${fake as string}' "$@"`,
      ''
    ].join('\n')
  )
  chmodSync(file, 0o755)
  return file
}

/** One run of a trial: its result, and what it has logged so far (to open the other gate on). */
interface Racer {
  done: Promise<ActionRun>
  finished: () => boolean
  logged: () => string
}

/** The two runs of one trial, each held at its gate; `open(u)` lets unit `u`'s sync answer. */
interface Trial {
  racers: Record<Unit, Racer>
  ready: (u: Unit) => boolean
  open: (u: Unit) => void
  origin: string
  api: GitHubApi
}

async function trial(t: Pick<TestContext, 'onTestFinished'>): Promise<Trial> {
  const api = await startGitHubApi()
  t.onTestFinished(() => api.close())
  api.ensureRepo('acme', 'calc')
  const repo = makeRepo(Object.fromEntries(UNITS.map(u => [`prompts/${u}_python.prompt`, `${u}\n`])))
  const gate = tempDir('race-gate-')
  const pdd = gatedPdd(gate)
  const racer = (u: Unit, i: number): Racer => {
    let out = ''
    let finished = false
    const done = runActionAsync(
      { mode: 'run', token: 'ghs_x', 'pdd-command': pdd, budget: '10', units: `${u}_python` },
      {
        workspace: cloneOf(repo.origin),
        event: 'workflow_dispatch',
        apiUrl: api.url,
        runId: String(100 + i)
      },
      (child: ChildProcess) => child.stdout?.on('data', (b: Buffer) => (out += b.toString()))
    ).finally(() => (finished = true))
    return { done, finished: () => finished, logged: () => out }
  }
  return {
    racers: { alpha: racer('alpha', 0), beta: racer('beta', 1) },
    ready: u => existsSync(path.join(gate, `${u}.ready`)),
    open: u => writeFileSync(path.join(gate, `${u}.go`), ''),
    origin: repo.origin,
    api
  }
}

/** How a trial opens the gates: each forces one order of the two runs' sync and publish. */
const ORDERS: Record<string, (x: Trial) => Promise<void>> = {
  'alpha done before beta syncs': async x => {
    x.open('alpha')
    await until(x.racers.alpha.finished)
    x.open('beta')
  },
  'beta done before alpha syncs': async x => {
    x.open('beta')
    await until(x.racers.beta.finished)
    x.open('alpha')
  },
  'both syncs answer at once': async x => {
    await until(() => x.ready('alpha') && x.ready('beta'))
    x.open('alpha')
    x.open('beta')
  },
  'beta answers as alpha publishes its progress': async x => {
    x.open('alpha')
    await until(() => /Progress published|::group::Publish/.test(x.racers.alpha.logged()))
    x.open('beta')
  },
  'beta answers as alpha publishes its result': async x => {
    x.open('alpha')
    await until(() => x.racers.alpha.logged().includes('::group::Publish'))
    x.open('beta')
  }
}

it.concurrent.for(Object.keys(ORDERS))(
  'forced order: %s — nothing is lost',
  { timeout: 300_000 },
  async (order, t) => {
    const x = await trial(t)
    await (ORDERS[order] as (x: Trial) => Promise<void>)(x)
    const runs = [await x.racers.alpha.done, await x.racers.beta.done]
    console.log(`race ${order}: ${check(order, x.origin, runs, x.api)}`)
  }
)

it.concurrent.for(Array.from({ length: RANDOM_TRIALS }, (_, i) => i))(
  'random offset, trial %s — nothing is lost',
  { timeout: 300_000 },
  async (i, t) => {
    const x = await trial(t)
    const offset = Math.floor(Math.random() * 2500)
    await until(() => x.ready('alpha'))
    x.open('alpha')
    await sleep(offset)
    x.open('beta')
    const runs = [await x.racers.alpha.done, await x.racers.beta.done]
    console.log(
      `race trial ${i} (offset ${offset} ms): ${check(`offset ${offset} ms`, x.origin, runs, x.api)}`
    )
  }
)

/** Checks what one trial left; returns which units reached the bot branch. */
function check(where: string, origin: string, runs: ActionRun[], api: GitHubApi): string {
  const files = git(origin, 'ls-tree', '-r', '--name-only', 'refs/heads/pdd-sync/main')
  const onBranch = UNITS.filter(u => new RegExp(`^${u}\\.py$`, 'm').test(files))
  runs.forEach((r, i) => {
    const u = UNITS[i] as Unit
    expect(r.outputs.synced, `${where}: ${r.stdout.slice(-2000)}`).toBe(`["${u}_python"]`)
    if (onBranch.includes(u)) return
    // Not on the branch: the run must say so loudly and keep the work.
    expect(r.outputs.status, where).toBe('publish-failed')
    expect(r.status, where).not.toBe(0)
    expect(existsSync(path.join(runnerTemp(r), 'pdd-sync')), where).toBe(true)
  })
  // A sound branch: it builds on main, and only the bot committed to it.
  git(origin, 'fsck', '--no-progress')
  const authors = git(origin, 'log', '--format=%ae', 'main..refs/heads/pdd-sync/main').trim().split('\n')
  expect(new Set(authors), where).toEqual(new Set(['41898282+github-actions[bot]@users.noreply.github.com']))
  git(origin, 'merge-base', '--is-ancestor', 'main', 'refs/heads/pdd-sync/main')
  // Both run records reached origin, each with its unit synced.
  const records = runRecordsIn(origin)
  for (const [i, u] of UNITS.entries()) {
    const rec = records.find(x => x.runId.startsWith(`${100 + i}-`))
    expect(rec?.units.find(x => x.id === `${u}_python`)?.status, where).toBe('synced')
  }
  // One pull request, listing every unit on the branch (its own checklist line, or carried).
  const pulls = api.pulls()
  expect(pulls, where).toHaveLength(1)
  for (const u of onBranch)
    expect(pulls[0]?.body, where).toMatch(new RegExp(`unit=${u}_python|${u} \\(python\\)`))
  return onBranch.join('+')
}

/** The RUNNER_TEMP of a run, from the result output (`<RUNNER_TEMP>/pdd-sync/result.json`). */
function runnerTemp(r: ActionRun): string {
  return path.dirname(path.dirname(r.outputs.result ?? ''))
}
