import type { RecordUnit } from '../state/record.js'
import type { Fingerprint, RunReport } from '../types.js'

/**
 * One unit in a {@link RunResult}: the run record's unit entry (design.md contract fields `id`, `basename`,
 * `language`, `status`, `operations`, `cost`, `reason`), whose other fields are optional here, plus extras.
 */
export interface UnitResult extends Omit<RecordUnit, 'duration' | 'fingerprint' | 'runReport'> {
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
