import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as core from '@actions/core'

/** Modes of the action (design.md "Modes"). */
export type Mode = 'plan' | 'run' | 'shard' | 'finalize'

/** The action's settings, read once from its inputs and the event. Frozen. */
export interface ActionSettings {
  /** What to do: only `plan` is implemented in this version. */
  mode: Mode
  /** The PDD project directory, absolute. */
  repoRoot: string
  /** Event that started the workflow (`push`, `workflow_dispatch`, `schedule`, …). */
  trigger: string
  /** `push` only: the commits before and after the push. */
  before?: string
  after?: string
  /** Unit globs (workflow_dispatch); empty = all. */
  units: string[]
  /** `.pddrc` context forced for every unit, or undefined to detect. */
  context?: string
  /** Decide as `pdd --force sync` (always what the action runs). */
  force: boolean
  skipTests: boolean
  skipVerify: boolean
  targetCoverage?: number
  /** Job budget in dollars. */
  budget: number
  /** Most shards in the `matrix` output. */
  maxShards: number
  /** Notes ref with run records. */
  notesRef: string
}

/** Inputs this version reads; with {@link NOT_YET_IMPLEMENTED}, every input declared in action.yml. */
export const IMPLEMENTED_INPUTS = [
  'mode',
  'working-directory',
  'units',
  'context',
  'force',
  'skip-tests',
  'skip-verify',
  'target-coverage',
  'budget',
  'max-shards',
  'notes-ref'
] as const

/** Inputs of later steps that are not implemented yet: setting one fails loudly instead of being ignored. */
export const NOT_YET_IMPLEMENTED = [
  'budget-policy',
  'concurrency',
  'strength',
  'temperature',
  'max-attempts',
  'pdd-version',
  'pdd-command',
  'python-version',
  'pdd-cloud',
  'timeout-minutes-per-unit',
  'keep-partial',
  'shard',
  'branch',
  'base',
  'state-store',
  'push-token',
  'title',
  'labels',
  'draft-on-failure',
  'delete-branch',
  'overwrite-human-commits',
  'allow-workflow-changes',
  'fail-on',
  'dry-run',
  'agentic-fallback'
] as const

/** A bad input: names the input, the value and the expected form. */
export class InputError extends Error {}

function numberInput(name: string, fallback: number, min: number, max: number): number {
  const raw = core.getInput(name)
  if (raw === '') return fallback
  const n = Number(raw)
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new InputError(`Input "${name}" must be a number from ${min} to ${max}; got "${raw}".`)
  }
  return n
}

function boolInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim().toLowerCase()
  if (raw === '') return fallback
  if (['true', 'yes', 'on', '1'].includes(raw)) return true
  if (['false', 'no', 'off', '0'].includes(raw)) return false
  throw new InputError(`Input "${name}" must be true or false; got "${raw}".`)
}

function pushCommits(eventName: string): { before?: string; after?: string } {
  const file = process.env.GITHUB_EVENT_PATH
  if (eventName !== 'push' || !file) return {}
  try {
    const ev = JSON.parse(readFileSync(file, 'utf8')) as { before?: unknown; after?: unknown }
    return {
      before: typeof ev.before === 'string' ? ev.before : undefined,
      after: typeof ev.after === 'string' ? ev.after : undefined
    }
  } catch (e) {
    throw new InputError(`Could not read the event payload ${file}: ${(e as Error).message}`)
  }
}

/** Reads and checks every input; the only place that reads inputs. */
export function readSettings(): ActionSettings {
  const mode = (core.getInput('mode') || 'run') as Mode
  if (!['plan', 'run', 'shard', 'finalize'].includes(mode)) {
    throw new InputError(`Input "mode" must be one of plan, run, shard, finalize; got "${mode}".`)
  }
  for (const name of NOT_YET_IMPLEMENTED) {
    if (core.getInput(name) !== '') {
      throw new InputError(
        `Input "${name}" is not implemented yet in this version of pdd-sync-action; remove it.`
      )
    }
  }
  const trigger = process.env.GITHUB_EVENT_NAME ?? 'workflow_dispatch'
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const context = core.getInput('context').trim()
  const tc = core.getInput('target-coverage')
  return Object.freeze({
    mode,
    repoRoot: path.resolve(workspace, core.getInput('working-directory') || '.'),
    trigger,
    ...pushCommits(trigger),
    units: core
      .getInput('units')
      .split(/[\n,]/)
      .map(s => s.trim())
      .filter(Boolean),
    context: context === '' ? undefined : context,
    force: boolInput('force', true),
    skipTests: boolInput('skip-tests', false),
    skipVerify: boolInput('skip-verify', false),
    targetCoverage: tc === '' ? undefined : numberInput('target-coverage', 90, 0, 100),
    budget: numberInput('budget', 5, 0, 1_000_000),
    maxShards: Math.floor(numberInput('max-shards', 8, 1, 256)),
    notesRef: validRef(core.getInput('notes-ref') || 'refs/notes/pdd-sync')
  })
}

function validRef(ref: string): string {
  if (!/^refs\/notes\/[A-Za-z0-9._/-]+$/.test(ref) || ref.includes('..') || ref.endsWith('/')) {
    throw new InputError(
      `Input "notes-ref" must be a ref under refs/notes/ (e.g. refs/notes/pdd-sync); got "${ref}".`
    )
  }
  return ref
}
