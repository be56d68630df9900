import { describe, expect, it } from 'vitest'
import { deadlineOf, publishMarginMs } from '../src/execute/session.js'
import { latestPerRun, type RunRecord } from '../src/state/record.js'
import { History } from '../src/state/history.js'
import { syncedEntry } from './helpers/notes.js'

const rec = (runId: string, at: string, ids: string[], partial?: boolean): RunRecord => ({
  schema: 1,
  runId,
  trigger: 'push',
  baseSha: '0'.repeat(40),
  createdAt: at,
  budget: 5,
  spent: ids.length,
  units: ids.map(i => syncedEntry(i, 1)),
  ...(partial ? { partial } : {})
})

describe('latestPerRun: one record per run, partial records superseded', () => {
  it.each([
    [
      'final beats a later partial',
      [rec('r', 't2', ['a'], true), rec('r', 't1', ['a', 'b'])],
      ['r:a,b:final']
    ],
    [
      'final beats a partial with more units',
      [rec('r', 't1', ['a', 'b', 'c'], true), rec('r', 't2', ['a'])],
      ['r:a:final']
    ],
    [
      'most units among partial ones',
      [rec('r', 't3', ['a'], true), rec('r', 't2', ['a', 'b'], true)],
      ['r:a,b:partial']
    ],
    [
      'newest among equal partial ones',
      [rec('r', 't1', ['a'], true), rec('r', 't2', ['b'], true)],
      ['r:b:partial']
    ],
    ['runs kept apart', [rec('r', 't1', ['a'], true), rec('s', 't1', ['b'])], ['r:a:partial', 's:b:final']]
  ])('%s', (_name, records, expected) => {
    const got = latestPerRun(records).map(
      r => `${r.runId}:${r.units.map(u => u.id).join(',')}:${r.partial ? 'partial' : 'final'}`
    )
    expect(got.sort()).toEqual(expected)
  })

  it('History counts a run once, whatever order its partial records arrive in', () => {
    const h = new History([rec('r', 't1', ['a_python'], true), rec('r', 't2', ['a_python', 'b_python'])])
    expect(h.size).toBe(2)
    expect(h.forUnit('a_python')).toHaveLength(1)
  })
})

describe('deadlineOf: max-run-minutes less the publication margin', () => {
  it.each([
    [undefined, undefined],
    [60, 60 * 60_000 - 120_000],
    [5, 5 * 60_000 - 60_000],
    [0.5, 30_000 - 6_000]
  ])('max-run-minutes %s → deadline start + %s ms', (minutes, after) => {
    expect(deadlineOf(minutes, 1_000)).toBe(after === undefined ? undefined : 1_000 + after)
  })

  it('the margin is 20% and never more than two minutes', () => {
    expect(publishMarginMs(1)).toBe(12_000)
    expect(publishMarginMs(600)).toBe(120_000)
  })
})
