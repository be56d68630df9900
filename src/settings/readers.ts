import { branchNameProblem, parseDecimal, splitGlobList } from './validate.js'

/** A bad input: names the input, the value and the expected form. */
export class InputError extends Error {
  override name = 'InputError'
}

/** The kinds of input the table knows (docs/architecture.md "Inputs"). */
export type InputKind =
  'boolean' | 'number' | 'choice' | 'text' | 'list' | 'branch' | 'secret' | 'not-implemented' | 'removed'

/**
 * One input of action.yml: its kind, its default and how its text becomes a setting. `parse` gets the trimmed
 * value, or `default` when the input is empty (so the code's fallback is the default action.yml declares), and
 * throws an {@link InputError} naming the input when the value is refused.
 */
export interface InputSpec<T> {
  readonly kind: InputKind
  /** The default action.yml declares (`''`: an empty default), or undefined when it declares none. */
  readonly default: string | undefined
  /** action.yml's default when it is an expression the code cannot evaluate (`${{ github.token }}`). */
  readonly expression?: string
  /** Allowed values (`choice`) or bounds (`number`), for the documentation test. */
  readonly choices?: readonly string[]
  readonly min?: number
  readonly max?: number
  /** An older name still read, with a warning; action.yml declares it with a `deprecationMessage`. */
  readonly alias?: string
  /** `removed`: what the warning says when the input is still given. */
  readonly removal?: string
  readonly parse: (raw: string, name: string) => T
}

/** `true`/`false` (also yes/no, on/off, 1/0). */
export function bool(fallback: boolean): InputSpec<boolean> {
  return {
    kind: 'boolean',
    default: String(fallback),
    parse(raw, name) {
      const v = raw.toLowerCase()
      if (['true', 'yes', 'on', '1'].includes(v)) return true
      if (['false', 'no', 'off', '0'].includes(v)) return false
      throw new InputError(`Input "${name}" must be true or false; got "${raw}".`)
    }
  }
}

function decimalIn(raw: string, name: string, min: number, max: number): number {
  const n = parseDecimal(raw)
  if (n === null || n < min || n > max)
    throw new InputError(
      `Input "${name}" must be a decimal number from ${min} to ${max} (no hex, exponent or Infinity); got "${raw}".`
    )
  return n
}

/** A decimal number in [min, max]; `integer` rounds it down (a count). */
export function decimal(fallback: number, min: number, max: number, integer = false): InputSpec<number> {
  return {
    kind: 'number',
    default: String(fallback),
    min,
    max,
    parse: (raw, name) => {
      const n = decimalIn(raw, name, min, max)
      return integer ? Math.floor(n) : n
    }
  }
}

/** A decimal number in [min, max], or undefined when empty. */
export function optionalDecimal(min: number, max: number): InputSpec<number | undefined> {
  return {
    kind: 'number',
    default: '',
    min,
    max,
    parse: (raw, name) => (raw === '' ? undefined : decimalIn(raw, name, min, max))
  }
}

/** One of `choices`. */
export function choice<T extends string>(choices: readonly T[], fallback: T): InputSpec<T> {
  return {
    kind: 'choice',
    default: fallback,
    choices,
    parse(raw, name) {
      if (!(choices as readonly string[]).includes(raw))
        throw new InputError(`Input "${name}" must be one of ${choices.join(', ')}; got "${raw}".`)
      return raw as T
    }
  }
}

/**
 * Text; `problem` returns the whole error message for a refused value (it names the input), or null. An empty
 * value (with an empty default) is undefined.
 */
export function text(
  fallback = '',
  problem?: (value: string, name: string) => string | null
): InputSpec<string | undefined> {
  return {
    kind: 'text',
    default: fallback,
    parse(raw, name) {
      if (raw === '') return undefined
      const why = problem?.(raw, name) ?? null
      if (why !== null) throw new InputError(why)
      return raw
    }
  }
}

/**
 * A comma- or newline-separated list; `globs` keeps a comma inside braces (`calc_{python,typescript}`) in its
 * glob. `problem` refuses an entry (given its 1-based index) with the whole error message.
 */
export function list(
  fallback = '',
  o: { globs?: boolean; problem?: (entry: string, index: number, name: string) => string | null } = {}
): InputSpec<string[]> {
  return {
    kind: 'list',
    default: fallback,
    parse(raw, name) {
      const items = o.globs
        ? splitGlobList(raw)
        : raw
            .split(/[\n,]/)
            .map(s => s.trim())
            .filter(Boolean)
      items.forEach((item, i) => {
        const why = o.problem?.(item, i + 1, name) ?? null
        if (why !== null) throw new InputError(why)
      })
      return items
    }
  }
}

/** A git branch name (`refs/heads/` is dropped), or undefined when empty. */
export function branch(): InputSpec<string | undefined> {
  return {
    kind: 'branch',
    default: '',
    parse(given, name) {
      const raw = given.replace(/^refs\/heads\//, '')
      if (raw === '') return undefined
      const problem = branchNameProblem(raw)
      if (problem !== null)
        throw new InputError(
          `Input "${name}" must be a branch name such as pdd-sync/main; "${raw}" ${problem}.`
        )
      return raw
    }
  }
}

/** A token: masked in the log as soon as it is read, never echoed. `expression` is action.yml's default. */
export function secret(expression?: string): InputSpec<string> {
  return { kind: 'secret', default: '', expression, parse: raw => raw }
}

/** An input of a later version: declared without a default, and refused when set (never silently ignored). */
export function notImplemented(): InputSpec<undefined> {
  return {
    kind: 'not-implemented',
    default: undefined,
    parse(raw, name) {
      if (raw !== '')
        throw new InputError(
          `Input "${name}" is not implemented yet in this version of pdd-sync-action; remove it.`
        )
      return undefined
    }
  }
}

/** An input that no longer does anything: still declared (deprecated), and a warning when it is given. */
export function removed(removal: string): InputSpec<undefined> {
  return { kind: 'removed', default: undefined, removal, parse: () => undefined }
}
