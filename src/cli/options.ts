import path from 'node:path'
import type { PlanOptions } from '../plan/plan.js'
import { directoryProblem } from '../settings/paths.js'
import { projectRootProblem } from '../settings/project-root.js'
import { RANGES, type Range } from '../settings/ranges.js'
import {
  notesRefProblem,
  parseDecimal,
  remoteNameProblem,
  revisionProblem,
  splitGlobList
} from '../settings/validate.js'

/** A bad command line: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Options `plan` and `run` share (node:util parseArgs form). */
export const PLAN_OPTIONS = {
  repo: { type: 'string' },
  json: { type: 'boolean' },
  context: { type: 'string' },
  'no-force': { type: 'boolean' },
  'skip-tests': { type: 'boolean' },
  'skip-verify': { type: 'boolean' },
  'target-coverage': { type: 'string' },
  trigger: { type: 'string' },
  before: { type: 'string' },
  after: { type: 'string' },
  units: { type: 'string' },
  'notes-ref': { type: 'string' },
  'no-notes': { type: 'boolean' },
  remote: { type: 'string' },
  'no-fetch': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

/** Parsed values of {@link PLAN_OPTIONS}. */
export interface PlanValues {
  repo?: string
  context?: string
  'no-force'?: boolean
  'skip-tests'?: boolean
  'skip-verify'?: boolean
  'target-coverage'?: string
  trigger?: string
  before?: string
  after?: string
  units?: string
  'notes-ref'?: string
  'no-notes'?: boolean
  remote?: string
  'no-fetch'?: boolean
}

/** A number option in a range, or undefined when absent; a bad value is a {@link UsageError} naming it. */
export function optionalNumber(
  name: string,
  raw: string | undefined,
  min: number,
  max: number
): number | undefined {
  if (raw === undefined) return undefined
  const n = parseDecimal(raw)
  if (n === null || n < min || n > max) {
    throw new UsageError(
      `${name} must be a decimal number from ${min} to ${max} (no hex, exponent or Infinity); got "${raw}".`
    )
  }
  return n
}

/** {@link optionalNumber} for a count (`--concurrency`, `--max-attempts`, `--shards`, `--shard`): a whole number. */
export function optionalWhole(
  name: string,
  raw: string | undefined,
  min: number,
  max: number
): number | undefined {
  const n = optionalNumber(name, raw, min, max)
  if (n !== undefined && !Number.isInteger(n))
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`)
  return n
}

/** {@link optionalNumber} within one of the ranges the action's inputs share (settings/ranges.ts). */
export function inRange(name: string, raw: string | undefined, r: Range): number | undefined {
  return optionalNumber(name, raw, r.min, r.max)
}

/** {@link optionalWhole} within one of the shared ranges. */
export function wholeInRange(name: string, raw: string | undefined, r: Range): number | undefined {
  return optionalWhole(name, raw, r.min, r.max)
}

/** `raw` unless `problem(raw)` names why it is refused: then a {@link UsageError} naming the option. */
export function checked(
  name: string,
  raw: string | undefined,
  problem: (v: string) => string | null
): string | undefined {
  if (raw === undefined) return undefined
  const why = problem(raw)
  if (why !== null) throw new UsageError(`${name} "${raw}" ${why}.`)
  return raw
}

/** The triggers `--trigger` takes: what decides the scope (`push`: the changed units; the others: every unit). */
const TRIGGERS = ['push', 'workflow_dispatch', 'schedule']

function triggerProblem(v: string): string | null {
  return TRIGGERS.includes(v) ? null : `is not one of ${TRIGGERS.join(', ')}`
}

/** The planning options a command line asks for. */
export function planOptionsFrom(values: PlanValues): PlanOptions {
  const repoRoot = path.resolve(values.repo ?? '.')
  const problem = directoryProblem(repoRoot)
  if (problem !== null)
    throw new UsageError(`--repo must be a readable folder of a git repository: ${problem}.`)
  const notRoot = projectRootProblem(repoRoot, r => `Pass --repo ${path.relative(process.cwd(), r) || '.'}`)
  if (notRoot !== null) throw new UsageError(`--repo "${values.repo ?? '.'}" ${notRoot}.`)
  return {
    repoRoot,
    env: process.env,
    context: values.context,
    force: !values['no-force'],
    skipTests: values['skip-tests'] ?? false,
    skipVerify: values['skip-verify'] ?? false,
    targetCoverage: inRange('--target-coverage', values['target-coverage'], RANGES.targetCoverage),
    scope: {
      trigger: checked('--trigger', values.trigger, triggerProblem) ?? 'schedule',
      before: checked('--before', values.before, revisionProblem),
      after: checked('--after', values.after, revisionProblem),
      units: values.units === undefined ? undefined : splitGlobList(values.units)
    },
    notesRef: values['no-notes']
      ? null
      : (checked('--notes-ref', values['notes-ref'], notesRefProblem) ?? 'refs/notes/pdd-sync'),
    remote: values['no-fetch'] ? null : (checked('--remote', values.remote, remoteNameProblem) ?? 'origin')
  }
}

/**
 * A remote the command line names (`--remote`, `--push`) must be one of the repository's, checked before anything
 * is planned or paid for: a typo was read as "no remote notes" by planning, and `--push` failed only after the
 * sync had been paid for, with exit code 0.
 */
export async function checkNamedRemote(
  git: { hasRemote(name: string): Promise<boolean> },
  option: string,
  name: string | undefined
): Promise<void> {
  if (name === undefined) return
  const why = remoteNameProblem(name)
  if (why !== null) throw new UsageError(`${option} "${name}" ${why}.`)
  if (!(await git.hasRemote(name)))
    throw new UsageError(
      `${option} "${name}" is not a remote of this repository (\`git remote -v\` lists them).`
    )
}

/**
 * The notes ref a run records into must be absent or a commit, checked before anything is paid: pointed at a blob
 * or a tree, planning ignored it with a warning, the run paid, and then recording failed (exit 1, no result).
 */
export async function checkNotesRef(
  git: { refExists(ref: string): Promise<boolean>; commitOf(rev: string): Promise<string | null> },
  ref: string | null
): Promise<void> {
  if (ref === null || !(await git.refExists(ref)) || (await git.commitOf(ref)) !== null) return
  throw new UsageError(
    `${ref} here is not a notes commit, so the run could not record what it pays for. Delete it ` +
      `(git update-ref -d ${ref}) or pass another --notes-ref.`
  )
}
