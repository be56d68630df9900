import { describe, expect, it } from 'vitest'
import type { RunResult, UnitResult } from '../src/execute/result.js'
import { runsToPrune } from '../src/fanout/prune.js'
import {
  combineResults,
  isComplete,
  parsePartial,
  parseShardReport,
  sortShards,
  type ShardReport
} from '../src/fanout/report.js'
import { withResumed } from '../src/fanout/resume.js'
import type { ShardSpec } from '../src/plan/matrix.js'

const specs: ShardSpec[] = [
  { shard: 0, units: ['a_python', 'b_python', 'c_python'], budget: 3 },
  { shard: 1, units: ['d_python'], budget: 1 }
]

const unit = (id: string, cost: number | null, status: UnitResult['status'] = 'synced'): UnitResult => ({
  id,
  basename: id.replace(/_python$/, ''),
  language: 'python',
  status,
  operations: ['generate'],
  cost,
  reason: ''
})

function report(shard: number, units: UnitResult[], complete?: boolean): ShardReport {
  const result: RunResult = { budget: 3, spent: units.reduce((a, u) => a + (u.cost ?? 0), 0), units }
  return {
    version: 1,
    runKey: '5',
    shard,
    baseSha: 'b'.repeat(40),
    head: 'b'.repeat(40),
    ...(complete === undefined ? {} : { complete }),
    result,
    promptPaths: {},
    contextOf: {}
  }
}

const lines = (r: RunResult): string[] => r.units.map(u => `${u.id} ${u.status} ${u.reason}`.trim())

describe('partial shard reports', () => {
  it('a partial leg publishes its finished units; only its unfinished ones did not report', () => {
    const r0 = report(0, [unit('b_python', 0.2), unit('a_python', 0.1, 'failed')], false)
    const o = sortShards(specs, new Map([[0, r0]]), new Set())
    const result = combineResults(o, specs, new Map())
    expect(lines(result)).toEqual([
      'a_python failed',
      'b_python synced',
      'c_python failed shard 0 did not report',
      'd_python failed shard 1 did not report'
    ])
    expect(result.spent).toBeCloseTo(0.3, 9)
    expect(result.budget).toBe(4)
  })

  it('units an earlier finalize published of a partial leg are not published (nor paid) again', () => {
    const r0 = report(0, [unit('a_python', 0.1), unit('b_python', 0.2), unit('c_python', 0.4)], true)
    const before = new Map([[0, new Set(['a_python'])]])
    const o = sortShards(specs, new Map([[0, r0]]), new Set([1]), before)
    const result = combineResults(o, specs, new Map())
    expect(lines(result)).toEqual(['b_python synced', 'c_python synced'])
    expect(result.spent).toBeCloseTo(0.6, 9)
    // The same leg still partial and not re-run: only what is left is listed, once.
    const still = sortShards(specs, new Map(), new Set([1]), before)
    expect(lines(combineResults(still, specs, new Map()))).toEqual([
      'b_python failed shard 0 did not report',
      'c_python failed shard 0 did not report'
    ])
  })

  it('reads complete (absent: complete, as older reports) and the partial part of a finalized marker', () => {
    const old = parseShardReport(JSON.stringify(report(1, [])))
    expect(isComplete(old)).toBe(true)
    expect(isComplete(parseShardReport(JSON.stringify(report(1, [], false))))).toBe(false)
    const marker = JSON.stringify({ version: 1, shards: [1], partial: { '0': ['a_python', 3], x: ['b'] } })
    expect([...parsePartial(marker)].map(([k, v]) => [k, [...v]])).toEqual([[0, ['a_python']]])
    expect(parsePartial('{').size).toBe(0)
    expect(parsePartial(null).size).toBe(0)
  })

  it('a resumed attempt adds the earlier attempt units and spend to its own', () => {
    const now: RunResult = {
      budget: 2.5,
      spent: 0.4,
      units: [unit('a_python', null, 'unchanged'), unit('c_python', 0.4)],
      baseSha: 'h'.repeat(40)
    }
    const r = withResumed(
      now,
      { units: [unit('a_python', 0.5)], spent: 0.5, head: 'h'.repeat(40) },
      'b'.repeat(40)
    )
    expect(lines(r)).toEqual(['a_python synced', 'c_python synced'])
    expect(r.spent).toBeCloseTo(0.9, 9)
    expect(r.budget).toBeCloseTo(3, 9)
    expect(r.baseSha).toBe('b'.repeat(40))
    expect(withResumed(now, null, 'x')).toBe(now)
  })
})

describe('runsToPrune', () => {
  const now = new Date('2026-12-06T12:00:00Z')
  const at = (days: number): number => now.getTime() / 1000 - days * 86_400
  it.each([
    ['8 days old', 8, true],
    ['6 days old', 6, false],
    ['no date', null, false]
  ])('%s', (_name, days, pruned) => {
    const markers = [{ runKey: 'k', date: days === null ? 0 : at(days) }]
    expect(runsToPrune(markers, 'other', now)).toEqual(pruned ? ['k'] : [])
  })
  it('never the run being finalized', () => {
    expect(runsToPrune([{ runKey: 'k', date: at(30) }], 'k', now)).toEqual([])
  })
})
