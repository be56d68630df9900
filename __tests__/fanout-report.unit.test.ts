import { describe, expect, it } from 'vitest'
import type { RunResult } from '../src/execute/result.js'
import {
  combineResults,
  parseFinalized,
  parseShardReport,
  sortShards,
  type ShardReport
} from '../src/fanout/report.js'
import type { ShardSpec } from '../src/plan/matrix.js'

const specs: ShardSpec[] = [
  { shard: 0, units: ['a_python', 'b_python'], budget: 2 },
  { shard: 1, units: ['c_python'], budget: 1.5 },
  { shard: 2, units: ['core/d_typescript'], budget: 0.5 }
]

function report(shard: number, result: Partial<RunResult>): ShardReport {
  return {
    version: 1,
    runKey: '77',
    shard,
    baseSha: 'b'.repeat(40),
    head: 'b'.repeat(40),
    result: { budget: 0, spent: 0, units: [], ...result },
    promptPaths: {},
    contextOf: {}
  }
}

const synced = (id: string, cost: number): RunResult['units'][number] => ({
  id,
  basename: id.replace(/_python$/, ''),
  language: 'python',
  status: 'synced',
  operations: ['generate'],
  cost,
  reason: ''
})

describe('sortShards and combineResults', () => {
  it('reported legs, legs an earlier finalize published, and legs that never reported', () => {
    const r0 = report(0, {
      budget: 2,
      spent: 0.3,
      overshoot: 0.01,
      pddVersion: '0.0.310',
      units: [synced('b_python', 0.2), synced('a_python', 0.1)]
    })
    const o = sortShards(specs, new Map([[0, r0]]), new Set([1]))
    expect(o.reported.map(r => r.shard)).toEqual([0])
    expect(o.earlier).toEqual([1])
    expect(o.missing.map(s => s.shard)).toEqual([2])
    const known = new Map<string, { basename: string; language: string }>()
    const result = combineResults(o, specs, known)
    // Budget: the shares of the legs this finalize answers for (reported and missing), not the earlier one.
    expect(result.budget).toBe(2.5)
    expect(result.spent).toBe(0.3)
    expect(result.overshoot).toBe(0.01)
    expect(result.pddVersion).toBe('0.0.310')
    expect(result.units.map(u => [u.id, u.status, u.reason, u.cost])).toEqual([
      ['a_python', 'synced', '', 0.1],
      ['b_python', 'synced', '', 0.2],
      ['core/d_typescript', 'failed', 'shard 2 did not report', null]
    ])
    expect(result.units[2]).toMatchObject({ basename: 'core/d', language: 'typescript', operations: [] })
  })

  it('every leg reported: spend and estimates add up', () => {
    const reports = new Map(
      specs.map(s => [
        s.shard,
        report(s.shard, {
          spent: s.budget / 2,
          estimatedCost: s.budget,
          units: s.units.map(u => synced(u, 0))
        })
      ])
    )
    const result = combineResults(sortShards(specs, reports, new Set()), specs, new Map())
    expect(result.budget).toBe(4)
    expect(result.spent).toBe(2)
    expect(result.estimatedCost).toBe(4)
    expect(result.units.every(u => u.status === 'synced')).toBe(true)
  })
})

describe('reading the refs’ files', () => {
  it.each([
    ['{}', /not a pdd-sync shard report/],
    ['{"version":1,"shard":0,"head":"x","baseSha":"y","result":{}}', /not a pdd-sync shard report/],
    ['nope', /JSON/]
  ])('refuses %s', (text, why) => {
    expect(() => parseShardReport(text)).toThrow(why)
  })

  it('reads a report back', () => {
    const r = report(1, { units: [synced('c_python', 1)] })
    expect(parseShardReport(JSON.stringify(r))).toEqual(r)
  })

  it.each([
    [null, []],
    ['garbage', []],
    ['{"version":1,"runKey":"7","shards":[0,2,"x"]}', [0, 2]]
  ])('finalized marker %s → %j', (text, want) => {
    expect([...parseFinalized(text)]).toEqual(want)
  })
})
