import { describe, expect, it, vi } from 'vitest'
import { estimateOperationCost } from '../src/plan/decide.js'
import {
  estimateOperation,
  estimateUnit,
  estimateUnitDetail,
  expectedOperations
} from '../src/plan/estimate.js'
import { History } from '../src/state/history.js'
import type { RecordUnit, RunRecord } from '../src/state/record.js'
import type { Operation } from '../src/types.js'

const none = { skipTests: false, skipVerify: false }

describe('expectedOperations', () => {
  it.each<[Operation, { skipTests: boolean; skipVerify: boolean }, boolean, Operation[]]>([
    ['generate', none, false, ['generate', 'example', 'crash', 'verify', 'test']],
    ['generate', none, true, ['generate', 'crash', 'verify', 'test']],
    ['auto-deps', none, false, ['auto-deps', 'generate', 'example', 'crash', 'verify', 'test']],
    ['generate', { skipTests: true, skipVerify: false }, false, ['generate', 'example']],
    ['generate', { skipTests: false, skipVerify: true }, false, ['generate', 'example', 'test']],
    ['verify', none, true, ['verify', 'test']],
    ['fix', none, true, ['fix']],
    ['update', none, true, ['update', 'verify', 'test']],
    ['nothing', none, true, []],
    ['all_synced', none, true, []],
    ['fail_and_request_manual_merge', none, true, []]
  ])('%s %o example=%s → %o', (op, flags, ex, expected) => {
    expect(expectedOperations(op, flags, ex)).toEqual(expected)
  })
})

// `sync_orchestration.py` (0.0.310) skips verify and crash under --skip-verify or --skip-tests, test and fix under
// --skip-tests, and records `skip:<op>` without paying; every other operation always runs.
describe('expectedOperations: which flags skip each operation, as pdd sync does', () => {
  const skipTests = { skipTests: true, skipVerify: false }
  const skipVerify = { skipTests: false, skipVerify: true }
  it.each<[Operation, boolean, boolean]>([
    ['auto-deps', false, false],
    ['generate', false, false],
    ['example', false, false],
    ['crash', true, true],
    ['verify', true, true],
    ['test', true, false],
    ['test_extend', true, false],
    ['fix', true, false],
    ['update', false, false]
  ])('%s: skipped by --skip-tests %s, by --skip-verify %s', (op, byTests, byVerify) => {
    expect(expectedOperations(op, none, true)[0]).toBe(op)
    expect(expectedOperations(op, skipTests, true).includes(op)).toBe(!byTests)
    expect(expectedOperations(op, skipVerify, true).includes(op)).toBe(!byVerify)
  })
})

function rec(runId: string, units: Partial<RecordUnit>[]): RunRecord {
  return {
    schema: 1,
    runId,
    trigger: 'schedule',
    baseSha: 'a'.repeat(40),
    createdAt: `2026-01-0${runId}T00:00:00Z`,
    budget: 5,
    spent: 0,
    units: units.map(u => ({
      id: 'x_python',
      basename: 'x',
      language: 'python',
      status: 'synced',
      operations: [],
      cost: 0,
      duration: 1,
      reason: '',
      fingerprint: null,
      runReport: null,
      ...u
    }))
  }
}

describe('estimateOperation', () => {
  it('uses PDD’s table without history', () => {
    expect(estimateOperation('generate', { id: 'x_python', language: 'python' }, new History([]))).toEqual({
      cost: estimateOperationCost('generate'),
      basis: 'pdd'
    })
  })

  it('uses the median of the unit’s own past costs first', () => {
    const h = new History([
      rec('1', [{ operations: ['fix'], cost: 0.1 }]),
      rec('2', [{ operations: ['fix'], cost: 0.3 }]),
      rec('3', [{ operations: ['fix'], cost: 0.2 }]),
      rec('4', [{ id: 'y_python', basename: 'y', operations: ['fix'], cost: 9 }])
    ])
    expect(estimateOperation('fix', { id: 'x_python', language: 'python' }, h)).toEqual({
      cost: 0.2,
      basis: 'unit'
    })
  })

  it('falls back to the language’s median, and spreads a sync’s cost by PDD’s weights', () => {
    // generate 0.5 + example 0.3 = 0.8 → a $1.60 sync books $1.00 to generate.
    const h = new History([rec('1', [{ id: 'y_python', operations: ['generate', 'example'], cost: 1.6 }])])
    expect(estimateOperation('generate', { id: 'x_python', language: 'python' }, h)).toEqual({
      cost: 1,
      basis: 'language'
    })
    expect(estimateOperation('generate', { id: 'x_go', language: 'go' }, h).basis).toBe('any')
  })

  it('ignores entries with unknown cost', () => {
    const h = new History([rec('1', [{ operations: ['fix'], cost: null }])])
    expect(estimateOperation('fix', { id: 'x_python', language: 'python' }, h).basis).toBe('pdd')
  })

  it('sums a sequence', () => {
    expect(
      estimateUnit(['generate', 'example'], { id: 'x_python', language: 'python' }, new History([]))
    ).toBe(0.8)
  })
})

describe('estimates learn from every recorded cost', () => {
  // generate's table weight is 0.5 of generate + example (0.8): a $0.016 sync books $0.01 to generate, so
  // python's generate shares are 0.01, 0.03, 0.05 (100, 200, 400 bytes) and 0.02 (a's second run, size unknown).
  const h = new History([
    rec('1', [
      { id: 'a_python', basename: 'a', operations: ['generate', 'example'], cost: 0.016, promptBytes: 100 },
      { id: 'b_python', basename: 'b', operations: ['generate', 'example'], cost: 0.048, promptBytes: 200 },
      { id: 'c_python', basename: 'c', operations: ['generate', 'example'], cost: 0.08, promptBytes: 400 },
      { id: 'd_typescript', basename: 'd', language: 'typescript', operations: ['generate'], cost: 0.4 }
    ]),
    rec('2', [{ id: 'a_python', basename: 'a', operations: ['generate', 'example'], cost: 0.032 }])
  ])
  it.each<[string, Operation, { id: string; language: string; promptBytes?: number }, number, string]>([
    [
      'own runs first (median of 0.01 and 0.02)',
      'generate',
      { id: 'a_python', language: 'python' },
      0.015,
      'unit'
    ],
    // per-byte shares 1e-4, 1.5e-4, 1.25e-4 → median 1.25e-4 × 300 bytes
    [
      'same language, scaled by prompt size',
      'generate',
      { id: 'z_python', language: 'python', promptBytes: 300 },
      0.0375,
      'language'
    ],
    [
      'same language, size unknown → raw median of 0.01, 0.02, 0.03, 0.05',
      'generate',
      { id: 'z_python', language: 'python' },
      0.025,
      'language'
    ],
    // go has no runs: every unit's generate shares 1e-4, 1.25e-4, 1.5e-4 (sized) → median 1.25e-4 × 1000
    ['any language, scaled', 'generate', { id: 'z_go', language: 'go', promptBytes: 1000 }, 0.125, 'any'],
    [
      'any language, size unknown → raw median of 0.01, 0.02, 0.03, 0.05, 0.4',
      'generate',
      { id: 'z_go', language: 'go' },
      0.03,
      'any'
    ],
    // nobody ran fix: PDD's table × the median of cost ÷ table (0.02, 0.04, 0.06, 0.1, 0.8 → 0.06)
    [
      'an operation nobody ran → PDD table × repository ratio',
      'fix',
      { id: 'a_python', language: 'python' },
      estimateOperationCost('fix') * 0.06,
      'repository'
    ]
  ])('%s', (_name, op, target, cost, basis) => {
    const e = estimateOperation(op, target, h)
    expect(e.basis).toBe(basis)
    expect(e.cost).toBeCloseTo(cost, 9)
  })

  it('PDD’s table only when the repository has no recorded cost at all', () => {
    const none = new History([rec('1', [{ operations: [], cost: 0, status: 'skipped-budget' }])])
    expect(estimateUnitDetail(['generate', 'example'], { id: 'x_python', language: 'python' }, none)).toEqual(
      {
        cost: 0.8,
        basis: 'pdd'
      }
    )
    expect(estimateUnitDetail(['generate', 'fix'], { id: 'a_python', language: 'python' }, h).basis).toBe(
      'repository'
    )
  })

  it('builds its index once: 20,000 units estimated against 20,000 records walk the history once', () => {
    const records = Array.from({ length: 200 }, (_, r) =>
      rec(
        String(r),
        Array.from({ length: 100 }, (_, i) => ({
          id: `u${i}_python`,
          basename: `u${i}`,
          operations: ['generate', 'example'],
          cost: 0.01 + i / 1e4,
          promptBytes: 100 + i
        }))
      )
    )
    const big = new History(records)
    const walks = vi.spyOn(big, 'entries')
    const perUnit = vi.spyOn(big, 'forLanguage')
    for (let i = 0; i < 20_000; i++)
      estimateUnit(
        ['generate', 'example', 'test'],
        { id: `n${i}_python`, language: 'python', promptBytes: 500 },
        big
      )
    // Linear in the units: one pass over the history builds the index; no per-unit scan of shared lists.
    expect(walks).toHaveBeenCalledTimes(1)
    expect(perUnit).not.toHaveBeenCalled()
  })
})
