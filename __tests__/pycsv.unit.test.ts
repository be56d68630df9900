/**
 * readCsv and readCsvLikePandas against what Python returns for the same text: the expected values are
 * Python's own, captured once by `scripts/gen-csv-fixture.py` (run with the pdd-cli venv's Python and pandas)
 * into fixtures/python-csv.json.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readCsv, readCsvLikePandas } from '../src/pycompat/csv.js'

interface Case {
  name: string
  text: string
  csv: { records: { line: number; fields: string[] }[]; error?: string }
  pandas: { columns: string[]; rows: string[][]; index: string[] } | { error: string }
}
const fixture = JSON.parse(readFileSync(new URL('fixtures/python-csv.json', import.meta.url), 'utf8')) as {
  cases: Case[]
}
const cases = fixture.cases.map(c => [c.name, c] as const)

/**
 * Cases where Python is lenient and we report a problem instead: text after a closing quote (`"x"y`, which
 * Python reads as `xy`). csv-parse (even with `relax_quotes`) returns such a field as `"x"y` with its `""`
 * escapes already undone, so Python's value cannot be recovered from it; the record is flagged instead.
 */
const AFTER_CLOSING_QUOTE = /^(text|space) after a closing quote/
const DIFFERENT = new Map(
  fixture.cases
    .filter(c => AFTER_CLOSING_QUOTE.test(c.name))
    .map(c => [c.name, 'line 2: text follows a closing quote'] as const)
)

describe('readCsv matches csv.reader (strict=False)', () => {
  it('covers the cases that matter', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(38)
    expect(DIFFERENT.size).toBe(7)
  })

  it.each(cases)('%s', (name, c) => {
    expect(c.csv.error).toBeUndefined()
    const got = readCsv(c.text)
    // csv.DictReader skips the empty records csv.reader returns for blank lines.
    const python = c.csv.records.filter(r => r.fields.length > 0)
    expect(got.map(r => r.line)).toEqual(python.map(r => r.line))
    const problems = got.filter(r => r.problem).map(r => `line ${r.line}: ${r.problem}`)
    if (DIFFERENT.has(name)) {
      expect(problems).toEqual([DIFFERENT.get(name)])
      return
    }
    expect(got.map(r => r.fields)).toEqual(python.map(r => r.fields))
    expect(problems).toEqual(
      name.startsWith('unclosed quote') ? [`line ${python.at(-1)?.line}: a quoted field never ends`] : []
    )
  })

  it("keeps each record's own text, so a problem can quote it", () => {
    const recs = readCsv('a,b\r\n1,"x\r\ny"\r\n\r\n2,é\n')
    expect(recs.map(r => r.raw)).toEqual(['a,b\r\n', '1,"x\r\ny"\r\n', '2,é\n'])
    expect(recs.map(r => r.line)).toEqual([1, 2, 5])
  })
})

describe('readCsvLikePandas matches pd.read_csv', () => {
  it.each(cases)('%s', (name, c) => {
    const got = readCsvLikePandas(c.text)
    if (DIFFERENT.has(name)) {
      expect(got).toEqual({ error: DIFFERENT.get(name) })
      return
    }
    if ('error' in c.pandas) {
      expect(got).toHaveProperty('error')
      return
    }
    expect(got).not.toHaveProperty('error')
    if ('error' in got) return
    expect(got.columns).toEqual(c.pandas.columns)
    expect(got.rows.map(r => r.cells)).toEqual(c.pandas.rows)
  })

  it('names the line of a row pandas rejects', () => {
    expect(readCsvLikePandas('a,b\n1,2\n1,2,3\n')).toEqual({ error: 'line 3: expected 2 fields, saw 3' })
    expect(readCsvLikePandas('a,b\n1,2\n"3,4\n')).toEqual({ error: 'line 3: a quoted field never ends' })
  })
})
