import type { RunResult } from '../execute/result.js'
import type { RecordUnit, RunRecord } from '../state/record.js'

/** Where and when a run happened, for its record. */
export interface RunIdentity {
  runId: string
  trigger: string
  baseSha: string
  /** ISO-8601. */
  createdAt: string
  pddVersion?: string
}

/**
 * The run record (docs/architecture.md "Contracts", schema 1) of a run: every unit's status, operations, cost, duration,
 * reason, and the `.pdd/meta` fingerprint and run report after the run — what the next run's planner restores.
 */
export function toRunRecord(result: RunResult, id: RunIdentity): RunRecord {
  return {
    schema: 1,
    runId: id.runId,
    trigger: id.trigger,
    baseSha: id.baseSha,
    createdAt: id.createdAt,
    budget: result.budget,
    spent: result.spent,
    ...(id.pddVersion ? { pddVersion: id.pddVersion } : {}),
    units: result.units.map((u): RecordUnit => ({
      id: u.id,
      basename: u.basename,
      language: u.language,
      status: u.status,
      operations: u.operations,
      cost: u.cost,
      duration: u.duration ?? 0,
      reason: u.reason,
      ...(u.promptBytes !== undefined ? { promptBytes: u.promptBytes } : {}),
      fingerprint: u.fingerprint ?? null,
      runReport: u.runReport ?? null
    }))
  }
}
