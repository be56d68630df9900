import type { Fingerprint, RunReport } from '../types.js'

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

/** Type guard for one unit entry (of a run record, or of a shard's result): id, language, status, operations, cost. */
export function isRecordUnit(v: unknown): v is RecordUnit {
  return (
    isObject(v) &&
    typeof v.id === 'string' &&
    typeof v.language === 'string' &&
    typeof v.status === 'string' &&
    STATUSES.has(v.status) &&
    Array.isArray(v.operations) &&
    (v.cost === null || isAmount(v.cost))
  )
}

/** Dollars as a record may hold them: finite and not negative (JSON's `1e400` parses to Infinity). */
function isAmount(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0
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
    isAmount(v.amount)
  )
}

/** Result of parsing one note: the good records and reservations, and a count of the other lines. */
export interface ParsedNote {
  records: RunRecord[]
  reservations: SpendReservation[]
  badLines: number
  /** Units and paths of the records that were ignored as unsafe (see guardRecords below). */
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

/**
 * Run records come from git notes and PR comments anyone with push access (or a bug) can write: they are
 * untrusted input (docs/architecture.md, "Trust"). A unit whose id or basename is not a plain relative name is dropped, and so is
 * any path-like key or value (`include_deps`, `test_files`, `*_path`, `*_file`) that is absolute or climbs
 * with `..`; each with a warning. Pure.
 */

/** Whether a repository-relative path is plain: not absolute, no `..` segment, no NUL, backslash or control. */
export function isPlainRelative(rel: string): boolean {
  if (rel === '' || rel.startsWith('/') || rel.startsWith('~') || /^[A-Za-z]:/.test(rel)) return false
  // eslint-disable-next-line no-control-regex -- control characters never belong in a path we use
  if (/[\x00-\x1f\x7f\\]/.test(rel)) return false
  // Every file the planner reads passes here: the segment test allocates nothing (no split).
  return !hasSegment(rel, '..')
}

/** Whether `/`-separated `rel` has a segment equal to `seg`, without splitting it. */
function hasSegment(rel: string, seg: string): boolean {
  for (let at = rel.indexOf(seg); at >= 0; at = rel.indexOf(seg, at + 1)) {
    const end = at + seg.length
    if ((at === 0 || rel.charCodeAt(at - 1) === 47) && (end === rel.length || rel.charCodeAt(end) === 47))
      return true
  }
  return false
}

/** Why a unit id or basename from a record cannot be used, or null. */
function nameProblem(name: unknown): string | null {
  if (typeof name !== 'string') return 'is not a string'
  if (!isPlainRelative(name) || name.startsWith('-') || hasSegment(name, '.'))
    return 'is not a plain relative name (absolute, "..", "." or a leading "-")'
  return null
}

const PATH_KEY = /(^|_)(path|file|dir)s?$/

/** Removes the path-like entries of a fingerprint or run report that would leave the repository. */
function scrubPaths(obj: unknown, where: string, warnings: string[]): void {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return
  const rec = obj as Record<string, unknown>
  for (const [key, value] of Object.entries(rec)) {
    if (typeof value === 'string' && PATH_KEY.test(key) && value !== '' && !isPlainRelative(value)) {
      warnings.push(`${where}.${key}: "${shorten(value)}" is not a path inside the repository; ignored.`)
      delete rec[key]
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const map = value as Record<string, unknown>
      for (const k of Object.keys(map)) {
        if (isPlainRelative(k.trim())) continue
        warnings.push(`${where}.${key}: "${shorten(k)}" is not a path inside the repository; ignored.`)
        delete map[k]
      }
    }
  }
}

function shorten(s: string): string {
  // eslint-disable-next-line no-control-regex -- shown in a one-line warning
  const t = s.replace(/[\x00-\x1f\x7f]/g, '?')
  return t.length > 80 ? `${t.slice(0, 77)}...` : t
}

/** Cleans the records in place; returns the warnings (one per dropped unit or path). */
export function guardRecords(records: RunRecord[]): string[] {
  const warnings: string[] = []
  for (const r of records) {
    const kept: RecordUnit[] = []
    for (const u of r.units) {
      const bad = nameProblem(u.id) ?? (u.basename === undefined ? null : nameProblem(u.basename))
      if (bad !== null) {
        warnings.push(`Run record ${shorten(r.runId)}: unit id "${shorten(String(u.id))}" ${bad}; ignored.`)
        continue
      }
      scrubPaths(u.fingerprint, `Run record ${shorten(r.runId)}: ${u.id} fingerprint`, warnings)
      scrubPaths(u.runReport, `Run record ${shorten(r.runId)}: ${u.id} run report`, warnings)
      kept.push(u)
    }
    r.units = kept
  }
  return warnings
}
