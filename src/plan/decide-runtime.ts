/**
 * Building blocks of the port of PDD's sync decision (`pdd/sync_determine_operation.py`, pdd-cli 0.0.310):
 * the runtime-signal branch of `_perform_sync_analysis`, `check_for_dependencies`,
 * `_changed_artifacts_from_hashes` and `estimate_operation_cost`. Pure: no I/O. `decide.ts` assembles these
 * into `decide`; the inputs are in `decide-input.ts`, `_is_workflow_complete` in `workflow-complete.ts`.
 */
import type { CurrentHashes, Decision, Fingerprint, Operation, RunReport } from '../types.js'
import { pyFixed1 } from '../pycompat/pyfn.js'
import type { Artifact, ArtifactExistence, DecisionContext } from './decide-input.js'
import { exampleSucceededBefore } from './workflow-complete.js'

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
