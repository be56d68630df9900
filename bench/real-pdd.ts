/**
 * Benchmark of the real PDD (pdd-cli in the cached venv) against the scripted LLM server, offline
 * (`npx tsx bench/real-pdd.ts`; BENCH_PDD_UNITS, default 20). Without a PDD venv it prints a notice and exits 0.
 *
 * 1. One full `pdd sync` of a fresh unit with an instant LLM: wall time split into PDD's start-up (spawn → its
 *    first LLM request, from the server's log) and the rest; `pdd --version` for comparison.
 * 2. The no-op cost: a repository of N units in sync (the unit synced in 1 plus copies under other names whose
 *    `.pdd/meta` fingerprints are the synced one's with every hash recomputed for the copy's files), then one
 *    `pdd --force --local sync <basename>` per unit, which must find nothing to do (0 LLM calls, no operation),
 *    against the planner on the same repository (in process, and `node dist/cli.js plan` when built).
 */
import { createHash } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runPdd, type RunPddResult } from '../src/adapters/pdd-process.js'
import { operationsRun, parseSyncOutput } from '../src/execute/pdd-output.js'
import { planRepository } from '../src/plan/plan.js'
import { start, type LlmServer, type UnitScript } from '../__tests__/helpers/llm-server.js'
import { preparePddProject, realPdd } from '../__tests__/helpers/pdd-project.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const UNITS = Number(process.env.BENCH_PDD_UNITS ?? 20)
const FIRST = 'bench00'
const seconds = (ms: number, digits = 2): string => (ms / 1000).toFixed(digits)
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

/** A unit named `name`: its prompt and what the scripted LLM answers about it. */
function unitOf(name: string): { prompt: string; script: UnitScript } {
  return {
    prompt: `Write a Python module ${name} with double(x) and label() returning '${name}'.\n`,
    script: {
      code: `def double(x):\n    return 2 * x\n\n\ndef label():\n    return '${name}'\n`,
      example: [
        'import sys',
        'from pathlib import Path',
        '',
        'sys.path.insert(0, str(Path(__file__).resolve().parents[1]))',
        `from ${name} import double, label`,
        '',
        'print(double(2), label())',
        ''
      ].join('\n'),
      test: `from ${name} import double, label\n\n\ndef test_double():\n    assert double(2) == 4\n\n\ndef test_label():\n    assert label() == '${name}'\n`
    }
  }
}

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const who = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com']
function git(dir: string, ...args: string[]): void {
  execFileSync('git', [...who, ...args], { cwd: dir, env: gitEnv, stdio: 'ignore' })
}

async function sync(dir: string, env: NodeJS.ProcessEnv, basename: string): Promise<RunPddResult> {
  const pdd = path.join(realPdd()?.binDir ?? '', 'pdd')
  const argv = [
    pdd,
    '--force',
    '--local',
    'sync',
    '--budget',
    '5',
    '--max-attempts',
    '2',
    '--no-steer',
    basename
  ]
  const costFile = path.join(mkdtempSync(path.join(tmpdir(), 'pdd-bench-cost-')), 'cost.csv')
  try {
    return await runPdd({
      argv,
      cwd: dir,
      env: { ...env, PDD_OUTPUT_COST_PATH: costFile },
      timeoutMs: 300_000
    })
  } finally {
    rmSync(path.dirname(costFile), { recursive: true, force: true })
  }
}

/** Part 1: a fresh unit synced once; returns the timings. */
async function fullSync(dir: string, env: NodeJS.ProcessEnv, server: LlmServer): Promise<string[][]> {
  const t0 = Date.now()
  const run = await sync(dir, env, FIRST)
  const total = Date.now() - t0
  const parsed = parseSyncOutput(run.stdout)
  if (parsed.overall !== 'Success') throw new Error(`the fresh sync failed:\n${run.stdout.slice(-2000)}`)
  const calls = server.calls()
  const first = calls[0]?.receivedAt ?? NaN
  const last = calls.at(-1)?.answeredAt ?? NaN
  const v0 = Date.now()
  const version = spawnSync(path.join(realPdd()?.binDir ?? '', 'pdd'), ['--version'], { cwd: dir, env })
  const versionMs = Date.now() - v0
  if (version.status !== 0) throw new Error(`pdd --version failed: ${String(version.stderr)}`)
  return [
    ['full sync of a fresh unit (instant LLM)', seconds(total), operationsRun(parsed.phases).join(' → ')],
    ['  start-up: spawn → first LLM request', seconds(first - t0), `${calls.length} LLM calls in all`],
    ['  first request → last answer', seconds(last - first), 'LLM calls (instant), example run (crash)'],
    ['  last answer → exit', seconds(t0 + total - last), 'pytest with coverage, fingerprint, summary'],
    ['pdd --version', seconds(versionMs), 'Python start and imports']
  ]
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
type Json = Record<string, unknown>

/**
 * Copies of the synced unit under other names: the same files with the name replaced, and its fingerprint and
 * run report with every hash recomputed (prompt: no includes, so sha256 of the prompt's bytes).
 */
function copyUnit(dir: string, name: string): void {
  const rename = (text: string): string => text.split(FIRST).join(name)
  const files = (b: string): Record<string, string> => ({
    prompt: `prompts/${b}_python.prompt`,
    code: `${b}.py`,
    example: `examples/${b}_example.py`,
    test: `test_${b}.py`
  })
  const from = files(FIRST)
  const to = files(name)
  for (const k of Object.keys(from)) {
    const src = path.join(dir, from[k] ?? '')
    writeFileSync(path.join(dir, to[k] ?? ''), rename(readFileSync(src, 'utf8')))
  }
  const hash = (k: string): string => sha(path.join(dir, to[k] ?? ''))
  const meta = path.join(dir, '.pdd', 'meta')
  const fp = JSON.parse(readFileSync(path.join(meta, `${FIRST}_python.json`), 'utf8')) as Json
  const testFiles = { [`test_${name}.py`]: hash('test') }
  Object.assign(fp, {
    prompt_hash: hash('prompt'),
    code_hash: hash('code'),
    example_hash: hash('example'),
    test_hash: hash('test'),
    test_files: testFiles
  })
  writeFileSync(path.join(meta, `${name}_python.json`), JSON.stringify(fp, null, 2))
  const report = JSON.parse(readFileSync(path.join(meta, `${FIRST}_python_run.json`), 'utf8')) as Json
  if ('test_hash' in report) report.test_hash = hash('test')
  if ('test_files' in report) report.test_files = testFiles
  writeFileSync(path.join(meta, `${name}_python_run.json`), JSON.stringify(report, null, 2))
}

/** Part 2: the in-process planner and the CLI's `plan` on the repository; every unit must be in sync. */
async function planTimes(dir: string, names: string[]): Promise<{ inProcess: number; cli: number | null }> {
  const silent = { info: () => undefined, notice: () => undefined, warning: () => undefined }
  const reporter = { ...silent, error: () => undefined, group: <T>(_n: string, f: () => Promise<T>) => f() }
  const opts = {
    repoRoot: dir,
    env: {},
    force: true,
    skipTests: false,
    skipVerify: false,
    scope: { trigger: 'schedule' as const },
    notesRef: null,
    remote: null
  }
  const times: number[] = []
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    const planned = await planRepository(opts, reporter)
    times.push(performance.now() - t0)
    const busy = planned.plan.units.filter(u => u.operation !== 'nothing')
    if (planned.plan.units.length !== names.length || busy.length > 0)
      throw new Error(`the planner does not see ${names.length} units in sync: ${JSON.stringify(busy)}`)
  }
  const cli = path.join(root, 'dist', 'cli.js')
  let cliMs: number | null = null
  if (existsSync(cli)) {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [cli, 'plan', '--repo', dir, '--json', '--no-notes'], {
      encoding: 'utf8'
    })
    cliMs = performance.now() - t0
    if (r.status !== 0) throw new Error(`dist/cli.js plan failed: ${r.stderr}`)
  }
  return { inProcess: Math.min(...times), cli: cliMs }
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map(r => (r[i] ?? '').length))) ?? []
  return rows.map(r => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n')
}

async function main(): Promise<void> {
  const venv = realPdd()
  if (!venv) {
    console.log('bench/real-pdd.ts: no PDD venv (set PDD_VENV or run scripts/setup-pdd-venv.sh); skipped.')
    return
  }
  const base = mkdtempSync(path.join(tmpdir(), 'pdd-bench-real-'))
  const names = Array.from({ length: UNITS }, (_, i) => `bench${String(i).padStart(2, '0')}`)
  const server = await start(
    { units: Object.fromEntries(names.map(n => [n, unitOf(n).script])) },
    { quiet: true }
  )
  try {
    const dir = path.join(base, 'repo')
    mkdirSync(path.join(dir, 'prompts'), { recursive: true })
    mkdirSync(path.join(dir, 'examples'), { recursive: true })
    for (const n of names) writeFileSync(path.join(dir, 'prompts', `${n}_python.prompt`), unitOf(n).prompt)
    const env = preparePddProject(dir, server, { home: path.join(base, 'home') })
    mkdirSync(path.join(base, 'home'), { recursive: true })
    git(dir, 'init', '-q', '-b', 'main')

    console.log(`pdd ${venv.version}; ${UNITS} units; part 1: one full sync of ${FIRST}…`)
    const part1 = await fullSync(dir, env, server)
    for (const n of names.slice(1)) copyUnit(dir, n)
    writeFileSync(
      path.join(dir, '.gitignore'),
      '.coverage\n.pytest_cache/\n.benchmarks/\nlitellm_cache.sqlite/\n'
    )
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'units in sync')

    const plan = await planTimes(dir, names)
    console.log(`part 2: ${UNITS} no-op syncs, one at a time…`)
    const perUnit: number[] = []
    // PDD's own "Total time" of the sync (its panel), without Python's start-up and imports.
    const inside: number[] = []
    for (const n of names) {
      const before = server.log.length
      const run = await sync(dir, env, n)
      perUnit.push(run.durationMs)
      const phases = parseSyncOutput(run.stdout).phases
      const noop = phases.join() === 'synced' && run.stdout.includes('No sync operations required')
      if (server.log.length !== before || !noop || run.code !== 0)
        throw new Error(
          `${n} was not a no-op: ${server.log.length - before} LLM calls, phases [${phases.join(', ')}]`
        )
      inside.push(Number(/Total time: ([\d.]+)s/.exec(run.stdout)?.[1] ?? NaN) * 1000)
    }
    const total = perUnit.reduce((a, b) => a + b, 0)
    const sorted = [...perUnit].sort((a, b) => a - b)
    const rows = [
      ['measure', 'seconds', 'note'],
      ...part1,
      [`no-op pdd sync × ${UNITS} (sequential)`, seconds(total), '0 LLM calls, no operation (asserted)'],
      [
        '  per unit: median (min / max)',
        seconds(median(perUnit)),
        `${seconds(sorted[0] ?? NaN)} / ${seconds(sorted.at(-1) ?? NaN)}`
      ],
      [
        '  of which PDD\'s own "Total time" (median)',
        seconds(median(inside)),
        'the decision itself; the rest is start-up'
      ],
      [`planner, in process (${UNITS} units, all "nothing")`, seconds(plan.inProcess, 3), 'best of 3'],
      [
        'node dist/cli.js plan --json',
        plan.cli === null ? 'n/a' : seconds(plan.cli, 3),
        'incl. Node start-up'
      ],
      ['ratio: no-op pdd total / in-process plan', (total / plan.inProcess).toFixed(0), '×']
    ]
    console.log(table(rows))
  } finally {
    await server.close()
    rmSync(base, { recursive: true, force: true })
  }
}

await main()
