/**
 * Two action runs started together on one origin, each syncing its own unit (docs/architecture.md, "Trust"): whatever the timing,
 * no paid unit goes missing — it is on the bot branch, or its run says publish-failed and kept it in an
 * artifact — no run record is lost, the branch is sound, and the one pull request lists every unit on it.
 * The `pdd` stand-in with a short fixed latency plays pdd (real pdd takes ~5 s per sync: too slow for 30 × 2
 * runs); publish.pdd and the real-pdd fault tests cover the real CLI.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { installFakePdd } from './helpers/fake-pdd.js'
import { cloneOf, git, makeRepo, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { runRecordsIn } from './helpers/notes.js'

const TRIALS = Number(process.env.PDD_SYNC_RACE_TRIALS ?? 30)
const UNITS = ['alpha', 'beta'] as const

/** Trials run this many at a time: each has its own origin and API stand-in, and mostly waits. */
const AT_ONCE = 3
const apis: GitHubApi[] = []
afterEach(async () => {
  for (const a of apis.splice(0)) await a.close()
})

const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

/** One trial: both runs, the second started `offset` ms after the first; returns what each left. */
async function trial(
  offset: number
): Promise<{ origin: string; runs: ActionRun[]; temps: string[]; api: GitHubApi }> {
  const api = await startGitHubApi()
  apis.push(api)
  api.ensureRepo('acme', 'calc')
  const repo = makeRepo(Object.fromEntries(UNITS.map(u => [`prompts/${u}_python.prompt`, `${u}\n`])))
  const [pdd] = installFakePdd(tempDir('fake-pdd-'), { delayMs: 300 })
  const url = api.url
  const start = (u: string, i: number): Promise<ActionRun> =>
    runActionAsync(
      { mode: 'run', token: 'ghs_x', 'pdd-command': pdd as string, budget: '10', units: `${u}_python` },
      { workspace: cloneOf(repo.origin), event: 'workflow_dispatch', apiUrl: url, runId: String(100 + i) }
    )
  const first = start(UNITS[0], 0)
  await sleep(offset)
  const runs = await Promise.all([first, start(UNITS[1], 1)])
  return { origin: repo.origin, runs, temps: runs.map(r => runnerTemp(r)), api }
}

/** The RUNNER_TEMP of a run, from the result output (`<RUNNER_TEMP>/pdd-sync/result.json`). */
function runnerTemp(r: ActionRun): string {
  return path.dirname(path.dirname(r.outputs.result ?? ''))
}

it(`${TRIALS} trials of two runs racing on one origin lose nothing`, async () => {
  const outcomes: string[] = []
  for (let first = 0; first < TRIALS; first += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, TRIALS - first) }, async (_, k) => {
      const offset = Math.floor(Math.random() * 2500)
      return { t: first + k, offset, ...(await trial(offset)) }
    })
    for (const { t, offset, origin, runs, temps, api } of await Promise.all(batch))
      outcomes.push(await check(`trial ${t} (offset ${offset} ms)`, origin, runs, temps, api))
  }
  // Racing runs normally both land (one carries the other); report the spread for the record.
  console.log(`race outcomes: ${JSON.stringify(countBy(outcomes))}`)
}, 1_800_000)

/** Checks what one trial left; returns which units reached the bot branch. */
async function check(
  where: string,
  origin: string,
  runs: ActionRun[],
  temps: string[],
  api: GitHubApi
): Promise<string> {
  const files = git(origin, 'ls-tree', '-r', '--name-only', 'refs/heads/pdd-sync/main')
  const onBranch = UNITS.filter(u => new RegExp(`^${u}\\.py$`, 'm').test(files))
  runs.forEach((r, i) => {
    const u = UNITS[i] as string
    expect(r.outputs.synced, `${where}: ${r.stdout.slice(-2000)}`).toBe(`["${u}_python"]`)
    if (onBranch.includes(u as (typeof UNITS)[number])) return
    // Not on the branch: the run must say so loudly and keep the work.
    expect(r.outputs.status, where).toBe('publish-failed')
    expect(r.status, where).not.toBe(0)
    expect(existsSync(path.join(temps[i] as string, 'pdd-sync')), where).toBe(true)
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
  await api.close()
  apis.splice(apis.indexOf(api), 1)
  return onBranch.join('+')
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const x of xs) out[x] = (out[x] ?? 0) + 1
  return out
}
