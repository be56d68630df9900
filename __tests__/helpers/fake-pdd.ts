/**
 * Installs the `pdd` stand-in (fake-pdd.mjs) into a directory, with its fault switches, for tests of faults the
 * real pdd-cli cannot be made to show. Everything else is tested against the real PDD (pdd-venv.ts).
 */
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A provider key for runs through an entry point (action or CLI) with the stand-in: it answers `--version` as
 * pdd-cli 0.0.310, so the check before spending reads that version's packaged catalog and wants a key a model of
 * it names, as a real pdd would. Not a real key.
 */
export const FAKE_PROVIDER_ENV: Readonly<Record<string, string>> = {
  OPENAI_API_KEY: 'sk-pdd-sync-stand-in-not-a-key'
}

/** Fault switches of the stand-in; all off by default. */
export interface FakePddFaults {
  /** Exit with this code after printing the final table (the table still says what happened). */
  exitCode?: number
  /** This operation fails: "Overall status: Failed", exit 0, as PDD does. `fix` puts the test source in Details. */
  failAt?: 'generate' | 'example' | 'test' | 'fix'
  /** Only this language fails (default: every language of the basename). */
  failLanguage?: string
  /** Details text after "Sync failed: " (default: what PDD prints for that operation). */
  failMessage?: string
  /** After the first `PDD_PHASE:` line: start a sleeping child, print `FAKE_PDD_CHILD_PID: <pid>`, sleep for ever. */
  hang?: boolean
  /** With `hang`: ignore SIGTERM, so only SIGKILL ends it. */
  ignoreSigterm?: boolean
  /** Append a broken row (unterminated quote, non-numeric cost) instead of PDD's row. */
  malformedCsv?: boolean
  /** Append no cost row. */
  noCsv?: boolean
  /** Write the code file, then die with a Python traceback: exit 1, no fingerprint, no cost row. */
  partialWrite?: boolean
  /** Leave `crash.log`, `fix_errors.log`, `<b>_fix_results.log` and `.pdd/locks/<b>_<lang>.lock` behind. */
  scratch?: boolean
  /** Dollars per LLM call (default 0.002: a fresh unit costs $0.016 in 8 calls, as in a real run). */
  costPerCall?: number
  /** Sleep this long per sync before the first operation (benchmarks). */
  delayMs?: number
  /**
   * Before exiting, leave a process in a session of its own (as PDD leaves pytest) that writes `file` after
   * `afterMs`; it prints `FAKE_PDD_ORPHAN_PID: <pid>`.
   */
  orphan?: { afterMs: number; file: string }
  /** Append `{argv, cwd, env}` of each invocation as one JSON line to this file. */
  log?: string
  /** After the sync, leave `index.lock` in the worktree's git folder: its commit then fails (a crashed git). */
  lockIndex?: boolean
}

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fake-pdd.mjs')

/**
 * Copies the stand-in into `dir` as an executable `pdd` (a symlink to `fake-pdd.mjs`, so Node loads it as an ES
 * module) with `faults` beside it, and returns the command argv to run it — the value of input `pdd-command`.
 * Env `FAKE_PDD_FAULTS=<file>` overrides the faults file per process.
 */
export function installFakePdd(dir: string, faults: FakePddFaults = {}): string[] {
  mkdirSync(dir, { recursive: true })
  const script = path.join(dir, 'fake-pdd.mjs')
  copyFileSync(SCRIPT, script)
  chmodSync(script, 0o755)
  const pdd = path.join(dir, 'pdd')
  symlinkSync('fake-pdd.mjs', pdd)
  writeFileSync(path.join(dir, 'fake-pdd-faults.json'), JSON.stringify(faults))
  return [pdd]
}
