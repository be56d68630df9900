/**
 * The `.pdd/meta` files PDD writes, read as PDD reads them (`read_fingerprint`, `read_run_report` and the run-history
 * glob of `_check_example_success_history` in `pdd/sync_determine_operation.py`, pdd-cli 0.0.310). Pure: the
 * caller reads the JSON.
 */
import type { Fingerprint, RunReport } from '../types.js'

/** Python-falsy non-string JSON values become '' (falsy, never equal to a digest); others a non-digest string. */
function hashValue(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  const empty = typeof value === 'object' && Object.keys(value).length === 0
  return value === 0 || value === false || empty ? '' : JSON.stringify(value)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A `{name: hash}` map; PDD keeps any JSON here, we keep objects only (PDD would raise on the rest). */
function hashMap(value: unknown): Record<string, string> | null {
  if (!isRecord(value)) return null
  // Every fingerprint of a plan passes here, each with its own file names as keys: an object without a
  // prototype is a dictionary from the start (a plain `{}` gets a hidden class per new key set), and a key
  // `__proto__` stays an own key, as JSON.parse makes it.
  const out = Object.create(null) as Record<string, string>
  for (const k of Object.keys(value)) out[k] = hashValue(value[k]) ?? ''
  return out
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * `read_fingerprint`: valid when `pdd_version`, `timestamp` and `command` are present (any value); hashes are
 * optional. Non-object JSON returns null (PDD raises TypeError there).
 */
export function parseFingerprint(json: unknown): Fingerprint | null {
  if (!isRecord(json) || !('pdd_version' in json && 'timestamp' in json && 'command' in json)) return null
  return {
    pdd_version: text(json.pdd_version),
    timestamp: text(json.timestamp),
    command: text(json.command),
    prompt_hash: hashValue(json.prompt_hash),
    code_hash: hashValue(json.code_hash),
    example_hash: hashValue(json.example_hash),
    test_hash: hashValue(json.test_hash),
    test_files: hashMap(json.test_files),
    include_deps: hashMap(json.include_deps)
  }
}

/** Python compares ints, floats and bools numerically; anything else cannot be ordered. */
function pyNumber(value: unknown): number | null {
  if (typeof value === 'number') return value
  if (typeof value === 'boolean') return value ? 1 : 0
  return null
}

/**
 * `read_run_report`: valid when `timestamp`, `exit_code`, `tests_passed`, `tests_failed` and `coverage` are
 * present. A non-numeric `exit_code` only ever compares unequal to 0 (kept as NaN); non-numeric counts or
 * coverage make PDD raise TypeError on first use, so they return null here.
 */
export function parseRunReport(json: unknown): RunReport | null {
  const required = ['timestamp', 'exit_code', 'tests_passed', 'tests_failed', 'coverage']
  if (!isRecord(json) || !required.every(key => key in json)) return null
  const [passed, failed, coverage] = [json.tests_passed, json.tests_failed, json.coverage].map(pyNumber)
  if (passed === null || failed === null || coverage === null) return null
  if (passed === undefined || failed === undefined || coverage === undefined) return null
  return {
    timestamp: text(json.timestamp),
    exit_code: pyNumber(json.exit_code) ?? Number.NaN,
    tests_passed: passed,
    tests_failed: failed,
    coverage,
    test_hash: hashValue(json.test_hash),
    test_files: hashMap(json.test_files)
  }
}

/** Whether a `<b>_<l>_run*.json` file counts as a successful run for `_check_example_success_history`. */
export function isSuccessfulRunRecord(json: unknown): boolean {
  return isRecord(json) && (json.exit_code === 0 || json.exit_code === false)
}

/** Whether `fileName` matches PDD's history glob `<basename with / → _>_<language>_run*.json`. */
export function isRunHistoryFileName(fileName: string, basename: string, language: string): boolean {
  const prefix = `${basename.replaceAll('/', '_')}_${language.toLowerCase()}_run`
  return fileName.startsWith(prefix) && fileName.endsWith('.json') && fileName.length >= prefix.length + 5
}
