/**
 * The one gate for tests that need something a machine may lack: the real pdd-cli venv, a pyenv Python. Where it
 * is missing, every test of the block is listed as skipped, by name, with the reason; under CI (any true-looking
 * `CI`: `true`, `1`, `yes`…) every test fails with the reason instead, because CI must not pass by skipping.
 */
import { beforeAll, describe, it } from 'vitest'
import { NO_VENV, realPdd } from './pdd-project.js'

const FALSE_LOOKING = new Set(['', '0', 'false', 'no', 'off'])

/** Whether `CI` is on: set to anything that does not read as false. */
export function ciIsOn(value: string | undefined): boolean {
  return value !== undefined && !FALSE_LOOKING.has(value.trim().toLowerCase())
}

/** What a gated block does: run, skip (listed), or fail (CI). */
export function gateMode(missing: string | null, ci = ciIsOn(process.env.CI)): 'run' | 'skip' | 'fail' {
  return missing === null ? 'run' : ci ? 'fail' : 'skip'
}

/** How a gated block runs its tests. */
export interface BlockOptions {
  /**
   * Side by side (`describe.concurrent`): for tests that each build their own world and close it through their
   * own context's `onTestFinished`, mostly waiting on child processes.
   */
  concurrent?: boolean
}

/**
 * `describe` for tests that need something: `missing` is null when it is there, else what is missing. `fn` runs
 * at collection in every mode, so it must not touch the missing thing outside hooks and tests.
 */
export function describeNeeding(
  missing: string | null,
  name: string,
  fn: () => void,
  options: BlockOptions = {}
): void {
  const mode = gateMode(missing)
  const block = options.concurrent ? describe.concurrent : describe
  if (mode === 'run') block(name, fn)
  else if (mode === 'skip') describe.skip(`${name} (skipped: ${missing})`, fn)
  else
    block(name, () => {
      beforeAll(() => {
        throw new Error(`CI is set but ${missing}`)
      })
      fn()
    })
}

/** `it` for one test that needs something, with the same three modes as {@link describeNeeding}. */
export function itNeeding(
  missing: string | null,
  name: string,
  fn: () => Promise<void> | void,
  timeout?: number
): void {
  const mode = gateMode(missing)
  if (mode === 'run') it(name, fn, timeout)
  else if (mode === 'skip') it.skip(`${name} (skipped: ${missing})`, fn)
  else
    it(name, () => {
      throw new Error(`CI is set but ${missing}`)
    })
}

/** A `describe` for tests that run the real PDD (pdd-cli from `PDD_VENV` or the cached venv). */
export function describeRealPdd(name: string, fn: () => void, options: BlockOptions = {}): void {
  describeNeeding(realPdd() === null ? NO_VENV : null, name, fn, options)
}

/** {@link describeRealPdd} whose tests run side by side (see {@link BlockOptions.concurrent}). */
describeRealPdd.concurrent = (name: string, fn: () => void): void =>
  describeRealPdd(name, fn, { concurrent: true })
