/**
 * Cold start (docs/architecture.md, "Budget") end to end: the bundled action, the real pdd-cli against the scripted LLM server,
 * real git with a bare origin and the GitHub API stand-in. A repository with no recorded cost calibrates: one
 * group at a time with all that is left as `--budget`, then estimates scaled by what it cost.
 */
import { readFileSync } from 'node:fs'
import { expect, it, type TestContext } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import type { Plan } from '../src/types.js'
import type { ActionRun } from './helpers/action-runner.js'
import { actionWorld } from './helpers/action-world.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { costOf, type Script } from './helpers/llm-server.js'
import { describeRealPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_coldStartTestToken0123456789'
const TIMEOUT = 420_000

/** A fresh repository of calc and greet; `run` starts the action in a fresh clone, as a runner would. */
async function world(
  t: TestContext,
  script: Script
): Promise<{ run: (inputs: Record<string, string>) => Promise<ActionRun> }> {
  const w = await actionWorld(
    t,
    script,
    { ...PROMPTS.calc, ...PROMPTS.greet },
    {
      token: TOKEN,
      inputs: { 'max-attempts': '2', concurrency: '2' }
    }
  )
  return { run: inputs => w.run(inputs) }
}

async function runOnce(t: TestContext, script: Script, inputs: Record<string, string>): Promise<ActionRun> {
  return (await world(t, script)).run(inputs)
}

const resultOf = (r: ActionRun): RunResult =>
  JSON.parse(readFileSync(r.outputs.result ?? '', 'utf8')) as RunResult

describeRealPdd.concurrent('cold start: a repository with no recorded cost', () => {
  it(
    'budget 1 (below PDD’s $2.15 table estimate of a fresh unit): both units sync within the budget; the next plan estimates from their costs',
    async t => {
      const w = await world(t, { units: { calc: CALC_UNIT, greet: GREET_UNIT } })
      const r = await w.run({ budget: '1' })
      expect(r.status, r.stderr).toBe(0)
      expect(r.outputs).toMatchObject({
        status: 'success',
        synced: '["calc_python","greet_python"]',
        skipped: '[]',
        'budget-exhausted': 'false'
      })
      const result = resultOf(r)
      const spent = Number(r.outputs.spent)
      expect(spent).toBeGreaterThan(0)
      expect(spent).toBeLessThanOrEqual(1 + (result.overshoot ?? 0))
      // calc calibrated alone with the whole dollar; greet was then estimated from calc's real cost.
      expect(result.calibration?.groups).toEqual(['calc'])
      const calc = result.units.find(u => u.id === 'calc_python')
      expect(result.calibration?.factor).toBeCloseTo((calc?.cost ?? NaN) / 2.15, 6)
      expect(calc?.estimate).toBe(2.15)
      expect(r.summary).toMatch(/> Calibrating: this repository had no recorded cost/)
      expect(r.summary).toContain('(calc). Later groups were estimated at')
      expect(r.summary).toMatch(/Estimated \$4\.30 for the 2 units that ran; they cost \$0\.0\d+ \(/)
      expect(r.summary).toMatch(/\| calc_python \| ✅ synced \| [a-z, ]+ \| \$2\.15 \| \$0\.\d+ \|/)

      // The next job reads the run record from the notes: no more calibration, estimates from real costs.
      const p = await w.run({ mode: 'plan' })
      expect(p.status, p.stderr).toBe(0)
      const plan = JSON.parse(readFileSync(p.outputs.plan ?? '', 'utf8')) as Plan
      expect(plan.calibrating).toBe(false)
      expect(Number(p.outputs['estimated-cost'])).toBeLessThan(0.05)
      expect(p.summary).not.toMatch(/No cost is recorded/)
    },
    TIMEOUT
  )

  it(
    'the first group’s real cost uses up the budget: the other is skipped for budget, status budget, step passes',
    async t => {
      // $0.50 a call for calc: PDD stops between operations only, so calc crosses the $3.20 during its last
      // operation (test), reports success, and the overshoot is booked. greet is then estimated at calc's cost.
      const dear = { prompt_tokens: 0, completion_tokens: 250_000 }
      const r = await runOnce(
        t,
        { units: { calc: { ...CALC_UNIT, usage: dear }, greet: GREET_UNIT } },
        { budget: '3.2' }
      )
      expect(costOf(dear)).toBe(0.5)
      expect(r.status, r.stderr).toBe(0)
      expect(r.stdout).not.toMatch(/::error::/)
      expect(r.outputs).toMatchObject({
        status: 'budget',
        synced: '["calc_python"]',
        failed: '[]',
        skipped: '["greet_python"]',
        'budget-exhausted': 'true'
      })
      const result = resultOf(r)
      expect(Number(r.outputs.spent)).toBeGreaterThan(3.2)
      expect(result.overshoot).toBeCloseTo(Number(r.outputs.spent) - 3.2, 4)
      expect(result.units.find(u => u.id === 'greet_python')?.reason).toMatch(/exceeds the \$0\.00 left/)
      expect(r.summary).toContain('The budget ran out: 1 unit skipped for budget')
      expect(r.stdout).toMatch(
        /::notice title=pdd sync%3A budget::1 unit\(s\) skipped for budget, left for the next run: greet_python\./
      )
      expect(r.summary).toMatch(/> Calibrating: .*\(calc\)\./)
    },
    TIMEOUT
  )
})
