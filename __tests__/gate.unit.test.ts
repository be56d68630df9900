import { describe, expect, it } from 'vitest'
import { ciIsOn, gateMode } from './helpers/gate.js'

describe('the real-PDD gate', () => {
  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['TRUE', true],
    ['github-actions', true],
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['False', false],
    ['no', false],
    ['off', false]
  ])('CI=%j is on: %s', (value, on) => {
    expect(ciIsOn(value)).toBe(on)
  })

  it.each([
    [null, false, 'run'],
    [null, true, 'run'],
    ['no venv', false, 'skip'],
    ['no venv', true, 'fail']
  ] as const)('missing %j, CI %s → %s', (missing, ci, mode) => {
    expect(gateMode(missing, ci)).toBe(mode)
  })
})
