/**
 * What a group's pdd spent, for the ledger: the cost rows it appended to its run-scoped CSV when they are there
 * and well-formed; $0 when pdd stopped before its sync started (a Click usage error, a prompt it cannot find, a
 * traceback while it loaded) and left no row; otherwise null, "unknown", and the whole admission is booked
 * (docs/architecture.md "Budget"). Pure.
 */
import { sumNewCost } from './cost-csv.js'
import type { ParsedSyncOutput } from './pdd-output.js'

/** How pdd ended, as far as the booking needs it. */
export interface EndedPdd {
  code: number | null
  timedOut: boolean
  cancelled: boolean
  /** Everything pdd printed on stdout. */
  stdout: string
  /** The argv pdd ran with (its own words after the executable included). */
  argv: readonly string[]
}

/**
 * What `pdd sync` prints once its sync starts, before any LLM call: the "PDD Sync Starting" panel, a
 * language's "🚀 Syncing for language" line, a `PDD_PHASE:` marker, the final table's panel
 * (`pdd/sync_main.py` L800–824, `pdd/sync_orchestration.py` L2644).
 */
const SYNC_STARTED = /PDD Sync Starting|Syncing for language:|PDD_PHASE:|Overall status:/

/** Dollars to book for a group's pdd, null when unknown (see the file's comment). */
export function spentBy(ended: EndedPdd, parsed: ParsedSyncOutput, costCsv: string | null): number | null {
  const evidence = sumNewCost(null, costCsv)
  if (evidence.cost !== null || costCsv !== null) return evidence.cost
  return stoppedBeforeSync(ended, parsed) ? 0 : null
}

/**
 * Whether pdd provably ended before its sync began: it exited non-zero on its own (not stopped), said why (a
 * usage error, no prompt found, a traceback), and printed nothing a started sync prints. `--quiet` hides the
 * sync's panel and language lines, so with it only a usage error counts: Click rejects options before any
 * command runs, and every `click.UsageError` of `pdd sync` is raised before sync_main's workflow.
 */
export function stoppedBeforeSync(ended: EndedPdd, parsed: ParsedSyncOutput): boolean {
  if (ended.code === null || ended.code === 0 || ended.timedOut || ended.cancelled) return false
  // pdd that stops before its sync prints a few lines; a long output may have lost its first lines (16 Mi cap).
  if (ended.stdout.length > 1_000_000) return false
  if (parsed.phases.length > 0 || SYNC_STARTED.test(ended.stdout)) return false
  const usage = ended.code === 2 && (parsed.usageError !== null || parsed.noPromptFiles !== null)
  if (usage) return true
  const quiet = ended.argv.some(a => a === '--quiet' || a === '-q')
  return !quiet && parsed.traceback !== null
}
