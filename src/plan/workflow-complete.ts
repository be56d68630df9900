/**
 * PDD's `_is_workflow_complete` and `_check_example_success_history` (`pdd/sync_determine_operation.py`,
 * pdd-cli 0.0.310): whether the run report and fingerprint show a finished workflow. Pure.
 */
import type { CurrentHashes, Fingerprint, RunReport } from '../types.js'
import { isLater, parsePythonIsoInstant } from '../pycompat/pytime.js'
import { type ArtifactExistence, type DecisionContext, PddWouldRaise } from './decide-input.js'

// `COMPLETED_VERIFY_COMMANDS` / `COMPLETED_TEST_COMMANDS` in sync_determine_operation.py.
const COMPLETED_VERIFY = new Set(['verify', 'test', 'fix', 'update'])
const COMPLETED_TEST = new Set(['test', 'fix', 'update'])

/** A run "succeeded" for PDD: exit code 0, or passing tests despite tooling noise (Bug #349). */
export function runSucceeded(report: RunReport): boolean {
  return report.exit_code === 0 || (report.tests_passed > 0 && report.tests_failed === 0)
}

/**
 * The legacy staleness test of `_is_workflow_complete`: true when the fingerprint is newer than the run report.
 * Unparseable timestamps skip the check (ValueError is caught); naive vs aware raises TypeError in Python.
 */
function fingerprintNewerThanReport(fingerprint: Fingerprint, report: RunReport): boolean {
  const fp = parsePythonIsoInstant(fingerprint.timestamp)
  const rr = parsePythonIsoInstant(report.timestamp)
  if (!fp || !rr) return false
  if (fp.aware !== rr.aware) {
    throw new PddWouldRaise('TypeError', "can't compare offset-naive and offset-aware datetimes")
  }
  return isLater(fp, rr)
}

/** Whether the run report was produced for the current test file(s) (`_is_workflow_complete`, Bug #156). */
function reportMatchesTests(
  report: RunReport,
  fingerprint: Fingerprint | null,
  hashes: CurrentHashes,
  testExists: boolean
): boolean {
  const stored = report.test_files
  if (stored && Object.keys(stored).length > 0) {
    const current = hashes.testFiles
    const currentNames = Object.keys(current)
    const storedNames = new Set(Object.keys(stored))
    if (currentNames.length !== storedNames.size || currentNames.some(n => !storedNames.has(n))) return false
    return currentNames.every(name => stored[name] === current[name])
  }
  if (!testExists) return true
  if (report.test_hash) return hashes.test === report.test_hash
  return !(fingerprint && fingerprintNewerThanReport(fingerprint, report))
}

/** Inputs of `isWorkflowComplete`: the on-disk run report and fingerprint, never the skip-tests rewrite. */
export interface WorkflowCompleteInput {
  exists: ArtifactExistence
  hashes: CurrentHashes
  runReport: RunReport | null
  fingerprint: Fingerprint | null
  skipTests: boolean
  skipVerify: boolean
}

/**
 * `_is_workflow_complete`. Note `test_extend` is in neither completed-command set and `skip:*` never counts.
 * @throws PddWouldRaise where PDD raises (naive vs aware timestamps in the legacy staleness check).
 */
export function isWorkflowComplete(input: WorkflowCompleteInput): boolean {
  const { exists, runReport, fingerprint, skipTests, skipVerify } = input
  if (!exists.code || !exists.example || (!skipTests && !exists.test)) return false
  if (skipTests && skipVerify) return true
  if (!runReport || !runSucceeded(runReport)) return false
  if (runReport.tests_passed > 0 && runReport.coverage === 0) return false
  if (!skipTests && !reportMatchesTests(runReport, fingerprint, input.hashes, exists.test)) return false
  // A `skip:<op>` command is in neither set, which is PDD's explicit "skipped, not completed" rule.
  const command = fingerprint?.command
  if (!skipVerify && command !== undefined && !COMPLETED_VERIFY.has(command)) return false
  if (!skipTests && command !== undefined && !COMPLETED_TEST.has(command)) return false
  return true
}

/** `_check_example_success_history`, with the glob over `<b>_<l>_run*.json` done by the caller. */
export function exampleSucceededBefore(ctx: DecisionContext): boolean {
  const fp = ctx.fingerprint
  if (fp?.command === 'verify') return true
  if (ctx.runReport?.exit_code === 0 || ctx.hasSuccessfulRunHistory) return true
  return Boolean(fp?.example_hash) && ['example', 'verify', 'test', 'fix'].includes(fp?.command ?? '')
}
