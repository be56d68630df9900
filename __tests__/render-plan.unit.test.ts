import { describe, expect, it } from 'vitest'
import { renderPlanMarkdown } from '../src/plan/render.js'
import type { Plan, PlannedUnit } from '../src/types.js'

const unit = (id: string, estimatedCost: number): PlannedUnit => ({
  id,
  basename: id.replace(/_python$/, ''),
  language: 'python',
  context: 'default',
  paths: { prompt: `prompts/${id}.prompt`, code: '', example: '', test: '' },
  operation: 'generate',
  reason: 'new',
  estimatedCost,
  dependsOn: [],
  stateSource: 'none',
  selected: true,
  estimatedOperations: ['generate']
})

const plan = (calibrating: boolean): Plan => ({
  version: 1,
  units: [unit('a_python', 2.15), unit('b_python', 2.15)],
  estimatedCost: 4.3,
  skipped: [],
  problems: [],
  cycles: [],
  scope: { trigger: 'schedule', mode: 'all' },
  calibrating
})

describe('renderPlanMarkdown: budget notes', () => {
  it.each<[string, boolean, number, RegExp | null, RegExp | null]>([
    [
      'calibrating: says the run calibrates',
      true,
      1,
      /A run calibrates: one group at a time/,
      /exceeds the budget/
    ],
    ['with history, over budget: says units will be skipped', false, 1, /exceeds the budget/, /calibrates/],
    ['with history, within budget: neither', false, 5, null, /exceeds the budget|calibrates/]
  ])('%s', (_name, calibrating, budget, shown, absent) => {
    const md = renderPlanMarkdown(plan(calibrating), { budget })
    if (shown) expect(md).toMatch(shown)
    if (absent) expect(md).not.toMatch(absent)
  })
})
