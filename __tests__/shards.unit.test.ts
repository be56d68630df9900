import { describe, expect, it } from 'vitest'
import { makeShards } from '../src/plan/shards.js'
import { plannedUnit as pu } from './helpers/planned-unit.js'

describe('makeShards', () => {
  it('leaves out units with nothing to do and returns no shard when nothing has work', () => {
    expect(makeShards([pu('a_python', 'a', 'nothing', 0), pu('b_python', 'b', 'all_synced', 0)], 4)).toEqual(
      []
    )
  })

  it('keeps languages of one basename and dependency chains together', () => {
    const units = [
      pu('a_python', 'a', 'generate', 1),
      pu('a_typescript', 'a', 'generate', 1),
      pu('b_python', 'b', 'test', 0.6, ['a_python']),
      pu('c_python', 'c', 'generate', 1),
      pu('d_python', 'd', 'fix', 0.45)
    ]
    const shards = makeShards(units, 3)
    const where = (id: string): number => shards.findIndex(s => s.units.includes(id))
    expect(where('a_python')).toBe(where('a_typescript'))
    expect(where('a_python')).toBe(where('b_python'))
    expect(shards.length).toBe(3)
    expect(shards.flatMap(s => s.units).sort()).toEqual([
      'a_python',
      'a_typescript',
      'b_python',
      'c_python',
      'd_python'
    ])
  })

  it.each([
    [1, 10, 1],
    [4, 10, 4],
    [256, 3, 3]
  ])('at most %i shards for %i independent units → %i', (max, n, expected) => {
    const units = Array.from({ length: n }, (_, i) => pu(`u${i}_python`, `u${i}`, 'generate', 1))
    const shards = makeShards(units, max)
    expect(shards.length).toBe(expected)
    const sizes = shards.map(s => s.units.length)
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
  })

  it('keeps plan order inside a shard', () => {
    const units = [pu('z_python', 'z', 'generate', 1), pu('y_python', 'y', 'generate', 1, ['z_python'])]
    expect(makeShards(units, 2)[0]?.units).toEqual(['z_python', 'y_python'])
  })
})
