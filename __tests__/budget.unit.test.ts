import { describe, expect, it } from 'vitest'
import { BudgetLedger, Calibration } from '../src/execute/budget.js'

describe('BudgetLedger', () => {
  it.each([
    ['fits with headroom', 5, 2, 3],
    ['fits, headroom capped by what is available', 2.5, 2, 2.5],
    ['exactly the estimate', 2, 2, 2],
    ['does not fit', 1.99, 2, null],
    ['zero estimate gets what is available', 1, 0, 1],
    ['nothing available', 0, 0, null]
  ])('admit: %s', (_n, total, estimate, amount) => {
    const l = new BudgetLedger(total)
    expect(l.admit('g', estimate)?.amount ?? null).toBe(amount)
  })

  it('concurrent groups cannot jointly overspend: reservations count against admission', () => {
    const l = new BudgetLedger(5)
    expect(l.admit('a', 2)?.amount).toBe(3)
    expect(l.available).toBe(2)
    expect(l.admit('b', 2)?.amount).toBe(2)
    expect(l.admit('c', 0.5)).toBeNull()
    expect(l.couldFit(0.5)).toBe(true)
    l.book('a', 1)
    expect(l.spent).toBe(1)
    expect(l.available).toBe(2)
    expect(l.admit('c', 0.5)?.amount).toBe(0.75)
  })

  it('books the real cost, names an overshoot, and books the reservation when the cost is unknown', () => {
    const l = new BudgetLedger(10, { headroom: 1 })
    l.admit('a', 1)
    expect(l.book('a', 1.25)).toEqual({ group: 'a', booked: 1.25, costKnown: true, overshoot: 0.25 })
    l.admit('b', 2)
    expect(l.book('b', null)).toEqual({ group: 'b', booked: 2, costKnown: false, overshoot: 0 })
    expect(l.spent).toBe(3.25)
    expect(l.history.map(b => b.group)).toEqual(['a', 'b'])
  })

  it('couldFit is false once spending leaves too little, whatever is reserved', () => {
    const l = new BudgetLedger(1)
    l.admit('a', 0.5)
    l.book('a', 0.9)
    expect(l.couldFit(0.2)).toBe(false)
    expect(l.admit('b', 0.2)).toBeNull()
  })

  it('release frees a reservation without spending', () => {
    const l = new BudgetLedger(1)
    l.admit('a', 1)
    l.release('a')
    expect(l.available).toBe(1)
    expect(l.spent).toBe(0)
  })

  it.each([[-1], [Number.NaN]])('refuses a budget of %s', total => {
    expect(() => new BudgetLedger(total)).toThrow(/budget must be a number/)
  })

  it('refuses to admit a group twice or book one never admitted', () => {
    const l = new BudgetLedger(5)
    l.admit('a', 1)
    expect(() => l.admit('a', 1)).toThrow(/already admitted/)
    expect(() => l.book('z', 1)).toThrow(/not admitted/)
  })
})

describe('BudgetLedger.admitRest and Calibration', () => {
  it('admitRest reserves all that is available whatever the estimate, and nothing when none is', () => {
    const l = new BudgetLedger(1)
    expect(l.admitRest('a', 2.15)).toEqual({ group: 'a', amount: 1, estimate: 2.15 })
    expect(l.admitRest('b', 2.15)).toBeNull()
    l.book('a', 0.25)
    expect(l.admitRest('b', 2.15)?.amount).toBe(0.75)
  })

  it.each<[string, Array<[number, number | null]>, number | null, number]>([
    ['nothing booked yet', [], null, 2.15],
    [
      'unknown and zero costs teach nothing',
      [
        [2.15, null],
        [2.15, 0]
      ],
      null,
      2.15
    ],
    ['one cost: its ratio to the table', [[2.15, 0.0215]], 0.01, 0.0215],
    [
      'several: Σ booked ÷ Σ table',
      [
        [2, 0.01],
        [1, 0.05]
      ],
      0.02,
      0.043
    ]
  ])('%s', (_name, observed, factor, estimateOf215) => {
    const c = new Calibration()
    for (const [table, cost] of observed) c.observe(table, cost)
    if (factor === null) expect(c.factor).toBeNull()
    else expect(c.factor).toBeCloseTo(factor, 9)
    expect(c.active).toBe(factor === null)
    expect(c.estimateOf(2.15)).toBeCloseTo(estimateOf215, 6)
  })
})
