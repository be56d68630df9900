import { describe, expect, it } from 'vitest'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { logPlan } from '../src/plan/log.js'
import type { Operation, Plan, PlannedUnit } from '../src/types.js'

function unit(id: string, operation: Operation, estimatedCost: number, reason: string): PlannedUnit {
  return {
    id,
    basename: id.replace(/_python$/, ''),
    language: 'python',
    context: 'default',
    paths: { prompt: '', code: '', example: '', test: '' },
    operation,
    reason,
    estimatedCost,
    dependsOn: [],
    stateSource: 'none',
    selected: true,
    estimatedOperations: []
  }
}

function plan(units: PlannedUnit[]): Plan {
  return {
    version: 1,
    units,
    estimatedCost: units.reduce((a, u) => a + u.estimatedCost, 0),
    skipped: [],
    problems: [],
    cycles: [],
    scope: { mode: 'all', trigger: 'schedule' }
  } as unknown as Plan
}

function logged(p: Plan): string[] {
  const lines: string[] = []
  logPlan(p, new ConsoleReporter(line => lines.push(line)))
  return lines
}

describe('the Plan group lists what will run and why', () => {
  it('one line per unit with work or a conflict, none for units in sync, then a count', () => {
    const lines = logged(
      plan([
        unit('calc_python', 'generate', 2.15, 'prompt changed'),
        unit('ok_python', 'nothing', 0, 'in sync'),
        unit('both_python', 'fail_and_request_manual_merge', 0, 'prompt and code both changed')
      ])
    )
    expect(lines).toEqual([
      'calc_python: generate · est. $2.1500 · prompt changed',
      'both_python: needs a manual merge · prompt and code both changed',
      '1 of 3 unit(s) have work; estimated $2.1500.'
    ])
  })

  it('says a plan with no work spends nothing', () => {
    expect(logged(plan([unit('ok_python', 'all_synced', 0, 'in sync')]))).toEqual([
      '0 of 1 unit(s) have work; estimated $0.0000: nothing to install, run or spend.'
    ])
  })

  it('caps the listing at 200 lines and says how many more there are', () => {
    const many = [...Array(250).keys()].map(i => unit(`u${i}_python`, 'test', 0.1, 'tests missing'))
    const lines = logged(plan(many))
    expect(lines).toHaveLength(202)
    expect(lines[200]).toBe('… and 50 more unit(s): see the plan file.')
  })
})
