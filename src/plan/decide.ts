/**
 * A pure port of PDD's sync decision (`_perform_sync_analysis` in `pdd/sync_determine_operation.py`,
 * pdd-cli 0.0.310): given a unit's state, already read and hashed by the caller, return the operation
 * `pdd sync` would run next. Reasons, confidences and the main `details` keys follow PDD.
 *
 * Where PDD raises an uncaught exception instead of deciding, `decide` returns operation `error`.
 */
import type { Decision, Fingerprint } from '../types.js'
import { type Artifact, type DecideInput, type DecisionContext, PddWouldRaise } from './decide-input.js'
import {
  changedArtifacts,
  conflictDecision,
  decision,
  hasDependencies,
  runtimeDecision
} from './decide-runtime.js'
import { isWorkflowComplete, runSucceeded } from './workflow-complete.js'
import { pyBool } from '../pycompat/pyfn.js'

export type { Artifact, ArtifactExistence, DecideInput } from './decide-input.js'
export { changedArtifacts, estimateOperationCost, hasDependencies } from './decide-runtime.js'
export { type WorkflowCompleteInput, isWorkflowComplete } from './workflow-complete.js'
export { type PyDatetime, parsePythonIsoDatetime } from '../pycompat/pytime.js'

// Python's str.strip() whitespace (str.isspace), which differs from String.prototype.trim.
const PY_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g')

/** `is_test_extend_disabled`: 1/true/yes/on after Python's strip() and lower(). */
export function isTruthyEnv(value: string | undefined): boolean {
  return ['1', 'true', 'yes', 'on'].includes((value ?? '').replace(PY_STRIP, '').toLowerCase())
}

/** How `sync_orchestration` computes `isolated_replay_or_repair`: global `--force` or a non-empty directive. */
export function isIsolatedReplayOrRepair(force: boolean, repairDirective: string | undefined): boolean {
  return force || Boolean(repairDirective)
}

function context(input: DecideInput): DecisionContext {
  return {
    ...input,
    language: input.language.toLowerCase(),
    skipTests: Boolean(input.skipTests) || Boolean(input.testOutputNeedsReview),
    skipVerify: Boolean(input.skipVerify),
    targetCoverage: input.targetCoverage ?? 90,
    isolatedReplayOrRepair: Boolean(input.isolatedReplayOrRepair),
    disableTestExtend: Boolean(input.disableTestExtend)
  }
}

/** Has-deps on the prompt text, where PDD reads the file only if it exists. */
function promptHasDeps(ctx: DecisionContext): boolean {
  return hasDependencies(ctx.exists.prompt ? (ctx.promptText ?? '') : '')
}

/** No fingerprint: a new (or untracked) unit; a run report alone is ignored. */
function newUnitDecision(ctx: DecisionContext): Decision {
  if (!ctx.exists.prompt) {
    const reason = 'No prompt file and no history - nothing to do'
    return decision('nothing', reason, 1.0, { prompt_exists: false, fingerprint_found: false })
  }
  return promptHasDeps(ctx)
    ? decision('auto-deps', 'New prompt with dependencies detected', 0.8, { has_dependencies: true })
    : decision('generate', 'New prompt ready for code generation', 0.9, { has_dependencies: false })
}

/** `validate_expected_files`: files whose hash the fingerprint records but which are gone. */
function missingExpectedFiles(ctx: DecisionContext, fp: Fingerprint): Artifact[] {
  const missing: Artifact[] = []
  if (fp.code_hash && !ctx.exists.code) missing.push('code')
  if (fp.example_hash && !ctx.exists.example) missing.push('example')
  if (fp.test_hash && !ctx.skipTests && !ctx.exists.test) missing.push('test')
  return missing
}

/** `_handle_missing_expected_files`: regenerate from the earliest missing artifact. */
function missingFilesDecision(ctx: DecisionContext, missing: Artifact[]): Decision {
  const details = { missing_files: missing }
  if (missing.includes('code')) {
    if (ctx.exists.prompt) {
      const depsReason = 'Code file missing, prompt has dependencies - regenerate from auto-deps'
      return promptHasDeps(ctx)
        ? decision('auto-deps', depsReason, 1.0, details)
        : decision('generate', 'Code file missing - regenerate from prompt', 1.0, details)
    }
  } else if (missing.includes('example') && ctx.exists.code) {
    if (ctx.isolatedReplayOrRepair) {
      const reason =
        'Example file missing but isolated repair/replay requested - regenerate code without unrelated example work'
      return decision('generate', reason, 1.0, { ...details, isolated_replay_or_repair: true })
    }
    return decision('example', 'Example file missing - regenerate example', 1.0, details)
  } else if (missing.includes('test') && ctx.exists.code && ctx.exists.example) {
    return ctx.skipTests
      ? decision('nothing', 'Test file missing but --skip-tests specified - workflow complete', 1.0, details)
      : decision('test', 'Test file missing - regenerate tests', 1.0, details)
  }
  return decision('generate', 'Multiple files missing - regenerate from prompt', 1.0, details)
}

/** No changes, all four files present: validate, verify, or re-run stale tests (Bugs 1, 2, 4). */
function allFilesPresentDecision(ctx: DecisionContext, fp: Fingerprint): Decision | null {
  const rr = ctx.runReport
  if (!rr || (rr.exit_code !== 0 && !(rr.tests_passed > 0 && rr.tests_failed === 0))) {
    const reason = `All files exist but needs validation${rr ? ` - exit_code=${rr.exit_code}` : ' - no run_report'}`
    return decision('crash', reason, 0.85, { all_files_exist: true, run_report_missing: !rr })
  }
  if (!['verify', 'test', 'fix', 'update'].includes(fp.command) && !ctx.skipVerify) {
    const reason = 'All files exist but verification not completed'
    return decision('verify', reason, 0.85, { last_command: fp.command })
  }
  if (!runSucceeded(rr)) return null
  const reason = 'Run report is stale - need to re-run tests to verify current state'
  return decision('test', reason, 0.9, { run_report_stale: true, run_report_test_hash: rr.test_hash ?? null })
}

/** No changes, code and example present, test missing: crash → verify → test, or done for agentic languages. */
function testMissingDecision(ctx: DecisionContext, fp: Fingerprint): Decision {
  const rr = ctx.runReport
  if (
    ctx.language !== 'python' &&
    rr &&
    rr.tests_passed > 0 &&
    rr.tests_failed === 0 &&
    rr.test_hash != null
  ) {
    const reason = `Tests pass (${rr.tests_passed} passed) via agentic test generation - workflow complete`
    return decision('all_synced', reason, 0.9, { agentic_test_complete: true, test_hash: rr.test_hash })
  }
  if (!rr && !ctx.skipVerify) {
    const reason = 'Example exists but needs runtime testing before test generation'
    return decision('crash', reason, 0.85, { no_run_report: true, workflow_stage: 'crash_validation' })
  }
  if (rr && rr.exit_code !== 0 && !ctx.skipVerify) {
    const reason = 'Example crashes - fix runtime errors before test generation'
    return decision('crash', reason, 0.9, { exit_code: rr.exit_code, workflow_stage: 'crash_fix' })
  }
  if (fp.command !== 'verify' && !ctx.skipVerify) {
    const reason = 'Example runs but needs verification before test generation'
    return decision('verify', reason, 0.85, { last_command: fp.command, workflow_stage: 'verify_validation' })
  }
  const reason = 'Example validated - ready for test generation'
  return decision('test', reason, 0.85, { test_exists: false, workflow_stage: 'test_generation' })
}

/** Hashes match the fingerprint: progress the workflow (the run report is re-read from disk here). */
function noChangeDecision(ctx: DecisionContext, fp: Fingerprint): Decision | null {
  const { exists, skipTests, skipVerify } = ctx
  const complete = {
    exists,
    hashes: ctx.hashes,
    runReport: ctx.runReport,
    fingerprint: fp,
    skipTests,
    skipVerify
  }
  if (isWorkflowComplete(complete)) {
    const reason = `All required files synchronized (skip_tests=${pyBool(skipTests)}, skip_verify=${pyBool(skipVerify)})`
    return decision('nothing', reason, 1.0, { skip_tests: skipTests, skip_verify: skipVerify })
  }
  if (exists.code && exists.example && exists.test) {
    const allPresent = allFilesPresentDecision(ctx, fp)
    if (allPresent) return allPresent
  }
  if (exists.code && !exists.example) {
    const reason = 'Code exists but example missing - progress workflow'
    return decision('example', reason, 0.85, { code_exists: true, example_exists: false })
  }
  if (exists.code && exists.example && !skipTests && !exists.test) return testMissingDecision(ctx, fp)
  if (exists.code || !exists.prompt) return null
  if (fp.command === 'auto-deps') {
    // Unreachable in practice: step 1 already answers for an auto-deps fingerprint.
    return decision('generate', 'Auto-deps completed, now generate missing code file', 0.9)
  }
  return promptHasDeps(ctx)
    ? decision('auto-deps', 'Missing code file, prompt has dependencies', 0.8, { has_dependencies: true })
    : decision('generate', 'Missing code file - generate from prompt', 0.9, { has_dependencies: false })
}

/** Exactly one artifact changed since the fingerprint. */
function singleChangeDecision(ctx: DecisionContext, change: Artifact): Decision {
  const details = { changed_file: change }
  switch (change) {
    case 'prompt':
      if (!ctx.exists.prompt) {
        // PDD reads the prompt text without checking that it exists.
        throw new PddWouldRaise('FileNotFoundError', 'the prompt file is gone but its hash is recorded')
      }
      return promptHasDeps(ctx)
        ? decision('auto-deps', 'Prompt changed and dependencies need updating', 0.85, {
            ...details,
            prompt_changed: true
          })
        : decision('generate', 'Prompt changed - regenerate code', 0.9, { ...details, prompt_changed: true })
    case 'code':
      return decision('update', 'Code changed - update prompt to reflect changes', 0.85, details)
    case 'test':
      return decision('test', 'Test changed - run new tests', 0.8, details)
    case 'example':
      return decision('verify', 'Example changed - verify new example', 0.8, details)
  }
}

/** Several artifacts changed: a conflict only when the prompt is among them (PDD doctrine). */
function multiChangeDecision(changes: Artifact[]): Decision {
  const details = { changed_files: changes, prompt_changed: false }
  if (changes.includes('prompt')) return conflictDecision(changes, true)
  if (changes.includes('code')) {
    return decision('verify', 'Derived files changed (prompt unchanged) - verify code works', 0.85, details)
  }
  if (changes.includes('example')) {
    return decision('verify', 'Example changed (prompt unchanged) - verify example runs', 0.85, details)
  }
  return decision('test', 'Test changed (prompt unchanged) - run tests', 0.85, details)
}

function analyse(ctx: DecisionContext): Decision | null {
  const fp = ctx.fingerprint
  if (fp?.command === 'auto-deps') {
    const details = {
      previous_command: 'auto-deps',
      code_exists: ctx.exists.code,
      regenerate_after_autodeps: true
    }
    return decision('generate', 'Auto-deps completed - regenerate code with updated prompt', 0.9, details)
  }
  if (fp && ctx.runReport) {
    const runtime = runtimeDecision(ctx, fp, ctx.runReport)
    if (runtime) return runtime
  }
  if (!fp) return newUnitDecision(ctx)
  const missing = missingExpectedFiles(ctx, fp)
  if (missing.length > 0) return missingFilesDecision(ctx, missing)
  const changes = changedArtifacts(fp, ctx.hashes, ctx.exists)
  const [first] = changes
  if (first === undefined) return noChangeDecision(ctx, fp)
  return changes.length === 1 ? singleChangeDecision(ctx, first) : multiChangeDecision(changes)
}

/** The operation `pdd sync` would run next for this unit (`_perform_sync_analysis`, evaluated top to bottom). */
export function decide(input: DecideInput): Decision {
  const ctx = context(input)
  try {
    const result = analyse(ctx)
    if (result) return result
  } catch (error) {
    if (!(error instanceof PddWouldRaise)) throw error
    return {
      operation: 'error',
      reason: `PDD raises ${error.message}`,
      confidence: 1.0,
      details: { pdd_raises: error.pythonError }
    }
  }
  const changes = ctx.fingerprint ? changedArtifacts(ctx.fingerprint, ctx.hashes, ctx.exists) : []
  const details = { fingerprint_exists: ctx.fingerprint !== null, changes, fallback: true }
  return decision('nothing', 'No clear operation determined', 0.5, details)
}
