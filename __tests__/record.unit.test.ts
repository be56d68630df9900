import { describe, expect, it } from 'vitest'
import { formatRecord, parseNote, type RunRecord } from '../src/state/record.js'

const good: RunRecord = {
  schema: 1,
  runId: '42',
  trigger: 'push',
  baseSha: 'b'.repeat(40),
  createdAt: '2026-11-01T00:00:00Z',
  budget: 5,
  spent: 0.5,
  units: [
    {
      id: 'calc_python',
      basename: 'calc',
      language: 'python',
      status: 'synced',
      operations: ['generate'],
      cost: 0.5,
      duration: 12,
      reason: '',
      fingerprint: null,
      runReport: null
    }
  ]
}

describe('parseNote', () => {
  it.each([
    ['one record', formatRecord(good), 1, 0],
    [
      'two records and blank lines',
      `${formatRecord(good)}\n\n${formatRecord({ ...good, runId: '43' })}\n`,
      2,
      0
    ],
    ['not JSON', 'hello', 0, 1],
    ['wrong schema', JSON.stringify({ ...good, schema: 2 }), 0, 1],
    ['bad unit status', JSON.stringify({ ...good, units: [{ ...good.units[0], status: 'weird' }] }), 0, 1],
    ['a good and a corrupt line', `${formatRecord(good)}\n{"schema":1,`, 1, 1]
  ])('%s', (_n, text, records, bad) => {
    const r = parseNote(text)
    expect(r.records.length).toBe(records)
    expect(r.badLines).toBe(bad)
  })

  it('formats one line', () => {
    expect(formatRecord(good)).not.toContain('\n')
    expect(parseNote(formatRecord(good)).records[0]).toEqual(good)
  })
})
