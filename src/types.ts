/**
 * Records passed between the steps of a run (docs/architecture.md "The steps of a run"), and the three
 * predicates that classify an operation. Pure: no imports of adapters.
 */

/** PDD's operation names, exactly as `pdd/sync_determine_operation.py` emits them. */
export type Operation =
  | 'auto-deps'
  | 'generate'
  | 'example'
  | 'crash'
  | 'verify'
  | 'test'
  | 'test_extend'
  | 'fix'
  | 'update'
  | 'nothing'
  | 'all_synced'
  | 'fail_and_request_manual_merge'
  | 'error'

/** PDD would do nothing: the unit is in sync. */
export function isInSync(op: Operation): boolean {
  return op === 'nothing' || op === 'all_synced'
}

/** The prompt and derived files were edited together: a person must merge; a run never touches it. */
export function needsManualMerge(op: Operation): boolean {
  return op === 'fail_and_request_manual_merge'
}

/** A sync would run (and be paid for): the unit is neither in sync nor waiting for a manual merge. */
export function hasWork(op: Operation): boolean {
  return !isInSync(op) && !needsManualMerge(op)
}

/** Repository-relative paths (with `/`) of one unit's files. */
export interface UnitPaths {
  prompt: string
  code: string
  example: string
  test: string
}

/** One prompt file in one language: what `pdd sync <basename>` processes for that language. */
export interface Unit {
  /** `<basename>_<language lower-case>`; basename may contain `/`. */
  id: string
  /** What `pdd sync <basename>` needs to reach exactly this prompt file. */
  basename: string
  /** Lower-case language name (`python`, `typescript`, …). */
  language: string
  /** The `.pddrc` context the unit belongs to (`default` without a `.pddrc`). */
  context: string
  paths: UnitPaths
  /** Repository-relative path of the directory holding the `.pddrc` that applies, or `.` */
  projectRoot: string
  /** Where PDD keeps this unit's state, repository-relative: `<root>/.pdd/meta`. */
  metaDir: string
  /** Extra test files (co-located or matched by name) that PDD hashes into `test_files`. */
  testFiles: string[]
  /** Files the prompt includes (repository-relative), in PDD's hashing order. */
  includes: string[]
  /**
   * Other units' files that the prompt's includes name (any include form, any place PDD looks) but `includes`
   * lacks, typically because they are not generated yet. For dependency edges only: never hashed.
   */
  pendingIncludes?: string[]
  /** The `.pddrc` context's sync defaults that apply to this unit (PDD: CLI > context > built-in). */
  defaults?: ContextDefaults
  /**
   * Set when PDD selects no test path for this unit (`test_output_needs_review`: a JS/TS runner whose collection
   * path cannot be proven); `paths.test` is then `''` and PDD syncs it as if `--skip-tests` were given.
   */
  testOutputNeedsReview?: string
}

/** Sync-related `defaults` of a `.pddrc` context. */
export interface ContextDefaults {
  targetCoverage?: number
  budget?: number
  maxAttempts?: number
  strength?: number
  temperature?: number
}

/** A prompt file that is not a syncable unit, with the reason. */
export interface SkippedPrompt {
  path: string
  reason: string
}

/** A problem with one input file; planning of the other units goes on. */
export interface InputProblem {
  file: string
  message: string
  /** Unit ids affected, when known. */
  units?: string[]
}

/** `.pdd/meta/<basename>_<language>.json`, as PDD's `read_fingerprint` reads it (`state/meta-files.ts`). */
export interface Fingerprint {
  pdd_version: string
  timestamp: string
  command: string
  prompt_hash: string | null
  code_hash: string | null
  example_hash: string | null
  test_hash: string | null
  test_files?: Record<string, string> | null
  include_deps?: Record<string, string> | null
  [extra: string]: unknown
}

/** `.pdd/meta/<basename>_<language>_run.json`, as PDD's `read_run_report` reads it (`state/meta-files.ts`). */
export interface RunReport {
  timestamp: string
  exit_code: number
  tests_passed: number
  tests_failed: number
  coverage: number
  test_hash?: string | null
  test_files?: Record<string, string> | null
  [extra: string]: unknown
}

/** Current sha256 of each of a unit's files (null when missing). */
export interface CurrentHashes {
  prompt: string | null
  code: string | null
  example: string | null
  test: string | null
  /** Hash of each existing test file, keyed by file name (PDD's `test_files`). */
  testFiles: Record<string, string>
}

/** Where a unit's state came from. */
export type StateSource = 'repository' | 'notes' | 'none'

/** The decision of one unit. */
export interface Decision {
  operation: Operation
  reason: string
  confidence: number
  details?: Record<string, unknown>
}

/**
 * Where a unit's estimate came from: its own past runs, other units of its language, units of any language,
 * PDD's table scaled by the repository's recorded costs, or PDD's table alone (no recorded cost at all).
 */
export type EstimateBasis = 'unit' | 'language' | 'any' | 'repository' | 'pdd'

/** One unit of the Plan JSON contract (docs/architecture.md "Contracts"), plus allowed extra fields. */
export interface PlannedUnit {
  id: string
  basename: string
  language: string
  context: string
  paths: UnitPaths
  operation: Operation
  reason: string
  estimatedCost: number
  dependsOn: string[]
  /** Extra: where the fingerprint came from. */
  stateSource: StateSource
  /** Extra: whether the change scope selected this unit. */
  selected: boolean
  /** Extra: the operations the estimate assumed. */
  estimatedOperations: Operation[]
  /** Extra: where the estimate came from (its weakest operation). */
  estimateBasis?: EstimateBasis
  /** Extra: bytes of the prompt plus the files it includes. */
  promptBytes?: number
}

/** Plan JSON contract (docs/architecture.md "Contracts"). */
export interface Plan {
  version: 1
  units: PlannedUnit[]
  estimatedCost: number
  /** Extra fields. */
  skipped: SkippedPrompt[]
  problems: InputProblem[]
  cycles: string[][]
  scope: { trigger: string; mode: 'all' | 'changed' | 'globs'; notice?: string }
  /**
   * Extra: true when the repository has no recorded cost at all, so estimates are PDD's table and the run
   * calibrates (groups one at a time, each with what is left of the budget).
   */
  calibrating?: boolean
}
