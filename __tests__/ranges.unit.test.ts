/**
 * The action's inputs and `pdd-sync run`'s options share one range per numeric setting (settings/ranges.ts): at
 * and around each end, a value one accepts the other accepts too (they had drifted: `--concurrency 40` and
 * `--max-attempts 0` ran from the command line and were refused by the action).
 */
import { describe, expect, it } from 'vitest'
import { parseRunArgs, runRequestOf } from '../src/cli/run-options.js'
import { readInputs } from '../src/settings/inputs.js'
import { RANGES, type Range } from '../src/settings/ranges.js'

const SHARED: [input: string, option: string, range: Range, whole: boolean][] = [
  ['budget', '--budget', RANGES.budget, false],
  ['daily-budget', '--daily-budget', RANGES.budget, false],
  ['monthly-budget', '--monthly-budget', RANGES.budget, false],
  ['concurrency', '--concurrency', RANGES.concurrency, true],
  ['max-attempts', '--max-attempts', RANGES.maxAttempts, true],
  ['timeout-minutes-per-group', '--timeout-minutes-per-group', RANGES.timeoutMinutes, false],
  ['timeout-minutes-per-unit', '--timeout-minutes-per-unit', RANGES.timeoutMinutes, false],
  ['max-run-minutes', '--max-run-minutes', RANGES.maxRunMinutes, false],
  ['strength', '--strength', RANGES.strength, false],
  ['temperature', '--temperature', RANGES.temperature, false]
]

function actionTakes(input: string, value: string): boolean {
  try {
    readInputs({ get: n => (n === input ? value : ''), warning: () => undefined, setSecret: () => undefined })
    return true
  } catch {
    return false
  }
}

function commandTakes(option: string, value: string): boolean {
  try {
    runRequestOf(parseRunArgs(['--repo', '.', `${option}=${value}`]))
    return true
  } catch {
    return false
  }
}

/** Each end, just inside and just outside it, and the middle. */
function probes(r: Range, whole: boolean): string[] {
  const step = whole ? 1 : Math.min(0.01, (r.max - r.min) / 100)
  const v = [r.min, r.max, r.min - step, r.max + step, (r.min + r.max) / 2, r.min + step, r.max - step]
  return v.map(n => String(whole ? Math.round(n) : Number(n.toFixed(6))))
}

describe('one range per shared setting: the action and the command agree', () => {
  const rows = SHARED.flatMap(([input, option, range, whole]) =>
    probes(range, whole).map(value => [input, option, value, range] as const)
  )
  it.each(rows)('%s / %s = %s', (input, option, value, range) => {
    const inside = Number(value) >= range.min && Number(value) <= range.max
    expect(actionTakes(input, value)).toBe(inside)
    expect(commandTakes(option, value)).toBe(inside)
  })

  it('the ranges the command used to allow beyond the action are refused by both', () => {
    for (const [input, option, value] of [
      ['concurrency', '--concurrency', '40'],
      ['max-attempts', '--max-attempts', '0'],
      ['max-attempts', '--max-attempts', '50'],
      ['timeout-minutes-per-group', '--timeout-minutes-per-group', '0.02']
    ] as const) {
      expect(actionTakes(input, value), input).toBe(false)
      expect(commandTakes(option, value), option).toBe(false)
    }
  })
})
