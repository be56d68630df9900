/**
 * The executor (`executePlan`) with the REAL pdd-cli, real git and real worktrees, on the faults the action must
 * report: tests that keep failing, a budget that runs out, LLM errors, a timeout. (Tests that PDD repairs and
 * HTTP 429 are in execute.pdd.test.ts, on the way to success.) Every scenario ends with the live check: on the bot
 * branch, with the run recorded as the next run would read it, the planner's decision equals the real PDD's.
 * The tests that keep failing and the HTTP 500 scenario run pdd through helpers/pdd-record.ts and also check what
 * PDD itself did (exit code, phases, "Overall status", fix requests, run report, files): real-pdd.e2e.test.ts has
 * no sync of its own for them.
 *
 * The two timeout scenarios come first: they mostly wait, side by side with the others.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import { git } from './helpers/git-repo.js'
import { costOf, type Script } from './helpers/llm-server.js'
import {
  capturedBudget,
  capturedCsv,
  capturedWorktree,
  nextRunDecisions,
  processesMentioning,
  realRepo,
  runExecutor,
  BRANCH,
  type RealRepo
} from './helpers/real-execute.js'
import { csvCost, describeRealPdd, phases } from './helpers/real-pdd.js'
import { expectBookedCalls, overall, recordedSync, recordingCommand } from './helpers/pdd-record.js'
import { BROKEN, CALC_UNIT, EXAMPLE, GREET_UNIT, TESTS } from './helpers/calc-units.js'
import { sharedPddDecision } from './helpers/pdd-decider.js'
import type { PlanWithState } from '../src/plan/plan.js'

const PROMPTS = { 'prompts/calc_python.prompt': 'Write a Python module calc with add(a, b) and sub(a, b).\n' }
// Generous: the tests run side by side, each mostly waiting on pdd, on a shared (often overloaded) machine.
const TIMEOUT = 1_200_000
/**
 * The per-sync limit of the tests that are not about timeouts. The helper's 150 s default is a wall-clock limit:
 * with this file's syncs side by side on a loaded machine one took longer and failed as "timed out" instead of
 * showing its fault.
 */
const NO_TIMEOUT = { timeoutMs: 900_000 }

/**
 * A repository with its own LLM server, closed when the test `t` ends (its own hook, not a shared variable:
 * the tests run side by side, and an `afterEach` closing "the" server closed another test's while it ran).
 */
async function setUp(
  t: Pick<TestContext, 'onTestFinished'>,
  script: Script,
  files: Record<string, string> = PROMPTS
): Promise<RealRepo> {
  const repo = await realRepo(script, files)
  t.onTestFinished(() => repo.server.close())
  return repo
}

const unit = (r: RunResult, id = 'calc_python'): UnitResult => {
  const u = r.units.find(x => x.id === id)
  if (!u) throw new Error(`${id} not in the result: ${JSON.stringify(r.units)}`)
  return u
}

/** Nothing of a failed group is left: one worktree, the bot branch at base, no scratch folder. */
function expectDiscarded(repo: RealRepo, basename = 'calc'): void {
  expect(git(repo.dir, 'worktree', 'list').trim().split('\n')).toHaveLength(1)
  expect(git(repo.dir, 'rev-parse', BRANCH).trim()).toBe(repo.base)
  const wt = capturedWorktree(repo, basename)
  expect(existsSync(wt)).toBe(false)
  expect(existsSync(path.dirname(wt))).toBe(false)
}

/** Runs the executor, noting every process that carries this test's capture folder in its environment. */
async function runWatched(r: RealRepo, timeoutMs: number): Promise<{ result: RunResult; seen: string[] }> {
  const seen = new Map<number, string>()
  // Each look reads every process's environment: once a second is enough to see a process that lives until the
  // timeout (pdd, and pytest sleeping in the hanging test).
  const watch = setInterval(() => {
    for (const p of processesMentioning(r.capture)) seen.set(p.pid, p.cmdline)
  }, 1000)
  const { result } = await runExecutor(r, { timeoutMs }).finally(() => clearInterval(watch))
  return { result, seen: [...seen.values()] }
}

/** After the run, no process carries the marker in its environment or works in, or names, the worktree. */
function expectNoProcessLeft(r: RealRepo): void {
  const left = [...processesMentioning(r.capture), ...processesMentioning(capturedWorktree(r, 'calc'))]
  expect(left).toEqual([])
}

async function expectPlannerAgrees(repo: RealRepo, r: RunResult, expected?: string): Promise<void> {
  const decisions = await nextRunDecisions(repo, r, sharedPddDecision)
  console.info(`live check: ${JSON.stringify(decisions)}`)
  for (const d of decisions) expect(d.planner, d.id).toBe(d.pdd)
  if (expected !== undefined) expect(decisions.map(d => d.pdd)).toEqual(decisions.map(() => expected))
}

/** A second calculator, so that one run holds two dear units: its own module name, code and marker. */
const TALLY_UNIT = {
  marker: 'UNIT-TALLY',
  code: '"""tally."""\n\n\ndef sub(a, b):\n    return a - b\n\n\ndef add(a, b):\n    return a + b\n',
  example: EXAMPLE.replace('from calc import', 'from tally import'),
  test: TESTS.replace('from calc import', 'from tally import')
}

/** What one run with a budget that runs out shows, read by several tests. */
interface BudgetRun {
  r: RealRepo
  result: RunResult
  planned: PlanWithState
}

/**
 * calc's calls cost $1.20, tally's $0.50, greet's $0.002. Each dear unit is admitted 1.5 × its $2.15 estimate =
 * $3.225 (not calibrating: as if the repository's recorded costs matched PDD's table); PDD checks that --budget
 * only between operations, so where the spend crosses it decides what happens. The job's $20 holds all three
 * admissions.
 */
async function budgetRun(): Promise<BudgetRun> {
  const dear = (dollarsPerCall: number): { prompt_tokens: number; completion_tokens: number } => ({
    prompt_tokens: 0,
    completion_tokens: dollarsPerCall * 500_000
  })
  const r = await realRepo(
    {
      units: {
        calc: { ...CALC_UNIT, marker: 'UNIT-CALC', usage: dear(1.2) },
        tally: { ...TALLY_UNIT, usage: dear(0.5) },
        greet: { ...GREET_UNIT, marker: 'UNIT-GREET', usage: CHEAP }
      }
    },
    {
      'prompts/calc_python.prompt': `UNIT-CALC. ${PROMPTS['prompts/calc_python.prompt']}`,
      'prompts/tally_python.prompt':
        'UNIT-TALLY. Write a Python module tally with add(a, b) and sub(a, b).\n',
      'prompts/greet_python.prompt': 'UNIT-GREET. Write a Python module greet with greet(name).\n'
    }
  )
  const { result, planned } = await runExecutor(r, { ...NO_TIMEOUT, budget: 20, calibrating: false })
  console.info(JSON.stringify(result.units.map(u => [u.id, u.status, u.reason, u.operations, u.cost])))
  return { r, result, planned }
}
const CHEAP = { prompt_tokens: 1000, completion_tokens: 500 }

describeRealPdd.concurrent('executor with the real pdd: faults', () => {
  it(
    'an LLM answer that takes longer than the timeout → failed as timed out; no process of the group remains',
    async t => {
      const r = await setUp(t, { units: { calc: CALC_UNIT }, outcomes: { generate: [{ delayMs: 600_000 }] } })
      // Long enough for PDD to start and ask for generate (a few seconds alone, several times that under load):
      // the answer never comes, so the timeout stops it there.
      const { result, seen } = await runWatched(r, 60_000)
      const u = unit(result)
      expect(u.status).toBe('failed')
      expect(u.reason).toMatch(/^timed out/)
      // The delayed answer is never sent (the server logs a call when it answers): PDD was stopped in generate.
      expect(u.operations).toEqual(['generate'])
      expect(r.server.calls('generate')).toEqual([])
      expect(seen.some(c => c.includes('pdd --force --local sync'))).toBe(true)
      expectNoProcessLeft(r)
      expectDiscarded(r)
      await expectPlannerAgrees(r, result, 'generate')
    },
    TIMEOUT
  )

  it(
    'tests that hang past the timeout → failed as timed out; pytest, which PDD starts in a session of its own, is gone too',
    async t => {
      const hanging = 'import time\n\n\ndef test_hangs():\n    time.sleep(600)\n'
      const r = await setUp(t, { units: { calc: { ...CALC_UNIT, test: hanging } } })
      // Long enough for PDD to reach its test run (about 10–20 s alone, several times that when the machine is
      // loaded), which then sleeps until the timeout.
      const { result, seen } = await runWatched(r, 120_000)
      const u = unit(result)
      expect(u.status).toBe('failed')
      expect(u.reason).toMatch(/^timed out/)
      expect(seen.some(c => / -m pytest .*test_calc\.py/.test(c))).toBe(true)
      expectNoProcessLeft(r)
      expectDiscarded(r)
      await expectPlannerAgrees(r, result)
    },
    TIMEOUT
  )

  describe('a budget that runs out, in one run of calc ($1.20 a call), tally ($0.50) and greet (cheap)', () => {
    let run: BudgetRun | undefined
    beforeAll(async () => {
      run = await budgetRun()
    }, TIMEOUT)
    afterAll(() => run?.r.server.close())
    const got = (): BudgetRun => {
      if (!run) throw new Error('the run did not happen (see beforeAll)')
      return run
    }
    /** A dear unit's status, admission and booked cost against its CSV. */
    const expectDear = (id: string, basename: string): UnitResult => {
      const { r, result, planned } = got()
      const u = unit(result, id)
      const estimate = planned.plan.units.find(p => p.id === id)?.estimatedCost ?? NaN
      const admitted = capturedBudget(r, basename)
      const csv = csvCost(capturedCsv(r, basename))
      expect(admitted).toBeCloseTo(Math.min(20, 1.5 * estimate), 6)
      expect(u.cost).toBeCloseTo(csv, 6)
      expect(csv).toBeGreaterThan(admitted)
      return u
    }

    it('$1.20: crossed before the last operation → PDD stops itself, "Budget of $X exceeded"', () => {
      const calc = expectDear('calc_python', 'calc')
      expect(calc.status, calc.reason).toBe('failed')
      expect(calc.reason).toMatch(/^Budget of \$[\d.]+ exceeded\.$/)
      expect(calc.operations).not.toContain('test')
    })

    it('$0.50: crossed only by the last operation (test) → PDD reports success; the overshoot is booked', () => {
      const tally = expectDear('tally_python', 'tally')
      expect(tally.status, tally.reason).toBe('synced')
      expect(tally.operations.at(-1)).toBe('test')
    })

    it('an independent unit that fits is synced; the ledger books what PDD’s CSVs say and names the overshoots', () => {
      const { r, result } = got()
      const greet = unit(result, 'greet_python')
      const [calcCsv, tallyCsv, greetCsv] = ['calc', 'tally', 'greet'].map(b => csvCost(capturedCsv(r, b)))
      expect(greet.status, greet.reason).toBe('synced')
      expect(greet.cost).toBeCloseTo(greetCsv ?? NaN, 6)
      expect(greetCsv).toBeLessThan(costOf(CHEAP) * 20)
      expect(result.spent).toBeCloseTo((calcCsv ?? NaN) + (tallyCsv ?? NaN) + (greetCsv ?? NaN), 6)
      expect(result.spent).toBeLessThanOrEqual(result.budget)
      const overshoot =
        (calcCsv ?? NaN) - capturedBudget(r, 'calc') + (tallyCsv ?? NaN) - capturedBudget(r, 'tally')
      expect(result.overshoot).toBeCloseTo(overshoot, 6)
      const files = ['greet', 'tally'].flatMap(b => [`${b}.py`, `examples/${b}_example.py`, `test_${b}.py`])
      expect(git(r.dir, 'diff', '--name-only', r.base, BRANCH).trim().split('\n').sort()).toEqual(
        files.sort()
      )
    })

    it('live check: the planner’s decisions equal the real PDD’s', async () => {
      const { r, result } = got()
      await expectPlannerAgrees(r, result)
    })
  })

  it(
    'tests that keep failing (two fix attempts; PDD exits 0 with "Overall status: Failed") → failed with PDD’s reason; worktree, scratch folder and bot branch untouched',
    async t => {
      const r = await setUp(t, { units: { calc: { ...CALC_UNIT, code: BROKEN } } })
      const { result } = await runExecutor(r, {
        ...NO_TIMEOUT,
        invocation: { maxAttempts: 2, command: recordingCommand() }
      })
      const calls = r.server.calls().length
      expect(result.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'failed']])
      const u = unit(result)
      expect(u.reason).toMatch(/failing/)
      expect(u.cost).toBeCloseTo(csvCost(capturedCsv(r, 'calc')), 6)
      expectDiscarded(r)
      // What PDD itself did: two fix attempts, then exit 0 with Overall status: Failed.
      const sync = recordedSync(r, 'calc')
      expect(sync.code).toBe(0)
      expect(overall(sync.stdout)).toBe('Failed')
      expect(phases(sync.stdout)).toEqual(['generate', 'example', 'crash', 'test', 'fix'])
      expect(r.server.calls('fix').map(c => c.template)).toEqual([
        'fix_errors_from_unit_tests_LLM',
        'extract_unit_code_fix_LLM',
        'fix_errors_from_unit_tests_LLM',
        'extract_unit_code_fix_LLM'
      ])
      expect(sync.json('.pdd/meta/calc_python_run.json')).toMatchObject({ exit_code: 1, tests_failed: 1 })
      expect(sync.read('calc.py').trimEnd()).toBe(BROKEN.trimEnd())
      expectBookedCalls(capturedCsv(r, 'calc'), calls)
      await expectPlannerAgrees(r, result)
    },
    TIMEOUT
  )

  it(
    'the LLM answers HTTP 500 for ever → failed with the model failure as reason, $0; nothing reaches the bot branch',
    async t => {
      const r = await setUp(t, {
        units: { calc: CALC_UNIT },
        outcomes: { all: [{ http: 500, times: Infinity }] }
      })
      const { result } = await runExecutor(r, { ...NO_TIMEOUT, invocation: { command: recordingCommand() } })
      expect(result.units.map(u => [u.id, u.status])).toEqual([['calc_python', 'failed']])
      const u = unit(result)
      expect(u.reason).toMatch(/All candidate models failed\. Last error \(InternalServerError\)/)
      expect(u.cost).toBe(0)
      expect(csvCost(capturedCsv(r, 'calc'))).toBe(0)
      expectDiscarded(r)
      // What PDD itself did: exit 0, Overall status: Failed, the model failure printed, no code written.
      const sync = recordedSync(r, 'calc')
      expect(sync.code).toBe(0)
      expect(overall(sync.stdout)).toBe('Failed')
      expect(sync.stdout + sync.stderr).toContain('All candidate models failed')
      expect(sync.exists('calc.py')).toBe(false)
      await expectPlannerAgrees(r, result, 'generate')
    },
    TIMEOUT
  )
})
