/** The `matrix` output never holds a unit in two legs, and a leg selects exactly its unit ids (fanout/leg.ts). */
import { describe, expect, it } from 'vitest'
import { unitsOfLeg } from '../src/fanout/leg.js'
import { matrixOf } from '../src/plan/matrix.js'
import type { PlannedUnit } from '../src/types.js'

const unit = (id: string, basename: string, operation = 'generate'): PlannedUnit =>
  ({
    id,
    basename,
    language: id.slice(basename.length + 1),
    context: 'default',
    paths: { prompt: `prompts/${id}.prompt` },
    operation,
    estimatedCost: 1,
    dependsOn: []
  }) as unknown as PlannedUnit

describe('matrixOf', () => {
  it('refuses a unit in two legs, naming it and the legs', () => {
    const shards = [
      { shard: 0, units: ['calc_python', 'greet_python'], estimatedCost: 1 },
      { shard: 1, units: ['greet_python'], estimatedCost: 1 }
    ]
    expect(() => matrixOf(shards, 1)).toThrow(/greet_python \(legs 0 and 1\)/)
  })
  it('distinct legs pass', () => {
    const shards = [
      { shard: 0, units: ['calc_python'], estimatedCost: 1 },
      { shard: 1, units: ['greet_python'], estimatedCost: 1 }
    ]
    expect(matrixOf(shards, 1).include.map(l => l.units)).toEqual(['calc_python', 'greet_python'])
  })
})

describe('unitsOfLeg', () => {
  const units = [
    unit('calc_python', 'calc'),
    unit('calc_python_python', 'calc_python'),
    unit('calc_python_typescript', 'calc_python'),
    unit('greet_python', 'greet'),
    unit('done_python', 'done', 'nothing')
  ]
  it.each([
    [['calc_python'], ['calc_python', 'done_python']],
    [['calc_python_python'], ['calc_python_python', 'done_python']],
    [
      ['calc_python_typescript', 'greet_python'],
      ['calc_python_typescript', 'greet_python', 'done_python']
    ],
    [['g*'], ['greet_python', 'done_python']],
    [
      ['calc_python', 'g*'],
      ['calc_python', 'greet_python', 'done_python']
    ]
  ])('%j selects %j', (leg, expected) => {
    expect(unitsOfLeg(units, leg).map(u => u.id)).toEqual(expected.sort((a, b) => ids(a) - ids(b)))
  })
  const ids = (id: string): number => units.findIndex(u => u.id === id)
})
