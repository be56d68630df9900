import * as core from '@actions/core'
import { branchNameProblem, parseDecimal, splitGlobList } from './validate.js'

/** A bad input: names the input, the value and the expected form. */
export class InputError extends Error {
  override name = 'InputError'
}

/** A number input within [min, max], or `fallback` when empty. */
export function numberInput(name: string, fallback: number, min: number, max: number): number {
  const n = optionalNumberInput(name, min, max)
  return n === undefined ? fallback : n
}

/** A number input within [min, max], or undefined when empty. */
export function optionalNumberInput(name: string, min: number, max: number): number | undefined {
  const raw = core.getInput(name).trim()
  if (raw === '') return undefined
  const n = parseDecimal(raw)
  if (n === null || n < min || n > max) {
    throw new InputError(
      `Input "${name}" must be a decimal number from ${min} to ${max} (no hex, exponent or Infinity); got "${raw}".`
    )
  }
  return n
}

/** A boolean input (true/false, yes/no, on/off, 1/0), or `fallback` when empty. */
export function boolInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(raw)) return true
  if (['false', 'no', 'off', '0'].includes(raw)) return false
  throw new InputError(`Input "${name}" must be true or false; got "${raw}".`)
}

/** One of `choices`, or `fallback` when empty. */
export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim()
  if (raw === '') return fallback
  if (!(choices as readonly string[]).includes(raw))
    throw new InputError(`Input "${name}" must be one of ${choices.join(', ')}; got "${raw}".`)
  return raw as T
}

/** A comma- or newline-separated list. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/[\n,]/)
    .map(s => s.trim())
    .filter(Boolean)
}

/**
 * A comma- or newline-separated list of globs: a comma inside braces (`calc_{python,typescript}`) belongs to
 * the glob, not to the list.
 */
export function globListInput(name: string): string[] {
  return splitGlobList(core.getInput(name))
}

/** A git branch name input (git check-ref-format --branch rules), or undefined when empty. */
export function branchInput(name: string): string | undefined {
  const raw = core
    .getInput(name)
    .trim()
    .replace(/^refs\/heads\//, '')
  if (raw === '') return undefined
  const problem = branchNameProblem(raw)
  if (problem !== null)
    throw new InputError(`Input "${name}" must be a branch name such as pdd-sync/main; "${raw}" ${problem}.`)
  return raw
}
