/**
 * Benchmark of estimate error (issue 11 §1): the real PDD (pdd-cli in the cached venv) against the scripted LLM
 * server, offline (`npx tsx bench/estimates.ts`). Each scenario runs the executor on a fresh repository; each
 * unit's real cost (PDD's cost CSV) is set against two estimates of the same sync:
 * - cold: the plan's estimate with no recorded cost (PDD's table);
 * - after one run: the estimate from the run record of one earlier run of another unit (`greet`, a fresh sync),
 *   as a repository with one run of history estimates it (same language, scaled by prompt size).
 * Scripted prices: every call answers 100 + 50 tokens at $1/$2 per million, $0.0002 a call. Without a PDD venv
 * it prints a notice and exits 0.
 */
import { estimateUnitDetail } from '../src/plan/estimate.js'
import type { RunResult } from '../src/execute/result.js'
import { History } from '../src/state/history.js'
import { toRunRecord } from '../src/publish/run-record.js'
import type { PlanWithState } from '../src/plan/plan.js'
import { BROKEN, CALC, CALC_UNIT, GREET_UNIT, PROMPTS } from '../__tests__/helpers/calc-units.js'
import type { Script } from '../__tests__/helpers/llm-server.js'
import { nextRunDecisions, realRepo, runExecutor, type RealRepo } from '../__tests__/helpers/real-execute.js'
import { realPdd } from '../__tests__/helpers/real-pdd.js'

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
  const repo = await realRepo(s.script, s.files)
  try {
    const { result, planned } = await runExecutor(repo, { budget: 5 })
    const rows = rowsOf(s.name, repo, result, planned, history)
    if (s.noop) rows.push(await noopRow(repo, result, history))
    return rows
  } finally {
    await repo.server.close()
  }
}

function rowsOf(name: string, repo: RealRepo, r: RunResult, p: PlanWithState, history: History): Row[] {
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
      warm: estimateUnitDetail(pu.estimatedOperations, { ...pu, promptBytes: pu.promptBytes }, history)
    }
  })
}

/** The same repository once the run is recorded: the plan says nothing, no `pdd` starts, nothing is spent. */
async function noopRow(repo: RealRepo, first: RunResult, history: History): Promise<Row> {
  const decisions = await nextRunDecisions(repo, first)
  if (decisions.some(d => d.pdd !== 'nothing' || d.planner !== 'nothing'))
    throw new Error(`no-op: not in sync: ${JSON.stringify(decisions)}`)
  const before = repo.server.log.length
  const { result, planned } = await runExecutor(repo, { budget: 5 })
  const pu = planned.plan.units[0]
  if (!pu || result.units.some(u => u.status !== 'unchanged')) throw new Error('no-op: something ran')
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
  const repo = await realRepo({ units: { greet: GREET_UNIT } }, PROMPTS.greet)
  try {
    const { result } = await runExecutor(repo, { budget: 5 })
    const id = {
      runId: 'bench-history',
      trigger: 'bench',
      baseSha: repo.base,
      createdAt: new Date(0).toISOString()
    }
    return new History([toRunRecord(result, id)])
  } finally {
    await repo.server.close()
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
