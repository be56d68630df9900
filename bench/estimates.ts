/**
 * Benchmark of estimate error (docs/architecture.md, "Budget"): the real PDD (pdd-cli in the cached venv) against the scripted LLM
 * server, offline (`npx tsx bench/estimates.ts`). Each scenario runs the executor on a fresh repository; each
 * unit's real cost (PDD's cost CSV) is set against two estimates of the same sync:
 * - cold: the plan's estimate with no recorded cost (PDD's table);
 * - after one run: the estimate from the run record of one earlier run of another unit (`greet`, a fresh sync),
 *   as a repository with one run of history estimates it (same language, scaled by prompt size).
 * Scripted prices: every call answers 100 + 50 tokens at $1/$2 per million, $0.0002 a call. Without a PDD venv
 * it prints a notice and exits 0.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { executePlan } from '../src/execute/execute.js'
import type { RunResult } from '../src/execute/result.js'
import { estimateUnitDetail } from '../src/plan/estimate.js'
import { planRepository, type PlanWithState } from '../src/plan/plan.js'
import { toRunRecord } from '../src/publish/run-record.js'
import { History } from '../src/state/history.js'
import { formatRecord } from '../src/state/record.js'
import { BROKEN, CALC, CALC_UNIT, GREET_UNIT, PROMPTS } from '../__tests__/helpers/calc-units.js'
import { start, type LlmServer, type Script } from '../__tests__/helpers/llm-server.js'
import { planOptionsFor } from '../__tests__/helpers/plan-options.js'
import { preparePddProject, realPdd } from '../__tests__/helpers/pdd-project.js'

const quiet = new ConsoleReporter(() => undefined)
const BRANCH = 'pdd-sync/main'
const NOTES = 'refs/notes/pdd-sync'
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const who = ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com']
function git(dir: string, ...args: string[]): string {
  return execFileSync('git', [...who, ...args], { cwd: dir, env: gitEnv, encoding: 'utf8' })
}

/** A committed repository of `files` wired to a scripted LLM server (`.pdd/meta` untracked, as CI sees it). */
interface Repo {
  dir: string
  server: LlmServer
  env: NodeJS.ProcessEnv
  cleanup(): Promise<void>
}

async function makeRepo(script: Script, files: Record<string, string>): Promise<Repo> {
  const base = mkdtempSync(path.join(tmpdir(), 'pdd-bench-estimates-'))
  const server = await start(script, { quiet: true })
  const dir = path.join(base, 'repo')
  const home = path.join(base, 'home')
  mkdirSync(home, { recursive: true })
  const env = preparePddProject(home, server)
  const all = {
    ...files,
    '.pdd/llm_model.csv': readFileSync(path.join(home, '.pdd', 'llm_model.csv'), 'utf8'),
    '.gitignore': '.pdd/*\n!.pdd/llm_model.csv\n'
  }
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
  }
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'prompts')
  return {
    dir,
    server,
    env,
    cleanup: async () => {
      await server.close()
      rmSync(base, { recursive: true, force: true })
    }
  }
}

/** Plans the repository as a run would (notes included) and executes the plan with the real PDD. */
async function runOnce(repo: Repo): Promise<{ result: RunResult; planned: PlanWithState }> {
  const planOptions = planOptionsFor(repo.dir)
  const planned = await planRepository(planOptions, quiet)
  const g = await Git.open(repo.dir)
  const result = await executePlan({
    git: g,
    planned,
    planOptions,
    branch: BRANCH,
    base: (await g.commitOf('HEAD')) as string,
    budget: 5,
    concurrency: 2,
    policy: 'fit',
    timeoutMs: 300_000,
    reporter: quiet,
    env: repo.env,
    invocation: { command: [path.join(realPdd()?.binDir ?? '', 'pdd')], maxAttempts: 2, local: true }
  })
  return { result, planned }
}

const recordOf = (result: RunResult, baseSha: string): ReturnType<typeof toRunRecord> =>
  toRunRecord(result, {
    runId: `bench-${Date.now()}`,
    trigger: 'bench',
    baseSha,
    createdAt: new Date().toISOString()
  })

const CHAIN_SCRIPT: Script = {
  units: {
    calc: { ...CALC_UNIT, marker: 'UNIT-CALC' },
    report: {
      marker: 'UNIT-REPORT',
      code: 'from calc import add, sub\n\n\ndef summary(a, b):\n    return f"{add(a, b)} {sub(a, b)}"\n',
      example: CALC_UNIT.example
        ?.replace('from calc import add, sub', 'from report import summary')
        .replace('print(add(1, 2), sub(3, 1))', 'print(summary(3, 1))'),
      test: "from report import summary\n\n\ndef test_summary():\n    assert summary(3, 1) == '4 2'\n"
    }
  }
}
const CHAIN_PROMPTS = {
  'prompts/calc_python.prompt': 'UNIT-CALC. Write a Python module calc with add(a, b) and sub(a, b).\n',
  'prompts/report_python.prompt':
    'UNIT-REPORT. Write a Python module report with summary(a, b) giving add and sub, using this module:\n' +
    '<include>calc.py</include>\n',
  'calc.py': CALC
}

interface Scenario {
  name: string
  script: Script
  files: Record<string, string>
  /** Run again after the first run, recorded, to measure a no-op. */
  noop?: boolean
}

const SCENARIOS: Scenario[] = [
  { name: 'fresh unit', script: { units: { calc: CALC_UNIT } }, files: PROMPTS.calc, noop: true },
  {
    name: 'fix loop (tests fail, fixed on attempt 2)',
    script: { units: { calc: { ...CALC_UNIT, code: BROKEN, fixedCode: CALC, repairOnAttempt: 2 } } },
    files: PROMPTS.calc
  },
  { name: 'include chain (report includes calc.py)', script: CHAIN_SCRIPT, files: CHAIN_PROMPTS }
]

interface Row {
  scenario: string
  unit: string
  operations: string
  calls: number
  actual: number
  cold: number
  warm: { cost: number; basis: string }
}

async function runScenario(s: Scenario, history: History): Promise<Row[]> {
  const repo = await makeRepo(s.script, s.files)
  try {
    const { result, planned } = await runOnce(repo)
    const rows = rowsOf(s.name, repo, result, planned, history)
    if (s.noop) rows.push(await noopRow(repo, result, history))
    return rows
  } finally {
    await repo.cleanup()
  }
}

function rowsOf(name: string, repo: Repo, r: RunResult, p: PlanWithState, history: History): Row[] {
  return p.plan.units.map(pu => {
    const u = r.units.find(x => x.id === pu.id)
    if (u?.status !== 'synced') throw new Error(`${name}: ${pu.id} did not sync: ${u?.reason}`)
    return {
      scenario: name,
      unit: pu.id,
      operations: u.operations.join(' → '),
      calls: repo.server.calls().filter(c => `${c.unit}_python` === pu.id).length,
      actual: u.cost ?? NaN,
      cold: pu.estimatedCost,
      warm: estimateUnitDetail(pu.estimatedOperations, pu, history)
    }
  })
}

/**
 * The same repository once the run is published (bot branch checked out, run record in notes): the plan says
 * nothing, no `pdd` starts, nothing is spent.
 */
async function noopRow(repo: Repo, first: RunResult, history: History): Promise<Row> {
  git(repo.dir, 'checkout', '-q', BRANCH)
  git(
    repo.dir,
    'notes',
    `--ref=${NOTES}`,
    'add',
    '-m',
    formatRecord(recordOf(first, first.baseSha ?? '')),
    'HEAD'
  )
  const before = repo.server.log.length
  const { result, planned } = await runOnce(repo)
  const pu = planned.plan.units[0]
  if (!pu || result.units.some(u => u.status !== 'unchanged'))
    throw new Error(`no-op: something ran: ${JSON.stringify(result.units)}`)
  return {
    scenario: 'no-op (the same unit, recorded, run again)',
    unit: pu.id,
    operations: '— (no pdd process)',
    calls: repo.server.log.length - before,
    actual: result.spent,
    cold: pu.estimatedCost,
    warm: estimateUnitDetail(pu.estimatedOperations, pu, history)
  }
}

/** One fresh sync of greet, as a run record: the "one run of history" the warm estimates learn from. */
async function oneRunOfHistory(): Promise<History> {
  const repo = await makeRepo({ units: { greet: GREET_UNIT } }, PROMPTS.greet)
  try {
    const { result } = await runOnce(repo)
    if (result.units.some(u => u.status !== 'synced'))
      throw new Error(`greet: ${JSON.stringify(result.units)}`)
    return new History([recordOf(result, result.baseSha ?? '')])
  } finally {
    await repo.cleanup()
  }
}

const usd = (x: number): string => `$${x.toFixed(4)}`
const ratio = (estimate: number, actual: number): string =>
  actual > 0 ? `${(estimate / actual).toFixed(estimate / actual >= 10 ? 0 : 2)}×` : estimate === 0 ? '—' : '∞'

function markdown(rows: Row[]): string {
  const head = [
    '| scenario | unit | operations PDD ran | LLM calls | actual | cold estimate (PDD table) | estimate ÷ actual | after one run | estimate ÷ actual |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  return [
    ...head,
    ...rows.map(
      r =>
        `| ${r.scenario} | ${r.unit} | ${r.operations} | ${r.calls} | ${usd(r.actual)} | ${usd(r.cold)} | ${ratio(r.cold, r.actual)} | ${usd(r.warm.cost)} (${r.warm.basis}) | ${ratio(r.warm.cost, r.actual)} |`
    )
  ].join('\n')
}

async function main(): Promise<void> {
  const venv = realPdd()
  if (!venv) {
    console.log('bench/estimates.ts: no PDD venv (set PDD_VENV or run scripts/setup-pdd-venv.sh); skipped.')
    return
  }
  console.log(`pdd ${venv.version}: estimate error over the scripted scenarios (real PDD, scripted LLM)…`)
  const history = await oneRunOfHistory()
  const rows: Row[] = []
  for (const s of SCENARIOS) rows.push(...(await runScenario(s, history)))
  console.log(markdown(rows))
}

await main()
