import { describe, expect, it } from 'vitest'
import { makeShards } from '../src/plan/shards.js'
import { hasWork, isInSync, needsManualMerge, type Operation, type PlannedUnit } from '../src/types.js'

describe('one rule for "has work"', () => {
  it.each<[Operation, boolean, boolean, boolean]>([
    // operation, in sync, needs a manual merge, has work
    ['nothing', true, false, false],
    ['all_synced', true, false, false],
    ['fail_and_request_manual_merge', false, true, false],
    ['auto-deps', false, false, true],
    ['generate', false, false, true],
    ['example', false, false, true],
    ['crash', false, false, true],
    ['verify', false, false, true],
    ['test', false, false, true],
    ['test_extend', false, false, true],
    ['fix', false, false, true],
    ['update', false, false, true],
    ['error', false, false, true]
  ])('%s: in sync %s, manual merge %s, work %s', (op, inSync, manual, work) => {
    expect(isInSync(op)).toBe(inSync)
    expect(needsManualMerge(op)).toBe(manual)
    expect(hasWork(op)).toBe(work)
  })

  it('the matrix leaves out a unit waiting for a manual merge, which mode: run never runs', () => {
    const unit = (id: string, operation: Operation): PlannedUnit => ({
      id,
      basename: id.replace(/_python$/, ''),
      language: 'python',
      context: 'default',
      paths: { prompt: '', code: '', example: '', test: '' },
      operation,
      reason: '',
      estimatedCost: 1,
      dependsOn: [],
      stateSource: 'none',
      selected: true,
      estimatedOperations: []
    })
    const shards = makeShards([unit('a_python', 'fail_and_request_manual_merge'), unit('b_python', 'fix')], 4)
    expect(shards.flatMap(s => s.units)).toEqual(['b_python'])
  })
})
