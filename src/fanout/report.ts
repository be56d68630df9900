import type { RunResult, UnitResult } from '../execute/result.js'
import type { ShardSpec } from '../plan/matrix.js'
import { isRecordUnit } from '../state/record.js'

/**
 * What one shard leaves for the finalize job (`shard.json` on `refs/pdd-sync/runs/<run key>/shard-<k>`, see
 * docs/architecture.md "Modes"): its partial result, and what the checklist needs of its plan.
 */
export interface ShardReport {
  version: 1
  runKey: string
  shard: number
  /** `GITHUB_RUN_ATTEMPT` of the job that wrote it, when known. */
  attempt?: string
  baseSha: string
  /** The shard's commits are `baseSha..head`; `head` is `baseSha` when nothing synced. */
  head: string
  /**
   * False while the shard runs (pushed after each group that landed) and when it was cancelled: `result.units`
   * then holds only the units it finished. Absent in reports of older versions: complete.
   */
  complete?: boolean
  result: RunResult
  promptPaths: Record<string, string>
  contextOf: Record<string, string>
}

/** What a finalize job already published (`finalized.json` on `refs/pdd-sync/runs/<run key>/finalized`). */
export interface FinalizedMarker {
  version: 1
  runKey: string
  shards: number[]
  /** Legs published while incomplete (a shard killed midway): leg → the units published of it. */
  partial?: Record<string, string[]>
}

/** Reads a `shard.json`; throws on anything that is not one, naming what is wrong. */
export function parseShardReport(text: string): ShardReport {
  const v = JSON.parse(text) as Partial<ShardReport>
  const ok =
    v.version === 1 &&
    Number.isInteger(v.shard) &&
    typeof v.head === 'string' &&
    typeof v.baseSha === 'string' &&
    typeof v.result === 'object' &&
    v.result !== null &&
    Array.isArray(v.result.units)
  if (!ok || !v.result) throw new Error('not a pdd-sync shard report (version 1)')
  const spent: unknown = v.result.spent
  if (typeof spent !== 'number' || !Number.isFinite(spent) || spent < 0)
    throw new Error(`its "spent" (${JSON.stringify(spent) ?? 'missing'}) is not an amount of dollars`)
  const bad = v.result.units.findIndex(u => !isRecordUnit(u))
  if (bad >= 0) throw new Error(`its unit ${bad + 1} is not a unit result`)
  return { promptPaths: {}, contextOf: {}, ...v } as ShardReport
}

/**
 * A report as far as it speaks for its own leg: the units of `spec` only, each once. Units of another leg (a
 * report copied or forged onto this leg's ref) would be listed and counted twice. `spent` is kept: it is what
 * the job paid. Returns the report and the ids left out.
 */
export function confineReport(r: ShardReport, spec: ShardSpec): { report: ShardReport; dropped: string[] } {
  const allowed = new Set(spec.units)
  const seen = new Set<string>()
  const dropped: string[] = []
  const units = r.result.units.filter(u => {
    const keep = allowed.has(u.id) && !seen.has(u.id)
    if (keep) seen.add(u.id)
    else dropped.push(u.id)
    return keep
  })
  return { report: { ...r, result: { ...r.result, units } }, dropped }
}

/** Reads a `finalized.json`; an unreadable one counts as nothing published. */
export function parseFinalized(text: string | null): Set<number> {
  if (text === null) return new Set()
  try {
    const v = JSON.parse(text) as Partial<FinalizedMarker>
    return new Set(Array.isArray(v.shards) ? v.shards.filter(n => Number.isInteger(n)) : [])
  } catch {
    return new Set()
  }
}

/** The units published of legs that were incomplete then (`partial` of a `finalized.json`). */
export function parsePartial(text: string | null): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>()
  if (text === null) return out
  try {
    const v = JSON.parse(text) as Partial<FinalizedMarker>
    for (const [k, ids] of Object.entries(v.partial ?? {}))
      if (Number.isInteger(Number(k)) && Array.isArray(ids))
        out.set(Number(k), new Set(ids.filter(i => typeof i === 'string')))
  } catch {
    // An unreadable marker counts as nothing published.
  }
  return out
}

/** Whether a report is its shard's last word (older reports have no `complete`: they are). */
export function isComplete(r: ShardReport): boolean {
  return r.complete !== false
}

/** `<basename>_<language>` split at the last underscore (for a unit the finalize plan no longer has). */
function splitId(id: string): { basename: string; language: string } {
  const i = id.lastIndexOf('_')
  return i > 0 ? { basename: id.slice(0, i), language: id.slice(i + 1) } : { basename: id, language: '' }
}

/** The units of a shard that never reported: failed, cost unknown (the job may have spent before it died). */
export function missingUnits(
  spec: ShardSpec,
  known: ReadonlyMap<string, { basename: string; language: string }>,
  except: ReadonlySet<string> = new Set()
): UnitResult[] {
  return spec.units
    .filter(id => !except.has(id))
    .map(id => ({
      id,
      ...(known.get(id) ?? splitId(id)),
      status: 'failed',
      operations: [],
      cost: null,
      reason: `shard ${spec.shard} did not report`
    }))
}

/** Which legs reported, which an earlier finalize already published, and which never reported. */
export interface ShardOutcomes {
  reported: ShardReport[]
  earlier: number[]
  missing: ShardSpec[]
  /** Units an earlier finalize published of legs that were incomplete then (not published again). */
  publishedUnits: ReadonlyMap<number, ReadonlySet<string>>
}

/** Sorts the legs of the matrix by what is known of them. */
export function sortShards(
  specs: readonly ShardSpec[],
  reports: ReadonlyMap<number, ShardReport>,
  published: ReadonlySet<number>,
  publishedUnits: ReadonlyMap<number, ReadonlySet<string>> = new Map()
): ShardOutcomes {
  const out: ShardOutcomes = { reported: [], earlier: [], missing: [], publishedUnits }
  for (const spec of specs) {
    const r = reports.get(spec.shard)
    if (r) out.reported.push(r)
    else if (published.has(spec.shard)) out.earlier.push(spec.shard)
    else out.missing.push(spec)
  }
  return out
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * What this finalize publishes of a reported leg: its units less those an earlier finalize published, and of an
 * incomplete report (a shard killed or cancelled midway) also its unfinished units, failed "did not report".
 */
function unitsOfReport(
  r: ShardReport,
  o: ShardOutcomes,
  specs: readonly ShardSpec[],
  known: ReadonlyMap<string, { basename: string; language: string }>
): { units: UnitResult[]; spent: number } {
  const before = o.publishedUnits.get(r.shard) ?? new Set<string>()
  const units = r.result.units.filter(u => !before.has(u.id))
  const dropped = r.result.units.filter(u => before.has(u.id)).reduce((a, u) => a + (u.cost ?? 0), 0)
  const spent = Math.max(0, r.result.spent - dropped)
  const spec = specs.find(s => s.shard === r.shard)
  if (isComplete(r) || !spec) return { units, spent }
  const done = new Set([...before, ...r.result.units.map(u => u.id)])
  return { units: [...units, ...missingUnits(spec, known, done)], spent }
}

/**
 * One result for the run from the shards' results (units in matrix order, the missing shards' units failed):
 * the budget is the sum of the shares of the legs this finalize publishes, `spent` the sum of their spend.
 */
export function combineResults(
  o: ShardOutcomes,
  specs: readonly ShardSpec[],
  known: ReadonlyMap<string, { basename: string; language: string }>
): RunResult {
  const share = new Map(specs.map(s => [s.shard, s.budget]))
  const rs = o.reported.map(r => r.result)
  const parts = o.reported.map(r => unitsOfReport(r, o, specs, known))
  const units = [
    ...parts.flatMap(p => p.units),
    ...o.missing.flatMap(s => missingUnits(s, known, o.publishedUnits.get(s.shard)))
  ]
  const order = new Map(specs.flatMap(s => s.units).map((id, i) => [id, i]))
  units.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9))
  const result: RunResult = {
    budget: round(
      [...o.reported.map(r => r.shard), ...o.missing.map(s => s.shard)].reduce(
        (a, k) => a + (share.get(k) ?? 0),
        0
      )
    ),
    spent: round(parts.reduce((a, p) => a + p.spent, 0)),
    units
  }
  const overshoot = round(rs.reduce((a, r) => a + (r.overshoot ?? 0), 0))
  if (overshoot > 0) result.overshoot = overshoot
  if (rs.some(r => r.cancelled)) result.cancelled = true
  const version = rs.find(r => r.pddVersion)?.pddVersion
  if (version) result.pddVersion = version
  const estimated = rs.filter(r => r.estimatedCost !== undefined)
  if (estimated.length > 0)
    result.estimatedCost = round(estimated.reduce((a, r) => a + (r.estimatedCost ?? 0), 0))
  const calibrated = rs.filter(r => r.calibration)
  if (calibrated.length > 0) {
    const factor = calibrated.find(r => r.calibration?.factor !== undefined)?.calibration?.factor
    result.calibration = {
      groups: calibrated.flatMap(r => r.calibration?.groups ?? []),
      ...(factor !== undefined ? { factor } : {})
    }
  }
  return result
}
