/**
 * PDD's `--output-cost` / `PDD_OUTPUT_COST_PATH` CSV (`pdd/track_cost.py`): one row per top-level
 * command, written by Python's `csv.DictWriter` (minimal quoting, `""` escapes, `\r\n` line ends). The header
 * decides the form: 13 columns, or 7 / 6 when the file was started by an older PDD. Pure.
 */
import { type CsvRecord, readCsv } from '../pycompat/csv.js'

/** The 13 columns in the order PDD 0.0.310 writes them. */
export const COST_COLUMNS = [
  'timestamp',
  'model',
  'command',
  'cost',
  'input_files',
  'output_files',
  'attempted_models',
  'requested_model',
  'resolved_model',
  'model_selection_outcome',
  'strength_used',
  'cli_version',
  'deepswe_manifest_date'
] as const

/** One CSV row. Columns an older header lacks are absent. */
export interface CostRow {
  /** Command start, local time without zone: `YYYY-MM-DDTHH:MM:SS.mmm`. */
  timestamp: string
  model: string
  /** Click command name: `sync`, `generate`, … */
  command: string
  /** Dollars; null when PDD wrote an empty cell (the command returned no result). */
  cost: number | null
  inputFiles: string[]
  outputFiles: string[]
  /** Models tried, in order (13- and 7-column forms). */
  attemptedModels?: string[]
  requestedModel?: string
  resolvedModel?: string
  modelSelectionOutcome?: string
  strengthUsed?: string
  cliVersion?: string
  deepsweManifestDate?: string
}

/** The plain-text provenance columns and their {@link CostRow} keys. */
const OPTIONAL_TEXT: readonly [string, TextKey][] = [
  ['requested_model', 'requestedModel'],
  ['resolved_model', 'resolvedModel'],
  ['model_selection_outcome', 'modelSelectionOutcome'],
  ['strength_used', 'strengthUsed'],
  ['cli_version', 'cliVersion'],
  ['deepswe_manifest_date', 'deepsweManifestDate']
]

type TextKey =
  | 'requestedModel'
  | 'resolvedModel'
  | 'modelSelectionOutcome'
  | 'strengthUsed'
  | 'cliVersion'
  | 'deepsweManifestDate'

/** Rows that parsed, and one message per line that did not. */
export interface ParsedCostCsv {
  rows: CostRow[]
  problems: string[]
}

/** Type guard for a {@link CostRow}, e.g. one read back from JSON. */
export function isCostRow(x: unknown): x is CostRow {
  if (typeof x !== 'object' || x === null) return false
  const r = x as Record<string, unknown>
  const strings = (v: unknown): boolean => Array.isArray(v) && v.every(s => typeof s === 'string')
  const optional = (k: string, ok: (v: unknown) => boolean): boolean => r[k] === undefined || ok(r[k])
  const isString = (v: unknown): boolean => typeof v === 'string'
  return (
    typeof r.timestamp === 'string' &&
    typeof r.model === 'string' &&
    typeof r.command === 'string' &&
    (r.cost === null || (typeof r.cost === 'number' && Number.isFinite(r.cost))) &&
    strings(r.inputFiles) &&
    strings(r.outputFiles) &&
    optional('attemptedModels', strings) &&
    OPTIONAL_TEXT.every(([, key]) => optional(key, isString))
  )
}

/** Parses a whole cost CSV: a header row, then data rows. A malformed line is a problem, not an exception. */
export function parseCostCsv(text: string): ParsedCostCsv {
  const records = readCsv(text)
  const first = records.shift()
  if (first === undefined) return { rows: [], problems: [] }
  const header = first.fields.map(f => f.trim())
  if (!header.includes('cost') || !header.includes('command')) {
    return { rows: [], problems: [`line ${first.line}: not a PDD cost CSV header: ${clip(first.raw)}`] }
  }
  return parseRecords(header, records)
}

/** Dollars a sync spent: the sum of the rows it appended, or null (“cost unknown”) with the reason. */
export interface NewCost {
  cost: number | null
  reason?: string
}

/**
 * Cost of the rows appended between two reads of the same run-scoped CSV (`before` null = no file yet).
 * Null when the file is missing, was rewritten instead of appended to, holds a malformed new line, or gained
 * no row: PDD appends a row for every command that did not raise, so a missing row means the sync crashed.
 */
export function sumNewCost(before: string | null, after: string | null): NewCost {
  if (after === null) return { cost: null, reason: 'cost file missing: PDD appended no row' }
  const old = before ?? ''
  if (!after.startsWith(old)) return { cost: null, reason: 'cost file was rewritten, not appended to' }
  const added = old === '' ? parseCostCsv(after) : parseAppended(old, after)
  if (added.problems.length > 0) return { cost: null, reason: `malformed cost CSV: ${added.problems[0]}` }
  if (added.rows.length === 0) return { cost: null, reason: 'no cost row appended' }
  let sum = 0
  for (const row of added.rows) {
    if (row.cost === null) return { cost: null, reason: `PDD recorded no cost for '${row.command}'` }
    sum += row.cost
  }
  return { cost: roundMicro(sum) }
}

function parseAppended(before: string, after: string): ParsedCostCsv {
  const head = readCsv(before)[0]
  const header = head?.fields?.map(f => f.trim()) ?? []
  if (!header.includes('cost'))
    return { rows: [], problems: [`not a PDD cost CSV header: ${clip(head?.raw)}`] }
  // Line numbers stay those of the whole file.
  const offset = before.split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(before) ? 1 : 0)
  const records = readCsv(after.slice(before.length)).map(r => ({ ...r, line: r.line + offset }))
  return parseRecords(header, records)
}

function parseRecords(header: string[], records: CsvRecord[]): ParsedCostCsv {
  const rows: CostRow[] = []
  const problems: string[] = []
  for (const rec of records) {
    if (rec.problem) {
      problems.push(`line ${rec.line}: ${rec.problem}`)
      continue
    }
    if (rec.fields.length !== header.length) {
      problems.push(`line ${rec.line}: ${rec.fields.length} fields, header has ${header.length}`)
      continue
    }
    const row = toRow(header, rec.fields)
    if (typeof row === 'string') problems.push(`line ${rec.line}: ${row}`)
    else rows.push(row)
  }
  return { rows, problems }
}

/** A row, or a message saying which cell is wrong. */
function toRow(header: string[], fields: string[]): CostRow | string {
  const cell = new Map(header.map((h, i) => [h, fields[i] ?? '']))
  const get = (k: string): string => cell.get(k) ?? ''
  const rawCost = get('cost').trim()
  const cost = rawCost === '' ? null : Number(rawCost)
  if (cost !== null && (!Number.isFinite(cost) || !/^[-+0-9.eE]+$/.test(rawCost))) {
    return `cost is not a number: ${clip(rawCost)}`
  }
  if (cost !== null && cost < 0) return `cost is negative: ${rawCost}`
  const row: CostRow = {
    timestamp: get('timestamp'),
    model: get('model'),
    command: get('command'),
    cost,
    inputFiles: list(get('input_files')),
    outputFiles: list(get('output_files'))
  }
  if (cell.has('attempted_models')) row.attemptedModels = list(get('attempted_models'))
  for (const [col, key] of OPTIONAL_TEXT) if (cell.has(col)) row[key] = get(col)
  return row
}

function list(cell: string): string[] {
  return cell === '' ? [] : cell.split(';')
}

function clip(s: string | undefined): string {
  const t = s ?? ''
  return t.length > 80 ? `${t.slice(0, 77)}...` : t
}

/** Sums of floats such as 0.1 + 0.2 are reported to the micro-dollar, as PDD's own summary does. */
function roundMicro(n: number): number {
  return Math.round(n * 1e6) / 1e6
}
