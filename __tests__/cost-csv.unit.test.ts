import { describe, expect, it } from 'vitest'
import { COST_COLUMNS, isCostRow, parseCostCsv, sumNewCost } from '../src/execute/cost-csv.js'

const HEADER_13 = COST_COLUMNS.join(',')
const HEADER_7 = 'timestamp,model,command,cost,input_files,output_files,attempted_models'
const HEADER_6 = 'timestamp,model,command,cost,input_files,output_files'
const CRLF = '\r\n'

/** Rows written by the real pdd-cli 0.0.310 (scripted LLM at $0.002 a call). */
const REAL_SUCCESS =
  '2026-11-25T21:20:54.301,openai/fake-coder,sync,0.016,,,' +
  'openai/fake-coder;openai/fake-coder;openai/fake-coder;openai/fake-coder;openai/fake-coder;openai/fake-coder;' +
  'openai/fake-coder;openai/fake-coder,openai/fake-coder,openai/fake-coder,direct,0.5,,'
/** Unreachable model: "All candidate models failed", nothing booked, model `unknown`. */
const REAL_FAILED = '2026-11-25T21:19:58.578,unknown,sync,0.0,,,openai/fake-coder,openai/fake-coder,,,1.0,,'

const csv = (...lines: string[]): string => lines.map(l => l + CRLF).join('')

describe('parseCostCsv', () => {
  it('reads the 13-column rows the real PDD writes', () => {
    const { rows, problems } = parseCostCsv(csv(HEADER_13, REAL_SUCCESS, REAL_FAILED))
    expect(problems).toEqual([])
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      timestamp: '2026-11-25T21:20:54.301',
      model: 'openai/fake-coder',
      command: 'sync',
      cost: 0.016,
      inputFiles: [],
      outputFiles: [],
      requestedModel: 'openai/fake-coder',
      modelSelectionOutcome: 'direct',
      strengthUsed: '0.5',
      cliVersion: '',
      deepsweManifestDate: ''
    })
    expect(rows[0]?.attemptedModels).toHaveLength(8)
    expect(rows[1]).toMatchObject({ model: 'unknown', cost: 0, attemptedModels: ['openai/fake-coder'] })
    expect(rows.every(isCostRow)).toBe(true)
  })

  it.each<[string, string, Record<string, unknown>]>([
    [
      '7-column form (header has attempted_models only)',
      csv(HEADER_7, '2026-01-01T00:00:00.000,gpt,generate,0.25,p.prompt,out.py,a;b'),
      { cost: 0.25, inputFiles: ['p.prompt'], outputFiles: ['out.py'], attemptedModels: ['a', 'b'] }
    ],
    [
      '6-column legacy form',
      csv(HEADER_6, '2026-01-01T00:00:00.000,gpt,fix,1.5,a.py;b.py,'),
      { cost: 1.5, inputFiles: ['a.py', 'b.py'], outputFiles: [] }
    ],
    [
      'quoted cells with commas, quotes and line breaks',
      csv(HEADER_6, '2026-01-01T00:00:00.000,"m,1",sync,0.5,"say ""hi"";x.py","two\r\nlines"'),
      { model: 'm,1', inputFiles: ['say "hi"', 'x.py'], outputFiles: ['two\r\nlines'] }
    ],
    [
      'empty cost: the command returned no result',
      csv(HEADER_13, '2026-01-01T00:00:00.000,,sync,,,,,,,,,,'),
      { cost: null, model: '' }
    ],
    ['LF line ends and no final newline', `${HEADER_6}\n2026,m,sync,2,,`, { cost: 2 }]
  ])('%s', (_name, text, expected) => {
    const { rows, problems } = parseCostCsv(text)
    expect(problems).toEqual([])
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject(expected)
    expect(isCostRow(rows[0])).toBe(true)
  })

  it.each<[string, string, RegExp]>([
    ['too few fields', csv(HEADER_13, '2026,m,sync,0.1'), /^line 2: 4 fields, header has 13$/],
    ['unterminated quote', csv(HEADER_6, '2026,m,sync,"0.1,,'), /^line 2: a quoted field never ends$/],
    ['cost not a number', csv(HEADER_6, '2026,m,sync,abc,,'), /^line 2: cost is not a number: abc$/],
    ['cost with a unit', csv(HEADER_6, '2026,m,sync,$0.1,,'), /^line 2: cost is not a number/],
    ['negative cost', csv(HEADER_6, '2026,m,sync,-1,,'), /^line 2: cost is negative/],
    ['no header', csv('2026,m,sync,0.1,,'), /^line 1: not a PDD cost CSV header/]
  ])('reports %s as a problem', (_name, text, problem) => {
    const { rows, problems } = parseCostCsv(text)
    expect(rows).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(problem)
  })

  it('keeps the good rows around a malformed one, with its line number', () => {
    const { rows, problems } = parseCostCsv(csv(HEADER_6, '1,m,sync,0.5,,', '2,m,sync,abc,,', '3,m,sync,1,,'))
    expect(rows.map(r => r.cost)).toEqual([0.5, 1])
    expect(problems).toEqual(['line 3: cost is not a number: abc'])
  })

  it('returns nothing for an empty file or a header only', () => {
    expect(parseCostCsv('')).toEqual({ rows: [], problems: [] })
    expect(parseCostCsv(csv(HEADER_13))).toEqual({ rows: [], problems: [] })
    expect(parseCostCsv(csv(HEADER_13, '', ''))).toEqual({ rows: [], problems: [] })
  })
})

describe('isCostRow', () => {
  it.each<[unknown, boolean]>([
    [{ timestamp: 't', model: 'm', command: 'sync', cost: 0.1, inputFiles: [], outputFiles: [] }, true],
    [{ timestamp: 't', model: 'm', command: 'sync', cost: null, inputFiles: [], outputFiles: [] }, true],
    [{ timestamp: 't', model: 'm', command: 'sync', cost: '0.1', inputFiles: [], outputFiles: [] }, false],
    [
      { timestamp: 't', model: 'm', command: 'sync', cost: Number.NaN, inputFiles: [], outputFiles: [] },
      false
    ],
    [{ timestamp: 't', model: 'm', command: 'sync', cost: 1, inputFiles: [1], outputFiles: [] }, false],
    [
      {
        timestamp: 't',
        model: 'm',
        command: 'sync',
        cost: 1,
        inputFiles: [],
        outputFiles: [],
        cliVersion: 3
      },
      false
    ],
    [null, false],
    ['row', false]
  ])('%j → %s', (value, expected) => {
    expect(isCostRow(value)).toBe(expected)
  })
})

describe('sumNewCost', () => {
  const first = csv(HEADER_13, REAL_FAILED)
  const second = first + csv(REAL_SUCCESS)

  it.each<[string, string | null, string | null, number | null, RegExp | undefined]>([
    ['new file with one row', null, first, 0, undefined],
    ['one row appended to an existing file', first, second, 0.016, undefined],
    ['two rows appended', null, second, 0.016, undefined],
    ['file missing after the sync', null, null, null, /cost file missing/],
    ['no row appended', first, first, null, /no cost row appended/],
    ['header only', null, csv(HEADER_13), null, /no cost row appended/],
    ['file rewritten', second, csv(HEADER_13, REAL_SUCCESS), null, /rewritten/],
    ['malformed appended row', first, first + csv('2026,m,sync,"oops'), null, /malformed cost CSV: line 3/],
    ['empty cost cell appended', first, first + csv('2026,,sync,,,,,,,,,,'), null, /no cost for 'sync'/],
    ['malformed old header', csv('garbage'), csv('garbage', '1,2'), null, /malformed cost CSV/]
  ])('%s', (_name, before, after, cost, reason) => {
    const result = sumNewCost(before, after)
    expect(result.cost).toBe(cost)
    if (reason) expect(result.reason).toMatch(reason)
    else expect(result.reason).toBeUndefined()
  })

  it('sums appended rows to the micro-dollar', () => {
    const rows = csv(HEADER_6, '1,m,sync,0.1,,', '2,m,sync,0.2,,')
    expect(sumNewCost(null, rows).cost).toBe(0.3)
  })
})
