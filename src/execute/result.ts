import type { Git, Identity } from '../adapters/git.js'
import type { RecordUnit } from '../state/record.js'
import type { Fingerprint, RunReport } from '../types.js'

/**
 * One unit in a {@link RunResult}: the run record's unit entry (docs/architecture.md "Contracts" fields `id`, `basename`,
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
  /** Dollars the plan estimated for the unit's sync (shown against `cost`). */
  estimate?: number
}

/** `pdd-sync run --result FILE` (docs/architecture.md "Contracts"). */
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
  /** Dollars the plan estimated for every unit in scope. */
  estimatedCost?: number
  /**
   * Set when the run calibrated (no recorded cost in the repository): the groups that ran one at a time with all
   * that was left, and the factor (booked ÷ PDD's table) later groups were estimated with, when one was learned.
   */
  calibration?: { groups: string[]; factor?: number }
}

/** What one group's run came to: its units' results, what it booked, and its commit. */
export interface GroupRun {
  units: UnitResult[]
  cost: number | null
  /** Commit (in the worktree) holding the synced units' files, or null when none synced (or not made yet). */
  commit: string | null
  base: string
  /** The commit to make when the group lands (bot-branch.ts), instead of `commit`. */
  pending?: PendingCommit
}

/**
 * What a group commits, made when its turn to land on the bot branch comes (bot-branch.ts): then the commit's
 * parent can be the bot branch's head itself, with no replay.
 */
export interface PendingCommit {
  /** git in the group's worktree. */
  wt: Git
  /** Repository-relative paths of the files to commit. */
  paths: string[]
  message: string
  identity: Identity
  author?: Identity
  /** Of `paths`, those the worktree held before pdd ran: files git tracks there (commits.ts `known`). */
  known?: ReadonlySet<string>
}
