import { describe, expect, it } from 'vitest'
import {
  type Artifact,
  type DecideInput,
  changedArtifacts,
  decide,
  estimateOperationCost,
  hasDependencies,
  isIsolatedReplayOrRepair,
  isTruthyEnv,
  isWorkflowComplete,
  parsePythonIsoDatetime
} from '../src/plan/decide.js'
import {
  isRunHistoryFileName,
  isSuccessfulRunRecord,
  parseFingerprint,
  parseRunReport
} from '../src/state/meta-files.js'
import { pyFixed1 } from '../src/pycompat/pyfn.js'
import type { Fingerprint, Operation, RunReport } from '../src/types.js'

const H = { prompt: 'hp', code: 'hc', example: 'he', test: 'ht' } as const
const DEPS = 'Use <web>https://example.com/api</web> for the API.'
const T0 = '2026-01-01T00:00:00+00:00'
const T1 = '2026-01-01T00:01:00+00:00'

/** A unit state built from a fully synced one: every file present, hashes matching, a passing report. */
interface Over extends Partial<DecideInput> {
  command?: string
  fp?: Partial<Fingerprint> | null
  rr?: Partial<RunReport> | null
  missing?: Artifact[]
  changed?: Artifact[]
}

function unit(o: Over = {}): DecideInput {
  const { command, fp, rr, missing = [], changed = [], ...rest } = o
  const hash = (a: Artifact): string | null =>
    missing.includes(a) ? null : changed.includes(a) ? `${H[a]}2` : H[a]
  const hashes = { prompt: hash('prompt'), code: hash('code'), example: hash('example'), test: hash('test') }
  const fingerprint: Fingerprint | null =
    fp === null
      ? null
      : {
          pdd_version: '0.0.310',
          timestamp: T0,
          command: command ?? 'test',
          prompt_hash: 'hp',
          code_hash: 'hc',
          example_hash: 'he',
          test_hash: 'ht',
          ...fp
        }
  const runReport: RunReport | null =
    rr === null
      ? null
      : {
          timestamp: T1,
          exit_code: 0,
          tests_passed: 5,
          tests_failed: 0,
          coverage: 95,
          test_hash: hashes.test,
          ...rr
        }
  return {
    language: 'python',
    fingerprint,
    runReport,
    hashes: { ...hashes, testFiles: hashes.test ? { 'test_calc.py': hashes.test } : {} },
    exists: {
      prompt: !missing.includes('prompt'),
      code: !missing.includes('code'),
      example: !missing.includes('example'),
      test: !missing.includes('test')
    },
    promptText: missing.includes('prompt') ? null : 'Write add(a, b).',
    hasSuccessfulRunHistory: false,
    ...rest
  }
}

interface Row {
  name: string
  input: DecideInput
  op: Operation
  reason?: string
  details?: Record<string, unknown>
  confidence?: number
}

const failing = { exit_code: 1, tests_passed: 0, tests_failed: 0, coverage: 0 }
const lowCov = { tests_passed: 10, coverage: 75 }

// One row per branch of `_perform_sync_analysis`, in PDD's evaluation order.
const branches: Row[] = [
  {
    name: '0 testOutputNeedsReview counts as --skip-tests',
    input: unit({ rr: lowCov, testOutputNeedsReview: true }),
    op: 'all_synced',
    reason: 'but tests skipped'
  },
  {
    name: '1 last command auto-deps → generate, ignoring a failing report',
    input: unit({ command: 'auto-deps', rr: { tests_failed: 3 } }),
    op: 'generate',
    reason: 'Auto-deps completed - regenerate code with updated prompt',
    details: { regenerate_after_autodeps: true, code_exists: true },
    confidence: 0.9
  },
  {
    name: '1 last command auto-deps with code missing → generate (code_exists false)',
    input: unit({ command: 'auto-deps', missing: ['code'] }),
    op: 'generate',
    details: { code_exists: false }
  },
  {
    name: '3a prompt changed with code changed → fail_and_request_manual_merge',
    input: unit({ changed: ['prompt', 'code'] }),
    op: 'fail_and_request_manual_merge',
    details: { classification: 'CONFLICT', changed_files: ['prompt', 'code'] },
    confidence: 1
  },
  {
    name: '3a prompt changed with example and test changed → conflict listing prompt, example, test',
    input: unit({ changed: ['test', 'prompt', 'example'] }),
    op: 'fail_and_request_manual_merge',
    details: { changed_files: ['prompt', 'example', 'test'] }
  },
  {
    name: '3a prompt changed alone → generate',
    input: unit({ changed: ['prompt'] }),
    op: 'generate',
    reason: 'Prompt changed - regenerating (takes priority over runtime signals)',
    confidence: 0.95
  },
  {
    name: '3a prompt changed alone, prompt has dependencies → auto-deps',
    input: unit({ changed: ['prompt'], promptText: DEPS }),
    op: 'auto-deps',
    reason: 'takes priority over runtime signals'
  },
  {
    name: '3a prompt change beats a crash retry',
    input: unit({ command: 'crash', rr: failing, changed: ['prompt'] }),
    op: 'generate'
  },
  {
    name: '3a skipped when the prompt is gone (no current hash) → runtime goes on',
    input: unit({ command: 'crash', rr: failing, missing: ['prompt'] }),
    op: 'crash',
    reason: 'retry crash fix'
  },
  {
    name: '3b last command crash, exit code 1 → crash retry',
    input: unit({ command: 'crash', rr: failing }),
    op: 'crash',
    reason: 'Previous crash operation failed (exit_code=1) - retry crash fix',
    confidence: 0.9
  },
  {
    name: '3b last command crash, exit code 0 → verify',
    input: unit({ command: 'crash' }),
    op: 'verify',
    reason: 'Previous crash operation completed - verify example runs correctly'
  },
  {
    name: '3b not taken with --skip-verify → stale report re-test',
    input: unit({ command: 'crash', skipVerify: true }),
    op: 'test',
    reason: 'Run report is stale'
  },
  {
    name: '3c tests failed, test file exists → fix',
    input: unit({ rr: { tests_failed: 2, exit_code: 1 } }),
    op: 'fix',
    reason: 'Test failures detected: 2 failed tests',
    confidence: 0.9
  },
  {
    name: '3c tests failed, test file missing → test',
    input: unit({ fp: { test_hash: null }, rr: { tests_failed: 2 }, missing: ['test'] }),
    op: 'test',
    reason: 'Test failures reported but test file missing',
    confidence: 0.85
  },
  {
    name: '3c --skip-tests zeroes failures; 7 re-reads the report from disk → crash',
    input: unit({ rr: { exit_code: 1, tests_passed: 3, tests_failed: 2 }, skipTests: true }),
    op: 'crash',
    reason: 'All files exist but needs validation - exit_code=1'
  },
  {
    name: '3d runtime error, no example history → crash',
    input: unit({ command: 'generate', fp: { example_hash: null }, rr: failing }),
    op: 'crash',
    reason: 'Runtime error detected in last run - no successful example history',
    details: { example_success_history: false },
    confidence: 0.95
  },
  {
    name: '3d runtime error, last command verify → fix',
    input: unit({ command: 'verify', rr: failing }),
    op: 'fix',
    reason: 'prefer fix over crash',
    details: { example_success_history: true }
  },
  {
    name: '3d runtime error, an earlier run report succeeded → fix',
    input: unit({ command: 'generate', rr: failing, hasSuccessfulRunHistory: true }),
    op: 'fix'
  },
  {
    name: '3d runtime error, example hash recorded by example/verify/test/fix → fix',
    input: unit({ command: 'example', rr: failing }),
    op: 'fix'
  },
  {
    name: '3d runtime error, example hash but last command generate → crash',
    input: unit({ command: 'generate', rr: failing }),
    op: 'crash'
  },
  {
    name: '3d non-zero exit with passing tests (Bug #349) → not a runtime error',
    input: unit({ command: 'fix', rr: { exit_code: 1 } }),
    op: 'nothing'
  },
  {
    name: '3d --skip-tests keeps an exit code not caused by failures → fix over crash',
    input: unit({ rr: { exit_code: 2, tests_passed: 0, coverage: 0 }, skipTests: true }),
    op: 'fix',
    details: { exit_code: 2 }
  },
  {
    name: '3e low coverage with --skip-tests → all_synced',
    input: unit({ rr: lowCov, skipTests: true }),
    op: 'all_synced',
    reason: 'Coverage 75.0% below target 90.0% but tests skipped',
    confidence: 0.9
  },
  {
    name: '3e passing tests, code missing → generate',
    input: unit({ fp: { code_hash: null }, rr: lowCov, missing: ['code'] }),
    op: 'generate',
    reason: 'Code file missing with stale metadata - regenerate from prompt',
    confidence: 0.95
  },
  {
    name: '3e passing tests, python test file missing → test',
    input: unit({
      command: 'example',
      fp: { test_hash: null },
      rr: { tests_passed: 1, coverage: 0, test_hash: null },
      missing: ['test']
    }),
    op: 'test',
    reason: 'Example validated but test file missing - generate tests'
  },
  {
    name: '3e non-python, test missing, synthetic report (no test hash) → test',
    input: unit({
      language: 'typescript',
      fp: { test_hash: null },
      rr: { coverage: 50, test_hash: null },
      missing: ['test']
    }),
    op: 'test'
  },
  {
    name: '3e non-python, test missing, report has a test hash → all_synced',
    input: unit({
      language: 'typescript',
      fp: { test_hash: null },
      rr: { coverage: 50, test_hash: 'x' },
      missing: ['test']
    }),
    op: 'all_synced',
    reason: 'test_extend not supported for typescript'
  },
  {
    name: '3e PDD_DISABLE_TEST_EXTEND → all_synced',
    input: unit({ rr: lowCov, disableTestExtend: true }),
    op: 'all_synced',
    reason: 'test_extend disabled (PDD_DISABLE_TEST_EXTEND',
    details: { test_extend_skipped: true, skip_reason: 'PDD_DISABLE_TEST_EXTEND' }
  },
  {
    name: '3e non-python with tests → all_synced',
    input: unit({ language: 'typescript', rr: lowCov }),
    op: 'all_synced',
    details: { skip_reason: 'non-python language' }
  },
  {
    name: '3e python, tests pass, coverage low → test_extend',
    input: unit({ rr: lowCov }),
    op: 'test_extend',
    reason: 'Tests pass (10 passed) but coverage 75.0% below target 90.0% - extending tests',
    confidence: 0.85
  },
  {
    name: '3e no counts, exit 0 (unparseable output) → all_synced',
    input: unit({ rr: { tests_passed: 0, coverage: 0 } }),
    op: 'all_synced',
    reason: 'Tests completed (exit_code=0) but coverage 0.0% could not be verified',
    confidence: 0.7
  },
  {
    name: '3e no passing tests and a non-zero count → test',
    input: unit({ rr: { tests_passed: 0, tests_failed: -1, coverage: 0 } }),
    op: 'test',
    reason: 'Coverage 0.0% below target 90.0%'
  },
  { name: '3e coverage at target → falls through', input: unit({ rr: { coverage: 90 } }), op: 'nothing' },
  {
    name: '4 no fingerprint, prompt → generate',
    input: unit({ fp: null, rr: null }),
    op: 'generate',
    reason: 'New prompt ready for code generation',
    confidence: 0.9
  },
  {
    name: '4 no fingerprint, prompt with dependencies → auto-deps',
    input: unit({ fp: null, promptText: 'needs to <include> another file' }),
    op: 'auto-deps',
    reason: 'New prompt with dependencies detected',
    confidence: 0.8
  },
  {
    name: '4 no fingerprint, no prompt → nothing',
    input: unit({ fp: null, missing: ['prompt'] }),
    op: 'nothing',
    reason: 'No prompt file and no history',
    confidence: 1
  },
  {
    name: '4 run report without fingerprint is ignored',
    input: unit({ fp: null, rr: { tests_failed: 3 } }),
    op: 'generate'
  },
  {
    name: '5 code missing, prompt → generate',
    input: unit({ missing: ['code'], rr: null }),
    op: 'generate',
    reason: 'Code file missing - regenerate from prompt',
    details: { missing_files: ['code'] },
    confidence: 1
  },
  {
    name: '5 code missing, prompt with dependencies → auto-deps',
    input: unit({ missing: ['code'], rr: null, promptText: DEPS }),
    op: 'auto-deps',
    reason: 'Code file missing, prompt has dependencies'
  },
  {
    name: '5 code missing, prompt missing → generate (fallback of the handler)',
    input: unit({ missing: ['code', 'prompt'], rr: null }),
    op: 'generate',
    reason: 'Multiple files missing - regenerate from prompt'
  },
  {
    name: '5 example missing, code present → example',
    input: unit({ missing: ['example'], rr: null }),
    op: 'example',
    reason: 'Example file missing - regenerate example'
  },
  {
    name: '5 example missing with isolated replay/repair → generate',
    input: unit({ missing: ['example'], rr: null, isolatedReplayOrRepair: true }),
    op: 'generate',
    reason: 'isolated repair/replay requested',
    details: { isolated_replay_or_repair: true }
  },
  {
    name: '5 code and example missing → code first',
    input: unit({ missing: ['example', 'code'], rr: null }),
    op: 'generate',
    details: { missing_files: ['code', 'example'] }
  },
  {
    name: '5 test missing → test',
    input: unit({ missing: ['test'], rr: null }),
    op: 'test',
    reason: 'Test file missing - regenerate tests'
  },
  {
    name: '5 example and test missing → example',
    input: unit({ missing: ['test', 'example'], rr: null }),
    op: 'example'
  },
  {
    name: '5 test not expected with --skip-tests → complete',
    input: unit({ missing: ['test'], skipTests: true }),
    op: 'nothing',
    reason: 'skip_tests=True, skip_verify=False'
  },
  {
    name: '5 example missing, code absent and unrecorded → generate (handler fallback)',
    input: unit({ fp: { code_hash: null }, missing: ['code', 'example'], rr: null }),
    op: 'generate',
    reason: 'Multiple files missing'
  },
  {
    name: '5 test missing, example absent and unrecorded → generate (handler fallback)',
    input: unit({ fp: { example_hash: null }, missing: ['example', 'test'], rr: null }),
    op: 'generate',
    reason: 'Multiple files missing'
  },
  {
    name: '7 workflow complete → nothing',
    input: unit(),
    op: 'nothing',
    reason: 'All required files synchronized (skip_tests=False, skip_verify=False)',
    confidence: 1
  },
  {
    name: '7 both skip flags, no report, no test → nothing',
    input: unit({ fp: { test_hash: null }, rr: null, missing: ['test'], skipTests: true, skipVerify: true }),
    op: 'nothing',
    reason: 'skip_tests=True, skip_verify=True'
  },
  {
    name: '7 all files, no run report → crash',
    input: unit({ rr: null }),
    op: 'crash',
    reason: 'All files exist but needs validation - no run_report',
    confidence: 0.85
  },
  {
    name: '7 all files, command example → verify',
    input: unit({ command: 'example' }),
    op: 'verify',
    reason: 'All files exist but verification not completed'
  },
  { name: '7 all files, command skip:test → verify', input: unit({ command: 'skip:test' }), op: 'verify' },
  {
    name: '7 all files, command test_extend (in neither set) → verify',
    input: unit({ command: 'test_extend' }),
    op: 'verify'
  },
  {
    name: '7 all files, command example, --skip-verify → test (stale report)',
    input: unit({ command: 'example', skipVerify: true }),
    op: 'test',
    reason: 'Run report is stale - need to re-run tests to verify current state',
    confidence: 0.9
  },
  {
    name: '7 report test hash differs from the test file → test',
    input: unit({ rr: { test_hash: 'old' } }),
    op: 'test',
    reason: 'Run report is stale'
  },
  {
    name: '7 report test_files differ → test',
    input: unit({ rr: { test_files: { 'test_calc.py': 'old' } } }),
    op: 'test'
  },
  {
    name: '7 report test_files name set differs → test',
    input: unit({ rr: { test_files: { 'test_calc.py': 'ht', 'test_other.py': 'x' } } }),
    op: 'test'
  },
  {
    name: '7 report test_files match (test_hash ignored) → nothing',
    input: unit({ rr: { test_hash: 'old', test_files: { 'test_calc.py': 'ht' } } }),
    op: 'nothing'
  },
  {
    name: '7 legacy report older than the fingerprint → test',
    input: unit({ fp: { timestamp: T1 }, rr: { test_hash: null, timestamp: T0 } }),
    op: 'test'
  },
  {
    name: '7 legacy report as new as the fingerprint → nothing',
    input: unit({ rr: { test_hash: null, timestamp: T0 } }),
    op: 'nothing'
  },
  {
    name: '7 legacy report, unparseable timestamp → check skipped → nothing',
    input: unit({ fp: { timestamp: 't' }, rr: { test_hash: null } }),
    op: 'nothing'
  },
  {
    name: '7 legacy report, naive vs aware timestamps → error (PDD raises TypeError)',
    input: unit({ fp: { timestamp: '2026-01-02T00:00:00' }, rr: { test_hash: null } }),
    op: 'error',
    reason: 'TypeError'
  },
  {
    name: '7 passing tests with coverage 0.0 never complete (target 0) → test',
    input: unit({ rr: { coverage: 0 }, targetCoverage: 0 }),
    op: 'test',
    reason: 'Run report is stale'
  },
  {
    name: '7 code present, example missing (unrecorded) → example',
    input: unit({ fp: { example_hash: null, test_hash: null }, missing: ['example', 'test'], rr: null }),
    op: 'example',
    reason: 'Code exists but example missing - progress workflow'
  },
  {
    name: '7 test missing, non-python passing report with test hash → all_synced',
    input: unit({
      language: 'typescript',
      fp: { test_hash: null },
      rr: { test_hash: 'x' },
      missing: ['test']
    }),
    op: 'all_synced',
    reason: 'via agentic test generation - workflow complete'
  },
  {
    name: '7 test missing, no run report → crash',
    input: unit({ fp: { test_hash: null }, rr: null, missing: ['test'] }),
    op: 'crash',
    reason: 'Example exists but needs runtime testing before test generation'
  },
  {
    name: '7 test missing, no run report, --skip-verify → test',
    input: unit({ fp: { test_hash: null }, rr: null, missing: ['test'], skipVerify: true }),
    op: 'test',
    reason: 'Example validated - ready for test generation'
  },
  {
    name: '7 test missing, report exit 1 with passing tests → crash',
    input: unit({
      fp: { test_hash: null },
      rr: { exit_code: 1, tests_passed: 1, coverage: 100 },
      missing: ['test']
    }),
    op: 'crash',
    reason: 'Example crashes - fix runtime errors before test generation'
  },
  {
    name: '7 test missing, command example → verify',
    input: unit({ command: 'example', fp: { test_hash: null }, rr: { coverage: 100 }, missing: ['test'] }),
    op: 'verify',
    reason: 'Example runs but needs verification before test generation'
  },
  {
    name: '7 test missing, command verify → test',
    input: unit({ command: 'verify', fp: { test_hash: null }, rr: { coverage: 100 }, missing: ['test'] }),
    op: 'test',
    reason: 'Example validated'
  },
  {
    name: '7 code missing (unrecorded), prompt → generate',
    input: unit({
      command: 'generate',
      fp: { code_hash: null, example_hash: null, test_hash: null },
      rr: null,
      missing: ['code', 'example', 'test']
    }),
    op: 'generate',
    reason: 'Missing code file - generate from prompt'
  },
  {
    name: '7 code missing (unrecorded), prompt with dependencies → auto-deps',
    input: unit({ fp: { code_hash: null }, rr: null, missing: ['code'], promptText: DEPS }),
    op: 'auto-deps',
    reason: 'Missing code file, prompt has dependencies'
  },
  {
    name: '8 prompt changed → generate',
    input: unit({ changed: ['prompt'], rr: null }),
    op: 'generate',
    reason: 'Prompt changed - regenerate code',
    confidence: 0.9
  },
  {
    name: '8 prompt changed, dependencies → auto-deps',
    input: unit({ changed: ['prompt'], rr: null, promptText: DEPS }),
    op: 'auto-deps',
    reason: 'Prompt changed and dependencies need updating'
  },
  {
    name: '8 prompt gone while its hash is recorded → error (PDD raises FileNotFoundError)',
    input: unit({ missing: ['prompt'], rr: null }),
    op: 'error',
    reason: 'FileNotFoundError'
  },
  {
    name: '8 code changed → update',
    input: unit({ changed: ['code'] }),
    op: 'update',
    reason: 'Code changed - update prompt to reflect changes'
  },
  {
    name: '8 test changed → test',
    input: unit({ changed: ['test'] }),
    op: 'test',
    reason: 'Test changed - run new tests'
  },
  {
    name: '8 example changed → verify',
    input: unit({ changed: ['example'] }),
    op: 'verify',
    reason: 'Example changed - verify new example'
  },
  {
    name: '9 prompt and code changed (no report) → conflict',
    input: unit({ changed: ['prompt', 'code'], rr: null }),
    op: 'fail_and_request_manual_merge',
    details: { classification: 'CONFLICT', changed_files: ['prompt', 'code'] }
  },
  {
    name: '9 prompt gone and code changed → conflict',
    input: unit({ missing: ['prompt'], changed: ['code'], rr: null }),
    op: 'fail_and_request_manual_merge'
  },
  {
    name: '9 code and example changed → verify',
    input: unit({ changed: ['code', 'example'] }),
    op: 'verify',
    reason: 'Derived files changed (prompt unchanged) - verify code works'
  },
  {
    name: '9 example and test changed → verify',
    input: unit({ changed: ['example', 'test'] }),
    op: 'verify',
    reason: 'Example changed (prompt unchanged) - verify example runs'
  },
  {
    name: '10 code missing, prompt missing, nothing recorded → fallback nothing',
    input: unit({ fp: { prompt_hash: null, code_hash: null }, missing: ['prompt', 'code'], rr: null }),
    op: 'nothing',
    reason: 'No clear operation determined',
    details: { fallback: true },
    confidence: 0.5
  },
  {
    name: '10 test missing with --skip-tests, not verified yet → fallback nothing',
    input: unit({ command: 'example', fp: { test_hash: null }, missing: ['test'], skipTests: true }),
    op: 'nothing',
    details: { fallback: true }
  }
]

// The scenarios of PDD's own tests/test_sync_determine_operation.py, as rows.
const pddScenarios: Row[] = [
  {
    name: 'PDD crash on non-zero exit code',
    input: unit({ command: 'generate', fp: { example_hash: null }, rr: failing }),
    op: 'crash',
    reason: 'Runtime error detected'
  },
  {
    name: 'PDD context-aware fix over crash (verify history)',
    input: unit({ command: 'verify', rr: failing }),
    op: 'fix'
  },
  {
    name: 'PDD verify after crash fix',
    input: unit({ command: 'crash', rr: { exit_code: 0, tests_passed: 0, coverage: 0 } }),
    op: 'verify'
  },
  {
    name: 'PDD crash retry when exit code non-zero',
    input: unit({ command: 'crash', rr: failing }),
    op: 'crash',
    reason: 'retry crash fix'
  },
  {
    name: 'PDD fix on test failures',
    input: unit({ rr: { tests_failed: 2, coverage: 80 } }),
    op: 'fix',
    reason: 'Test failures detected'
  },
  {
    name: 'PDD low coverage → test_extend',
    input: unit({ rr: lowCov }),
    op: 'test_extend',
    reason: 'coverage 75.0% below target 90.0%'
  },
  {
    name: 'PDD #1403 scope guard suppresses test_extend (coverage 0.0)',
    input: unit({ rr: { tests_passed: 62, coverage: 0 }, disableTestExtend: true }),
    op: 'all_synced',
    details: { current_coverage: 0 }
  },
  {
    name: 'PDD #573 passing tests with coverage 0.0 → test_extend',
    input: unit({ rr: { tests_passed: 62, coverage: 0 } }),
    op: 'test_extend'
  },
  {
    name: 'PDD new prompt → generate',
    input: unit({ fp: null, rr: null, missing: ['code', 'example', 'test'] }),
    op: 'generate',
    reason: 'New prompt ready'
  },
  {
    name: 'PDD synced unit → nothing',
    input: unit(),
    op: 'nothing',
    reason: 'All required files synchronized'
  },
  {
    name: 'PDD fix over crash with example history under --skip-tests',
    input: unit({
      rr: { exit_code: 2, tests_passed: 0, coverage: 0 },
      skipTests: true,
      missing: ['code', 'example', 'test']
    }),
    op: 'fix',
    details: { exit_code: 2, example_success_history: true }
  },
  {
    name: 'PDD missing files with metadata → generate',
    input: unit({ rr: { tests_passed: 1, coverage: 100 }, missing: ['code', 'example', 'test'] }),
    op: 'generate',
    reason: 'Code file missing'
  },
  {
    name: 'PDD missing files, --skip-tests, low coverage → all_synced',
    input: unit({ rr: { coverage: 50 }, skipTests: true, missing: ['code', 'example', 'test'] }),
    op: 'all_synced'
  },
  {
    name: 'PDD crash scenario under --skip-tests → crash',
    input: unit({
      command: 'crash',
      rr: { exit_code: 2, tests_passed: 0, coverage: 0 },
      skipTests: true,
      missing: ['code', 'example', 'test']
    }),
    op: 'crash'
  },
  {
    name: 'PDD example when missing',
    input: unit({
      command: 'generate',
      fp: { example_hash: null, test_hash: null },
      rr: null,
      missing: ['example', 'test']
    }),
    op: 'example',
    reason: 'Code exists but example missing'
  },
  {
    name: 'PDD update on code change',
    input: unit({
      command: 'generate',
      fp: { example_hash: null, test_hash: null },
      rr: null,
      changed: ['code'],
      missing: ['example', 'test']
    }),
    op: 'update',
    reason: 'Code changed'
  },
  {
    name: 'PDD prompt and code changed → conflict (current source)',
    input: unit({
      command: 'generate',
      rr: null,
      changed: ['prompt', 'code'],
      missing: ['example', 'test'],
      fp: { example_hash: null, test_hash: null }
    }),
    op: 'fail_and_request_manual_merge'
  },
  {
    name: 'PDD auto-deps → generate even when code exists',
    input: unit({ command: 'auto-deps', rr: null }),
    op: 'generate',
    details: { regenerate_after_autodeps: true, code_exists: true }
  },
  {
    name: 'PDD stale report without fingerprint → auto-deps',
    input: unit({
      fp: null,
      rr: { exit_code: 1, tests_failed: 2 },
      promptText: 'Generate.\n<include>context/helpers.py</include>'
    }),
    op: 'auto-deps'
  },
  {
    name: 'PDD auto-deps ignores a stale low-coverage report',
    input: unit({ command: 'auto-deps', rr: { tests_passed: 6, coverage: 77 } }),
    op: 'generate'
  },
  {
    name: 'PDD --skip-tests prevents test on low coverage',
    input: unit({ rr: lowCov, skipTests: true }),
    op: 'all_synced',
    reason: 'tests skipped'
  },
  {
    name: 'PDD --skip-tests workflow completion without test file',
    input: unit({
      command: 'example',
      fp: { test_hash: null },
      rr: { tests_passed: 0, coverage: 0 },
      missing: ['test'],
      skipTests: true
    }),
    op: 'all_synced'
  },
  {
    name: 'PDD skip flags vs failing tests: the rewrite zeroes them → all_synced (PDD’s older test expected fix)',
    input: unit({ rr: { tests_failed: 2, coverage: 80 }, skipTests: true, skipVerify: true }),
    op: 'all_synced'
  },
  {
    name: 'PDD Bug 4: all files, no report → crash',
    input: unit({ command: 'generate', rr: null }),
    op: 'crash'
  },
  {
    name: 'PDD Bug 1: all files, crash failed → crash',
    input: unit({ command: 'crash', rr: { exit_code: 1, tests_passed: 0, tests_failed: 1, coverage: 0 } }),
    op: 'crash'
  },
  { name: 'PDD Bug 2: all files, crash done → verify', input: unit({ command: 'crash' }), op: 'verify' },
  {
    name: 'PDD derived-only changes are no conflict',
    input: unit({
      command: 'verify',
      fp: { test_hash: null },
      rr: null,
      changed: ['code', 'example'],
      missing: ['test']
    }),
    op: 'verify',
    details: { prompt_changed: false }
  },
  {
    name: 'PDD stale legacy report behind a newer fingerprint → test',
    input: unit({
      command: 'verify',
      fp: { timestamp: '2025-12-12T00:39:11.061591+00:00' },
      rr: { timestamp: '2025-12-10T08:33:52.589258+00:00', tests_passed: 1, test_hash: null }
    }),
    op: 'test'
  },
  {
    name: 'PDD #210 --skip-verify with command example is not done',
    input: unit({
      command: 'example',
      rr: { tests_passed: 1, coverage: 100, test_hash: null, timestamp: '2025-12-18T22:00:00.000000+00:00' },
      fp: { timestamp: '2025-12-18T21:59:51.000000+00:00' },
      skipVerify: true
    }),
    op: 'test'
  },
  {
    name: 'PDD prompt change after a crash workflow → generate',
    input: unit({ command: 'crash', rr: { tests_passed: 1 }, changed: ['prompt'] }),
    op: 'generate'
  },
  {
    name: 'PDD #349 non-zero exit with passing tests → nothing',
    input: unit({ command: 'fix', rr: { exit_code: 1 } }),
    op: 'nothing'
  },
  {
    name: 'PDD unparseable TypeScript output → all_synced',
    input: unit({ language: 'typescript', rr: { tests_passed: 0, coverage: 0 } }),
    op: 'all_synced'
  },
  {
    name: 'PDD real failures with non-zero exit → fix',
    input: unit({ command: 'fix', rr: { exit_code: 1, tests_passed: 3, tests_failed: 2, coverage: 60 } }),
    op: 'fix'
  },
  {
    name: 'PDD #522 included file changed (prompt hash differs) → generate',
    input: unit({ changed: ['prompt'] }),
    op: 'generate'
  }
]

describe('decide: one row per branch of _perform_sync_analysis', () => {
  it.each([...branches, ...pddScenarios])('$name', row => {
    const d = decide(row.input)
    expect(d.operation, d.reason).toBe(row.op)
    if (row.reason !== undefined) expect(d.reason).toContain(row.reason)
    if (row.details !== undefined) expect(d.details).toMatchObject(row.details)
    if (row.confidence !== undefined) expect(d.confidence).toBe(row.confidence)
  })
})

describe('decide helpers', () => {
  it.each([
    ['plain text', 'Write add(a, b).', false],
    ['bare <include>', 'see <include> x', true],
    ['attributed include alone', '<include select="x">a.py</include>', false],
    ['<web>', '<web>u</web>', true],
    ['<shell>', '<shell>ls</shell>', true],
    ['upper-case tag', '<INCLUDE>', false],
    ['auto-deps phrase, any case', 'Run AUTO-DEPS first', true],
    ['auto_deps', 'auto_deps', true],
    ['dependencies needed', 'Dependencies Needed', true],
    ['requires dependencies', 'this requires dependencies', true],
    ['include dependencies', 'please include dependencies', true]
  ])('hasDependencies: %s', (_name, text, expected) => {
    expect(hasDependencies(text)).toBe(expected)
  })

  it.each([
    ['1', true],
    ['true', true],
    ['TRUE', true],
    ['Yes', true],
    ['  on  ', true],
    ['\x1con\x1f', true],
    ['\ufeffon', false],
    ['0', false],
    ['false', false],
    ['off', false],
    ['', false],
    ['maybe', false],
    [undefined, false]
  ])('isTruthyEnv(%j) = %s', (value, expected) => {
    expect(isTruthyEnv(value)).toBe(expected)
  })

  it('isIsolatedReplayOrRepair: --force or a non-empty directive (whitespace counts)', () => {
    expect(isIsolatedReplayOrRepair(true, undefined)).toBe(true)
    expect(isIsolatedReplayOrRepair(false, 'fix it')).toBe(true)
    expect(isIsolatedReplayOrRepair(false, ' ')).toBe(true)
    expect(isIsolatedReplayOrRepair(false, '')).toBe(false)
  })

  it('estimateOperationCost follows PDD’s table', () => {
    const ops: Operation[] = [
      'auto-deps',
      'generate',
      'example',
      'crash',
      'verify',
      'test',
      'test_extend',
      'fix',
      'update'
    ]
    expect(ops.map(estimateOperationCost)).toEqual([0.1, 0.5, 0.3, 0.4, 0.35, 0.6, 0.6, 0.45, 0.25])
    const free: Operation[] = ['nothing', 'all_synced', 'error', 'fail_and_request_manual_merge']
    expect(free.map(estimateOperationCost)).toEqual([0, 0, 0, 0])
  })

  it.each([
    ['missing command', { pdd_version: '1', timestamp: 't' }, null],
    ['array', [], null],
    [
      'required keys may be null',
      { pdd_version: '1', timestamp: 't', command: null },
      { command: 'null', prompt_hash: null }
    ],
    [
      'hashes optional',
      { pdd_version: '1', timestamp: 't', command: 'fix' },
      { code_hash: null, test_files: null }
    ],
    [
      'falsy non-string hash → empty',
      { pdd_version: '1', timestamp: 't', command: 'fix', code_hash: 0 },
      { code_hash: '' }
    ],
    [
      'maps kept',
      { pdd_version: '1', timestamp: 't', command: 'fix', include_deps: { a: 'h' } },
      { include_deps: { a: 'h' } }
    ]
  ])('parseFingerprint: %s', (_name, json, expected) => {
    const fp = parseFingerprint(json)
    if (expected === null) expect(fp).toBeNull()
    else expect(fp).toMatchObject(expected)
  })

  it.each([
    ['missing coverage', { timestamp: 't', exit_code: 0, tests_passed: 1, tests_failed: 0 }, null],
    ['null count', { timestamp: 't', exit_code: 0, tests_passed: null, tests_failed: 0, coverage: 1 }, null],
    [
      'bools are numbers',
      { timestamp: 't', exit_code: false, tests_passed: true, tests_failed: 0, coverage: 1 },
      { exit_code: 0, tests_passed: 1 }
    ],
    [
      'string exit code is never 0',
      { timestamp: 't', exit_code: '0', tests_passed: 1, tests_failed: 0, coverage: 1 },
      { exit_code: Number.NaN }
    ],
    [
      'optional test hash',
      { timestamp: 't', exit_code: 0, tests_passed: 1, tests_failed: 0, coverage: 1 },
      { test_hash: null }
    ]
  ])('parseRunReport: %s', (_name, json, expected) => {
    const rr = parseRunReport(json)
    if (expected === null) expect(rr).toBeNull()
    else expect(rr).toMatchObject(expected)
  })

  it('run history file names and records', () => {
    expect(isRunHistoryFileName('core_cloud_python_run.json', 'core/cloud', 'Python')).toBe(true)
    expect(isRunHistoryFileName('calc_python_run_2.json', 'calc', 'python')).toBe(true)
    expect(isRunHistoryFileName('calc_python.json', 'calc', 'python')).toBe(false)
    expect(isSuccessfulRunRecord({ exit_code: 0 })).toBe(true)
    expect(isSuccessfulRunRecord({ exit_code: false })).toBe(true)
    expect(isSuccessfulRunRecord({ exit_code: 1 })).toBe(false)
    expect(isSuccessfulRunRecord([{ exit_code: 0 }])).toBe(false)
  })

  it.each([
    [75, '75.0'],
    [0.25, '0.2'],
    [0.75, '0.8'],
    [62.25, '62.2'],
    [-0.25, '-0.2'],
    [-0.75, '-0.8'],
    [0.35, '0.3'],
    [-0, '-0.0'],
    [-0.04, '-0.0'],
    [99.96, '100.0']
  ])('pyFixed1(%d) = %s', (x, expected) => {
    expect(pyFixed1(x)).toBe(expected)
  })

  it('parsePythonIsoDatetime: aware, naive, basic and invalid forms', () => {
    expect(parsePythonIsoDatetime('1970-01-01T00:00:00Z')).toEqual({ aware: true, micros: 0n })
    expect(parsePythonIsoDatetime('1970-01-01T01:00:00+01:00')).toEqual({ aware: true, micros: 0n })
    expect(parsePythonIsoDatetime('1970-01-01 00:00:01.5')).toEqual({ aware: false, micros: 1_500_000n })
    expect(parsePythonIsoDatetime('19700102')).toEqual({ aware: false, micros: 86_400_000_000n })
    expect(parsePythonIsoDatetime('2025-02-29T00:00:00')).toBeNull()
    expect(parsePythonIsoDatetime('t')).toBeNull()
  })

  // The form PDD writes is read without regular expressions (pycompat/pytime.ts `commonForm`): the same answers
  // as the general reading, fractions and offsets carried exactly in Numbers.
  it.each([
    ['2026-11-01T00:00:00+00:00', { aware: true, micros: 1_793_491_200_000_000n }],
    ['2026-11-01T00:00:00.000001+00:00', { aware: true, micros: 1_793_491_200_000_001n }],
    ['2026-11-01 05:30:00.25-05:30', { aware: true, micros: 1_793_530_800_250_000n }],
    ['1970-01-01T00:00:00.9999999', { aware: false, micros: 999_999n }],
    ['0001-01-01T00:00:00', { aware: false, micros: -62_135_596_800_000_000n }],
    ['9999-12-31T23:59:59.999999+23:59', { aware: true, micros: 253_402_214_459_999_999n }],
    ['2024-02-29T12:00:00', { aware: false, micros: 1_709_208_000_000_000n }],
    ['2026-11-01T24:00:00', null],
    ['2026-11-01T00:00:00+24:00', null],
    ['2026-13-01T00:00:00', null],
    ['2026-11-01T00:00:00.', null]
  ])('parsePythonIsoDatetime(%s)', (text, expected) => {
    expect(parsePythonIsoDatetime(text)).toEqual(expected)
  })

  it('changedArtifacts counts a gone prompt but not gone derived files', () => {
    const input = unit({ missing: ['prompt', 'code'], changed: ['test'] })
    const fp = input.fingerprint
    expect(fp).not.toBeNull()
    if (fp) expect(changedArtifacts(fp, input.hashes, input.exists)).toEqual(['prompt', 'test'])
  })

  it('isWorkflowComplete (PDD TestIsWorkflowComplete with a passing run report)', () => {
    const complete = (o: Over, skipTests = false, skipVerify = false): boolean => {
      const u = unit(o)
      return isWorkflowComplete({ ...u, skipTests, skipVerify })
    }
    expect(complete({})).toBe(true)
    expect(complete({ missing: ['test'] })).toBe(false)
    expect(complete({ missing: ['test'] }, true)).toBe(true)
    expect(complete({ missing: ['example', 'test'] }, true)).toBe(false)
    expect(complete({ rr: { exit_code: 1, tests_passed: 10 } })).toBe(true)
    expect(complete({ rr: { tests_passed: 62, coverage: 0 } })).toBe(false)
    expect(complete({ command: 'example' }, false, true)).toBe(false)
  })
})
