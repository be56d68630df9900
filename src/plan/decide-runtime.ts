/**
 * Building blocks of the port of PDD's sync decision (`pdd/sync_determine_operation.py`, pdd-cli 0.0.310):
 * the runtime-signal branch of `_perform_sync_analysis`, `_is_workflow_complete`,
 * `_check_example_success_history`, `check_for_dependencies`, `_changed_artifacts_from_hashes`,
 * `estimate_operation_cost`, plus the bits of Python semantics they rely on (`{:.1f}` formatting,
 * `datetime.fromisoformat`). Pure: no I/O. `decide.ts` assembles these into `decide`.
 */
import type { CurrentHashes, Decision, Fingerprint, Operation, RunReport } from '../types.js'

/** A unit artifact PDD hashes; order matters (`changed_files` keeps it). */
export type Artifact = 'prompt' | 'code' | 'example' | 'test'

/** Which of the unit's files exist (`Path.exists()`: any file type, symlinks followed). */
export interface ArtifactExistence {
  prompt: boolean
  code: boolean
  example: boolean
  test: boolean
}

/** Everything `decide` needs, computed by the caller from the repository. */
export interface DecideInput {
  /** Lower-case language name (`python`, `typescript`, …); only `python` vs the rest matters. */
  language: string
  /**
   * `.pdd/meta/<b>_<l>.json` through `parseFingerprint` (`state/meta-files.ts`);
   * null when missing or invalid.
   */
  fingerprint: Fingerprint | null
  /**
   * `.pdd/meta/<b>_<l>_run.json` through `parseRunReport` (`state/meta-files.ts`), as on disk (do not apply
   * --skip-tests yourself).
   */
  runReport: RunReport | null
  /**
   * Current sha256 of each file (null when missing or not a regular file). `prompt` is PDD's prompt hash:
   * prompt bytes followed by its include dependencies (or the fingerprint's stored `include_deps`).
   * `testFiles` hashes the existing files of PDD's `test_files` list, keyed by file name.
   */
  hashes: CurrentHashes
  /** Whether each path exists (`Path.exists()`); `test` is false when PDD resolves no test path. */
  exists: ArtifactExistence
  /** The prompt text (UTF-8, invalid bytes dropped), for the has-dependencies check; null when missing. */
  promptText: string | null
  /** True when any `.pdd/meta/<b>_<l>_run*.json` parses to an object whose `exit_code` is 0 (`isSuccessfulRunRecord`). */
  hasSuccessfulRunHistory: boolean
  /** `pdd sync --skip-tests`. */
  skipTests?: boolean
  /** `pdd sync --skip-verify`. */
  skipVerify?: boolean
  /** `pdd sync --target-coverage` (PDD's default 90). */
  targetCoverage?: number
  /** `force or bool(PDD_REPAIR_DIRECTIVE)` as the orchestrator computes it (`isIsolatedReplayOrRepair`). */
  isolatedReplayOrRepair?: boolean
  /** `PDD_DISABLE_TEST_EXTEND` evaluated with `isTruthyEnv`. */
  disableTestExtend?: boolean
  /** The path resolver's `test_output_needs_review` (opaque JS/TS runner): treated as --skip-tests. */
  testOutputNeedsReview?: boolean
}

/** `DecideInput` with every default applied and `skipTests` already OR-ed with `testOutputNeedsReview`. */
export type DecisionContext = Required<Omit<DecideInput, 'testOutputNeedsReview'>>

/** Raised where the real PDD raises an uncaught exception; `decide` turns it into an `error` decision. */
export class PddWouldRaise extends Error {
  constructor(
    readonly pythonError: string,
    message: string
  ) {
    super(`${pythonError}: ${message}`)
    this.name = 'PddWouldRaise'
  }
}

// `COMPLETED_VERIFY_COMMANDS` / `COMPLETED_TEST_COMMANDS` in sync_determine_operation.py.
const COMPLETED_VERIFY = new Set(['verify', 'test', 'fix', 'update'])
const COMPLETED_TEST = new Set(['test', 'fix', 'update'])

const COSTS: Record<Operation, number> = {
  'auto-deps': 0.1,
  generate: 0.5,
  example: 0.3,
  crash: 0.4,
  verify: 0.35,
  test: 0.6,
  test_extend: 0.6,
  fix: 0.45,
  update: 0.25,
  nothing: 0,
  all_synced: 0,
  error: 0,
  fail_and_request_manual_merge: 0
}

/** PDD's `estimate_operation_cost` table (dollars); unknown operations cost 0. */
export function estimateOperationCost(op: Operation): number {
  return COSTS[op] ?? 0
}

/** `check_for_dependencies`: literal (case-sensitive) XML tags, or case-insensitive phrases. */
export function hasDependencies(promptText: string): boolean {
  if (['<include>', '<web>', '<shell>'].some(tag => promptText.includes(tag))) return true
  const lower = promptText.toLowerCase()
  const phrases = [
    'auto-deps',
    'auto_deps',
    'dependencies needed',
    'requires dependencies',
    'include dependencies'
  ]
  return phrases.some(phrase => lower.includes(phrase))
}

/**
 * `_changed_artifacts_from_hashes`: the prompt counts whenever its hash differs (also when the prompt is gone);
 * code/example/test only when the file exists and its hash differs.
 */
export function changedArtifacts(
  fingerprint: Fingerprint,
  hashes: CurrentHashes,
  exists: Pick<ArtifactExistence, 'code' | 'example' | 'test'>
): Artifact[] {
  const changes: Artifact[] = []
  if (hashes.prompt !== fingerprint.prompt_hash) changes.push('prompt')
  if (exists.code && hashes.code !== fingerprint.code_hash) changes.push('code')
  if (exists.example && hashes.example !== fingerprint.example_hash) changes.push('example')
  if (exists.test && hashes.test !== fingerprint.test_hash) changes.push('test')
  return changes
}

/** Builds a decision with PDD's `decision_type: 'heuristic'` detail. */
export function decision(
  operation: Operation,
  reason: string,
  confidence: number,
  details: Record<string, unknown> = {}
): Decision {
  return { operation, reason, confidence, details: { decision_type: 'heuristic', ...details } }
}

/** `_prompt_derived_conflict_decision` (paths of preserved metadata are the caller's business). */
export function conflictDecision(changes: Artifact[], fingerprintFound: boolean): Decision {
  return decision(
    'fail_and_request_manual_merge',
    'Prompt and derived artifacts changed since the last fingerprint; manual conflict resolution required',
    1.0,
    { classification: 'CONFLICT', changed_files: changes, fingerprint_found: fingerprintFound }
  )
}

/** Python's `f'{x:.1f}'`: like `toFixed(1)` but exact ties (x = k.25, k.75) round half to even. */
export function pyFixed1(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const quarter = x * 4
  let text = x.toFixed(1)
  if (Number.isInteger(quarter) && quarter % 2 !== 0) {
    const scaled = x * 10
    const floor = Math.floor(scaled)
    text = ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1)
  }
  const negative = x < 0 || Object.is(x, -0)
  return negative && !text.startsWith('-') ? `-${text}` : text
}

/** Python's `str(bool)`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False'
}

/** A run "succeeded" for PDD: exit code 0, or passing tests despite tooling noise (Bug #349). */
export function runSucceeded(report: RunReport): boolean {
  return report.exit_code === 0 || (report.tests_passed > 0 && report.tests_failed === 0)
}

/** Result of Python 3.12 `datetime.fromisoformat`: microseconds since 1970 (UTC when aware). */
export interface PyDatetime {
  aware: boolean
  micros: bigint
}

const TIME_EXT = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/

function parseClock(text: string): bigint | null {
  const m = TIME_EXT.exec(text) ?? TIME_BASIC.exec(text)
  if (!m) return null
  const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)]
  if (h > 23 || min > 59 || s > 59) return null
  const micro = Number((m[4] ?? '').slice(0, 6).padEnd(6, '0'))
  return BigInt((h * 60 + min) * 60 + s) * 1_000_000n + BigInt(micro)
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

function parseDate(text: string): { days: number; length: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  if (y < 1 || monthDays === undefined || d < 1 || d > monthDays) return null
  return { days: daysFromCivil(y, mo, d), length: m[0].length }
}

/**
 * The forms of `datetime.fromisoformat` (after PDD's `.replace('Z', '+00:00')`) that PDD's timestamps use:
 * calendar dates (extended or basic), any one-character separator, `HH[:MM[:SS[.f…]]]` (or basic), and an
 * offset `±HH[:MM[:SS[.f]]]`. Returns null where Python raises ValueError; week dates are not supported.
 */
export function parsePythonIsoDatetime(raw: string): PyDatetime | null {
  const text = raw.replaceAll('Z', '+00:00')
  const date = parseDate(text)
  if (!date) return null
  const midnight = BigInt(date.days) * 86_400_000_000n
  const rest = Array.from(text.slice(date.length))
  if (rest.length === 0) return { aware: false, micros: midnight }
  const timeAndZone = rest.slice(1).join('')
  const zoneAt = timeAndZone.search(/[+-]/)
  const clock = parseClock(zoneAt < 0 ? timeAndZone : timeAndZone.slice(0, zoneAt))
  if (clock === null) return null
  if (zoneAt < 0) return { aware: false, micros: midnight + clock }
  const offset = parseClock(timeAndZone.slice(zoneAt + 1))
  if (offset === null || offset >= 86_400_000_000n) return null
  const signed = timeAndZone[zoneAt] === '-' ? -offset : offset
  return { aware: true, micros: midnight + clock - signed }
}

/**
 * The legacy staleness test of `_is_workflow_complete`: true when the fingerprint is newer than the run report.
 * Unparseable timestamps skip the check (ValueError is caught); naive vs aware raises TypeError in Python.
 */
function fingerprintNewerThanReport(fingerprint: Fingerprint, report: RunReport): boolean {
  const fp = parsePythonIsoDatetime(fingerprint.timestamp)
  const rr = parsePythonIsoDatetime(report.timestamp)
  if (!fp || !rr) return false
  if (fp.aware !== rr.aware) {
    throw new PddWouldRaise('TypeError', "can't compare offset-naive and offset-aware datetimes")
  }
  return fp.micros > rr.micros
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

/** The run report as the runtime branch sees it: with --skip-tests, failures are zeroed (exit code too, if caused by them). */
function runtimeView(report: RunReport, skipTests: boolean): RunReport {
  if (!skipTests) return report
  return { ...report, exit_code: report.tests_failed > 0 ? 0 : report.exit_code, tests_failed: 0 }
}

/**
 * The runtime-signal branch of `_perform_sync_analysis` (only when both fingerprint and run report exist):
 * prompt change, crash retry/verify, test failures, runtime errors, low coverage. Null = fall through.
 */
export function runtimeDecision(ctx: DecisionContext, fp: Fingerprint, disk: RunReport): Decision | null {
  const rr = runtimeView(disk, ctx.skipTests)
  if (ctx.hashes.prompt && ctx.hashes.prompt !== fp.prompt_hash) {
    const changes = changedArtifacts(fp, ctx.hashes, ctx.exists)
    if (changes.some(change => change !== 'prompt')) return conflictDecision(changes, true)
    const deps = hasDependencies(ctx.exists.prompt ? (ctx.promptText ?? '') : '')
    const reason = 'Prompt changed - regenerating (takes priority over runtime signals)'
    const details = { prompt_changed: true, previous_command: fp.command, runtime_state_ignored: true }
    return decision(deps ? 'auto-deps' : 'generate', reason, 0.95, details)
  }
  if (fp.command === 'crash' && !ctx.skipVerify) {
    if (rr.exit_code !== 0) {
      const reason = `Previous crash operation failed (exit_code=${rr.exit_code}) - retry crash fix`
      return decision('crash', reason, 0.9, { previous_command: 'crash', workflow_stage: 'crash_retry' })
    }
    const reason = 'Previous crash operation completed - verify example runs correctly'
    return decision('verify', reason, 0.9, { previous_command: 'crash', current_exit_code: rr.exit_code })
  }
  if (rr.tests_failed > 0) {
    if (ctx.exists.test) {
      const reason = `Test failures detected: ${rr.tests_failed} failed tests`
      return decision('fix', reason, 0.9, { tests_failed: rr.tests_failed, exit_code: rr.exit_code })
    }
    const reason = 'Test failures reported but test file missing - need to generate tests'
    return decision('test', reason, 0.85, { run_report_shows_failures: true, test_file_exists: false })
  }
  if (rr.exit_code !== 0 && !(rr.tests_passed > 0 && rr.tests_failed === 0)) {
    const history = exampleSucceededBefore(ctx)
    const details = { exit_code: rr.exit_code, example_success_history: history }
    const fixReason = 'Runtime error detected but example has run successfully before - prefer fix over crash'
    const crashReason = 'Runtime error detected in last run - no successful example history'
    return history ? decision('fix', fixReason, 0.9, details) : decision('crash', crashReason, 0.95, details)
  }
  return rr.coverage < ctx.targetCoverage ? lowCoverageDecision(ctx, rr) : null
}

/** Step "coverage below target" of the runtime branch. */
function lowCoverageDecision(ctx: DecisionContext, rr: RunReport): Decision {
  const cov = pyFixed1(rr.coverage)
  const target = pyFixed1(ctx.targetCoverage)
  const details = { current_coverage: rr.coverage, target_coverage: ctx.targetCoverage }
  if (ctx.skipTests) {
    const reason = `Coverage ${cov}% below target ${target}% but tests skipped`
    return decision('all_synced', reason, 0.9, { ...details, tests_skipped: true, skip_tests: true })
  }
  if (!(rr.tests_failed === 0 && rr.tests_passed > 0)) {
    if (rr.tests_passed === 0 && rr.tests_failed === 0 && rr.exit_code === 0) {
      const reason = `Tests completed (exit_code=0) but coverage ${cov}% could not be verified - accepting as complete`
      return decision('all_synced', reason, 0.7, { ...details, unparseable_output: true })
    }
    return decision('test', `Coverage ${cov}% below target ${target}%`, 0.85, details)
  }
  const python = ctx.language.toLowerCase() === 'python'
  const passed = `Tests pass (${rr.tests_passed} passed)`
  if (!ctx.exists.code) {
    const reason = 'Code file missing with stale metadata - regenerate from prompt'
    return decision('generate', reason, 0.95, { code_file_exists: false, test_file_exists: ctx.exists.test })
  }
  if (!ctx.exists.test && (python || rr.test_hash === null || rr.test_hash === undefined)) {
    const reason = 'Example validated but test file missing - generate tests'
    return decision('test', reason, 0.9, { test_file_exists: false })
  }
  const skipped = { ...details, test_extend_skipped: true, language: ctx.language }
  if (ctx.disableTestExtend) {
    const reason = `${passed}. Coverage ${cov}% below target but test_extend disabled (PDD_DISABLE_TEST_EXTEND / PR auto-heal scope guard) - accepting as complete`
    return decision('all_synced', reason, 0.9, { ...skipped, skip_reason: 'PDD_DISABLE_TEST_EXTEND' })
  }
  if (!python) {
    const reason = `${passed}. Coverage ${cov}% below target but test_extend not supported for ${ctx.language} - accepting as complete`
    return decision('all_synced', reason, 0.9, { ...skipped, skip_reason: 'non-python language' })
  }
  const reason = `${passed} but coverage ${cov}% below target ${target}% - extending tests`
  return decision('test_extend', reason, 0.85, { ...details, extend_tests: true })
}
