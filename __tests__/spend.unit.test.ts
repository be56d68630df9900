import { describe, expect, it } from 'vitest'
import { capReason, renderSpend, spentThisMonth } from '../src/publish/spend-report.js'
import { parseNote, type RunRecord, type SpendReservation } from '../src/state/record.js'
import { effectiveBudget, summarizeSpend, utcDay, type SpendSummary } from '../src/state/spend.js'
import type { SpendCaps } from '../src/settings/inputs.js'

function rec(runId: string, createdAt: string, spent: number, extra: object = {}): RunRecord {
  return {
    schema: 1,
    runId,
    trigger: 'schedule',
    baseSha: 'a'.repeat(40),
    createdAt,
    budget: 5,
    spent,
    units: [],
    ...extra
  }
}

function res(runId: string, createdAt: string, amount: number, hours = 6): SpendReservation {
  const expiresAt = new Date(Date.parse(createdAt) + hours * 3_600_000).toISOString()
  return { schema: 1, kind: 'reservation', runId, createdAt, amount, expiresAt }
}

const NOW = new Date('2026-03-01T00:30:00Z')

describe('summarizeSpend: earlier runs by UTC date', () => {
  it.each<[string, RunRecord[], Partial<SpendSummary>]>([
    ['nothing recorded', [], { spentToday: 0, spentMonth: 0 }],
    [
      'today counts for the day and the month',
      [rec('a', '2026-03-01T00:10:00Z', 1.5)],
      { spentToday: 1.5, spentMonth: 1.5 }
    ],
    // 23:59 on the last day of February is yesterday and last month in UTC, whatever the local zone says.
    [
      'the day before, in the previous month',
      [rec('a', '2026-02-28T23:59:59Z', 2)],
      { spentToday: 0, spentMonth: 0 }
    ],
    [
      'an offset time is read in UTC',
      [rec('a', '2026-02-28T20:00:00-05:00', 2)],
      { spentToday: 2, spentMonth: 2 }
    ],
    [
      'earlier this month, not today',
      [rec('a', '2026-03-01T00:00:00Z', 1), rec('b', '2026-03-31T12:00:00Z', 4)],
      { spentToday: 1, spentMonth: 5 }
    ],
    [
      'one run id once, with its largest spend (notes and PR comment, partial records)',
      [
        rec('a', '2026-03-01T00:01:00Z', 0.5, { partial: true }),
        rec('a', '2026-03-01T00:05:00Z', 1.25),
        rec('a', '2026-03-01T00:05:00Z', 1.25)
      ],
      { spentToday: 1.25, spentMonth: 1.25 }
    ],
    [
      'malformed times and spends are ignored',
      [
        rec('a', 'yesterday', 3),
        rec('b', '2026-03-01T00:00:00Z', Number.NaN),
        rec('c', '2026-03-01T00:00:00Z', -2)
      ],
      { spentToday: 0, spentMonth: 0 }
    ],
    ['a year ago is another month', [rec('a', '2025-03-01T10:00:00Z', 9)], { spentToday: 0, spentMonth: 0 }]
  ])('%s', (_name, records, want) => {
    expect(summarizeSpend({ records, reservations: [], now: NOW })).toMatchObject({
      day: '2026-03-01',
      month: '2026-03',
      ...want
    })
  })

  it('leaves out this run itself', () => {
    const s = summarizeSpend({
      records: [rec('me', '2026-03-01T00:00:00Z', 2), rec('x', '2026-03-01T00:00:00Z', 1)],
      reservations: [res('me', '2026-03-01T00:00:00Z', 4)],
      now: NOW,
      excludeRunId: 'me'
    })
    expect(s).toMatchObject({ spentToday: 1, heldToday: 0 })
  })
})

describe('summarizeSpend: reservations of other runs', () => {
  it.each<[string, RunRecord[], SpendReservation[], number]>([
    ['an open reservation holds its amount', [], [res('b', '2026-03-01T00:20:00Z', 3)], 3],
    [
      'a final record closes it',
      [rec('b', '2026-03-01T00:25:00Z', 0.4)],
      [res('b', '2026-03-01T00:20:00Z', 3)],
      0
    ],
    [
      'a partial record lowers it by what is spent so far',
      [rec('b', '2026-03-01T00:25:00Z', 1, { partial: true })],
      [res('b', '2026-03-01T00:20:00Z', 3)],
      2
    ],
    ['an expired one no longer counts', [], [res('b', '2026-02-28T18:00:00Z', 3, 6)], 0],
    [
      'a re-reserved run holds its latest amount',
      [],
      [res('b', '2026-03-01T00:20:00Z', 3), res('b', '2026-03-01T00:21:00Z', 1)],
      1
    ],
    ['two runs add up', [], [res('b', '2026-03-01T00:20:00Z', 3), res('c', '2026-03-01T00:21:00Z', 1)], 4]
  ])('%s', (_name, records, reservations, held) => {
    const s = summarizeSpend({ records, reservations, now: NOW })
    expect(s.heldToday).toBe(held)
    expect(s.heldMonth).toBe(held)
  })
})

describe('effectiveBudget', () => {
  const summary = (spentToday: number, spentMonth: number, held = 0): SpendSummary => ({
    day: '2026-03-01',
    month: '2026-03',
    spentToday,
    spentMonth,
    heldToday: held,
    heldMonth: held
  })
  it.each<[string, number, SpendCaps, SpendSummary, Partial<ReturnType<typeof effectiveBudget>>]>([
    ['no caps: the budget', 5, {}, summary(100, 1000), { budget: 5, limitedBy: undefined }],
    [
      'caps with room: the budget',
      5,
      { daily: 20, monthly: 100 },
      summary(1, 10),
      { budget: 5, leftToday: 19, leftMonth: 90 }
    ],
    ['the daily cap lowers it', 5, { daily: 10 }, summary(7.5, 7.5), { budget: 2.5, limitedBy: 'daily' }],
    [
      'the tighter cap wins',
      5,
      { daily: 10, monthly: 50 },
      summary(7, 49),
      { budget: 1, limitedBy: 'monthly' }
    ],
    ['holds of running runs count', 5, { daily: 10 }, summary(2, 2, 6), { budget: 2, limitedBy: 'daily' }],
    [
      'a reached cap leaves 0',
      5,
      { monthly: 30 },
      summary(0, 30.5),
      { budget: 0, reached: 'monthly', leftMonth: 0 }
    ],
    ['a cap of 0 stops everything', 5, { daily: 0 }, summary(0, 0), { budget: 0, reached: 'daily' }],
    ['a budget of 0 is not a reached cap', 0, { daily: 10 }, summary(0, 0), { budget: 0, reached: undefined }]
  ])('%s', (_name, budget, caps, s, want) => {
    const got = effectiveBudget(budget, caps, s) as unknown as Record<string, unknown>
    for (const [k, v] of Object.entries(want)) expect(got[k], k).toEqual(v)
  })
})

describe('spend report', () => {
  const s: SpendSummary = {
    day: '2026-03-01',
    month: '2026-03',
    spentToday: 1,
    spentMonth: 30,
    heldToday: 0,
    heldMonth: 0
  }
  const caps = { daily: 10, monthly: 30 }
  const report = { caps, summary: s, effective: effectiveBudget(5, caps, s), shared: true }

  it('says which cap stopped the run and why', () => {
    expect(capReason(report)).toBe(
      'monthly cap reached: $30.0000 spent this month (2026-03 UTC) of the monthly cap of $30.0000; nothing was installed or run'
    )
    const md = renderSpend(report, { spent: 0 })
    expect(md).toContain('> [!WARNING]\n> Monthly cap reached')
    expect(md).toContain(
      '**Spent:** this run $0.0000 · today $1.0000 of $10.0000 · this month $30.0000 of $30.0000'
    )
  })

  it('counts this run in the month', () => {
    expect(spentThisMonth({ ...report, effective: effectiveBudget(5, {}, s) }, { spent: 0.25 })).toBe(30.25)
  })
})

describe('parseNote with reservation lines', () => {
  it('reads reservations beside records; malformed reservations are bad lines', () => {
    const good = res('b', '2026-03-01T00:20:00Z', 3)
    const text = [
      JSON.stringify(good),
      JSON.stringify(rec('a', '2026-03-01T00:00:00Z', 1)),
      JSON.stringify({ ...good, amount: -1 }),
      JSON.stringify({ ...good, amount: 'lots' }),
      JSON.stringify({ ...good, kind: 'other' })
    ].join('\n')
    const parsed = parseNote(text)
    expect(parsed.reservations).toEqual([good])
    expect(parsed.records.map(r => r.runId)).toEqual(['a'])
    expect(parsed.badLines).toBe(3)
  })

  it('utcDay', () => {
    expect(utcDay('2026-12-31T23:30:00-01:00')).toBe('2027-01-01')
    expect(utcDay('not a time')).toBeNull()
  })
})
