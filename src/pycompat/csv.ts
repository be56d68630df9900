/**
 * Reading CSV as PDD's Python does, on top of `csv-parse`: {@link readCsv} as `csv.reader`/`csv.DictReader`
 * (default excel dialect, `strict=False`) read PDD's cost CSV, {@link readCsvLikePandas} as `pd.read_csv`
 * reads `llm_model.csv` in `llm_invoke._load_model_data`. Tested against what Python itself returns
 * (`__tests__/fixtures/python-csv.json`, written by `scripts/gen-csv-fixture.py`).
 *
 * One known difference, reported instead of guessed: text after a closing quote (`"x"y`), which Python reads
 * as `xy` and csv-parse cannot reproduce, gives the record a {@link CsvRecord.problem}.
 */
import { CsvError, type InfoRecord, parse } from 'csv-parse/sync'

/** One record, as Python's reader returns it. */
export interface CsvRecord {
  /** 1-based line the record starts on (`csv.reader.line_num` + 1 before it was read). */
  line: number
  /** The record's text, line end included. */
  raw: string
  /** The fields as Python returns them (ragged rows keep their own length). */
  fields: string[]
  /** Set when the record is malformed: a quote never closed (Python keeps the rest of the file as its last field). */
  problem?: string
}

const RECORD_DELIMITERS = ['\r\n', '\n', '\r']
const BREAK = /\r\n|\r|\n/g

/** The records of `text`, blank lines left out as `csv.DictReader` does. Never throws. */
export function readCsv(text: string): CsvRecord[] {
  const buf = Buffer.from(text, 'utf8')
  let unclosed: string | null = null
  const parsed: { record: string[]; end: number }[] = []
  parse(buf, {
    bom: false,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: RECORD_DELIMITERS,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined, raw: string | undefined) => {
      if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed = raw ?? ''
      return undefined
    },
    // `bytes`: where the record ends in `buf`, its line end included.
    on_record: (record: string[], info: InfoRecord) => {
      parsed.push({ record, end: info.bytes })
      return null
    }
  })
  const out: CsvRecord[] = []
  const cursor = { byte: 0, line: 1 }
  for (const { record, end } of parsed) {
    const rec = take(buf, cursor, end)
    out.push({ ...rec, fields: record, ...closingQuoteProblem(record, rec.raw) })
  }
  if (unclosed !== null) {
    const rec = take(buf, cursor, buf.length)
    // Python keeps the open field up to the end of the file: the same as closing the quote there.
    const fields = parse(`${rec.raw}"`, { relax_quotes: true, relax_column_count: true })[0] ?? []
    out.push({ ...rec, fields, problem: 'a quoted field never ends' })
  }
  return out
}

/** The text from the cursor to `end`, after the blank lines it skips; moves the cursor past it. */
function take(
  buf: Buffer,
  cursor: { byte: number; line: number },
  end: number
): { line: number; raw: string } {
  const chunk = buf.subarray(cursor.byte, end).toString('utf8')
  const lead = /^(?:\r\n|\r|\n)*/.exec(chunk)?.[0] ?? ''
  const line = cursor.line + countBreaks(lead)
  const raw = chunk.slice(lead.length)
  cursor.byte = end
  cursor.line = line + countBreaks(raw)
  return { line, raw }
}

function countBreaks(s: string): number {
  return s.match(BREAK)?.length ?? 0
}

/** csv-parse reads `"x"y` as `"x"y`, Python as `xy`: such a record is flagged, since its fields cannot be trusted. */
function closingQuoteProblem(fields: string[], raw: string): { problem?: string } {
  if (!fields.some(f => f.startsWith('"'))) return {}
  try {
    parse(raw, { relax_column_count: true, record_delimiter: RECORD_DELIMITERS })
    return {}
  } catch (e) {
    return e instanceof CsvError && e.code === 'CSV_INVALID_CLOSING_QUOTE'
      ? { problem: 'text follows a closing quote' }
      : {}
  }
}

/** A table as `pd.read_csv` returns it (cells as text, a missing cell as ''), or the error it raises. */
export type PandasTable = { columns: string[]; rows: { line: number; cells: string[] }[] } | { error: string }

/**
 * `pd.read_csv(path)` (C engine, defaults) as far as PDD's catalog needs: the BOM is dropped, blank and
 * whitespace-only lines are skipped, short rows are padded, a first data row with one extra field makes the
 * first column the index (for every row), and a longer row or an unclosed quote fails the whole file.
 */
export function readCsvLikePandas(text: string): PandasTable {
  const records = readCsv(text.replace(/^\ufeff/, '')).filter(r => !/^[ \t]*(?:\r\n|\r|\n)?$/.test(r.raw))
  const head = records.shift()
  if (head === undefined) return { error: 'No columns to parse from file' }
  for (const r of [head, ...records]) if (r.problem) return { error: `line ${r.line}: ${r.problem}` }
  const width = head.fields.length
  const indexed = records[0]?.fields.length === width + 1
  const rows: { line: number; cells: string[] }[] = []
  for (const r of records) {
    const cells = indexed ? r.fields.slice(1) : r.fields
    if (cells.length > width)
      return { error: `line ${r.line}: expected ${width} fields, saw ${r.fields.length}` }
    rows.push({ line: r.line, cells: [...cells, ...Array<string>(width - cells.length).fill('')] })
  }
  return { columns: head.fields, rows }
}
