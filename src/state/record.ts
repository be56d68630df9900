import type { Fingerprint, RunReport } from '../types.js'
import { guardRecords } from './record-guard.js'

/** Status of a unit in a run (docs/architecture.md "Contracts"). */
export type UnitStatus =
  'synced' | 'failed' | 'skipped-budget' | 'skipped-dependency' | 'skipped-runtime' | 'conflict' | 'unchanged'

/** One unit's entry in a run record. */
export interface RecordUnit {
  id: string
  basename: string
  language: string
  status: UnitStatus
  /** Operations PDD reported, in order. */
  operations: string[]
  /** Dollars PDD booked for the unit (null when unknown). */
  cost: number | null
  /** Seconds. */
  duration: number
  reason: string
  /** Extra: bytes of the prompt plus the files it includes when the run started (scales estimates of others). */
  promptBytes?: number
  /** `.pdd/meta/<b>_<l>.json` after the run. */
  fingerprint: Fingerprint | null
  /** `.pdd/meta/<b>_<l>_run.json` after the run. */
  runReport: RunReport | null
}

/**
 * A run record (docs/architecture.md "Contracts", `"schema": 1`). Stored in git notes as ONE line of JSON so that
 * `git notes merge -s cat_sort_uniq` can merge concurrent writers without losing a record.
 */
export interface RunRecord {
  schema: 1
  runId: string
  trigger: string
  baseSha: string
  /** ISO-8601; orders records when several match. */
  createdAt: string
  budget: number
  spent: number
  pddVersion?: string
  units: RecordUnit[]
  /**
   * Written while the run was still going (after a group finished), with the units finished so far. The run's
   * final record has the same `runId` and supersedes it; see {@link latestPerRun}.
   */
  partial?: boolean
}

const STATUSES = new Set([
  'synced',
  'failed',
  'skipped-budget',
  'skipped-dependency',
  'skipped-runtime',
  'conflict',
  'unchanged'
])

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isRecordUnit(v: unknown): v is RecordUnit {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.language === 'string' &&
    typeof v.status === 'string' &&
    STATUSES.has(v.status) &&
    Array.isArray(v.operations) &&
    (v.cost === null || typeof v.cost === 'number')
  )
}

/** Type guard for one parsed record line. */
export function isRunRecord(v: unknown): v is RunRecord {
  return (
    isObject(v) &&
    v.schema === 1 &&
    typeof v.runId === 'string' &&
    typeof v.createdAt === 'string' &&
    Array.isArray(v.units) &&
    v.units.every(isRecordUnit)
  )
}

/**
 * A spend reservation (extra line kind beside run records): before it spends, a run under a daily or monthly
 * cap writes what it was admitted and pushes it, so that concurrent runs count it. It is closed by a final run
 * record of the same run id, or when it expires.
 */
export interface SpendReservation {
  schema: 1
  kind: 'reservation'
  runId: string
  /** ISO-8601; its UTC date is the day and month the reservation counts against. */
  createdAt: string
  /** Dollars the run may spend. */
  amount: number
  /** ISO-8601; after it the reservation no longer counts (a run that died without a record). */
  expiresAt: string
}

/** Type guard for one parsed reservation line. */
export function isSpendReservation(v: unknown): v is SpendReservation {
  return (
    isObject(v) &&
    v.schema === 1 &&
    v.kind === 'reservation' &&
    typeof v.runId === 'string' &&
    typeof v.createdAt === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.amount === 'number' &&
    Number.isFinite(v.amount) &&
    v.amount >= 0
  )
}

/** Result of parsing one note: the good records and reservations, and a count of the other lines. */
export interface ParsedNote {
  records: RunRecord[]
  reservations: SpendReservation[]
  badLines: number
  /** Units and paths of the records that were ignored as unsafe (see record-guard.ts). */
  warnings: string[]
}

/**
 * Parses a note's text: one JSON record (or reservation) per line; blank lines are ignored, anything else
 * counts as bad.
 */
export function parseNote(text: string): ParsedNote {
  const records: RunRecord[] = []
  const reservations: SpendReservation[] = []
  let badLines = 0
  for (const line of text.split('\n')) {
    const t = line.trim()
    if (t === '') continue
    try {
      const v: unknown = JSON.parse(t)
      if (isRunRecord(v)) records.push(v)
      else if (isSpendReservation(v)) reservations.push(v)
      else badLines++
    } catch {
      badLines++
    }
  }
  return { records, reservations, badLines, warnings: guardRecords(records) }
}

/** Serialises a record (or a reservation) as the single line a note holds. */
export function formatRecord(record: RunRecord | SpendReservation): string {
  return JSON.stringify(record)
}

/**
 * One record per run: a run publishes a partial record after each finished group and a final one at the end,
 * all with the same `runId` (a killed job leaves only partial ones). The final record wins; among partial ones,
 * the one with the most units, then the newest. Everything that sums or indexes records reads through this, so
 * no unit and no dollar is counted twice.
 */
export function latestPerRun(records: readonly RunRecord[]): RunRecord[] {
  const best = new Map<string, RunRecord>()
  for (const r of records) {
    const seen = best.get(r.runId)
    if (!seen || moreComplete(r, seen)) best.set(r.runId, r)
  }
  return [...best.values()]
}

function moreComplete(a: RunRecord, b: RunRecord): boolean {
  if (!a.partial !== !b.partial) return !a.partial
  if (a.units.length !== b.units.length) return a.units.length > b.units.length
  return a.createdAt > b.createdAt
}
