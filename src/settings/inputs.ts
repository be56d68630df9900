import * as core from '@actions/core'
import {
  bool,
  branch,
  choice,
  decimal,
  InputError,
  list,
  optionalDecimal,
  removed,
  secret,
  text,
  type InputSpec
} from './readers.js'
import { COMMIT_INPUTS } from './commit-inputs.js'
import { PULL_REQUEST_INPUTS } from './pr-inputs.js'
import { notesRefProblem } from './validate.js'
import { commandProblem } from './command-words.js'
import { RANGES } from './ranges.js'

export { InputError } from './readers.js'

/**
 * The pdd-cli version the action installs unless input `pdd-version` says otherwise: the release the planner and
 * the discovery port were ported from and are tested against.
 */
export const PINNED_PDD_VERSION = '0.0.310'

/** The caps across runs, in dollars; undefined means no cap. */
export interface SpendCaps {
  daily?: number
  monthly?: number
}

/** Modes of the action (docs/architecture.md "Modes"). */
export const MODES = ['plan', 'run', 'shard', 'finalize'] as const
export type Mode = (typeof MODES)[number]

/** Values of input `fail-on` (what each does: `failsStep` in src/publish/checklist.ts). */
export const FAIL_ON = ['never', 'any-failure', 'all-failed', 'any-unsynced'] as const

const notesRef = (ref: string, name: string): string | null => {
  const problem = notesRefProblem(ref)
  return problem === null
    ? null
    : `Input "${name}" must be a ref under refs/notes/ (e.g. refs/notes/pdd-sync); "${ref}" ${problem}.`
}
const version = (v: string, name: string): string | null =>
  /^[0-9][0-9A-Za-z.+-]*$/.test(v)
    ? null
    : `Input "${name}" must be a pdd-cli version such as 0.0.310; got "${v}".`
const python = (v: string, name: string): string | null =>
  /^3\.\d+(\.\d+)?$/.test(v) ? null : `Input "${name}" must look like 3.12 or 3.12.7; got "${v}".`
const shardIndex = (v: string, name: string): string | null =>
  /^\d{1,3}$/.test(v) && Number(v) <= 255
    ? null
    : `Input "${name}" must be a shard index from 0 to 255; got "${v}".`
const commitId = (v: string, name: string): string | null =>
  /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(v)
    ? null
    : `Input "${name}" must be a full commit id (the plan job's base-sha output).`
const title = (v: string, name: string): string | null =>
  v.length > 256 ? `Input "${name}" must be at most 256 characters; got ${v.length}.` : null
// The value is never echoed: a secret pasted here by mistake must not reach the log.
const variableName = (v: string, i: number, name: string): string | null =>
  /^[A-Za-z_*?][A-Za-z0-9_*?-]*$/.test(v)
    ? null
    : `Input "${name}" must list environment variable names or globs (e.g. DEPLOY_KEY, AWS_*); entry ${i} is not one.`

/**
 * Every input of action.yml, in its order: the only place that knows an input's kind, default and bounds
 * (docs/architecture.md "Inputs"). `__tests__/action-yml.unit.test.ts` compares it with action.yml, so adding
 * an input is one row here, one entry there, and the setting that uses it.
 */
export const INPUTS = {
  mode: choice(MODES, 'run'),
  'working-directory': text('.'),
  units: list('', { globs: true }),
  context: text(),
  force: removed(
    'Input "force" is ignored: the action always runs "pdd --force sync" (without --force a non-interactive ' +
      'overwrite prompt aborts), so it always plans as that runs. Remove it from the workflow.'
  ),
  'skip-tests': bool(false),
  'skip-verify': bool(false),
  'target-coverage': optionalDecimal(RANGES.targetCoverage.min, RANGES.targetCoverage.max),
  budget: decimal(5, RANGES.budget.min, RANGES.budget.max),
  'daily-budget': optionalDecimal(RANGES.budget.min, RANGES.budget.max),
  'monthly-budget': optionalDecimal(RANGES.budget.min, RANGES.budget.max),
  'max-shards': decimal(8, RANGES.shards.min, RANGES.shards.max, true),
  'notes-ref': text('refs/notes/pdd-sync', notesRef),
  'budget-policy': choice(['fit', 'ordered'] as const, 'fit'),
  concurrency: decimal(2, RANGES.concurrency.min, RANGES.concurrency.max, true),
  strength: optionalDecimal(RANGES.strength.min, RANGES.strength.max),
  temperature: optionalDecimal(RANGES.temperature.min, RANGES.temperature.max),
  'max-attempts': decimal(3, RANGES.maxAttempts.min, RANGES.maxAttempts.max, true),
  'pdd-version': text(PINNED_PDD_VERSION, version),
  'pdd-command': text('', (raw, name) => {
    const why = commandProblem(raw)
    return why === null ? null : `Input "${name}" (${raw}) ${why}.`
  }),
  'python-version': text('', python),
  'pdd-cloud': bool(false),
  'timeout-minutes-per-group': {
    ...optionalDecimal(RANGES.timeoutMinutes.min, RANGES.timeoutMinutes.max),
    alias: 'timeout-minutes-per-unit'
  },
  'max-run-minutes': optionalDecimal(RANGES.maxRunMinutes.min, RANGES.maxRunMinutes.max),
  'keep-partial': bool(false),
  shard: text('', shardIndex),
  'base-sha': text('', commitId),
  matrix: text(),
  token: secret('${{ github.token }}'),
  'push-token': secret(),
  'withhold-env': list('', { problem: variableName }),
  branch: branch(),
  base: branch(),
  'state-store': choice(['notes', 'comment', 'both'] as const, 'notes'),
  title: text('', title),
  labels: list('pdd-sync'),
  ...PULL_REQUEST_INPUTS,
  ...COMMIT_INPUTS,
  'draft-on-failure': bool(true),
  'delete-branch': bool(true),
  'overwrite-human-commits': bool(false),
  'allow-workflow-changes': bool(false),
  'fail-on': choice(FAIL_ON, 'all-failed'),
  'dry-run': bool(false),
  'agentic-fallback': bool(false)
} as const satisfies Record<string, InputSpec<unknown>>

export type InputName = keyof typeof INPUTS

/** The value of every input, typed by its row. */
export type InputValues = {
  readonly [K in InputName]: (typeof INPUTS)[K] extends InputSpec<infer T> ? T : never
}

/** What reading the inputs needs from the runner (the `@actions/core` functions; a stand-in in tests). */
export interface InputSource {
  get(name: string): string
  warning(message: string): void
  setSecret(value: string): void
}

const ACTIONS: InputSource = {
  get: name => core.getInput(name),
  warning: m => core.warning(m),
  setSecret: v => core.setSecret(v)
}

/** Reads every input through {@link INPUTS}; the only place that reads inputs. */
export function readInputs(from: InputSource = ACTIONS): InputValues {
  return readTable(INPUTS, from) as InputValues
}

/** Reads the inputs of `table` in order, each through its row. */
export function readTable(
  table: Readonly<Record<string, InputSpec<unknown>>>,
  from: InputSource
): Readonly<Record<string, unknown>> {
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(table)) values[name] = readOne(name, spec, from)
  return Object.freeze(values)
}

function readOne(name: string, spec: InputSpec<unknown>, from: InputSource): unknown {
  let raw = from.get(name).trim()
  if (spec.kind === 'secret' && raw !== '') from.setSecret(raw)
  if (spec.kind === 'removed') {
    if (raw !== '') from.warning(spec.removal ?? `Input "${name}" does nothing any more: remove it.`)
    return undefined
  }
  // A value taken from the old name is checked under that name, so that an error names the input that was set.
  let given = name
  if (spec.alias !== undefined) [raw, given] = withAlias(name, raw, spec, from)
  return spec.parse(raw === '' ? (spec.default ?? '') : raw, given)
}

/**
 * The value of an input that has an older name: the new name when it is given (other than its default, which
 * the runner fills in), else the old name with a warning; both given and different is an error.
 */
function withAlias(
  name: string,
  raw: string,
  spec: InputSpec<unknown>,
  from: InputSource
): [value: string, from: string] {
  const alias = spec.alias as string
  const old = from.get(alias).trim()
  if (old === '') return [raw, name]
  from.warning(`Input "${alias}" is deprecated: use "${name}" (same meaning).`)
  const given = raw !== '' && raw !== spec.default
  if (!given) return [old, alias]
  const same = JSON.stringify(spec.parse(raw, name)) === JSON.stringify(spec.parse(old, alias))
  if (!same)
    throw new InputError(`Inputs "${name}" (${raw}) and "${alias}" (${old}) disagree: set only "${name}".`)
  return [raw, name]
}
