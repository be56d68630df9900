// Executor benchmark: 40 independent groups run by the pdd stand-in at a fixed latency per sync, at concurrency
// 1, 2 and 4 — wall time against N/c × latency, worktree overhead per group — and spent vs budget when the
// budget covers only part of the work. BENCH_DIST (dist), BENCH_CONCURRENCY (1,2,4), BENCH_BUDGETS=0 (skip that part).
// With /usr/bin/time it also reports CPU (user+sys, children included), which a loaded machine inflates far less
// than wall time: the run's CPU against N × one stand-in sync's, and the executor's own CPU per group.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.dirname(here)
const N = Number(process.env.BENCH_GROUPS ?? 40)
const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 500)
const CLI = path.resolve(root, process.env.BENCH_DIST ?? 'dist', 'cli.js')
const LEVELS = (process.env.BENCH_CONCURRENCY ?? '1,2,4').split(',').map(Number)
const BUDGETS = process.env.BENCH_BUDGETS !== '0'
// The run checks for a provider key before it spends; the stand-in never calls a provider, so any value does.
const gitEnv = { ...process.env, OPENAI_API_KEY: 'bench-stand-in', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }

function repo(dir) {
  mkdirSync(path.join(dir, 'prompts'), { recursive: true })
  for (let i = 0; i < N; i++) writeFileSync(path.join(dir, 'prompts', `unit${String(i).padStart(2, '0')}_python.prompt`), `unit ${i}\n`)
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: gitEnv })
  execFileSync('git', ['add', '-A'], { cwd: dir, env: gitEnv })
  execFileSync('git', ['commit', '-q', '-m', 'x'], { cwd: dir, env: gitEnv })
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

const base = mkdtempSync(path.join(tmpdir(), 'pdd-sync-exbench-'))
try {
  const pdd = fakePdd(path.join(base, 'bin'), { delayMs: LATENCY, costPerCall: 0.01 })
  const probe = path.join(base, 'probe')
  repo(probe)
  const { ms: latency, cpuMs: standInCpu } = standInLatency(pdd, probe)
  const rows = []
  for (const c of LEVELS) {
    const dir = path.join(base, `repo-c${c}`)
    repo(dir)
    const { ms, cpuMs, result } = run(['--repo', dir, '--pdd-command', pdd, '--concurrency', String(c), '--budget', '1000'])
    // Ideal: N/c × what one stand-in sync takes by itself; the sleep alone (LATENCY) is shown too.
    const ideal = (N / c) * latency
    const sleepOnly = (N / c) * LATENCY
    rows.push({ concurrency: c, wallMs: Math.round(ms), idealMs: Math.round(ideal), ratio: Number((ms / ideal).toFixed(2)), ratioToSleep: Number((ms / sleepOnly).toFixed(2)), overheadPerGroupMs: Math.round((ms - ideal) / (N / c)), cpuMs: Math.round(cpuMs), cpuRatio: Number((cpuMs / (N * standInCpu)).toFixed(2)), executorCpuPerGroupMs: Math.round((cpuMs - N * standInCpu) / N), synced: result.units.filter(u => u.status === 'synced').length })
  }
  const budgets = []
  for (const [policy, budget] of BUDGETS ? [['fit', 20], ['ordered', 20], ['fit', 5]] : []) {
    const dir = path.join(base, `repo-b-${policy}-${budget}`)
    repo(dir)
    const { result } = run(['--repo', dir, '--pdd-command', pdd, '--concurrency', '4', '--budget', String(budget), '--budget-policy', policy])
    const count = s => result.units.filter(u => u.status === s).length
    budgets.push({ policy, budget, spent: result.spent, overshoot: result.overshoot, synced: count('synced'), skippedBudget: count('skipped-budget') })
  }
  console.log(JSON.stringify({ groups: N, sleepMs: LATENCY, standInSyncMs: Math.round(latency), standInSyncCpuMs: Math.round(standInCpu), concurrency: rows, budget: budgets }, null, 2))
} finally {
  rmSync(base, { recursive: true, force: true })
}
