/**
 * The options of `pdd-sync run`: its help text, its parser, and the checks of every value, done before anything
 * runs (not when the executor first needs a value).
 */
import { parseArgs } from 'node:util'
import { inRange, optionalWhole, PLAN_OPTIONS, UsageError, wholeInRange } from './options.js'
import { RANGES } from '../settings/ranges.js'
import { unitList } from '../plan/matrix.js'
import type { SyncSettings } from '../settings/run-inputs.js'
import { writableFileProblem } from '../settings/paths.js'
import { commandProblem, commandWords } from '../settings/command-words.js'

/** Help text of `pdd-sync run`. */
export const RUN_USAGE = `Usage: pdd-sync run [options]

Plans, then runs the real 'pdd --force sync <basename>' for every group with work, each in its own git worktree,
within one budget; commits what synced to a local bot branch and writes the run record to the local notes
(refs/notes/pdd-sync), so a later run does not pay again for what this one synced, wherever it is merged.
Planning options as for 'pdd-sync plan' (but --no-force: the run always passes --force), and:
  --budget DOLLARS            budget of this run (default 5)
  --daily-budget DOLLARS      cap of all recorded runs per UTC day (run records in the notes)
  --monthly-budget DOLLARS    cap of all recorded runs per UTC month
  --push [REMOTE]             also push the bot branch and the notes to REMOTE (default origin)
  --concurrency N             groups synced at once (default 2)
  --budget-policy fit|ordered fit: skip a group that does not fit and go on with smaller ones; ordered: stop at it
  --timeout-minutes-per-group N  time limit of one group's sync (default 30; old name --timeout-minutes-per-unit)
  --max-attempts N            pdd sync --max-attempts (default 3)
  --strength S, --temperature T  pdd --strength / --temperature
  --pdd-command CMD           the pdd executable: a file path taken whole, a JSON array, else words split on
                              spaces; never a shell (default: pdd)
  --cloud                     use PDD Cloud (PDD_JWT_TOKEN) instead of --local
  --agentic-fallback          let PDD run agent CLIs when fix/crash/verify fail (spend outside the budget)
  --max-run-minutes N         stop starting groups (and cut running ones) in time to finish within N minutes
  --keep-partial              commit what a failed unit left, marked as partial (default: discard it)
  --branch NAME               local bot branch (default pdd-sync/<current branch>)
  --result FILE               write the RunResult JSON to FILE
  --logs DIR                  keep each run's logs (every group's full pdd output, a failed group's crash logs
                              and debug snapshot; redacted) in DIR/pdd-sync-logs-<run>/ (default: the git dir's
                              pdd-sync/logs folder); the newest 20 run folders there stay, older ones are removed
  --withhold-env NAMES        comma-separated variable names or globs never passed to pdd, and redacted from
                              everything printed, written or committed (GitHub and Actions credentials always are)
  --json                      print the RunResult JSON instead of a table
Fan-out (one leg of 'pdd-sync plan --shards N'; then 'pdd-sync finalize'):
  --shard K                   run as shard K: sync only --units (ids, comma- or newline-separated), write no run
                              record and no bot branch, and leave the commits and partial result in
                              refs/pdd-sync/runs/<run key>/shard-K (pushed to the --push remote, if any)
  --run-key KEY               the run the shards belong to (default: local)
  --base-sha SHA              the plan's baseSha: refuse to run when HEAD is elsewhere`

const RUN_OPTIONS = {
  ...PLAN_OPTIONS,
  budget: { type: 'string' },
  concurrency: { type: 'string' },
  'budget-policy': { type: 'string' },
  'timeout-minutes-per-group': { type: 'string' },
  'timeout-minutes-per-unit': { type: 'string' },
  'max-attempts': { type: 'string' },
  strength: { type: 'string' },
  temperature: { type: 'string' },
  'pdd-command': { type: 'string' },
  cloud: { type: 'boolean' },
  'agentic-fallback': { type: 'boolean' },
  'keep-partial': { type: 'boolean' },
  'max-run-minutes': { type: 'string' },
  branch: { type: 'string' },
  result: { type: 'string' },
  logs: { type: 'string' },
  'daily-budget': { type: 'string' },
  'monthly-budget': { type: 'string' },
  push: { type: 'string' },
  'withhold-env': { type: 'string' },
  shard: { type: 'string' },
  'run-key': { type: 'string' },
  'base-sha': { type: 'string' }
} as const

/** Parsed values of `pdd-sync run`. */
export type RunValues = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof RUN_OPTIONS; strict: true }>
>['values']

/** Parses the arguments of `pdd-sync run` (`--push` alone means `--push origin`). */
export function parseRunArgs(args: string[]): RunValues {
  return parseArgs({ args: withPushRemote(args), options: RUN_OPTIONS, strict: true }).values
}

/** What the run options ask for, every value checked. */
export interface RunRequest {
  /** The budget asked for, before the caps. */
  requested: number
  caps: { daily?: number; monthly?: number }
  settings: Omit<SyncSettings, 'budget'>
  command: string[]
  withhold: string[]
  /** `--logs DIR`. */
  logs?: string
}

/** Checks every value of `pdd-sync run` that is not a planning option. */
export function runRequestOf(values: RunValues): RunRequest {
  const policy = values['budget-policy'] ?? 'fit'
  if (policy !== 'fit' && policy !== 'ordered')
    throw new UsageError(`--budget-policy must be fit or ordered; got "${policy}".`)
  const requested = inRange('--budget', values.budget, RANGES.budget) ?? 5
  const caps = {
    daily: inRange('--daily-budget', values['daily-budget'], RANGES.budget),
    monthly: inRange('--monthly-budget', values['monthly-budget'], RANGES.budget)
  }
  const settings: Omit<SyncSettings, 'budget'> = {
    concurrency: wholeInRange('--concurrency', values.concurrency, RANGES.concurrency) ?? 2,
    budgetPolicy: policy,
    timeoutMinutes:
      inRange('--timeout-minutes-per-group', values['timeout-minutes-per-group'], RANGES.timeoutMinutes) ??
      inRange('--timeout-minutes-per-unit', values['timeout-minutes-per-unit'], RANGES.timeoutMinutes) ??
      30,
    maxAttempts: wholeInRange('--max-attempts', values['max-attempts'], RANGES.maxAttempts) ?? 3,
    pddCloud: values.cloud ?? false,
    strength: inRange('--strength', values.strength, RANGES.strength),
    temperature: inRange('--temperature', values.temperature, RANGES.temperature),
    agenticFallback: values['agentic-fallback'] ?? false,
    keepPartial: values['keep-partial'] ?? false,
    maxRunMinutes: inRange('--max-run-minutes', values['max-run-minutes'], RANGES.maxRunMinutes)
  }
  const given = values['pdd-command'] ?? 'pdd'
  const commandWhy = commandProblem(given)
  if (commandWhy !== null) throw new UsageError(`--pdd-command ${JSON.stringify(given)} ${commandWhy}.`)
  const command = commandWords(given)
  const problem = values.result === undefined ? null : writableFileProblem(values.result)
  if (problem !== null) throw new UsageError(`--result ${values.result} cannot be written: ${problem}.`)
  const withhold = withholdList(values['withhold-env'])
  if (values['no-force'])
    throw new UsageError(
      "--no-force is a 'pdd-sync plan' option: 'run' always runs 'pdd --force sync' (without --force a " +
        'non-interactive overwrite prompt aborts), so it plans as that decides.'
    )
  return { requested, caps, settings, command, withhold, ...(values.logs ? { logs: values.logs } : {}) }
}

/** `--shard K --units … --run-key KEY --base-sha SHA`. */
export interface CliShard {
  shard: number
  units: string[]
  runKey: string
  baseSha?: string
}

/** The fan-out options of `pdd-sync run`, checked; undefined without `--shard`. */
export function shardOf(v: {
  shard?: string
  units?: string
  'run-key'?: string
  'base-sha'?: string
}): CliShard | undefined {
  if (v.shard === undefined) {
    if (v['run-key'] !== undefined || v['base-sha'] !== undefined)
      throw new UsageError('--run-key and --base-sha go with --shard K.')
    return undefined
  }
  const shard = optionalWhole('--shard', v.shard, 0, 255) ?? 0
  const units = unitList(v.units ?? '')
  if (units.length === 0) throw new UsageError('--shard K needs --units (the ids of its matrix leg).')
  return { shard, units, runKey: runKeyOf(v['run-key']), baseSha: shaOf('--base-sha', v['base-sha']) }
}

/** `--withhold-env`: names or globs; a value that is not one is refused without being echoed. */
function withholdList(raw: string | undefined): string[] {
  const names = (raw ?? '')
    .split(/[\n,]/)
    .map(n => n.trim())
    .filter(Boolean)
  const bad = names.findIndex(n => !/^[A-Za-z_*?][A-Za-z0-9_*?-]*$/.test(n))
  if (bad !== -1)
    throw new UsageError(
      `--withhold-env must list variable names or globs (e.g. DEPLOY_KEY,AWS_*); entry ${bad + 1} is not one.`
    )
  return names
}

/** `--push` alone (last, or before another option) means `--push origin`: parseArgs has no optional values. */
export function withPushRemote(args: string[]): string[] {
  return args.flatMap((a, i) => {
    const next = args[i + 1]
    return a === '--push' && (next === undefined || next.startsWith('-')) ? ['--push=origin'] : [a]
  })
}

/** `--run-key`: a name a ref can hold (default `local`). */
export function runKeyOf(raw: string | undefined): string {
  const key = raw ?? 'local'
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}$/.test(key))
    throw new UsageError(`--run-key must be letters, digits, ".", "_" or "-"; got "${key}".`)
  return key
}

/** A full commit id option, or undefined. */
export function shaOf(name: string, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  if (!/^([0-9a-f]{40}|[0-9a-f]{64})$/.test(raw)) throw new UsageError(`${name} must be a full commit id.`)
  return raw
}
