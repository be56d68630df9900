import type { UnitStatus } from '../state/record.js'
import type { Fingerprint, RunReport } from '../types.js'

/** One unit in a {@link RunResult} (design.md contract fields first, then extras). */
export interface UnitResult {
  id: string
  basename: string
  language: string
  status: UnitStatus
  /** Operations PDD reported (`PDD_PHASE:` lines), in order. */
  operations: string[]
  /** Dollars PDD booked for this unit; null when unknown. */
  cost: number | null
  /** One line: why it failed or was skipped, or what was done. */
  reason: string
  /** Seconds the group's sync took. */
  duration?: number
  /** `.pdd/meta` fingerprint and run report after the run (for the run record). */
  fingerprint?: Fingerprint | null
  runReport?: RunReport | null
  /** The bot-branch commit holding the unit's files. */
  commit?: string
  /** A failed unit whose leftovers were committed anyway (keep-partial). */
  partial?: boolean
}

/** `pdd-sync run --result FILE` (design.md contract). */
export interface RunResult {
  budget: number
  spent: number
  units: UnitResult[]
  /** Extras. */
  branch?: string
  head?: string
  baseSha?: string
  pddVersion?: string
  overshoot?: number
  cancelled?: boolean
}
