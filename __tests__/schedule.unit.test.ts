import { describe, expect, it } from 'vitest'
import { BudgetLedger, Calibration } from '../src/execute/budget.js'
import {
  schedule,
  type Group,
  type GroupOutcome,
  type PaidGroup,
  type Scheduled
} from '../src/execute/schedule.js'

const g = (id: string, estimate: number, dependsOn: string[] = []): Group => ({
  id,
  units: [`${id}_python`],
  dependsOn,
  estimate
})

/** A run function whose groups finish after `ms` with a cost; records the order and overlap of starts. */
function runner(
  spec: Record<string, { ms?: number; cost?: number | null; ok?: boolean; throws?: boolean }> = {}
) {
  const started: string[] = []
  let live = 0
  let maxLive = 0
  const budgets: Record<string, number> = {}
  const run = async (group: Group, admission: { amount: number }): Promise<GroupOutcome> => {
    started.push(group.id)
    budgets[group.id] = admission.amount
    live++
    maxLive = Math.max(maxLive, live)
    const s = spec[group.id] ?? {}
    await new Promise(r => setTimeout(r, s.ms ?? 5))
    live--
    if (s.throws) throw new Error('infrastructure')
    return { ok: s.ok ?? true, cost: s.cost === undefined ? 0.1 : s.cost }
  }
  return { run, started, budgets, maxLive: () => maxLive }
}
const kinds = (r: Scheduled[]): Record<string, string> =>
  Object.fromEntries(r.map(s => [s.group.id, s.ran ? (s.outcome.ok ? 'ok' : 'failed') : s.notRun.kind]))

describe('schedule', () => {
  it('runs dependencies first and at most `concurrency` groups at once', async () => {
    const r = runner({ a: { ms: 30 }, b: { ms: 30 }, c: { ms: 30 } })
    const out = await schedule({
      groups: [g('c', 1, ['a']), g('a', 1), g('b', 1), g('d', 1)],
      ledger: new BudgetLedger(100),
      concurrency: 2,
      policy: 'fit',
      run: r.run
    })
    expect(kinds(out)).toEqual({ a: 'ok', b: 'ok', c: 'ok', d: 'ok' })
    expect(r.started.indexOf('a')).toBeLessThan(r.started.indexOf('c'))
    expect(r.maxLive()).toBe(2)
  })

  it('skips the dependents of a failed group, transitively, and of a group that threw', async () => {
    const r = runner({ a: { ok: false }, x: { throws: true } })
    const out = await schedule({
      groups: [g('a', 1), g('b', 1, ['a']), g('c', 1, ['b']), g('x', 1), g('y', 1, ['x']), g('z', 1)],
      ledger: new BudgetLedger(100),
      concurrency: 1,
      policy: 'fit',
      run: r.run
    })
    expect(kinds(out)).toEqual({
      a: 'failed',
      b: 'skipped-dependency',
      c: 'skipped-dependency',
      x: 'failed',
      y: 'skipped-dependency',
      z: 'ok'
    })
    expect(r.started).toEqual(['a', 'x', 'z'])
  })

  it.each([
    ['fit', { big: 'skipped-budget', small: 'ok', small2: 'ok' }],
    ['ordered', { big: 'skipped-budget', small: 'skipped-budget', small2: 'skipped-budget' }]
  ] as const)('policy %s: what happens after a group that does not fit', async (policy, expected) => {
    const r = runner({ first: { cost: 3 } })
    const out = await schedule({
      groups: [g('first', 2), g('big', 5), g('small', 0.5), g('small2', 0.5)],
      ledger: new BudgetLedger(5, { headroom: 1 }),
      concurrency: 1,
      policy,
      run: r.run
    })
    expect(kinds(out)).toEqual({ first: 'ok', ...expected })
  })

  it('waits for a running group’s reservation to come back instead of skipping', async () => {
    const r = runner({ a: { ms: 30, cost: 1 } })
    const out = await schedule({
      groups: [g('a', 2), g('b', 2)],
      ledger: new BudgetLedger(3.5, { headroom: 1.5 }),
      concurrency: 2,
      policy: 'fit',
      run: r.run
    })
    // a reserves 3 of 3.5; b (2) cannot start until a books its real cost (1).
    expect(kinds(out)).toEqual({ a: 'ok', b: 'ok' })
    expect(r.maxLive()).toBe(1)
    expect(r.budgets).toEqual({ a: 3, b: 2.5 })
  })

  it('passes the admitted amount and books the real cost; unknown cost books the reservation', async () => {
    const ledger = new BudgetLedger(10, { headroom: 1 })
    const r = runner({ a: { cost: 0.25 }, b: { cost: null } })
    await schedule({ groups: [g('a', 1), g('b', 2)], ledger, concurrency: 1, policy: 'fit', run: r.run })
    expect(r.budgets).toEqual({ a: 1, b: 2 })
    expect(ledger.spent).toBe(2.25)
  })

  it('stops admitting when cancelled; running groups finish', async () => {
    const ctl = new AbortController()
    const r = runner({ a: { ms: 20 } })
    const p = schedule({
      groups: [g('a', 1), g('b', 1)],
      ledger: new BudgetLedger(10),
      concurrency: 1,
      policy: 'fit',
      run: r.run,
      signal: ctl.signal
    })
    ctl.abort()
    const out = await p
    expect(kinds(out)).toEqual({ a: 'ok', b: 'skipped-budget' })
  })

  it('runs groups that depend on each other (a cycle) instead of waiting forever', async () => {
    const r = runner()
    const out = await schedule({
      groups: [g('a', 1, ['b']), g('b', 1, ['a'])],
      ledger: new BudgetLedger(10),
      concurrency: 2,
      policy: 'fit',
      run: r.run
    })
    expect(kinds(out)).toEqual({ a: 'ok', b: 'ok' })
  })
})

describe('schedule: unit-level needs', () => {
  it('a dependent runs when the unit it needs synced, even if another language of that group failed', async () => {
    const r = runner()
    const a: Group = { id: 'a', units: ['a_python', 'a_typescript'], dependsOn: [], estimate: 1 }
    const b: Group = { id: 'b', units: ['b_python'], dependsOn: ['a'], needs: ['a_python'], estimate: 1 }
    const c: Group = { id: 'c', units: ['c_python'], dependsOn: ['a'], needs: ['a_typescript'], estimate: 1 }
    const out = await schedule({
      groups: [a, b, c],
      ledger: new BudgetLedger(10),
      concurrency: 1,
      policy: 'fit',
      run: async (g, adm) => (g.id === 'a' ? { ok: false, synced: ['a_python'], cost: 0.1 } : r.run(g, adm))
    })
    expect(kinds(out)).toEqual({ a: 'failed', b: 'ok', c: 'skipped-dependency' })
  })
})

describe('schedule: calibration (no recorded cost, estimates from PDD’s table)', () => {
  // Three fresh groups, each estimated $2.15 by PDD's table; really each costs what the spec says.
  const fresh = (...ids: string[]): Group[] => ids.map(id => g(id, 2.15))

  it.each<{
    name: string
    budget: number
    concurrency: number
    policy: 'fit' | 'ordered'
    costs: Record<string, number | null>
    kinds: Record<string, string>
    budgets: Record<string, number>
    maxLive: number
  }>([
    {
      name: 'budget 1 < the table estimate: the first group gets all of it, then the rest are scaled by its cost',
      budget: 1,
      concurrency: 3,
      policy: 'fit',
      costs: { a: 0.0215, b: 0.02, c: 0.02 },
      kinds: { a: 'ok', b: 'ok', c: 'ok' },
      // factor 0.0215 / 2.15 = 0.01 → b and c estimated $0.0215, reserved 1.5 × = $0.03225, concurrently
      budgets: { a: 1, b: 0.03225, c: 0.03225 },
      maxLive: 2
    },
    {
      name: 'a first group whose cost is unknown books its reservation (all of it): the rest are skipped',
      budget: 1,
      concurrency: 2,
      policy: 'fit',
      costs: { a: null, b: 0.02, c: 0.02 },
      kinds: { a: 'ok', b: 'skipped-budget', c: 'skipped-budget' },
      budgets: { a: 1 },
      maxLive: 1
    },
    {
      name: 'a group that books nothing keeps calibration on: the next gets what is left, one at a time',
      budget: 1,
      concurrency: 3,
      policy: 'fit',
      costs: { a: 0, b: 0.5, c: 0.2 },
      // b's factor is 0.5 / 2.15: c is estimated $0.50, reserved up to 1.5 ×, capped at the $0.50 left
      kinds: { a: 'ok', b: 'ok', c: 'ok' },
      budgets: { a: 1, b: 1, c: 0.5 },
      maxLive: 1
    },
    {
      name: 'the first group spends it all (overshoot): the rest are skipped for budget',
      budget: 1,
      concurrency: 2,
      policy: 'ordered',
      costs: { a: 1.2, b: 0.02, c: 0.02 },
      kinds: { a: 'ok', b: 'skipped-budget', c: 'skipped-budget' },
      budgets: { a: 1 },
      maxLive: 1
    }
  ])('$name', async ({ budget, concurrency, policy, costs, kinds: expected, budgets, maxLive }) => {
    const r = runner(Object.fromEntries(Object.entries(costs).map(([id, cost]) => [id, { cost, ms: 10 }])))
    const ledger = new BudgetLedger(budget)
    const calibration = new Calibration()
    const out = await schedule({
      groups: fresh('a', 'b', 'c'),
      ledger,
      concurrency,
      policy,
      run: r.run,
      calibration
    })
    expect(kinds(out)).toEqual(expected)
    expect(Object.keys(r.budgets)).toEqual(Object.keys(budgets))
    for (const [id, amount] of Object.entries(budgets)) expect(r.budgets[id], id).toBeCloseTo(amount, 6)
    expect(r.maxLive()).toBe(maxLive)
    const known = Object.entries(costs).filter(([id]) => id in budgets)
    expect(ledger.spent).toBeCloseTo(
      known.reduce((a, [id, c]) => a + (c ?? (r.budgets[id] as number)), 0),
      6
    )
    // Never more than the budget plus what the last group admitted overshot.
    expect(ledger.spent).toBeLessThanOrEqual(budget + ledger.history.reduce((a, b) => a + b.overshoot, 0))
  })

  it('without calibration the same fresh groups are all skipped at budget 1 (the cold-start bug)', async () => {
    const r = runner()
    const out = await schedule({
      groups: fresh('a', 'b'),
      ledger: new BudgetLedger(1),
      concurrency: 2,
      policy: 'fit',
      run: r.run
    })
    expect(kinds(out)).toEqual({ a: 'skipped-budget', b: 'skipped-budget' })
  })

  it('dependencies still order groups while calibrating, and concurrency resumes after', async () => {
    const r = runner({ a: { cost: 0.0215, ms: 20 }, b: { ms: 30 }, c: { ms: 30 }, d: { ms: 30 } })
    const calibration = new Calibration()
    const out = await schedule({
      groups: [g('d', 2.15, ['a']), ...fresh('a', 'b', 'c')],
      ledger: new BudgetLedger(5),
      concurrency: 3,
      policy: 'fit',
      run: r.run,
      calibration
    })
    expect(kinds(out)).toEqual({ a: 'ok', b: 'ok', c: 'ok', d: 'ok' })
    expect(r.started[0]).toBe('a')
    expect(calibration.calibrated).toEqual(['a'])
    // every booked cost refines the factor: (0.0215 + 3 × 0.1) ÷ (4 × 2.15)
    expect(calibration.factor).toBeCloseTo(0.3215 / 8.6, 9)
    expect(r.maxLive()).toBe(3)
  })
})

describe('schedule: a group paid before its outcome is final', () => {
  /** A promise and what settles it. */
  function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
    let resolve!: (v: T) => void
    let reject!: (e: unknown) => void
    const promise = new Promise<T>((res, rej) => {
      resolve = res
      reject = rej
    })
    return { promise, resolve, reject }
  }
  const paid = (cost: number, outcome: Promise<GroupOutcome>): PaidGroup => ({ paid: true, cost, outcome })

  it('frees its slot and books its cost when paid; a dependent waits for its outcome', async () => {
    const ledger = new BudgetLedger(10, { headroom: 1 })
    const a = deferred<GroupOutcome>()
    const seen: string[] = []
    let aFinal = false
    const out = await schedule({
      groups: [g('a', 1), g('c', 1, ['a']), g('b', 1)],
      ledger,
      concurrency: 1,
      policy: 'fit',
      run: async group => {
        await Promise.resolve()
        if (group.id === 'a') return paid(0.25, a.promise)
        if (group.id === 'b') {
          // a's outcome is still open: only the slot it left lets b start at concurrency 1.
          seen.push(`b: a final ${aFinal}, spent ${ledger.spent}`)
          aFinal = true
          a.resolve({ ok: true, cost: 0.25 })
        } else seen.push(`c: a final ${aFinal}`)
        return { ok: true, cost: 0.1 }
      }
    })
    expect(kinds(out)).toEqual({ a: 'ok', b: 'ok', c: 'ok' })
    expect(seen).toEqual(['b: a final false, spent 0.25', 'c: a final true'])
    expect(ledger.spent).toBe(0.45)
  })

  it('a dependent of a paid group whose outcome failed or threw is skipped; the cost stays booked', async () => {
    const ledger = new BudgetLedger(10, { headroom: 1 })
    const out = await schedule({
      groups: [g('a', 1), g('b', 1, ['a']), g('x', 1), g('y', 1, ['x'])],
      ledger,
      concurrency: 2,
      policy: 'fit',
      run: async group => {
        await Promise.resolve()
        if (group.id === 'a') return paid(0.5, Promise.resolve({ ok: false, cost: 0.5 }))
        if (group.id === 'x') return paid(0.25, Promise.reject(new Error('commit failed')))
        return { ok: true, cost: 0.1 }
      }
    })
    expect(kinds(out)).toEqual({ a: 'failed', b: 'skipped-dependency', x: 'failed', y: 'skipped-dependency' })
    expect(ledger.spent).toBe(0.75)
  })

  it('no more than `concurrency` paid groups finish at once: the next group waits for one of them', async () => {
    const a = deferred<GroupOutcome>()
    let aFinal = false
    const seen: string[] = []
    await schedule({
      groups: [g('a', 1), g('b', 1), g('c', 1)],
      ledger: new BudgetLedger(10),
      concurrency: 1,
      policy: 'fit',
      run: async group => {
        await Promise.resolve()
        seen.push(`${group.id}: a final ${aFinal}`)
        if (group.id === 'a') return paid(0.1, a.promise)
        if (group.id === 'b') {
          // Settled on a later turn of the event loop: c must not have started by then.
          setImmediate(() => {
            aFinal = true
            a.resolve({ ok: true, cost: 0.1 })
          })
          return paid(0.1, new Promise(r => setImmediate(() => r({ ok: true, cost: 0.1 }))))
        }
        return { ok: true, cost: 0.1 }
      }
    })
    expect(seen).toEqual(['a: a final false', 'b: a final false', 'c: a final true'])
  })

  it('says once when no group is left to start, while the last one still runs', async () => {
    const told: string[] = []
    const running = new Set<string>()
    await schedule({
      groups: [g('a', 1), g('b', 1), g('c', 1, ['a'])],
      ledger: new BudgetLedger(10),
      concurrency: 2,
      policy: 'fit',
      onAllStarted: () => told.push([...running].sort().join(',')),
      run: async group => {
        running.add(group.id)
        await new Promise(r => setImmediate(r))
        running.delete(group.id)
        return { ok: true, cost: 0.1 }
      }
    })
    expect(told).toHaveLength(1)
    expect(told[0]).toMatch(/(^|,)c$/)
  })
})
