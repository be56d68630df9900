/**
 * What the port of PDD's sync decision (`decide.ts`) reads about one unit, and the error it raises where PDD
 * raises. Pure types: no I/O.
 */
import type { CurrentHashes, Fingerprint, RunReport } from '../types.js'

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
