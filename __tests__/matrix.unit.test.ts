import { describe, expect, it } from 'vitest'
import { budgetShares, matrixOf, parseMatrix } from '../src/plan/matrix.js'
import { makeShards } from '../src/plan/shards.js'
import type { Operation, PlannedUnit } from '../src/types.js'
import { plannedUnit as pu } from './helpers/planned-unit.js'

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random include graph: each unit includes (depends on) up to three earlier units' outputs. */
function randomUnits(seed: number): PlannedUnit[] {
  const r = rng(seed)
  const n = 1 + Math.floor(r() * 40)
  const units: PlannedUnit[] = []
  for (let i = 0; i < n; i++) {
    const deps: string[] = []
    for (let j = 0; j < 3; j++) if (i > 0 && r() < 0.25) deps.push(`u${Math.floor(r() * i)}_python`)
    const op: Operation = r() < 0.2 ? 'nothing' : 'generate'
    units.push(pu(`u${i}_python`, `u${i}`, op, op === 'nothing' ? 0 : Math.round(r() * 300) / 100, deps))
  }
  return units
}

describe('makeShards over random include graphs', () => {
  it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
    'seed %i: no dependency between two units with work crosses shards; shares fit the budget',
    seed => {
      const units = randomUnits(seed)
      const max = 1 + (seed % 9)
      const shards = makeShards(units, max)
      const where = new Map(shards.flatMap(s => s.units.map(u => [u, s.shard] as const)))
      expect(shards.length).toBeLessThanOrEqual(max)
      const work = units.filter(u => u.operation !== 'nothing')
      expect([...where.keys()].sort()).toEqual(work.map(u => u.id).sort())
      for (const u of work)
        for (const d of u.dependsOn)
          if (where.has(d)) expect(where.get(d), `${u.id} → ${d}`).toBe(where.get(u.id))
      const budget = Math.round(rng(seed * 7)() * 2000) / 100
      const m = matrixOf(shards, budget)
      const sum = m.include.reduce((a, l) => a + Number(l.budget), 0)
      expect(sum).toBeLessThanOrEqual(budget + 1e-9)
      for (const leg of m.include) for (const v of Object.values(leg)) expect(typeof v).toBe('string')
    }
  )
})

describe('budgetShares', () => {
  it.each([
    [[1, 1, 2], 10, [2.5, 2.5, 5]],
    [[1, 2], 1, [0.3333, 0.6666]],
    [[0, 0], 3, [1.5, 1.5]],
    [[0, 2], 3, [0, 3]],
    [[1, 1, 1], 0.0001, [0, 0, 0]],
    [[], 5, []]
  ])('%j of %d → %j', (est, budget, want) => {
    expect(budgetShares(est, budget)).toEqual(want)
  })
})

describe('matrix output', () => {
  it('is strings only, units one a line, and reads back', () => {
    const shards = [
      { shard: 0, units: ['a_python', 'b_python'], estimatedCost: 3 },
      { shard: 1, units: ['c_python'], estimatedCost: 1 }
    ]
    const m = matrixOf(shards, 2)
    expect(m).toEqual({
      include: [
        { shard: '0', units: 'a_python\nb_python', budget: '1.5000' },
        { shard: '1', units: 'c_python', budget: '0.5000' }
      ]
    })
    expect(parseMatrix(JSON.stringify(m))).toEqual([
      { shard: 0, units: ['a_python', 'b_python'], budget: 1.5 },
      { shard: 1, units: ['c_python'], budget: 0.5 }
    ])
    expect(parseMatrix('{"include":[]}')).toEqual([])
  })

  it.each([
    ['nope', /not JSON/],
    ['{}', /no "include"/],
    ['{"include":[{"shard":"x","units":"a"}]}', /leg 1 .*shard/],
    ['{"include":[{"shard":"0","units":"a"},{"shard":"0","units":"b"}]}', /leg 2 .*distinct/],
    ['{"include":[{"shard":"0"}]}', /leg 1 has no "units"/],
    ['{"include":[{"shard":"0","units":"a","budget":"-1"}]}', /bad "budget"/]
  ])('refuses %s', (raw, why) => {
    expect(() => parseMatrix(raw)).toThrow(why)
  })
})
