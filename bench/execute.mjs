// Executor benchmark: 40 independent groups run by the pdd stand-in at a fixed latency per sync, at concurrency
// 1, 2 and 4 — wall time against N/c × latency, worktree overhead per group — and spent vs budget when the
// budget covers only part of the work. BENCH_DIST (dist), BENCH_CONCURRENCY (1,2,4), BENCH_BUDGETS=0 (skip that part),
// BENCH_RUNS (3: runs per level; the median, min and max ratio are printed, with the load average).
// The measured runs are a repository's usual run: its notes already hold a run record with a cost, so the budget
// is not calibrating (a first run ever syncs its first group alone: one more sync's latency, see "Budget" in
// docs/architecture.md); BENCH_FIRST_RUN=1 adds that case at each level.
// The floor (BENCH_FLOOR=0 skips it): the same N stand-in syncs at concurrency c with no executor at all — a slot
// starts the next sync the moment one ends, each in a repository of its own made beforehand — measured before each
// level's runs: what the machine itself gives N syncs at c; ratioToFloor is the run (process start to exit) against it.
// With /usr/bin/time it also reports CPU (user+sys, children included), which a loaded machine inflates far less
// than wall time: the run's CPU against N × one stand-in sync's, and the executor's own CPU per group.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const N = Number(process.env.BENCH_GROUPS ?? 40)
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 500)
const CLI = path.resolve(root, process.env.BENCH_DIST ?? 'dist', 'cli.js')
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,2,4').split(',').map(Number)
const BUDGETS = process.env.BENCH_BUDGETS !== '0'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const FIRST_RUN = process.env.BENCH_FIRST_RUN === '1'
const FLOOR = process.env.BENCH_FLOOR !== '0'
// The run checks for a provider key before it spends; the stand-in never calls a provider, so any value does.
const gitEnv = { ...process.env, OPENAI_API_KEY: 'bench-stand-in', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }

function repo(dir) {
  mkdirSync(path.join(dir, 'prompts'), { recursive: true })
  for (let i = 0; i < N; i++) writeFileSync(path.join(dir, 'prompts', `unit${String(i).padStart(2, '0')}_python.prompt`), `unit ${i}\n`)
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: gitEnv })
  execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv })
  execFileSync('git', ['commit', '-q', '-m', 'x'], { cwd: dir, env: gitEnv })
}

/**
 * A repository that has run before: one unit synced (its run record, with the cost it booked, is in the local
 * notes), then its prompt edited, so that all N groups have work again and the budget is not calibrating.
 */
function usedRepo(dir, pdd) {
  repo(dir)
  run(['--repo', dir, '--pdd-command', pdd, '--concurrency', '1', '--budget', '1000', '--units', 'unit00'])
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir, env: gitEnv })
  // Its unmerged bot branch would make the next run refuse (src/cli/bot-branch-use.ts); the record stays.
  execFileSync('git', ['branch', '-q', '-D', 'pdd-sync/main'], { cwd: dir, env: gitEnv })
  writeFileSync(path.join(dir, 'prompts', 'unit00_python.prompt'), 'unit 0, edited\n')
  execFileSync('git', ['commit', '-q', '-am', 'edit'], { cwd: dir, env: gitEnv })
}

function fakePdd(dir, faults) {
  mkdirSync(dir, { recursive: true })
  copyFileSync(path.join(root, '__tests__', 'helpers', 'fake-pdd.mjs'), path.join(dir, 'fake-pdd.mjs'))
  chmodSync(path.join(dir, 'fake-pdd.mjs'), 0o755)
  symlinkSync('fake-pdd.mjs', path.join(dir, 'pdd'))
  writeFileSync(path.join(dir, 'fake-pdd-faults.json'), JSON.stringify(faults))
  return path.join(dir, 'pdd')
}

const TIME = '/usr/bin/time'
const hasTime = existsSync(TIME)
/** spawnSync under /usr/bin/time when it is installed: the result, and the CPU ms (NaN without it). */
function timedSpawn(cmd, args, opts) {
  const r = spawnSync(hasTime ? TIME : cmd, hasTime ? ['-f', 'BENCH_TIME %U %S', cmd, ...args] : args, opts)
  const t = /BENCH_TIME ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '')
  return { r, cpuMs: t ? (Number(t[1]) + Number(t[2])) * 1000 : NaN }
}

function run(args) {
  const t0 = performance.now()
  const { r, cpuMs } = timedSpawn(process.execPath, [CLI, 'run', ...args, '--json', '--no-fetch'], { encoding: 'utf8', env: gitEnv, maxBuffer: 1 << 28 })
  const ms = performance.now() - t0
  if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr)
  return { ms, cpuMs, result: JSON.parse(r.stdout) }
}

/** What one stand-in sync takes on its own (its sleep plus its own Node start-up and file writes), median of 5. */
function standInLatency(pdd, dir) {
  const times = []
  const cpu = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    const { r, cpuMs } = timedSpawn(pdd, ['--force', '--local', 'sync', '--budget', '5', '--max-attempts', '3', 'unit00'], {
      cwd: dir,
      env: { ...gitEnv, PDD_OUTPUT_COST_PATH: path.join(dir, `cost-${i}.csv`) },
      encoding: 'utf8'
    })
    if (r.status !== 0) throw new Error(r.stderr)
    times.push(performance.now() - t0)
    cpu.push(cpuMs)
  }
  const median = xs => [...xs].sort((a, b) => a - b)[2]
  return { ms: median(times), cpuMs: median(cpu) }
}

/**
 * What c stand-in syncs started together take (the slowest of them), median of 3 rounds: what the machine gives c
 * syncs at once. On an idle machine with c cores it is one sync's latency; on a shared one, c stand-ins (each a
 * Node start-up) compete for the cores, which the executor cannot help.
 */
async function standInLatencyAt(c, pdd, dir) {
  const one = i =>
    new Promise((resolve, reject) => {
      const env = { ...gitEnv, PDD_OUTPUT_COST_PATH: path.join(dir, `cost-c${c}-${i}.csv`) }
      const child = spawn(pdd, ['--force', '--local', 'sync', '--budget', '5', '--max-attempts', '3', 'unit00'], { cwd: dir, env, stdio: 'ignore' })
      child.on('error', reject)
      child.on('close', code => (code === 0 ? resolve() : reject(new Error(`stand-in exited ${code}`))))
    })
  const rounds = []
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now()
    await Promise.all(Array.from({ length: c }, (_, i) => one(i)))
    rounds.push(performance.now() - t0)
  }
  return med(rounds)
}

/** See FLOOR above: wall ms of N stand-in syncs at concurrency c, no executor (repositories made beforehand). */
async function floorAt(c, pdd, base) {
  const dirs = Array.from({ length: N }, (_, i) => {
    const dir = path.join(base, `floor-${c}-${i}`)
    mkdirSync(path.join(dir, 'prompts'), { recursive: true })
    writeFileSync(path.join(dir, 'prompts', `unit${i}_python.prompt`), `unit ${i}\n`)
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: gitEnv })
    return dir
  })
  const one = i =>
    new Promise((resolve, reject) => {
      const env = { ...gitEnv, PDD_OUTPUT_COST_PATH: path.join(dirs[i], 'cost.csv') }
      const child = spawn(pdd, ['--force', '--local', 'sync', '--budget', '5', '--max-attempts', '3', `unit${i}`], { cwd: dirs[i], env, stdio: 'ignore' })
      child.on('error', reject)
      child.on('close', code => (code === 0 ? resolve() : reject(new Error(`stand-in exited ${code}`))))
    })
  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: c }, async () => { while (next < N) await one(next++) }))
  const ms = performance.now() - t0
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  return ms
}

const med = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const r2 = x => Number(x.toFixed(2))

/** One level's figures: the median run's, and the spread of the ratio over the runs. */
function row(c, firstRun, runs, latency, standInCpu, latencyAtC, floorMs) {
  // Ideal: N/c × what one stand-in sync takes by itself; the sleep alone (LATENCY) is shown too.
  const ideal = (N / c) * latency
  const ms = med(runs.map(r => r.ms))
  const cpuMs = med(runs.map(r => r.cpuMs))
  const ratios = runs.map(r => r.ms / ideal)
  return {
    concurrency: c,
    ...(FIRST_RUN ? { run: firstRun ? 'first (calibrating)' : 'usual' } : {}),
    runs: runs.length,
    wallMs: Math.round(ms),
    idealMs: Math.round(ideal),
    ratio: r2(ms / ideal),
    ratioMin: r2(Math.min(...ratios)),
    ratioMax: r2(Math.max(...ratios)),
    ratioToSleep: r2(ms / ((N / c) * LATENCY)),
    // Against N/c × what c stand-ins started together took on this machine just before (see standInLatencyAt).
    standInAtCMs: Math.round(latencyAtC),
    ratioToStandInAtC: r2(ms / ((N / c) * latencyAtC)),
    ...(floorMs === undefined ? {} : { floorMs: Math.round(floorMs), ratioToFloor: r2(ms / floorMs) }),
    overheadPerGroupMs: Math.round((ms - ideal) / (N / c)),
    cpuMs: Math.round(cpuMs),
    cpuRatio: r2(cpuMs / (N * standInCpu)),
    executorCpuPerGroupMs: Math.round((cpuMs - N * standInCpu) / N),
    load1: runs.map(r => r2(r.load)),
    synced: Math.min(...runs.map(r => r.synced)),
    calibratedGroups: Math.max(...runs.map(r => r.calibrated))
  }
}

const base = mkdtempSync(path.join(tmpdir(), 'pdd-sync-exbench-'))
try {
  const pdd = fakePdd(path.join(base, 'bin'), { delayMs: LATENCY, costPerCall: 0.01 })
  const probe = path.join(base, 'probe')
  repo(probe)
  const { ms: latency, cpuMs: standInCpu } = standInLatency(pdd, probe)
  const rows = []
  for (const c of LEVELS) {
    for (const firstRun of FIRST_RUN ? [false, true] : [false]) {
      const runs = []
      const latencyAtC = await standInLatencyAt(c, pdd, probe)
      const floorMs = FLOOR && !firstRun ? await floorAt(c, pdd, base) : undefined
      for (let i = 0; i < RUNS; i++) {
        const dir = path.join(base, `repo-c${c}-${firstRun ? 'first' : 'used'}-${i}`)
        if (firstRun) repo(dir)
        else usedRepo(dir, pdd)
        const load = loadavg()[0]
        const { ms, cpuMs, result } = run(['--repo', dir, '--pdd-command', pdd, '--concurrency', String(c), '--budget', '1000'])
        runs.push({ ms, cpuMs, load, synced: result.units.filter(u => u.status === 'synced').length, calibrated: result.calibration?.groups?.length ?? 0 })
        rmSync(dir, { recursive: true, force: true })
      }
      rows.push(row(c, firstRun, runs, latency, standInCpu, latencyAtC, floorMs))
    }
  }
  const budgets = []
  for (const [policy, budget] of BUDGETS ? [['fit', 20], ['ordered', 20], ['fit', 5]] : []) {
    const dir = path.join(base, `repo-b-${policy}-${budget}`)
    repo(dir)
    const { result } = run(['--repo', dir, '--pdd-command', pdd, '--concurrency', '4', '--budget', String(budget), '--budget-policy', policy])
    const count = s => result.units.filter(u => u.status === s).length
    budgets.push({ policy, budget, spent: result.spent, overshoot: result.overshoot, synced: count('synced'), skippedBudget: count('skipped-budget') })
  }
  console.log(JSON.stringify({ groups: N, cpus: availableParallelism(), sleepMs: LATENCY, standInSyncMs: Math.round(latency), standInSyncCpuMs: Math.round(standInCpu), concurrency: rows, budget: budgets }, null, 2))
} finally {
  rmSync(base, { recursive: true, force: true })
}
